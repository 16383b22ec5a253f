import type { MosaikModule } from '../module.js';
import { loadPortraitsDemo } from './demo.js';
import { erasePortraitOfOrganisation, mergePortraits, portraitCatalogue } from './privacy.js';
import { releasedAssociations } from './queries.js';
import { editPortraitRoutes } from './routes-edit.js';
import { publicPortraitRoutes } from './routes-public.js';
import './tables.js';

/**
 * portraits: an association's public portrait (its profile's public facts, a
 * text, a photo and its approved micro-projects), released by its
 * representative or by staff on a paper consent and withdrawable at once;
 * the public list, each portrait's page, and the map of Hessen (issue 11).
 */

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['portrait'] as const;

export const module: MosaikModule = {
  name: 'portraits',
  routes: [publicPortraitRoutes, editPortraitRoutes],
  personalData: portraitCatalogue,
  mergeOrganisations: mergePortraits,
  eraseOrganisation: erasePortraitOfOrganisation,
  navigation: [
    { href: '/my/portraits', label: 'portraits.nav.my', roles: ['representative'] },
    { href: '/staff/portraits', label: 'portraits.nav.staff', roles: ['admin', 'staff'] },
  ],
  loadDemo: loadPortraitsDemo,
  publicNavigation: [{ href: '/map', label: 'portraits.nav.map', place: 'header', order: 40 }],
  sitemap: async (db) => [
    { path: '/portraits' },
    { path: '/map' },
    ...(await releasedAssociations(db)).map((association) => ({ path: `/portraits/${association.id}` })),
  ],
};
