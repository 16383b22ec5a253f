import type { ColumnType, Generated } from 'kysely';

/* Row types of 120_materials.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type MaterialKind = 'file' | 'link';
export const fileFormats = ['pdf', 'slides', 'document', 'spreadsheet'] as const;
export type FileFormat = (typeof fileFormats)[number];

export interface MaterialTable {
  id: Generated<number>;
  kind: MaterialKind;
  title: string;
  description: Generated<string>;
  language: string;
  topic: string;
  event_formats: ColumnType<string[], string[] | undefined, string[]>;
  checklist_items: ColumnType<string[], string[] | undefined, string[]>;
  published: Generated<boolean>;
  link_url: string | null;
  link_checked_at: Timestamp | null;
  link_ok: boolean | null;
  link_problem: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MaterialVersionTable {
  material_id: number;
  version_number: number;
  file_name: string;
  media_type: string;
  format: FileFormat;
  byte_size: number;
  page_count: number | null;
  pdf_tagged: boolean | null;
  pdf_title: string | null;
  pdf_language: string | null;
  content: Buffer;
  note: Generated<string>;
  uploaded_at: Timestamp;
}

declare module '../../db/tables.js' {
  interface Database {
    material: MaterialTable;
    material_version: MaterialVersionTable;
  }
}
