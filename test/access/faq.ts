import type { Access } from '../../src/http/access.js';

const centreStaff: Access = ['admin', 'staff'];

/** The FAQ (src/modules/faq): public questions, answers and "did this help?"; editing and the readers' questions for centre staff. */
export const expectedAccess: Record<string, Access> = {
  'GET /faq': 'public',
  'HEAD /faq': 'public',
  'GET /faq/:id': 'public',
  'HEAD /faq/:id': 'public',
  'POST /faq/:id/feedback': 'public',
  'GET /staff/faq': centreStaff,
  'HEAD /staff/faq': centreStaff,
  'GET /staff/faq/new': centreStaff,
  'HEAD /staff/faq/new': centreStaff,
  'POST /staff/faq': centreStaff,
  'GET /staff/faq/questions': centreStaff,
  'HEAD /staff/faq/questions': centreStaff,
  'POST /staff/faq/questions/:id/done': centreStaff,
  'GET /staff/faq/:id': centreStaff,
  'HEAD /staff/faq/:id': centreStaff,
  'POST /staff/faq/:id': centreStaff,
};
