import { centreStaff, type Access } from '../../src/http/access.js';

/** Routes of list imports (src/modules/imports): centre staff only, web and API. */
export const expectedAccess: Record<string, Access> = {
  'GET /imports': centreStaff,
  'HEAD /imports': centreStaff,
  'POST /imports': centreStaff,
  'GET /imports/templates/:kind.csv': centreStaff,
  'HEAD /imports/templates/:kind.csv': centreStaff,
  'GET /imports/:uploadId': centreStaff,
  'HEAD /imports/:uploadId': centreStaff,
  'GET /imports/:uploadId/rejected.csv': centreStaff,
  'HEAD /imports/:uploadId/rejected.csv': centreStaff,
  'POST /imports/:uploadId/confirm': centreStaff,
  'POST /imports/:uploadId/discard': centreStaff,
  'GET /imports/jobs/:jobId': centreStaff,
  'HEAD /imports/jobs/:jobId': centreStaff,
  'POST /api/v1/imports/:kind': centreStaff,
  'GET /api/v1/imports/jobs/:id': centreStaff,
  'HEAD /api/v1/imports/jobs/:id': centreStaff,
};
