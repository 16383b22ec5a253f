import type { ColumnType } from 'kysely';

// 110_mail_headers.sql: extra header lines of a mail (the rest of mail_outbox is in src/db/tables.ts)
declare module '../../db/tables.js' {
  interface MailOutboxTable {
    headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  }
}
