import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { directoryScopeOf, inScope } from '../organisations/index.js';
import { representedOrganisations } from '../identity/index.js';

/**
 * Who may do what with a micro-project, in one table:
 *
 * | who                        | read                     | tick, receipts, documents | record, stage, rules |
 * |----------------------------|--------------------------|---------------------------|----------------------|
 * | admin, staff (the adviser) | every project            | yes                       | yes                  |
 * | coordinator                | projects in their districts | no                     | no                   |
 * | representative             | their organisations' projects | yes                  | no                   |
 *
 * A project outside what an account may read is "not found" (404), so its
 * existence is not revealed. Documents follow the project: private to the
 * organisation and the centre's advisers.
 */

export type Viewer =
  | { kind: 'staff'; accountId: number }
  | { kind: 'coordinator'; accountId: number; districts: string[] }
  | { kind: 'representative'; accountId: number; organisationIds: number[] };

export const projectRoles: readonly Role[] = ['admin', 'staff', 'coordinator', 'representative'];
export const keeperRoles: readonly Role[] = ['admin', 'staff', 'representative'];
export const staffRoles: readonly Role[] = ['admin', 'staff'];

export async function viewerOf(db: Kysely<Database>, account: { id: number; role: Role }): Promise<Viewer | null> {
  if (account.role === 'admin' || account.role === 'staff') return { kind: 'staff', accountId: account.id };
  if (account.role === 'coordinator') {
    const scope = await directoryScopeOf(db, account);
    return { kind: 'coordinator', accountId: account.id, districts: scope.districts ?? [] };
  }
  if (account.role === 'representative') {
    const organisations = await representedOrganisations(db, account.id);
    return { kind: 'representative', accountId: account.id, organisationIds: organisations.map((organisation) => organisation.id) };
  }
  return null;
}

export interface ScopedProject {
  organisationId: number;
  district: string | null;
}

export function mayRead(viewer: Viewer, project: ScopedProject): boolean {
  if (viewer.kind === 'staff') return true;
  if (viewer.kind === 'coordinator') return inScope({ districts: viewer.districts }, project.district);
  return viewer.organisationIds.includes(project.organisationId);
}

/** Tick tasks, keep receipts and the Sachbericht, upload documents: the association and its advisers. */
export const mayKeep = (viewer: Viewer, project: ScopedProject) => viewer.kind !== 'coordinator' && mayRead(viewer, project);

/** Change the record and its stage, keep the year's rules: centre staff. */
export const mayManage = (viewer: Viewer) => viewer.kind === 'staff';
