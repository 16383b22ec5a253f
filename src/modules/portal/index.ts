/**
 * What other modules may use of the portal module (docs/architecture.md):
 * they import this file and no other of this folder.
 */
import type { MosaikModule } from '../module.js';
import { portalPersonalData } from './personal-data.js';
import { loadPortalDemo } from './demo.js';
import { publicPageRoutes } from './routes-public.js';
import { staffPageRoutes } from './routes-staff.js';
import { feedRoutes } from './routes-feeds.js';
import { newsRoutes } from './routes-news.js';
import { barrierRoutes } from './routes-barriers.js';
import { portalSitemap } from './sitemap.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['portal_page_version', 'portal_news_post', 'portal_news_text', 'portal_barrier_report'] as const;

/** The centre's public portal: its pages in six languages, sitemap.xml and the feeds. */
export const module: MosaikModule = {
  name: 'portal',
  routes: [publicPageRoutes, staffPageRoutes, newsRoutes, feedRoutes, barrierRoutes],
  personalData: portalPersonalData,
  navigation: [
    { href: '/admin/pages', label: 'portal.nav.pages', roles: ['admin', 'staff'] },
    { href: '/admin/news', label: 'portal.nav.news', roles: ['admin', 'staff'] },
    { href: '/admin/barriers', label: 'portal.nav.barriers', roles: ['admin', 'staff'] },
  ],
  publicNavigation: [
    { href: '/angebote', label: 'portal.nav.offers', place: 'header', order: 10 },
    { href: '/calendar', label: 'nav.calendar', place: 'header', order: 20 },
    { href: '/aktuelles', label: 'portal.nav.news', place: 'header', order: 70 },
    { href: '/ueber-uns', label: 'portal.nav.about', place: 'header', order: 80 },
    { href: '/kontakt', label: 'portal.nav.contact', place: 'header', order: 90 },
    { href: '/impressum', label: 'portal.nav.imprint', place: 'footer', order: 10 },
    { href: '/datenschutz', label: 'portal.nav.privacy', place: 'footer', order: 20 },
    { href: '/barrierefreiheit', label: 'portal.nav.accessibility', place: 'footer', order: 30 },
  ],
  sitemap: portalSitemap,
  loadDemo: loadPortalDemo,
};

export { showPortalPage } from './routes-public.js';
