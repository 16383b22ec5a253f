import type { ColumnType, Generated } from 'kysely';
import type { PersonRole } from '../people/index.js';

/* Row types of 033_accounts.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const claimStatuses = ['pending', 'confirmed', 'rejected'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export interface OrganisationClaimTable {
  id: Generated<number>;
  account_id: number;
  organisation_id: number | null;
  proposed_name: string | null;
  proposed_municipality: string | null;
  role: PersonRole;
  message: Generated<string>;
  status: Generated<ClaimStatus>;
  created_at: Timestamp; // has a default: Timestamp accepts undefined on insert
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

declare module '../../db/tables.js' {
  interface Database {
    organisation_claim: OrganisationClaimTable;
  }
}
