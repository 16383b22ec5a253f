import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { addressProblem, enqueueMail } from '../../mail/index.js';
import { DomainError } from '../../domain-error.js';
import { confirmationDays, confirmationsPerDay, consentText, consentVersion } from '../consent.js';
import { confirmationMail, unsubscribeLink, unsubscribeLinkMail, welcomeMail } from '../mails.js';
import { isHessenRegion } from '../regions.js';
import { newsletterSettings } from '../settings.js';
import { newsletterTopics, type NewsletterLanguage, type NewsletterTopic } from '../tables.js';
import { hashToken, newToken, tokenShape } from '../tokens.js';

/**
 * Double opt-in: a sign-up writes a pending subscriber and a confirmation
 * (the evidence), and mails the link; only the link makes the subscriber
 * confirmed. The answers to a visitor never tell whether an address is
 * known: sign-up and unsubscribe look the same for every address.
 */

export interface SignUp {
  email: string;
  language: NewsletterLanguage;
  topics: string[];
  region: string | null;
}

export interface LinkContext {
  baseUrl: string;
  now: Date;
}

const normalised = (email: string) => email.trim().toLowerCase();

/** Checks a sign-up; the first problem as a DomainError naming the field. */
export function checkSignUp(input: SignUp): { email: string; topics: NewsletterTopic[]; region: string | null } {
  const email = normalised(input.email);
  if (addressProblem(email) !== null) throw new DomainError('newsletter', 'email', 'email');
  const topics = newsletterTopics.filter((topic) => input.topics.includes(topic));
  if (topics.length === 0 && !input.region) throw new DomainError('newsletter', 'topics', 'topics');
  if (input.region && !isHessenRegion(input.region)) throw new DomainError('newsletter', 'region', 'region');
  return { email, topics, region: input.region || null };
}

export async function requestSubscription(db: Kysely<Database>, input: SignUp, context: LinkContext): Promise<void> {
  const { email, topics, region } = checkSignUp(input);
  await db.transaction().execute(async (trx) => {
    // a new address is a pending subscriber; a known one keeps its status until the new link is used
    await trx
      .insertInto('newsletter_subscriber')
      .values({ email, language: input.language, topics, region, unsubscribe_token: newToken() })
      .onConflict((conflict) => conflict.column('email').doNothing())
      .execute();
    const subscriber = await trx.selectFrom('newsletter_subscriber').select(['id']).where('email', '=', email).forUpdate().executeTakeFirstOrThrow();
    await sendConfirmation(trx, { subscriberId: subscriber.id, email, language: input.language, topics, region }, context);
  });
}

/** Writes a confirmation and mails its link, unless this address had enough of them today. */
async function sendConfirmation(
  trx: Kysely<Database>,
  request: { subscriberId: number; email: string; language: NewsletterLanguage; topics: string[]; region: string | null },
  context: LinkContext,
) {
  const dayAgo = new Date(context.now.getTime() - 24 * 3600_000);
  const recent = await trx
    .selectFrom('newsletter_confirmation')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('subscriber_id', '=', request.subscriberId)
    .where('requested_at', '>', dayAgo)
    .executeTakeFirstOrThrow();
  if (Number(recent.count) >= confirmationsPerDay) return;
  const token = newToken();
  await trx
    .insertInto('newsletter_confirmation')
    .values({
      subscriber_id: request.subscriberId,
      token_hash: hashToken(token),
      language: request.language,
      topics: request.topics,
      region: request.region,
      consent_text: consentText(request.language),
      consent_version: consentVersion,
      requested_at: context.now,
      expires_at: new Date(context.now.getTime() + confirmationDays * 24 * 3600_000),
    })
    .execute();
  await enqueueMail(trx, confirmationMail({ to: request.email, language: request.language, link: `${context.baseUrl}/newsletter/confirm/${token}`, validDays: confirmationDays }));
}

export type ConfirmOutcome = 'confirmed' | 'used' | 'expired' | 'unknown';

