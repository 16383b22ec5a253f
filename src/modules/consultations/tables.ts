import type { ColumnType, Generated } from 'kysely';

/* Row types of 034_consultations.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const requestStatuses = ['open', 'in_progress', 'done', 'declined'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export interface ConsultationRequestTable {
  id: Generated<number>;
  organisation_id: number;
  requested_by: number | null;
  requester_name: string;
  topics: string[];
  channel: 'phone' | 'in_person' | 'email' | 'video';
  preferred_times: string | null;
  message: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  language: Generated<string>;
  status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>;
  assigned_to: number | null;
  assigned_at: Timestamp | null;
  consultation_id: number | null;
  decline_note: string | null;
  closed_by: number | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../db/tables.js' {
  interface ConsultationTable {
    /** The topic keys (or imported free text); the first is always `topic`. Filled from `topic` by a trigger when left empty. */
    topics: ColumnType<string[], string[] | undefined, string[]>;
    /** migrations/210: the Wegweiser service the consultation referred the association to (a uuid), or null. */
    wegweiser_service_id: ColumnType<string | null, string | null | undefined, string | null>;
  }
  interface Database {
    consultation_request: ConsultationRequestTable;
  }
}
