/**
 * The Wegweiser (issue 12): a referral directory of services for newcomers
 * and associations in Hessen, kept current by a re-check cycle, modelled on
 * and served as Open Referral HSDS 3.0. Other modules use it only through
 * this file.
 */
import type { MosaikModule } from '../module.js';
import { wegweiserPersonalData } from './personal-data.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = [
  'wegweiser_organization', 'wegweiser_service', 'wegweiser_location', 'wegweiser_accessibility', 'wegweiser_service_at_location',
  'wegweiser_service_area', 'wegweiser_language', 'wegweiser_phone', 'wegweiser_contact', 'wegweiser_cost_option', 'wegweiser_schedule',
  'wegweiser_taxonomy', 'wegweiser_taxonomy_term', 'wegweiser_attribute', 'wegweiser_translation', 'wegweiser_metadata', 'wegweiser_check',
  'wegweiser_suggestion',
] as const;

export const module: MosaikModule = {
  name: 'wegweiser',
  routes: [
    async (app) => (await import('./public-routes.js')).wegweiserPublicRoutes(app),
    async (app) => (await import('./staff-routes.js')).wegweiserStaffRoutes(app),
    async (app) => (await import('./api-routes.js')).hsdsApi(app),
  ],
  personalData: wegweiserPersonalData,
  navigation: [{ href: '/wegweiser/manage', label: 'wegweiser.nav', roles: ['admin', 'staff', 'coordinator'] }],
  publicNavigation: [{ href: '/wegweiser', label: 'wegweiser.nav', place: 'header', order: 30 }],
  sitemap: async () => [{ path: '/wegweiser' }, { path: '/wegweiser/brochure' }],
  commands: {
    'export hsds': async (context) => (await import('./cli.js')).exportHsdsCommand(context),
    'import hsds': async (context) => (await import('./cli.js')).importHsdsCommand(context),
  },
  jobs: [{
    name: 'wegweiser re-check mails',
    everyMinutes: 60,
    run: async (db, now) => {
      const { readSettings } = await import('../../config.js');
      const { sendDueChecks } = await import('./commands/checks.js');
      await sendDueChecks(db, now, readSettings().baseUrl);
    },
  }],
  loadDemo: async (db, { today }) => (await import('./demo.js')).loadWegweiserDemo(db, today),
};
