/**
 * The pool of experts and moderators, and the dialogue forums (issue 15,
 * report 6.4 and 7): external trainers, moderators, specialist advisers and
 * experts from the associations whom the centre works with or recommends,
 * each with a recorded consent; the staffing of a dialogue forum (an event of
 * the format dialogue_forum) from the pool, with availability; its outcomes;
 * and the pick list the consultations' referrals choose from. Other modules
 * use it through this file only.
 */
import { lazy, type MosaikModule } from '../module.js';
import { loadExpertsDemo } from './demo.js';
import { expertPersonalData } from './personal-data.js';
import './tables.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['expert', 'expert_event', 'expert_forum_outcome'] as const;

export const module: MosaikModule = {
  name: 'experts',
  // the forums first: /experts/forums is its own page, not an entry id
  routes: [lazy(() => import('./routes-forums.js'), 'forumRoutes'), lazy(() => import('./routes-pool.js'), 'poolRoutes')],
  personalData: expertPersonalData,
  // an association expert follows their association into the survivor
  mergeOrganisations: async (trx, { survivorId, mergedId }) => {
    const moved = await trx.updateTable('expert').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
    return { moved: { expert: Number(moved.numUpdatedRows) }, dropped: { expert: 0 } };
  },
  navigation: [{ href: '/experts', label: 'experts.nav', roles: ['admin', 'staff', 'coordinator'] }],
  loadDemo: loadExpertsDemo,
};
