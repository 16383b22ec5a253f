import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { representedOrganisations } from '../identity/index.js';

/**
 * Who may do what on the pinboard, in one table:
 *
 * | who              | read published | read pending/rejected/hidden | post, edit, renew, match | report, write to a post | moderate, settings |
 * |------------------|----------------|------------------------------|--------------------------|--------------------------|--------------------|
 * | admin, staff     | yes            | every post                   | no (they moderate)       | report                   | yes                |
 * | representative   | yes            | their organisations' posts   | for their organisations  | yes (not their own post) | no                 |
 *
 * The pinboard is between associations: coordinators, the funder and the
 * evaluator do not see it (a post names an organisation and what it needs).
 * A post outside what an account may read is "not found" (404).
 */

export const boardRoles: readonly Role[] = ['admin', 'staff', 'representative'];
export const authorRoles: readonly Role[] = ['representative'];
export const moderatorRoles: readonly Role[] = ['admin', 'staff'];

export type Viewer =
  | { kind: 'staff'; accountId: number }
  | { kind: 'representative'; accountId: number; organisations: { id: number; name: string }[] };

export async function viewerOf(db: Kysely<Database>, account: { id: number; role: Role }): Promise<Viewer | null> {
  if (account.role === 'admin' || account.role === 'staff') return { kind: 'staff', accountId: account.id };
  if (account.role === 'representative') return { kind: 'representative', accountId: account.id, organisations: await representedOrganisations(db, account.id) };
  return null;
}

interface ScopedPost {
  organisation_id: number;
  state: string;
}

export const isOwn = (viewer: Viewer, post: ScopedPost) => viewer.kind === 'representative' && viewer.organisations.some((organisation) => organisation.id === post.organisation_id);

export function mayRead(viewer: Viewer, post: ScopedPost): boolean {
  if (viewer.kind === 'staff') return true;
  return post.state === 'published' || isOwn(viewer, post);
}

/** Edit, renew, mark as matched, withdraw: the organisation's representatives, while the post is not withdrawn. */
export const mayEdit = (viewer: Viewer, post: ScopedPost) => isOwn(viewer, post) && post.state !== 'withdrawn';

/** Write to the author: a representative of another organisation, on a published post. */
export const mayContact = (viewer: Viewer, post: ScopedPost) => viewer.kind === 'representative' && post.state === 'published' && !isOwn(viewer, post);

/** Report: anyone who sees a published post that is not their own. */
export const mayReport = (viewer: Viewer, post: ScopedPost) => post.state === 'published' && !isOwn(viewer, post);

export const mayModerate = (viewer: Viewer) => viewer.kind === 'staff';
