import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { directoryScopeOf } from '../organisations/index.js';

/**
 * Who may do what in the Wegweiser, in one table (issue 12):
 *
 * | what                                         | admin, staff | coordinator                 | representative | public |
 * |----------------------------------------------|--------------|-----------------------------|----------------|--------|
 * | search, read published confirmed entries     | yes          | yes                         | yes            | yes    |
 * | read every entry, its history, freshness     | yes          | yes                         | –              | –      |
 * | create, edit, mark checked, accept proposals | every entry  | entries serving their districts | –          | –      |
 * | edit the topic taxonomy                      | yes          | –                           | –              | –      |
 * | suggest a missing service                    | yes          | yes                         | yes            | –      |
 * | decide on suggestions                        | yes          | –                           | –              | –      |
 *
 * An entry serves a district when one of its service areas or locations lies
 * in it; a coordinator may create entries only for their own districts.
 */

export interface Actor {
  /** null: the system (demo, command line). */
  id: number | null;
  role: Role;
  email: string;
}

/** The districts an actor maintains; null: all (centre staff). */
export type WegweiserScope = { districts: string[] | null };

export const staffRoles: readonly Role[] = ['admin', 'staff'];
export const editorRoles: readonly Role[] = ['admin', 'staff', 'coordinator'];
export const suggesterRoles: readonly Role[] = ['admin', 'staff', 'coordinator', 'representative'];

export async function scopeOf(db: Kysely<Database>, actor: { id: number | null; role: Role }): Promise<WegweiserScope> {
  if (staffRoles.includes(actor.role)) return { districts: null };
  if (actor.role !== 'coordinator' || actor.id === null) return { districts: [] };
  return directoryScopeOf(db, { id: actor.id, role: actor.role });
}

/** May edit (and confirm, and accept proposals for) an entry serving these districts. */
export function mayEditService(scope: WegweiserScope, serviceDistricts: string[]): boolean {
  if (scope.districts === null) return true;
  return serviceDistricts.some((district) => scope.districts!.includes(district));
}

/** A coordinator may store only districts of their own (else the entry leaves their hands). */
export function districtsOutsideScope(scope: WegweiserScope, districts: string[]): string[] {
  if (scope.districts === null) return [];
  return districts.filter((district) => !scope.districts!.includes(district));
}

export const mayEditTaxonomy = (actor: { role: Role }) => staffRoles.includes(actor.role);
export const mayDecideSuggestions = (actor: { role: Role }) => staffRoles.includes(actor.role);
