import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { RegistrationError } from './errors.js';
import { queueCancellationMail } from './mails.js';
import { changeStatus, findGroupByTokenHash, lockEvent, type Actor } from './queries.js';
import { hashToken, mailEvent, promoteWaitlisted } from './registration.js';
import { isCancellable } from './statuses.js';

/**
 * Cancelling frees seats and, in the same transaction, promotes the next in
 * line (promoteWaitlisted), so a seat is never left empty while someone waits.
 */

type Db = Kysely<Database>;


/** What the manage link shows: the group, its event and persons; undefined for an unknown token. */
export async function findRegistrationByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return undefined;
  return findGroupByTokenHash(db, hashToken(token));
}

/**
 * Cancels persons of the group the manage token belongs to (all of them when
 * no ids are given). Ids outside the group are refused.
 */
export async function cancelByToken(db: Db, token: string, registrationIds?: number[]): Promise<{ cancelled: number[]; promoted: number[] }> {
  const group = await findRegistrationByToken(db, token);
  if (!group) throw new RegistrationError('tokenUnknown', null);
  const ids = registrationIds ?? group.persons.map((person) => person.id);
  if (ids.some((id) => !group.persons.some((person) => person.id === id))) throw new RegistrationError('registrationNotFound', null);
  return cancelRegistrations(db, group.event_id, ids, { accountId: null, reason: 'cancelled with the manage link' });
}

/** Staff cancel one registration (a phone call, an e-mail); the reason is kept in the history. */
export async function cancelByStaff(db: Db, registrationId: number, actor: { accountId: number; reason: string }) {
  const registration = await db.selectFrom('registration').select('event_id').where('id', '=', registrationId).executeTakeFirst();
  if (!registration) throw new RegistrationError('registrationNotFound', null);
  return cancelRegistrations(db, registration.event_id, [registrationId], { accountId: actor.accountId, reason: actor.reason || 'cancelled by staff' });
}

async function cancelRegistrations(db: Db, eventId: number, ids: number[], actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) throw new RegistrationError('eventNotFound', null);
    // read under the lock: a concurrent cancellation of the same person counts once
    const rows = await trx
      .selectFrom('registration')
      .innerJoin('registration_group', 'registration_group.id', 'registration.group_id')
      .select(['registration.id', 'registration.status', 'registration.person_name', 'registration_group.contact_email', 'registration_group.language'])
      .where('registration.event_id', '=', eventId)
      .where('registration.id', 'in', ids.length > 0 ? ids : [0])
      .orderBy('registration.id')
      .execute();
    const toCancel = rows.filter((row) => isCancellable(row.status));
    await changeStatus(trx, toCancel, 'cancelled', actor);
    // one mail per group contact
    const byContact = new Map<string, typeof toCancel>();
    for (const row of toCancel) byContact.set(`${row.contact_email}|${row.language}`, [...(byContact.get(`${row.contact_email}|${row.language}`) ?? []), row]);
    for (const group of byContact.values()) {
      if (!group[0].contact_email) continue; // a walk-in without an address
      await queueCancellationMail(trx, mailEvent(event), { to: group[0].contact_email, language: group[0].language }, group.map((row) => ({ id: row.id, name: row.person_name })));
    }
    const promoted = toCancel.length > 0 ? await promoteWaitlisted(trx, event, { accountId: null, reason: 'a seat became free' }) : [];
    return { cancelled: toCancel.map((row) => row.id), promoted };
  });
}
