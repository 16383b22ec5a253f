/**
 * The networking pinboard (Pinnwand; issue 14, report 6.3 and the annex's
 * wish for an "elektronische Pinnwand" and a state-wide Vereinsmesse): rooms
 * offered and wanted, know-how offered and wanted, partners sought for a
 * joint application, and who exhibits what at a fair. Posts are written by
 * representatives for their organisation, pre-moderated by staff, expire with
 * a reminder to renew, can be reported (three reports hide a post) and are
 * answered through relayed messages, so that no address is ever shown.
 */
import type { MosaikModule } from '../module.js';
import { loadPinboardDemo } from './demo.js';
import { runPinboardTimer } from './expiry.js';
import { pinboardPersonalData } from './personal-data.js';
import { authorRoutes } from './routes-author.js';
import { staffRoutes } from './routes-staff.js';
import { boardRoutes } from './routes.js';
import './tables.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['pinboard_setting', 'pinboard_post', 'pinboard_report', 'pinboard_conversation', 'pinboard_message'] as const;

export const module: MosaikModule = {
  name: 'pinboard',
  // the author's routes first: /pinboard/new and /pinboard/mine are their own pages, not post ids
  routes: [authorRoutes, boardRoutes, staffRoutes],
  personalData: pinboardPersonalData,
  // a merge moves the merged organisation's posts and the conversations it started to the survivor
  mergeOrganisations: async (trx, { survivorId, mergedId }) => {
    const posts = await trx.updateTable('pinboard_post').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
    const conversations = await trx.updateTable('pinboard_conversation').set({ reader_organisation_id: survivorId }).where('reader_organisation_id', '=', mergedId).executeTakeFirst();
    return {
      moved: { pinboard_post: Number(posts.numUpdatedRows), pinboard_conversation: Number(conversations.numUpdatedRows) },
      dropped: { pinboard_post: 0, pinboard_conversation: 0 },
    };
  },
  // an erased organisation's posts go (with their reports and conversations); conversations it started lose the reference
  eraseOrganisation: async (trx, organisationId) => {
    await trx.updateTable('pinboard_conversation').set({ reader_organisation_id: null }).where('reader_organisation_id', '=', organisationId).execute();
    await trx.deleteFrom('pinboard_post').where('organisation_id', '=', organisationId).execute();
  },
  navigation: [
    { href: '/pinboard', label: 'pinboard.nav', roles: ['representative', 'admin', 'staff'] },
    { href: '/staff/pinboard', label: 'pinboard.staffNav', roles: ['admin', 'staff'] },
  ],
  jobs: [{ name: 'pinboard', everyMinutes: 60, run: async (db, now) => void (await runPinboardTimer(db, now)) }],
  loadDemo: loadPinboardDemo,
};
