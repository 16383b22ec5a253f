import type { Access } from '../../src/http/access.js';

/** Routes of the web foundation and staff sign-in (src/http, src/modules/identity). */
export const expectedAccess: Record<string, Access> = {
  'GET /health': 'public',
  'HEAD /health': 'public',
  'GET /': 'public',
  'HEAD /': 'public',
  'GET /sign-in': 'public',
  'HEAD /sign-in': 'public',
  'POST /sign-in': 'public',
  'POST /sign-out': 'signedIn',
  'POST /language': 'signedIn',
  'GET /forgot-password': 'public',
  'HEAD /forgot-password': 'public',
  'POST /forgot-password': 'public',
  'GET /set-password': 'public',
  'HEAD /set-password': 'public',
  'POST /set-password': 'public',
};
