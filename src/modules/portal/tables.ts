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

/** A news post (migrations/101_portal_news.sql); public from published_on on. */
export interface PortalNewsPostTable {
  id: Generated<number>;
  /** YYYY-MM-DD (Berlin), or null for a draft. */
  published_on: ColumnType<string | null, string | null | undefined, string | null>;
  author_account_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PortalNewsTextTable {
  post_id: number;
  language: string;
  title: string;
  summary: Generated<string>;
  body: string;
  updated_at: Timestamp;
}

/** A reported barrier (migrations/102_portal_barrier_reports.sql). */
export interface PortalBarrierReportTable {
  id: Generated<number>;
  received_at: Timestamp;
  page_address: Generated<string>;
  description: string;
  reporter_name: Generated<string>;
  reporter_email: Generated<string>;
  language: string;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  answered_by: number | null;
  answer_note: Generated<string>;
}

/** One Leichte Sprache explanation of the start page (migrations/103_portal_easy_read.sql). */
export interface PortalEasyReadTable {
  topic: string;
  title: string;
  body: string;
  checked_by: Generated<string>;
  checked_on: ColumnType<string | null, string | null | undefined, string | null>;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The DGS video of a Leichte Sprache explanation (migrations/104_portal_sign_language.sql). */
export interface PortalSignLanguageVideoTable {
  topic: string;
  media_type: 'video/mp4' | 'video/webm';
  bytes: Buffer;
  byte_size: number;
  // numeric: PostgreSQL hands it over as text
  duration_seconds: ColumnType<string, number | string, number | string>;
  duration_source: 'header' | 'staff';
  uploaded_at: Timestamp;
}

declare module '../../db/tables.js' {
  interface Database {
    portal_page_version: PortalPageVersionTable;
    portal_news_post: PortalNewsPostTable;
    portal_news_text: PortalNewsTextTable;
    portal_barrier_report: PortalBarrierReportTable;
    portal_easy_read: PortalEasyReadTable;
    portal_sign_language_video: PortalSignLanguageVideoTable;
  }
}
