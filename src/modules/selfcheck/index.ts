/**
 * The Vereins-Check (issue 14): the report's checklist of professionalisation
 * (6.2) as a self-assessment an association fills in for itself, alone or
 * with an adviser; its result across the areas, kept with its date so that
 * the next check shows what moved; next steps from the centre's offers for
 * every open item; the staff's aggregate over all organisations.
 * Other modules use it only through this file.
 */
import { lazy, type MosaikModule } from '../module.js';
import { mergeSelfchecks } from './organisation-merge.js';
import { selfcheckPersonalData } from './personal-data.js';
import './tables.js';

/** The items of an organisation's latest check still "not yet" or "in progress", with area and note (for the needs log). */
export { openItemsOf, type OpenItem } from './queries.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['selfcheck_area', 'selfcheck_item', 'selfcheck_item_version', 'selfcheck', 'selfcheck_answer'] as const;

export const module: MosaikModule = {
  name: 'selfcheck',
  routes: [
    lazy(() => import('./routes.js'), 'selfcheckRoutes'),
    lazy(() => import('./routes-history.js'), 'selfcheckHistoryRoutes'),
    lazy(() => import('./routes-staff.js'), 'selfcheckStaffRoutes'),
  ],
  personalData: selfcheckPersonalData,
  mergeOrganisations: mergeSelfchecks,
  eraseOrganisation: async (trx, organisationId) => {
    // the notes are free text about the association; the answers stay as figures without them
    await trx.updateTable('selfcheck_answer').set({ note: null }).where('organisation_id', '=', organisationId).execute();
  },
  navigation: [
    { href: '/selfcheck', label: 'selfcheck.nav', roles: ['admin', 'staff', 'representative'] },
    { href: '/selfcheck/overview', label: 'selfcheck.navOverview', roles: ['coordinator', 'funder'] },
  ],
  loadDemo: async (db, { today }) => (await import('./demo.js')).loadSelfcheckDemo(db, today),
};
