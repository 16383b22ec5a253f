import type { Kysely } from 'kysely';
import type { Database, RegistrationStatus } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import { enqueueMail } from '../mail/index.js';
import { RegistrationError } from './errors.js';
import { compose, eventBlock, type MailEvent, type Recipient } from './mails.js';
import { changeStatus, lockEvent, type Actor } from './queries.js';
import { mailEvent } from './registration.js';
import { cancellable } from './statuses.js';

/**
 * When staff call an event off, every active registration (registered,
 * promoted, waitlisted) is cancelled and whoever registered is told by e-mail,
 * with the reason. Nobody is promoted: there is no event to move up to.
 *
 * Call it in the transaction that marks the event cancelled, so the event and
 * its registrations change together. Under the event lock, registerForEvent
 * refuses a cancelled event, so no active registration can appear afterwards;
 * a second call finds nothing left and changes nothing.
 */

type Db = Kysely<Database>;

// attended and no_show are facts about the past; cancelled ones are done
const active = cancellable;

export interface EventCancellationOutcome {
  /** Registrations moved to cancelled. */
  cancelled: number;
  /** Of those, registrations whose contact got a mail. */
  notified: number;
  /** Mails queued: one per contact address and language. */
  mails: number;
}

export async function cancelEventRegistrations(
  db: Db,
  request: { eventId: number; accountId: number | null; reason: string },
): Promise<EventCancellationOutcome> {
  // Kysely cannot nest transactions: join the caller's, or open one
  if (db.isTransaction) return cancelUnderLock(db, request);
  return db.transaction().execute((trx) => cancelUnderLock(trx, request));
}

async function cancelUnderLock(trx: Db, request: { eventId: number; accountId: number | null; reason: string }): Promise<EventCancellationOutcome> {
  const event = await lockEvent(trx, request.eventId);
  if (!event) throw new RegistrationError('eventNotFound', null);
  // Only a cancelled event keeps new registrations out (registerForEvent checks
  // under the same lock); cancelling seats of a live event would just refill them.
  if (!event.cancelled_at) throw new Error(`event ${event.id} is not cancelled: mark it cancelled in the same transaction first`);

  // read under the lock: a concurrent cancel of the same person counts once
  const rows = await trx
    .selectFrom('registration')
    .innerJoin('registration_group', 'registration_group.id', 'registration.group_id')
    .select(['registration.id', 'registration.status', 'registration.person_name', 'registration_group.contact_email', 'registration_group.language'])
    .where('registration.event_id', '=', event.id)
    .where('registration.status', 'in', active)
    .orderBy('registration.id')
    .execute();
  const actor: Actor = { accountId: request.accountId, reason: `event cancelled: ${request.reason}` };
  await changeStatus(trx, rows, 'cancelled', actor);

  // one mail per contact, as cancellation.ts does; a walk-in may have no address
  const byContact = new Map<string, typeof rows>();
  for (const row of rows) {
    if (!row.contact_email) continue;
    const key = `${row.contact_email.toLowerCase()}|${row.language}`;
    byContact.set(key, [...(byContact.get(key) ?? []), row]);
  }
  for (const group of byContact.values()) {
    await queueEventCancelledMail(
      trx,
      mailEvent(event),
      { to: group[0].contact_email, language: group[0].language },
      group.map((row) => ({ id: row.id, name: row.person_name })),
      request.reason,
    );
  }
  const notified = [...byContact.values()].reduce((sum, group) => sum + group.length, 0);
  return { cancelled: rows.length, notified, mails: byContact.size };
}

/** The event was called off: the reason and the persons concerned, in the registration's language (or German and English). */
export async function queueEventCancelledMail(db: Db, event: MailEvent, recipient: Recipient, persons: { id: number; name: string }[], reason: string) {
  // the event-cancellation text exists in German and English only so far:
  // other languages get both, as all mails did before they were translated
  const languages: Language[] = recipient.language === 'de' || recipient.language === 'en' ? [recipient.language] : ['de', 'en'];
  const mail = compose(languages, (t, language) => ({
    subject: t('events.cancelMail.subject', { title: event.title }),
    paragraphs: [
      t('events.cancelMail.intro'),
      eventBlock(t, language, event),
      t('events.cancelMail.reason', { reason }),
      [t('events.cancelMail.persons'), ...persons.map((person) => `- ${person.name}`)].join('\n'),
    ],
  }));
  await enqueueMail(db, { kind: 'registration.eventCancelled', to: recipient.to, ...mail, eventId: event.id, registrationId: persons[0]?.id });
}
