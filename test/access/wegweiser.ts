import { centreStaff, type Access } from '../../src/http/access.js';

/**
 * The Wegweiser (src/modules/wegweiser/*-routes.tsx): the public directory,
 * the assurer's link (no account: the token is the key) and the HSDS API are
 * public; entries and freshness are maintained by staff and coordinators
 * (coordinators only entries serving their districts: 404 otherwise); the
 * topic list and the suggestion queue are centre staff only; any signed-in
 * association may suggest a missing service.
 */
const editors: Access = ['admin', 'staff', 'coordinator'];
const suggesters: Access = ['admin', 'staff', 'coordinator', 'representative'];

const get = (path: string, access: Access) => ({ [`GET ${path}`]: access, [`HEAD ${path}`]: access });

export const expectedAccess: Record<string, Access> = {
  ...get('/wegweiser', 'public'),
  ...get('/wegweiser/:id', 'public'),
  ...get('/wegweiser/:id/leichte-sprache', 'public'),
  ...get('/wegweiser/brochure', 'public'),
  ...get('/wegweiser/brochure.pdf', 'public'),
  ...get('/wegweiser/check/:token', 'public'),
  'POST /wegweiser/check/:token/confirm': 'public',
  'POST /wegweiser/check/:token/propose': 'public',
  ...get('/wegweiser/suggest', suggesters),
  'POST /wegweiser/suggest': suggesters,
  ...get('/wegweiser/manage', editors),
  ...get('/wegweiser/manage/new', editors),
  'POST /wegweiser/manage/new': editors,
  ...get('/wegweiser/manage/:id', editors),
  'POST /wegweiser/manage/:id': editors,
  'POST /wegweiser/manage/:id/checked': editors,
  ...get('/wegweiser/manage/freshness', editors),
  'POST /wegweiser/manage/proposals/:id': editors,
  ...get('/wegweiser/manage/topics', centreStaff),
  'POST /wegweiser/manage/topics': centreStaff,
  ...get('/wegweiser/manage/suggestions', centreStaff),
  'POST /wegweiser/manage/suggestions/:id': centreStaff,
  ...get('/api/hsds/', 'public'),
  ...get('/api/hsds/services', 'public'),
  ...get('/api/hsds/services/:id', 'public'),
  ...get('/api/hsds/organizations', 'public'),
  ...get('/api/hsds/organizations/:id', 'public'),
  ...get('/api/hsds/taxonomies', 'public'),
  ...get('/api/hsds/taxonomy_terms', 'public'),
  ...get('/api/hsds/service_at_locations', 'public'),
};
