import type { ColumnType, Generated } from 'kysely';

/* Row types of 030_people.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar day, 'YYYY-MM-DD'. */
type Day = string;

export const personRoles = ['board', 'member', 'project_lead', 'contact'] as const;
export type PersonRole = (typeof personRoles)[number];
export const consentPurposes = ['contact', 'newsletter', 'directory', 'portrait', 'photos', 'evaluation'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentSources = ['form', 'paper', 'staff'] as const;
export type ConsentSource = (typeof consentSources)[number];
export const personLanguages = ['de', 'en', 'tr', 'ar', 'ru', 'uk'] as const;
export type PersonLanguage = (typeof personLanguages)[number];

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  email: string | null;
  phone: string | null;
  preferred_language: ColumnType<PersonLanguage, PersonLanguage | undefined, PersonLanguage>;
  source: ColumnType<'staff' | 'representative' | 'invitation' | 'import', 'staff' | 'representative' | 'invitation' | 'import' | undefined>;
  notes: string | null;
  account_id: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  last_activity_at: Generated<Timestamp>;
  erased_at: Timestamp | null;
}

export interface PersonRoleTable {
  person_id: number;
  organisation_id: number;
  role: PersonRole;
  since: Day | null;
  until: Day | null;
  created_at: Generated<Timestamp>;
}

export interface ConsentWordingTable {
  purpose: ConsentPurpose;
  version: string;
  text_de: string;
  text_en: string;
  valid_from: Day;
}

export interface ConsentTable {
  id: Generated<number>;
  person_id: number;
  purpose: ConsentPurpose;
  wording_version: string;
  given_on: Day;
  source: ConsentSource;
  recorded_by: number | null;
  withdrawn_on: Day | null;
  withdrawal_source: ConsentSource | null;
  created_at: Generated<Timestamp>;
}

declare module '../../db/tables.js' {
  interface Database {
    person: PersonTable;
    person_role: PersonRoleTable;
    consent_wording: ConsentWordingTable;
    consent: ConsentTable;
  }
}
