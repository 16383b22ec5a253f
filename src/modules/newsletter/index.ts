import type { MosaikModule } from '../module.js';
import { readSettings } from '../../config.js';
import { resumeSending } from './commands/send.js';
import { newsletterCatalogue } from './personal-data.js';
import { mergePostalConsent } from './postal.js';
import { sitemapPaths } from './queries.js';
import { brochureRoutes } from './routes-brochure.js';
import { publicNewsletterRoutes } from './routes-public.js';
import { staffNewsletterRoutes } from './routes-staff.js';
import './tables.js';

/**
 * The newsletter (issue 11): sign-up with double opt-in, issues sent through
 * the mail outbox with one-click unsubscribe (RFC 8058), the public archive;
 * and the brochure's distribution list (postal-mail consent of organisations).
 */

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = [
  'newsletter_subscriber',
  'newsletter_confirmation',
  'newsletter_issue',
  'newsletter_issue_text',
  'newsletter_delivery',
  'newsletter_setting',
  'postal_mail_consent',
] as const;

export const module: MosaikModule = {
  name: 'newsletter',
  routes: [publicNewsletterRoutes, staffNewsletterRoutes, brochureRoutes],
  personalData: newsletterCatalogue,
  mergeOrganisations: mergePostalConsent,
  navigation: [{ href: '/newsletter/issues', label: 'newsletter.staffNav', roles: ['admin', 'staff'] }],
  publicNavigation: [{ href: '/newsletter', label: 'newsletter.nav', place: 'header', order: 60 }],
  sitemap: sitemapPaths,
  jobs: [
    {
      // an issue a stopped server left half-queued goes on where it stopped (idempotent: newsletter_delivery)
      name: 'newsletter.resume-sending',
      everyMinutes: 1,
      run: (db, now) => resumeSending(db, now, readSettings().baseUrl),
    },
  ],
};
