import type { ColumnType } from 'kysely';

/* Row types of 036_audit_evaluation.sql, added to the database's type by declaration merging. */

export interface InstallationSecretTable {
  name: string;
  value: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../db/tables.js' {
  interface Database {
    installation_secret: InstallationSecretTable;
  }
}
