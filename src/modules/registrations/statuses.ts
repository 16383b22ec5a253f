import { sql } from 'kysely';
import type { RegistrationStatus } from '../../db/tables.js';

/**
 * The one place that says which registration statuses mean what
 * (test/architecture.test.ts fails on a list written anywhere else).
 * The limits trigger of 010_registration.sql holds the seat list in SQL;
 * change both together.
 */

/** Every status, in the order the registration sheet filters them. */
export const registrationStatuses: RegistrationStatus[] = ['registered', 'waitlisted', 'promoted', 'cancelled', 'attended', 'no_show'];

/** Hold a seat: counted against the event's capacity and the per-organisation limit. */
export const seatHolding: RegistrationStatus[] = ['registered', 'promoted', 'attended'];

/** Hold a seat and are still expected: reminded before, marked absent after. */
export const expected: RegistrationStatus[] = ['registered', 'promoted'];

/** Still in the event (with a seat or on the waitlist): a second registration of the same person is refused. */
export const active: RegistrationStatus[] = ['registered', 'waitlisted', 'promoted', 'attended'];

/** May still be cancelled: not yet attended, absent or cancelled. */
export const cancellable: RegistrationStatus[] = ['registered', 'waitlisted', 'promoted'];

export const holdsSeat = (status: string) => (seatHolding as string[]).includes(status);
export const isExpected = (status: string) => (expected as string[]).includes(status);
export const isCancellable = (status: string) => (cancellable as string[]).includes(status);

/** The lists as SQL, for `r.status in ${seatHoldingSql}`: `('registered', 'promoted', 'attended')`. */
const asSql = (statuses: RegistrationStatus[]) => sql.raw(`(${statuses.map((status) => `'${status}'`).join(', ')})`);
export const seatHoldingSql = asSql(seatHolding);
export const expectedSql = asSql(expected);
export const activeSql = asSql(active);
