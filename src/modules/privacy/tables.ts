import type { ColumnType } from 'kysely';

/* Row types of 035_privacy.sql, added to the database's type by declaration merging. */

export interface RetentionRuleTable {
  kind: string;
  amount: number;
  unit: 'days' | 'months' | 'years';
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../db/tables.js' {
  interface Database {
    retention_rule: RetentionRuleTable;
  }
}
