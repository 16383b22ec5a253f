import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import type { FormError, FormInput, Parsed } from './form.js';
import { reportSections, type ReportSections } from './sachbericht.js';

/**
 * The Sachbericht as the association completed it (microproject_report).
 * Saving names the version it was edited from: if another save came first,
 * the second is refused as a conflict and the page keeps the typed text, so
 * nothing is lost and nothing is overwritten unseen.
 */

type Db = Kysely<Database>;

/** A section longer than this is surely pasted by mistake (the whole report is a few pages). */
export const longestSection = 8000;

export interface SavedReport {
  sections: ReportSections;
  version: number;
  savedAt: Date;
  savedBy: string | null;
}

export async function findReport(db: Db, projectId: number): Promise<SavedReport | null> {
  const row = await db
    .selectFrom('microproject_report as r')
    .leftJoin('account as a', 'a.id', 'r.saved_by_account_id')
    .select(['r.goals', 'r.activities', 'r.consultations', 'r.minijob', 'r.network', 'r.results', 'r.version', 'r.saved_at', 'a.display_name'])
    .where('r.project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return null;
  const { version, saved_at, display_name, ...sections } = row;
  return { sections, version, savedAt: saved_at, savedBy: display_name ?? null };
}

export interface ReportInput {
  sections: ReportSections;
  /** the version the text was edited from; 0 when none was saved yet */
  baseVersion: number;
}

/** The sections as typed (line ends made plain), to save or to show again. */
export function typedSections(input: FormInput): ReportSections {
  const typed = (key: keyof ReportSections) => (input[key] ?? '').replace(/\r\n/g, '\n').trim();
  return { goals: typed('goals'), activities: typed('activities'), consultations: typed('consultations'), minijob: typed('minijob'), network: typed('network'), results: typed('results') };
}

export const baseVersionOf = (input: FormInput) => (/^\d{1,9}$/.test(input.version ?? '') ? Number(input.version) : 0);

export function parseReportForm(input: FormInput): Parsed<ReportInput> {
  const sections = typedSections(input);
  const errors: FormError[] = reportSections
    .filter((key) => sections[key].length > longestSection)
    .map((key) => ({ field: key, code: 'tooLong', values: { max: longestSection } }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { sections, baseVersion: baseVersionOf(input) } };
}

export type SaveOutcome = { ok: true; version: number } | { ok: false; current: SavedReport };

export async function saveReport(db: Db, actorId: number, projectId: number, input: ReportInput): Promise<SaveOutcome> {
  const saved = await db.transaction().execute(async (trx) => {
    const row =
      input.baseVersion === 0
        ? await trx.insertInto('microproject_report').values({ project_id: projectId, ...input.sections, version: 1, saved_by_account_id: actorId })
            .onConflict((oc) => oc.column('project_id').doNothing()).returning('version').executeTakeFirst()
        : await trx.updateTable('microproject_report').set((eb) => ({ ...input.sections, version: eb('version', '+', 1), saved_at: new Date(), saved_by_account_id: actorId }))
            .where('project_id', '=', projectId).where('version', '=', input.baseVersion).returning('version').executeTakeFirst();
    if (row) await writeAudit(trx, { accountId: actorId, action: 'microproject.reportSaved', subjectType: 'microproject', subjectId: projectId, details: { version: row.version } });
    return row;
  });
  if (saved) return { ok: true, version: saved.version };
  const current = await findReport(db, projectId);
  // the base version was never saved (a made-up number): nothing to conflict with, so the first save
  if (!current) return saveReport(db, actorId, projectId, { ...input, baseVersion: 0 });
  return { ok: false, current };
}
