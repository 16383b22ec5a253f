import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One saved version of a portal page in one language (migrations/100_portal_pages.sql). */
export interface PortalPageVersionTable {
  id: Generated<number>;
  page_key: string;
  language: string;
  revision: number;
  title: string;
  description: Generated<string>;
  body: string;
  german_revision: number;
  minor: Generated<boolean>;
  author_account_id: number | null;
  created_at: Timestamp;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

declare module '../../db/tables.js' {
  interface Database {
    portal_page_version: PortalPageVersionTable;
  }
}
