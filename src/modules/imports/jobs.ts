import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { importFile, importRecords, type ImportKind, type ImportOutcome } from './index.js';

/**
 * Imports in the background (security finding 8: a 150,000-row dry run held
 * the request for 743 s). A job row (044_import_job.sql) records status,
 * progress and, when done, the outcome; the import itself is the same
 * all-or-nothing transaction as in the foreground. The rows are checked in a
 * worker (off-thread.ts) and written in chunks that give the event loop a
 * turn (context.ts), so the server keeps answering meanwhile.
 *
 * Jobs run in the process that started them. A job still "running" in the
 * table but not in this process was cut off by a restart; its transaction
 * was rolled back, so nothing of it is stored, and it is shown as failed.
 */

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: number;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  uploadId: string | null;
  accountId: number | null;
  status: JobStatus;
  /** 0 to 100. */
  progress: number;
  /** When done: what the import did (or would do). */
  outcome: ImportOutcome | null;
  /** When failed: why, German and English. */
  failure: { de: string; en: string } | null;
}

export type JobInput = { bytes: Uint8Array } | { records: Record<string, string | number | null | undefined>[] };

/** Jobs this process is running, with their progress (kept here: the table is busy in the import's transaction). */
const running = new Map<number, number>();

export async function startImportJob(
  db: Kysely<Database>,
  job: { kind: ImportKind; fileName: string; dryRun: boolean; accountId: number | null; uploadId?: string | null; input: JobInput },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into import_job (kind, file_name, dry_run, upload_id, account_id)
    values (${job.kind}, ${job.fileName}, ${job.dryRun}, ${job.uploadId ?? null}, ${job.accountId})
    returning id`.execute(db);
  const id = rows[0]!.id;
  running.set(id, 0);
  // after the answer to this request has gone out
  setImmediate(() => void runJob(db, id, job));
  return id;
}

async function runJob(db: Kysely<Database>, id: number, job: Parameters<typeof startImportJob>[1]): Promise<void> {
  try {
    await setStatus(db, id, 'running', 5, null);
    running.set(id, 5);
    const options = { dryRun: job.dryRun, accountId: job.accountId, onProgress: (progress: number) => void running.set(id, progress) };
    const outcome =
      'bytes' in job.input
        ? await importFile(db, job.kind, { name: job.fileName, bytes: job.input.bytes }, options)
        : await importRecords(db, job.kind, job.input.records, { ...options, fileName: job.fileName });
    await setStatus(db, id, 'done', 100, outcome);
  } catch (error) {
    console.error(`import job ${id} failed`, error);
    await setStatus(db, id, 'failed', 100, null).catch(() => undefined);
  } finally {
    running.delete(id);
  }
}

async function setStatus(db: Kysely<Database>, id: number, status: JobStatus, progress: number, outcome: ImportOutcome | null) {
  await sql`
    update import_job set status = ${status}, progress = ${progress}, outcome = ${outcome === null ? null : JSON.stringify(outcome)}::jsonb, updated_at = now()
    where id = ${id}`.execute(db);
}

interface JobRow {
  id: number;
  kind: ImportKind;
  file_name: string;
  dry_run: boolean;
  upload_id: string | null;
  account_id: number | null;
  status: JobStatus;
  progress: number;
  outcome: ImportOutcome | string | null;
}

const interrupted = {
  de: 'Der Import wurde unterbrochen (der Server wurde neu gestartet); es wurde nichts gespeichert. Starten Sie ihn noch einmal.',
  en: 'The import was interrupted (the server restarted); nothing was stored. Start it again.',
};
const crashed = {
  de: 'Der Import ist mit einem Fehler abgebrochen; es wurde nichts gespeichert. Versuchen Sie es noch einmal oder wenden Sie sich an die Administration.',
  en: 'The import stopped with an error; nothing was stored. Try again or contact the administrators.',
};

export async function findImportJob(db: Kysely<Database>, id: number): Promise<ImportJob | undefined> {
  const { rows } = await sql<JobRow>`
    select id, kind, file_name, dry_run, upload_id, account_id, status, progress, outcome from import_job where id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const here = running.get(row.id);
  const cutOff = (row.status === 'running' || row.status === 'queued') && here === undefined;
  const status: JobStatus = cutOff ? 'failed' : row.status;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    dryRun: row.dry_run,
    uploadId: row.upload_id,
    accountId: row.account_id,
    status,
    progress: here ?? row.progress,
    outcome: typeof row.outcome === 'string' ? (JSON.parse(row.outcome) as ImportOutcome) : row.outcome,
    failure: cutOff ? interrupted : status === 'failed' ? crashed : null,
  };
}

/** Resolves when the job has finished (for tests and the command line). */
export async function jobFinished(db: Kysely<Database>, id: number): Promise<ImportJob> {
  for (;;) {
    const job = await findImportJob(db, id);
    if (!job) throw new Error(`no import job ${id}`);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
