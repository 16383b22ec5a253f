import type { Access } from '../../src/http/access.js';

const editors: Access = ['admin', 'staff'];

/** The portal (src/modules/portal): public pages, and the staff pages that write them. */
export const expectedAccess: Record<string, Access> = {
  ...Object.fromEntries(
    ['/angebote', '/ueber-uns', '/kontakt', '/impressum', '/datenschutz', '/barrierefreiheit'].flatMap((path) => [
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
};
