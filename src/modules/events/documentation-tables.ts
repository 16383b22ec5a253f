import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** An event's documentation (migrations/193_event_documentation.sql); public once published. */
export interface EventDocumentationTable {
  event_id: number;
  programme: Generated<string>;
  talks: Generated<string>;
  results: Generated<string>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
}

/** A photo of a workshop's pinboard, with its text alternative. */
export interface EventDocumentationPhotoTable {
  id: Generated<number>;
  event_id: number;
  caption: string;
  media_type: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: Buffer;
  byte_size: number;
  width: number;
  height: number;
  /** A smaller copy of the same type for the documentation page (migrations/220); null for photos uploaded before. */
  thumbnail: Buffer | null;
  thumbnail_width: number | null;
  thumbnail_height: number | null;
  uploaded_at: Timestamp;
}

/** A handout of the library offered for download on the documentation. */
export interface EventDocumentationDownloadTable {
  event_id: number;
  material_id: number;
}

declare module '../../db/tables.js' {
  interface Database {
    event_documentation: EventDocumentationTable;
    event_documentation_photo: EventDocumentationPhotoTable;
    event_documentation_download: EventDocumentationDownloadTable;
  }
}
