import type { Generated } from 'kysely';

/** A day as the database returns it (YYYY-MM-DD). */
type Day = string;

export interface PortraitTable {
  organisation_id: number;
  text: Generated<string>;
  photo: Buffer | null;
  photo_type: 'image/jpeg' | 'image/png' | 'image/webp' | null;
  photo_width: number | null;
  photo_height: number | null;
  photo_alt: string | null;
  released_at: Date | null;
  released_by: number | null;
  release_basis: 'representative' | 'paper_consent' | null;
  paper_consent_by: string | null;
  paper_consent_on: Day | null;
  withdrawn_at: Date | null;
  updated_at: Generated<Date>;
}

declare module '../../db/tables.js' {
  interface Database {
    portrait: PortraitTable;
  }
}
