import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { randomToken } from '../identity/index.js';
import { columnsOf, type ImportKind } from './schemas.js';

/**
 * Files on their way in through the web interface: an upload is kept between
 * the preview and the confirmation (at most a day), and each kind has a
 * template a staff member can open in Excel and fill in.
 */

/** Larger lists are split or imported with `mosaik import` on the server. */
export const uploadSizeLimit = 20 * 1024 * 1024;
/** An upload nobody confirmed is forgotten after this long (it may hold names of people). */
const uploadLifetimeMs = 24 * 3600 * 1000;

export interface StoredUpload {
  id: string;
  kind: string;
  fileName: string;
  bytes: Uint8Array;
  accountId: number | null;
}

/** Keeps a file until it is confirmed or discarded; returns the id for its preview address. */
export async function storeUpload(db: Kysely<Database>, upload: Omit<StoredUpload, 'id'>): Promise<string> {
  // Stale uploads are cleared as new ones arrive; no separate job needed.
  await db.deleteFrom('import_upload').where(createdAt, '<', expiryCutoff()).execute();
  const id = randomToken();
  await db
    .insertInto('import_upload')
    .values({ id, kind: upload.kind, file_name: upload.fileName, content: upload.bytes, account_id: upload.accountId })
    .execute();
  return id;
}

/** The upload, unless it is unknown or older than a day. */
export async function findUpload(db: Kysely<Database>, id: string): Promise<StoredUpload | undefined> {
  const row = await db
    .selectFrom('import_upload')
    .select(['id', 'kind', 'file_name', 'content', 'account_id'])
    .where('id', '=', id)
    .where(createdAt, '>=', expiryCutoff())
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, kind: row.kind, fileName: row.file_name, bytes: new Uint8Array(row.content), accountId: row.account_id };
}

export async function deleteUpload(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('import_upload').where('id', '=', id).execute();
}

const expiryCutoff = () => new Date(Date.now() - uploadLifetimeMs);
// A plain reference: the table type's Generated<Timestamp> does not compare with a Date.
const createdAt = sql<Date>`created_at`;

export interface ImportRunSummary {
  id: number;
  kind: string;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  newOrganisations: number;
  at: Date;
  /** Display name or e-mail address of who imported it; null for the command line. */
  by: string | null;
}

/** The latest imports, newest first, for the history table. */
export async function latestImportRuns(db: Kysely<Database>, limit = 20): Promise<ImportRunSummary[]> {
  const rows = await runQuery(db).orderBy('import_run.id', 'desc').limit(limit).execute();
  return rows.map(toSummary);
}

export async function findImportRun(db: Kysely<Database>, id: number): Promise<ImportRunSummary | undefined> {
  const row = await runQuery(db).where('import_run.id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

function runQuery(db: Kysely<Database>) {
  return db
    .selectFrom('import_run')
    .leftJoin('account', 'account.id', 'import_run.account_id')
    .select([
      'import_run.id',
      'import_run.kind',
      'import_run.file_name',
      'import_run.rows',
      'import_run.created',
      'import_run.updated',
      'import_run.unchanged',
      'import_run.new_organisations',
      sql<Date>`import_run.created_at`.as('created_at'),
      'account.display_name',
      'account.email',
    ]);
}

type RunRow = Awaited<ReturnType<ReturnType<typeof runQuery>['executeTakeFirstOrThrow']>>;

function toSummary(row: RunRow): ImportRunSummary {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    rows: row.rows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    newOrganisations: row.new_organisations,
    at: new Date(row.created_at),
    by: row.display_name || row.email || null,
  };
}

/*
 * Templates: the header row and one example row, semicolon-separated with a
 * UTF-8 byte order mark, which is what German Excel opens correctly with a
 * double click. Columns come from the schemas, so a template never drifts.
 */
const exampleRows: Record<ImportKind, Record<string, string>> = {
  organizations: {
    org_key: 'org-001',
    name: 'Deutsch-Türkischer Kulturverein Gießen e.V.',
    aliases: 'DTKV Gießen',
    legal_form: 'ev_gemeinnuetzig',
    founded_year: '1998',
    orientation: 'community',
    municipality: 'Gießen',
    district: 'Landkreis Gießen',
    postcode: '35390',
    fields: 'culture|education',
    email: 'info@dtkv-giessen.example',
    website: 'https://dtkv-giessen.example',
    phone: '0641 123456',
  },
  events: {
    event_key: 'ev-2024-03-15',
    title: 'Regionales Netzwerktreffen Mittelhessen',
    format: 'regional_network_meeting',
    start_date: '15.03.2024',
    organizer: 'centre',
    municipality: 'Gießen',
    district: 'Landkreis Gießen',
    capacity: '40',
    per_org_limit: '3',
  },
  participants: {
    event_key: 'ev-2024-03-15',
    organization: 'Deutsch-Türkischer Kulturverein Gießen e.V.',
    person: 'Ayşe Yılmaz',
    email: 'ayse.yilmaz@example.org',
  },
  feedback: {
    event_key: 'ev-2024-03-15',
    response_key: 'bogen-001',
    q1: '1',
    q2: '2',
    q3: '1',
    q4: '2',
    comment_more: 'Gern wieder.',
    comment_improve: 'Mehr Zeit für den Austausch.',
    language: 'de',
  },
  consultations: {
    date: '02.04.2024',
    organization: 'Deutsch-Türkischer Kulturverein Gießen e.V.',
    channel: 'phone',
    topic: 'Antragstellung',
    duration_minutes: '30',
  },
  grants: {
    year: '2024',
    organization: 'Deutsch-Türkischer Kulturverein Gießen e.V.',
    application_type: 'new',
    status: 'approved',
    approved_on: '15.05.2024',
    summary: 'Sommerfest der Kulturen',
    amount_eur: '2500',
    duration_months: '6',
  },
};

export function templateCsv(kind: ImportKind): Buffer {
  const columns = columnsOf(kind);
  const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [columns.join(';'), columns.map((column) => quote(exampleRows[kind][column] ?? '')).join(';')];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
