/**
 * Needs and concerns (Bedarfe und Anliegen, issue 14, report 3.2, 5.1–5.4
 * and 7, the "Mittlerrolle"): a log of what associations say they need
 * (feeding the next offers, linked to the events that took it up) and what
 * they want the ministry to change (forwarded, answered, changed or
 * declined, with its history), the Dialogtreffen whose agenda is drawn from
 * the open concerns and whose minutes move them, the funder's read-only
 * view, and the public page "Sie haben gesagt – wir haben getan".
 * Other modules use it through this file only (recordNeed and
 * recordNeedInTransaction for the evaluator's observations and the
 * Vereins-Check, entriesOfSourceNotes for what the Vereins-Check already
 * carried, openEntryCounts for the reflection meetings' agenda).
 */
import { sql } from 'kysely';
import { lazy, type MosaikModule } from '../module.js';
import { loadConcernsDemo } from './demo.js';
import { concernsPersonalData } from './personal-data.js';
import { concernRoutes } from './routes.js';
import { editRoutes } from './routes-edit.js';
import { meetingRoutes } from './routes-meetings.js';
import { publicConcernRoutes } from './routes-public.js';
import { sourceRoutes } from './routes-sources.js';
import './tables.js';

export { recordNeed, recordNeedInTransaction, EntryProblems } from './commands/record.js';
export { entriesOfSourceNotes, openEntryCounts, type OpenEntryCount } from './queries.js';
export type { EntryInputDraft } from './input.js';
export { concernTopics, isConcernTopic, type ConcernTopic } from './vocabulary.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['concern_meeting', 'concern_entry', 'concern_source', 'concern_entry_organisation', 'concern_entry_event', 'concern_state_change', 'concern_agenda_item'] as const;

export const module: MosaikModule = {
  name: 'concerns',
  routes: [editRoutes, concernRoutes, sourceRoutes, meetingRoutes, publicConcernRoutes, lazy(() => import('./api.js'), 'concernsApi')],
  personalData: concernsPersonalData,
  // the survivor raised what the merged one raised; a row both had is kept once
  mergeOrganisations: async (trx, { survivorId, mergedId }) => {
    const moved = await sql`insert into concern_entry_organisation (entry_id, organisation_id)
      select entry_id, ${survivorId} from concern_entry_organisation where organisation_id = ${mergedId} on conflict do nothing`.execute(trx);
    const removed = await trx.deleteFrom('concern_entry_organisation').where('organisation_id', '=', mergedId).executeTakeFirst();
    const movedCount = Number(moved.numAffectedRows ?? 0);
    return { moved: { concern_entry_organisation: movedCount }, dropped: { concern_entry_organisation: Number(removed.numDeletedRows) - movedCount } };
  },
  navigation: [{ href: '/concerns', label: 'concerns.nav', roles: ['admin', 'staff', 'coordinator', 'funder'] }],
  publicNavigation: [{ href: '/sie-haben-gesagt', label: 'concerns.publicNav', place: 'header', order: 60 }],
  sitemap: async (db) => {
    const row = await db.selectFrom('concern_entry').select(sql<string | null>`to_char(max(updated_at), 'YYYY-MM-DD')`.as('day')).where('is_public', '=', true).where('merged_into', 'is', null).executeTakeFirst();
    return [{ path: '/sie-haben-gesagt', lastModified: row?.day ?? undefined }];
  },
  loadDemo: (db, { today }) => loadConcernsDemo(db, today),
};
