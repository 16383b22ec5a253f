import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { redactSecretLinks } from './secret-links.js';
import './tables.js';

/**
 * The persistent outbox. A mail is written here inside the transaction that
 * causes it, so a registration and its confirmation commit (or roll back)
 * together; src/modules/mail/sender.ts delivers it later, with retries.
 */

export interface OutgoingMail {
  /** What the mail is about, for the outbox page and "sent once" checks: 'registration.confirmation', ... */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  eventId?: number | null;
  registrationId?: number | null;
  /** Extra header lines, e.g. List-Unsubscribe (RFC 8058) of a newsletter; the sender adds its own. */
  headers?: Record<string, string>;
  /** Not sent before this time: a large batch is spread over time (the newsletter's throttle). */
  notBefore?: Date;
}

const outboxRow = (mail: OutgoingMail) => ({
  kind: mail.kind,
  to_address: mail.to,
  subject: mail.subject,
  text_body: mail.text,
  html_body: mail.html ?? null,
  event_id: mail.eventId ?? null,
  registration_id: mail.registrationId ?? null,
  headers: mail.headers ? JSON.stringify(mail.headers) : null,
  ...(mail.notBefore ? { next_attempt_at: mail.notBefore } : {}),
});

/** Queues one mail; pass the caller's transaction. Returns the outbox id. */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail): Promise<number> {
  const row = await db
    .insertInto('mail_outbox')
    .values(outboxRow(mail))
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Queues many mails in one statement (a newsletter issue, a thousand at a
 * time); pass the caller's transaction. Returns the outbox ids in the order
 * of `mails`.
 */
export async function enqueueMails(db: Kysely<Database>, mails: OutgoingMail[]): Promise<number[]> {
  if (mails.length === 0) return [];
  // one shape for every row: a row without notBefore takes the column's default (now())
  const rows = mails.map((mail) => ({ ...outboxRow(mail), next_attempt_at: mail.notBefore ?? sql<Date>`now()` }));
  const inserted = await db.insertInto('mail_outbox').values(rows).returning('id').execute();
  return inserted.map((row) => Number(row.id));
}

export type OutboxEntry = Awaited<ReturnType<typeof listOutbox>>[number];

/** The newest mails first, for the staff outbox page. */
export async function listOutbox(db: Kysely<Database>, options: { eventId?: number; status?: OutboxStatus; limit?: number } = {}) {
  let query = db
    .selectFrom('mail_outbox')
    .select(['id', 'kind', 'to_address', 'subject', 'status', 'attempts', 'next_attempt_at', 'last_error', 'event_id', 'registration_id', 'created_at', 'sent_at'])
    .orderBy('id', 'desc')
    .limit(options.limit ?? 200);
  if (options.eventId !== undefined) query = query.where('event_id', '=', options.eventId);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  return query.execute();
}

/** How many mails were given up on (a permanent refusal, or too many attempts): the outbox page tells staff. */
export async function countFailedMails(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('count')).where('status', '=', 'failed').executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The mails to an address that could not be delivered, newest first, with
 * the server's reply: for the registration page ("the confirmation never
 * arrived: the address is refused"). Matched like the privacy export does
 * (lower(trim(to_address)), index mail_outbox_to_address of 035_privacy.sql).
 */
export async function failedDeliveriesFor(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'kind', 'subject', 'last_error', 'created_at', 'registration_id'])
    .where(sql<string>`lower(trim(to_address))`, '=', email.trim().toLowerCase())
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .execute();
}

export const outboxStatuses = ['queued', 'sent', 'failed', 'outbox_only'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * One mail with its bodies, for the outbox page; undefined when there is none.
 * Secret links come redacted for every reader, admins included: the outbox
 * is for seeing what was sent, and a link read here would let a staff member
 * set an invited admin's password (docs/decisions.md, "Secret links").
 */
export async function findOutboxMail(db: Kysely<Database>, id: number) {
  const mail = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return mail && { ...mail, text_body: redactSecretLinks(mail.text_body), html_body: redactSecretLinks(mail.html_body) };
}
