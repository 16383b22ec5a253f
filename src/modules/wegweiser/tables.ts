import type { ColumnType, Generated } from 'kysely';

/* Row types of migrations/140_wegweiser.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string | undefined, string>;
type Id = ColumnType<string, string | undefined, string>;

export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

export interface WegweiserOrganizationTable {
  id: Id;
  name: string;
  alternate_name: string | null;
  description: ColumnType<string, string | undefined, string>;
  email: string | null;
  website: string | null;
  last_modified: Timestamp;
}

export interface WegweiserServiceTable {
  id: Id;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: ColumnType<string, string | undefined, string>;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  application_process: string | null;
  fees_description: string | null;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  assurer_name: string | null;
  assurer_email: string | null;
  assured_date: DateColumn | null;
  recheck_months: ColumnType<number, number | undefined, number>;
  easy_read_summary: string | null;
  easy_read_checked_by: number | null;
  easy_read_checked_at: Timestamp | null;
  search_text: ColumnType<string, string | undefined, string>;
  last_modified: Timestamp;
}

export interface WegweiserLocationTable {
  id: Id;
  organization_id: string | null;
  name: string | null;
  description: string | null;
  transportation: string | null;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
  district: string | null;
  latitude: number | null;
  longitude: number | null;
  last_modified: Timestamp;
}

export interface WegweiserAccessibilityTable { id: Id; location_id: string; description: string | null; details: string | null; url: string | null }
export interface WegweiserServiceAtLocationTable {
  id: Id;
  service_id: string;
  location_id: string;
  description: string | null;
  /** migrations/211: the location's place in the entry's list (0 first). */
  position: ColumnType<number, number | undefined, number>;
}
export interface WegweiserServiceAreaTable { id: Id; service_id: string; name: string; description: string | null }
export interface WegweiserLanguageTable { id: Id; service_id: string; code: string; name: string | null; note: string | null }
export interface WegweiserPhoneTable {
  id: Id;
  service_id: string | null;
  location_id: string | null;
  organization_id: string | null;
  number: string;
  extension: number | null;
  type: string | null;
  description: string | null;
}
export interface WegweiserContactTable {
  id: Id;
  service_id: string | null;
  organization_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}
export interface WegweiserCostOptionTable { id: Id; service_id: string; option: string | null; amount: number | null; currency: string | null; amount_description: string | null }
export interface WegweiserScheduleTable {
  id: Id;
  service_id: string | null;
  location_id: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
}
export interface WegweiserTaxonomyTable { id: Id; name: string; description: string; uri: string | null; version: string | null }
export interface WegweiserTaxonomyTermTable {
  id: Id;
  taxonomy_id: string;
  code: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  parent_id: string | null;
  position: ColumnType<number, number | undefined, number>;
}
export interface WegweiserAttributeTable {
  id: Id;
  link_id: string;
  link_entity: 'service' | 'organization' | 'location';
  link_type: string | null;
  taxonomy_term_id: string;
  value: string | null;
}
export interface WegweiserTranslationTable { entity: string; entity_id: string; field: string; language: string; value: string }
export interface WegweiserMetadataTable {
  id: Id;
  resource_id: string;
  resource_type: string;
  last_action_date: Timestamp;
  last_action_type: string;
  field_name: string;
  previous_value: ColumnType<string, string | undefined, string>;
  replacement_value: ColumnType<string, string | undefined, string>;
  updated_by: string;
  account_id: number | null;
}
export interface WegweiserCheckTable {
  id: Generated<number>;
  service_id: string;
  assurer_email: string;
  token_hash: string;
  sent_at: Timestamp;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
  answer: 'confirmed' | 'proposed' | null;
  proposal: ColumnType<unknown, string | null | undefined, string | null> | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  review: 'accepted' | 'rejected' | null;
}
export interface WegweiserSuggestionTable {
  id: Generated<number>;
  account_id: number | null;
  name: string;
  description: string;
  district: string | null;
  contact: string | null;
  status: ColumnType<'open' | 'added' | 'declined', 'open' | 'added' | 'declined' | undefined, 'open' | 'added' | 'declined'>;
  created_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  /** migrations/212: the entry made from the suggestion, and why staff declined one (shown to the association). */
  service_id: string | null;
  decision_note: string | null;
}

declare module '../../db/tables.js' {
  interface Database {
    wegweiser_organization: WegweiserOrganizationTable;
    wegweiser_service: WegweiserServiceTable;
    wegweiser_location: WegweiserLocationTable;
    wegweiser_accessibility: WegweiserAccessibilityTable;
    wegweiser_service_at_location: WegweiserServiceAtLocationTable;
    wegweiser_service_area: WegweiserServiceAreaTable;
    wegweiser_language: WegweiserLanguageTable;
    wegweiser_phone: WegweiserPhoneTable;
    wegweiser_contact: WegweiserContactTable;
    wegweiser_cost_option: WegweiserCostOptionTable;
    wegweiser_schedule: WegweiserScheduleTable;
    wegweiser_taxonomy: WegweiserTaxonomyTable;
    wegweiser_taxonomy_term: WegweiserTaxonomyTermTable;
    wegweiser_attribute: WegweiserAttributeTable;
    wegweiser_translation: WegweiserTranslationTable;
    wegweiser_metadata: WegweiserMetadataTable;
    wegweiser_check: WegweiserCheckTable;
    wegweiser_suggestion: WegweiserSuggestionTable;
  }
}
