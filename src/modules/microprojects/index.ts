/**
 * Micro-projects (issue 13): the WIR micro-projects from the association's
 * side, from the idea to the proof of use. A project belongs to an
 * organisation and links the funder's list row (grants module: grant_application),
 * never copies it. Each stage brings its checklist with due dates computed
 * from the project's dates and the year's rules (kept by staff as data), the
 * receipts with the money checks, the proof of use as PDF and XLSX, and
 * reminders by mail. Other modules use it through this file only.
 */
import type { MosaikModule } from '../module.js';
import { loadMicroprojectDemo } from './demo.js';
import { microprojectPersonalData } from './personal-data.js';
import { sendReminders } from './reminders.js';
import { projectRoutes } from './routes.js';
import { keepingRoutes } from './routes-keeping.js';
import { recordRoutes } from './routes-record.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = [
  'microproject_year_rule', 'microproject', 'microproject_contact', 'microproject_task_done', 'microproject_reminder', 'microproject_receipt', 'microproject_document',
] as const;

export const module: MosaikModule = {
  name: 'microprojects',
  routes: [recordRoutes, projectRoutes, keepingRoutes],
  personalData: microprojectPersonalData,
  // a merge moves the survivor's projects; the linked grant rows are moved by the grants module
  mergeOrganisations: async (trx, { survivorId, mergedId }) => {
    const moved = await trx.updateTable('microproject').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
    return { microproject: Number(moved.numUpdatedRows) };
  },
  navigation: [{ href: '/microprojects', label: 'microprojects.nav', roles: ['admin', 'staff', 'coordinator', 'representative'] }],
  jobs: [{ name: 'reminders', everyMinutes: 60, run: async (db, now) => void (await sendReminders(db, now)) }],
  loadDemo: loadMicroprojectDemo,
};
