import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { directoryScopeOf } from '../organisations/index.js';

/**
 * Who may do what with needs and concerns, in one table (issue 14):
 *
 * | what                                         | admin, staff | coordinator                  | funder                               | public |
 * |----------------------------------------------|--------------|------------------------------|--------------------------------------|--------|
 * | list and read entries                        | all          | of their districts (read)    | concerns forwarded to the ministry   | –      |
 * | organisation names of an entry               | yes          | yes (their districts)        | never: a count, "fewer than 5" below | never  |
 * | record, edit, move, merge, link to events    | yes          | –                            | –                                    | –      |
 * | Dialogtreffen: read agenda and minutes       | yes          | –                            | yes (without names)                  | –      |
 * | Dialogtreffen: create, agenda, minutes       | yes          | –                            | –                                    | –      |
 * | "Sie haben gesagt – wir haben getan"         | yes          | yes                          | yes                                  | entries staff chose, no names |
 *
 * An entry is of a district when its own district is, or the district of one
 * of the organisations that raised it. Why the funder sees no names:
 * docs/concerns.md, "Data protection".
 */

export const editorRoles: readonly Role[] = ['admin', 'staff'];
export const readerRoles: readonly Role[] = ['admin', 'staff', 'coordinator', 'funder'];
export const meetingReaders: readonly Role[] = ['admin', 'staff', 'funder'];

/** What one account may see of the log. */
export type ConcernScope =
  | { kind: 'all' }
  | { kind: 'districts'; districts: string[] }
  /** The ministry: forwarded concerns only, without organisations. */
  | { kind: 'funder' };

export async function scopeOf(db: Kysely<Database>, account: { id: number; role: Role }): Promise<ConcernScope> {
  if (editorRoles.includes(account.role)) return { kind: 'all' };
  if (account.role === 'funder') return { kind: 'funder' };
  if (account.role === 'coordinator') {
    const scope = await directoryScopeOf(db, account);
    return { kind: 'districts', districts: scope.districts ?? [] };
  }
  return { kind: 'districts', districts: [] };
}

/** The states in which a concern has reached the ministry (what the funder sees). */
export const addressedStates = ['forwarded', 'changed', 'declined'] as const;

export const seesNames = (scope: ConcernScope) => scope.kind !== 'funder';

/** Below this many organisations the count is shown as "fewer than 5" to anyone who sees no names. */
export const smallGroup = 5;
