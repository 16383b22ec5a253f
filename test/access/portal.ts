import type { Access } from '../../src/http/access.js';

const editors: Access = ['admin', 'staff'];

/** The portal (src/modules/portal): public pages, and the staff pages that write them. */
export const expectedAccess: Record<string, Access> = {
  ...Object.fromEntries(
    ['/angebote', '/ueber-uns', '/kontakt', '/impressum', '/datenschutz', '/barrierefreiheit', '/aktuelles', '/aktuelles/:id', '/sitemap.xml', '/feeds/news.atom', '/feeds/events.atom'].flatMap((path) => [
      [`GET ${path}`, 'public'],
      [`HEAD ${path}`, 'public'],
    ]),
  ),
  'GET /admin/pages': editors,
  'HEAD /admin/pages': editors,
  'GET /admin/pages/:page/:language': editors,
  'HEAD /admin/pages/:page/:language': editors,
  'POST /admin/pages/:page/:language': editors,
  'GET /admin/pages/:page/:language/preview': editors,
  'HEAD /admin/pages/:page/:language/preview': editors,
  'POST /admin/pages/:page/:language/publish': editors,
  'POST /barrierefreiheit/barriere-melden': 'public',
  'GET /admin/barriers': editors,
  'HEAD /admin/barriers': editors,
  'POST /admin/barriers/:id/answered': editors,
  'GET /admin/leichte-sprache': editors,
  'HEAD /admin/leichte-sprache': editors,
  'GET /admin/leichte-sprache/:topic': editors,
  'HEAD /admin/leichte-sprache/:topic': editors,
  'POST /admin/leichte-sprache/:topic': editors,
  // the DGS video of each Leichte Sprache explanation: staff upload it, everyone plays it
  'POST /admin/leichte-sprache/:topic/video': editors,
  'POST /admin/leichte-sprache/:topic/video/delete': editors,
  'GET /leichte-sprache/:topic/video': 'public',
  'HEAD /leichte-sprache/:topic/video': 'public',
  'GET /admin/news': editors,
  'HEAD /admin/news': editors,
  'GET /admin/news/new': editors,
  'HEAD /admin/news/new': editors,
  'POST /admin/news/new': editors,
  'GET /admin/news/:id/:language': editors,
  'HEAD /admin/news/:id/:language': editors,
  'POST /admin/news/:id/:language': editors,
};
