import type { Role } from '../../db/tables.js';

/**
 * Who may do what in the portal. Visitors read published pages without an
 * account; the centre's staff write and publish them (coordinators, funders
 * and associations see only what the public sees).
 */
export const pageEditors: Role[] = ['admin', 'staff'];

export const mayEditPages = (role: Role | undefined) => role !== undefined && pageEditors.includes(role);
