import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { directoryScopeOf, inScope } from '../organisations/index.js';

/**
 * Who may do what with the pool and the dialogue forums, in one table:
 *
 * | who          | read the pool                                   | keep the pool (entries, consent) | staff a forum, record its outcomes |
 * |--------------|--------------------------------------------------|----------------------------------|------------------------------------|
 * | admin, staff | every entry                                      | yes                              | every forum                        |
 * | coordinator  | entries working in their districts or all Hessen | no                               | forums in their districts          |
 *
 * An entry or forum outside what an account may read is "not found" (404),
 * so its existence is not revealed. Entries whose consent was withdrawn are
 * in no list and no proposal; only centre staff still open them (to erase).
 */

export type Viewer = { kind: 'staff'; accountId: number } | { kind: 'coordinator'; accountId: number; districts: string[] };

export const poolReaders: readonly Role[] = ['admin', 'staff', 'coordinator'];
export const poolKeepers: readonly Role[] = ['admin', 'staff'];

export async function viewerOf(db: Kysely<Database>, account: { id: number; role: Role }): Promise<Viewer | null> {
  if (account.role === 'admin' || account.role === 'staff') return { kind: 'staff', accountId: account.id };
  if (account.role === 'coordinator') {
    const scope = await directoryScopeOf(db, account);
    return { kind: 'coordinator', accountId: account.id, districts: scope.districts ?? [] };
  }
  return null;
}

/** The districts a viewer is held to (null: all). */
export const districtsOf = (viewer: Viewer): string[] | null => (viewer.kind === 'staff' ? null : viewer.districts);

export function mayReadExpert(viewer: Viewer, expert: { districts: string[]; consent_withdrawn_on: string | null }): boolean {
  if (viewer.kind === 'staff') return true;
  if (expert.consent_withdrawn_on !== null) return false;
  return expert.districts.length === 0 || expert.districts.some((district) => viewer.districts.includes(district));
}

export const mayKeepPool = (viewer: Viewer) => viewer.kind === 'staff';

/** A forum (an event of the format dialogue_forum) in the viewer's districts. */
export const mayStaffForum = (viewer: Viewer, forum: { district: string | null }) => inScope({ districts: districtsOf(viewer) }, forum.district);