async function confirmationOf(db: Kysely<Database>, token: string) {
  if (!tokenShape.test(token)) return undefined;
  return db
    .selectFrom('newsletter_confirmation as c')
    .innerJoin('newsletter_subscriber as s', 's.id', 'c.subscriber_id')
    .select(['c.id', 'c.subscriber_id', 'c.language', 'c.topics', 'c.region', 'c.expires_at', 'c.confirmed_at', 's.email'])
    .where('c.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

/** What a confirmation link would do now, without using it: the page behind the link shows the button or the reason. */
export async function confirmationState(db: Kysely<Database>, token: string, now: Date): Promise<'ask' | Exclude<ConfirmOutcome, 'confirmed'>> {
  const confirmation = await confirmationOf(db, token);
  if (!confirmation) return 'unknown';
  if (confirmation.confirmed_at) return 'used';
  return new Date(confirmation.expires_at).getTime() < now.getTime() ? 'expired' : 'ask';
}

/** Uses a confirmation link: once, within its days; the new subscriber gets a welcome in their language. */
export async function confirmSubscription(db: Kysely<Database>, token: string, context: { now: Date; ip: string | null; baseUrl: string }): Promise<ConfirmOutcome> {
  const confirmation = await confirmationOf(db, token);
  if (!confirmation) return 'unknown';
  if (confirmation.confirmed_at) return 'used';
  if (new Date(confirmation.expires_at).getTime() < context.now.getTime()) return 'expired';
  const { recordConfirmIp } = await newsletterSettings(db);
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('newsletter_confirmation')
      .set({ confirmed_at: context.now, confirmed_ip: recordConfirmIp ? context.ip : null })
      .where('id', '=', confirmation.id)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    // two clicks at once: the second finds it used
    if (Number(used.numUpdatedRows) === 0) return 'used';
    await trx
      .updateTable('newsletter_subscriber')
      .set({
        status: 'confirmed',
        language: confirmation.language,
        topics: confirmation.topics,
        region: confirmation.region,
        confirmed_at: context.now,
        unsubscribed_at: null,
        person_id: await personWithAddress(trx, confirmation.email),
        updated_at: context.now,
      })
      .where('id', '=', confirmation.subscriber_id)
      .execute();
    const { unsubscribe_token: unsubscribeToken } = await trx.selectFrom('newsletter_subscriber').select('unsubscribe_token').where('id', '=', confirmation.subscriber_id).executeTakeFirstOrThrow();
    await enqueueMail(
      trx,
      welcomeMail({
        to: confirmation.email,
        language: confirmation.language,
        topics: confirmation.topics,
        region: confirmation.region,
        unsubscribe: unsubscribeLink(context.baseUrl, unsubscribeToken),
        archive: `${context.baseUrl}/newsletter/archive`,
      }),
    );
    await writeAudit(trx, { accountId: null, action: 'newsletter.confirm', subjectType: 'newsletter_subscriber', subjectId: confirmation.subscriber_id, details: { consentVersion } });
    return 'confirmed' as const;
  });
}

/** The person in the directory with this address, when there is exactly one (two people sharing an address: none). */
async function personWithAddress(db: Kysely<Database>, email: string): Promise<number | null> {
  const people = await db
    .selectFrom('person')
    .select('id')
    .where(sql<string>`lower(trim(email))`, '=', email)
    .where('erased_at', 'is', null)
    .limit(2)
    .execute();
  return people.length === 1 ? people[0].id : null;
}

/** A new link for a used or expired one, with the same request; the same answer whatever the token. */
export async function renewConfirmation(db: Kysely<Database>, token: string, context: LinkContext): Promise<void> {
  const confirmation = await confirmationOf(db, token);
  if (!confirmation) return;
  await db.transaction().execute(async (trx) => {
    await sendConfirmation(
      trx,
      { subscriberId: confirmation.subscriber_id, email: confirmation.email, language: confirmation.language, topics: confirmation.topics, region: confirmation.region },
      context,
    );
  });
}

/** The one-click unsubscribe: immediate and logged; an unknown token changes nothing and answers the same. */
export async function unsubscribe(db: Kysely<Database>, token: string, context: { now: Date }): Promise<void> {
  if (!tokenShape.test(token)) return;
  await db.transaction().execute(async (trx) => {
    const subscriber = await trx
      .updateTable('newsletter_subscriber')
      .set({ status: 'unsubscribed', unsubscribed_at: context.now, updated_at: context.now })
      .where('unsubscribe_token', '=', token)
      .where('status', '<>', 'unsubscribed')
      .returning('id')
      .executeTakeFirst();
    if (subscriber) await writeAudit(trx, { accountId: null, action: 'newsletter.unsubscribe', subjectType: 'newsletter_subscriber', subjectId: subscriber.id });
  });
}

/** "Unsubscribe by address": mails the address its unsubscribe link if it is subscribed; the visitor is told the same either way. */
export async function mailUnsubscribeLink(db: Kysely<Database>, email: string, context: LinkContext): Promise<void> {
  const subscriber = await db
    .selectFrom('newsletter_subscriber')
    .select(['email', 'language', 'unsubscribe_token'])
    .where('email', '=', normalised(email))
    .where('status', '<>', 'unsubscribed')
    .executeTakeFirst();
  if (!subscriber) return;
  await enqueueMail(db, unsubscribeLinkMail({ to: subscriber.email, language: subscriber.language, link: unsubscribeLink(context.baseUrl, subscriber.unsubscribe_token) }));
}
