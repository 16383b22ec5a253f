import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { HttpProblem } from '../../http/errors.js';
import { directoryScopeOf, inScope, type DirectoryScope } from '../organisations/index.js';

/**
 * Who may do what with an event, in one place (docs/decisions.md, "Events
 * for coordinators"). Centre staff: every event. A municipal coordinator
 * (account_scope rows with a district):
 *  - reads the events of their districts; any other event is "not found",
 *    so its existence is not revealed (as in the organisation directory);
 *  - creates partner events in their districts, and edits, cancels and runs
 *    the registrations and check-in of the partner events of their districts;
 *  - reads, but does not change, the centre's events of their districts:
 *    only centre events count in the impact report, and staff must be able
 *    to trust those figures as their own.
 */

export type EventScope = DirectoryScope;
export type ScopedEvent = { district: string | null; organizer: 'centre' | 'partner' };
interface Account {
  id: number;
  role: Role;
}

/** Every event for centre staff; the coordinator's districts otherwise (none: no events). */
export const eventScopeOf = (db: Kysely<Database>, account: Account): Promise<EventScope> => directoryScopeOf(db, account);

export const mayRead = (scope: EventScope, event: ScopedEvent) => inScope(scope, event.district);

/** Edit, cancel, registrations and check-in. */
export const mayEdit = (scope: EventScope, event: ScopedEvent) => scope.districts === null || (inScope(scope, event.district) && event.organizer === 'partner');

/** Create (and duplicate): centre staff, and coordinators with at least one district. */
export const mayCreate = (scope: EventScope) => scope.districts === null || scope.districts.length > 0;

/** The organisers an account may give an event: coordinators run partner events only. */
export const organizersFor = (scope: EventScope): ('centre' | 'partner')[] => (scope.districts === null ? ['centre', 'partner'] : ['partner']);

/** 404 for an event the account may not read. */
export function assertReadable(scope: EventScope, event: ScopedEvent | undefined): asserts event is ScopedEvent {
  if (!event || !mayRead(scope, event)) throw new HttpProblem(404, 'notFound');
}

/** 404 outside the account's districts; 403 for a centre event that a coordinator may read but not change. */
export function assertEditable(scope: EventScope, event: ScopedEvent | undefined): asserts event is ScopedEvent {
  assertReadable(scope, event);
  if (!mayEdit(scope, event)) throw new HttpProblem(403, 'forbidden');
}

/**
 * What a coordinator may not store: a district outside theirs (or none: the
 * event would vanish from their own list), or the centre as organiser.
 * Error codes of events.errors; nothing for centre staff.
 */
export function scopeProblems(scope: EventScope, fields: { district: string | null; organizer: string | undefined }): { field: 'district' | 'organizer'; code: string }[] {
  if (scope.districts === null) return [];
  const problems: { field: 'district' | 'organizer'; code: string }[] = [];
  if (!inScope(scope, fields.district)) problems.push({ field: 'district', code: fields.district === null ? 'districtRequired' : 'districtOutsideScope' });
  if (fields.organizer !== 'partner') problems.push({ field: 'organizer', code: 'organizerPartnerOnly' });
  return problems;
}
