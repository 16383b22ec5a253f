import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type TestApp } from '../../../test/app.js';
import { organisation, person } from '../../../test/factories.js';
import { confirmSubscription, requestSubscription } from './commands/subscription.js';
import { queueIssue, resumeSending, startSending } from './commands/send.js';
import { createIssue } from './commands/issues.js';
import { mergePostalConsent, recordPostalConsent, withdrawPostalConsent } from './postal.js';
import { changeNewsletterSettings } from './settings.js';
import { hashToken, newToken } from './tokens.js';

/** The newsletter's rules one by one: link lifetime, indistinguishable answers, idempotent queueing, the brochure. */

let test: TestApp;
const baseUrl = 'https://mosaik.test';
const day = 24 * 3600_000;
const db = () => test.database.db;

beforeAll(async () => {
  test = await createTestApp({ env: { MOSAIK_BASE_URL: baseUrl } });
});
afterAll(async () => test?.close());

/** The confirmation token of the newest mail to an address, read from the outbox. */
async function lastLinkTo(email: string, path = '/newsletter/confirm') {
  const mail = await db().selectFrom('mail_outbox').select('text_body').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(mail.text_body)![1];
}

describe('the confirmation link', () => {
  it('works once within 7 days (fixed clock), and late or used it offers a new link', async () => {
    const requested = new Date('2026-03-01T10:00:00Z');
    await requestSubscription(db(), { email: 'late@example.org', language: 'de', topics: ['funding'], region: null }, { baseUrl, now: requested });
    const token = await lastLinkTo('late@example.org');
    expect(await confirmSubscription(db(), token, { now: new Date(requested.getTime() + 7 * day + 60_000), ip: '192.0.2.1', baseUrl })).toBe('expired');

    await requestSubscription(db(), { email: 'ontime@example.org', language: 'ar', topics: ['events'], region: null }, { baseUrl, now: requested });
    const fresh = await lastLinkTo('ontime@example.org');
    expect(await confirmSubscription(db(), fresh, { now: new Date(requested.getTime() + 7 * day - 60_000), ip: '192.0.2.1', baseUrl })).toBe('confirmed');
    expect(await confirmSubscription(db(), fresh, { now: new Date(requested.getTime() + 7 * day - 30_000), ip: '192.0.2.1', baseUrl })).toBe('used');
    expect(await confirmSubscription(db(), 'x'.repeat(43), { now: requested, ip: null, baseUrl })).toBe('unknown');

    // one welcome, in the subscriber's language, with what was ordered and the one-click headers; the second click sends none
    const welcomes = await db().selectFrom('mail_outbox').select(['subject', 'text_body', 'headers']).where('to_address', '=', 'ontime@example.org').where('kind', '=', 'newsletter.welcome').execute();
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0].subject).toBe('مرحبًا بكم في النشرة الإخبارية لمركز الكفاءات');
    expect(welcomes[0].text_body).toContain(`${baseUrl}/newsletter/archive`);
    expect(welcomes[0].text_body).toMatch(/https:\/\/mosaik\.test\/newsletter\/unsubscribe\/[A-Za-z0-9_-]+/);
    expect(welcomes[0].headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    // the page of an expired link, in Arabic: the reason and one button for a new link
    const page = await test.app.inject({ method: 'GET', url: `/newsletter/confirm/${token}?lang=ar` });
    expect(page.body).toContain('انتهت صلاحية هذا الرابط');
    expect(page.body).toContain(`action="/newsletter/confirm/${token}/renew"`);
    expect(page.body).toContain('dir="rtl"');
    const renew = await test.app.inject({ method: 'POST', url: `/newsletter/confirm/${token}/renew`, headers: { cookie: cookiesOf(page) }, payload: { _csrf: csrfFrom(page.body) } });
    expect(renew.headers.location).toBe('/newsletter/renewed');
    const renewed = await lastLinkTo('late@example.org');
    expect(renewed).not.toBe(token);
    expect(await confirmSubscription(db(), renewed, { now: new Date(), ip: null, baseUrl })).toBe('confirmed');
  });

  it('keeps the confirming IP address only when the setting is on, and links a subscriber to the person with that address', async () => {
    const admin = await test.signIn('admin');
    await changeNewsletterSettings(db(), { accountId: admin.accountId }, { recordConfirmIp: true, mailsPerMinute: 120 });
    const { id: organisationId } = await organisation(db());
    const known = await person(db(), { organisationId, email: 'Aylin.Kaya@example.org' });
    const now = new Date();
    await requestSubscription(db(), { email: 'aylin.kaya@example.org', language: 'de', topics: ['events'], region: 'Kassel' }, { baseUrl, now });
    expect(await confirmSubscription(db(), await lastLinkTo('aylin.kaya@example.org'), { now, ip: '198.51.100.7', baseUrl })).toBe('confirmed');
    const row = await db()
      .selectFrom('newsletter_subscriber as s')
      .innerJoin('newsletter_confirmation as c', 'c.subscriber_id', 's.id')
      .select(['s.person_id', 'c.confirmed_ip'])
      .where('s.email', '=', 'aylin.kaya@example.org')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ person_id: known.id, confirmed_ip: '198.51.100.7' });
    await changeNewsletterSettings(db(), { accountId: admin.accountId }, { recordConfirmIp: false, mailsPerMinute: 120 });
  });

  it('refuses a bad sign-up naming the field, in the page’s language, and stores nothing', async () => {
    const form = await test.app.inject({ method: 'GET', url: '/newsletter?lang=en' });
    const response = await test.app.inject({ method: 'POST', url: '/newsletter', headers: { cookie: cookiesOf(form) }, payload: { _csrf: csrfFrom(form.body), email: 'not an address', language: 'en', topics: 'events' } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain('Please enter a valid e-mail address');
    const none = await test.app.inject({ method: 'POST', url: '/newsletter', headers: { cookie: cookiesOf(form) }, payload: { _csrf: csrfFrom(form.body), email: 'nothing@example.org', language: 'en' } });
    expect(none.body).toContain('href="#topics"');
    expect(await db().selectFrom('newsletter_subscriber').select('id').where('email', 'in', ['not an address', 'nothing@example.org']).execute()).toEqual([]);
  });
});

describe('unsubscribing', () => {
  it('answers an unknown address and an unknown link exactly as a known one', async () => {
    await requestSubscription(db(), { email: 'known@example.org', language: 'de', topics: ['events'], region: null }, { baseUrl, now: new Date() });
    const form = await test.app.inject({ method: 'GET', url: '/newsletter/unsubscribe' });
    const headers = { cookie: cookiesOf(form) };
    const ask = (email: string) => test.app.inject({ method: 'POST', url: '/newsletter/unsubscribe', headers, payload: { _csrf: csrfFrom(form.body), email } });
    const known = await ask('known@example.org');
    const unknown = await ask('nobody@example.org');
    expect([unknown.statusCode, unknown.headers.location, unknown.body]).toEqual([known.statusCode, known.headers.location, known.body]);
    expect(await lastLinkTo('known@example.org', '/newsletter/unsubscribe')).toBeTruthy();

    const { unsubscribe_token: token } = await db().selectFrom('newsletter_subscriber').select('unsubscribe_token').where('email', '=', 'known@example.org').executeTakeFirstOrThrow();
    const pageOf = (t: string) => test.app.inject({ method: 'GET', url: `/newsletter/unsubscribe/${t}`, headers });
    const other = newToken();
    const [knownPage, unknownPage] = [await pageOf(token), await pageOf(other)];
    expect(knownPage.statusCode).toBe(unknownPage.statusCode);
    expect(knownPage.body.replaceAll(token, 'T')).toBe(unknownPage.body.replaceAll(other, 'T'));
    // the GET changed nothing (a link scanner unsubscribes nobody)
    expect((await db().selectFrom('newsletter_subscriber').select('status').where('unsubscribe_token', '=', token).executeTakeFirstOrThrow()).status).toBe('pending');
    const post = (t: string) => test.app.inject({ method: 'POST', url: `/newsletter/unsubscribe/${t}`, headers, payload: { _csrf: csrfFrom(form.body) } });
    const [knownPost, unknownPost] = [await post(token), await post(other)];
    expect([knownPost.statusCode, knownPost.headers.location]).toEqual([unknownPost.statusCode, unknownPost.headers.location]);
    expect((await db().selectFrom('newsletter_subscriber').select('status').where('unsubscribe_token', '=', token).executeTakeFirstOrThrow()).status).toBe('unsubscribed');
  });
});

describe('sending an issue', () => {
  it('gives each subscriber the issue once when the sender is killed midway and started again, spread by the throttle', async () => {
    await sql`insert into newsletter_subscriber (email, language, topics, status, unsubscribe_token, confirmed_at)
      select 'reader-' || n || '@example.org', case when n % 2 = 0 then 'de' else 'tr' end, '{events}', 'confirmed', 'tok-' || n || '-' || md5(n::text), now()
      from generate_series(1, 2500) n`.execute(db());
    const staff = await test.signIn('staff');
    await changeNewsletterSettings(db(), { accountId: staff.accountId }, { recordConfirmIp: false, mailsPerMinute: 1000 });
    const issueId = await createIssue(db(), staff, { de: { subject: 'Ausgabe 1', body: 'Text' }, tr: { subject: 'Sayı 1', body: 'Metin' } });
    const start = new Date('2026-05-04T08:00:00Z');
    await startSending(db(), staff, issueId, { topics: ['events'], languages: ['de', 'tr'] }, start);

    const killed = new Error('killed');
    await expect(queueIssue(db(), issueId, { baseUrl, now: start, batchSize: 1000, afterBatch: () => { throw killed; } })).rejects.toBe(killed);
    const mails = () => db().selectFrom('mail_outbox').select(['to_address', 'subject', 'next_attempt_at', 'headers']).where('kind', '=', 'newsletter.issue').where('to_address', 'like', 'reader-%').execute();
    const deliveries = async () => Number((await db().selectFrom('newsletter_delivery').select((eb) => eb.fn.countAll<string>().as('n')).where('issue_id', '=', issueId).executeTakeFirstOrThrow()).n);
    expect(await deliveries()).toBe(1000);
    const issueMails = async () => Number((await db().selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', '=', 'newsletter.issue').executeTakeFirstOrThrow()).n);
    expect(await issueMails()).toBe(1000);

    // the scheduled job resumes the issue left 'sending'
    await resumeSending(db(), start, baseUrl);
    const all = await mails();
    expect(all).toHaveLength(2500);
    expect(new Set(all.map((mail) => mail.to_address)).size).toBe(2500);
    expect(await issueMails()).toBe(await deliveries());
    expect(new Set(all.map((mail) => new Date(mail.next_attempt_at).toISOString()))).toEqual(new Set(['2026-05-04T08:00:00.000Z', '2026-05-04T08:01:00.000Z', '2026-05-04T08:02:00.000Z']));
    expect(all.find((mail) => mail.to_address === 'reader-1@example.org')!.subject).toBe('Sayı 1');
    expect(all[0].headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect((await db().selectFrom('newsletter_issue').select('status').where('id', '=', issueId).executeTakeFirstOrThrow()).status).toBe('sent');
    // once more changes nothing
    expect(await queueIssue(db(), issueId, { baseUrl, now: start })).toBe(0);
  });

  it('reaches a subscriber who chose only a region when staff send to that region', async () => {
    const now = new Date();
    await requestSubscription(db(), { email: 'fulda@example.org', language: 'ru', topics: [], region: 'Landkreis Fulda' }, { baseUrl, now });
    expect(await confirmSubscription(db(), await lastLinkTo('fulda@example.org'), { now, ip: null, baseUrl })).toBe('confirmed');
    const staff = await test.signIn('staff');
    const toEvents = await createIssue(db(), staff, { de: { subject: 'Nur Veranstaltungen', body: 'Text' } });
    await startSending(db(), staff, toEvents, { topics: ['funding'], languages: ['ru'] }, now);
    await queueIssue(db(), toEvents, { baseUrl, now });
    const toFulda = await createIssue(db(), staff, { de: { subject: 'Neu in Fulda', body: 'Text' } });
    await startSending(db(), staff, toFulda, { topics: [], regions: ['Landkreis Fulda', 'Nirgendwo'], languages: ['ru'] }, now);
    await queueIssue(db(), toFulda, { baseUrl, now });
    const subjects = await db().selectFrom('mail_outbox').select('subject').where('to_address', '=', 'fulda@example.org').where('kind', '=', 'newsletter.issue').execute();
    expect(subjects).toEqual([{ subject: 'Neu in Fulda' }]);
    expect((await db().selectFrom('newsletter_issue').select('regions').where('id', '=', toFulda).executeTakeFirstOrThrow()).regions).toEqual(['Landkreis Fulda']);
  });

  it('lets staff preview, test to themselves and not send without an audience; the archive shows the reader’s language', async () => {
    const staff = await test.signIn('staff');
    const headers = { cookie: staff.cookie };
    const empty = await test.app.inject({ method: 'POST', url: '/newsletter/issues', headers, payload: { _csrf: staff.csrfToken, subject_de: '', body_de: 'x' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#subject_de"');
    const created = await test.app.inject({ method: 'POST', url: '/newsletter/issues', headers, payload: { _csrf: staff.csrfToken, subject_de: 'Förderung 2027', body_de: 'Anträge bis 31.12.', subject_ar: 'الدعم 2027', body_ar: 'الطلبات حتى 31.12.' } });
    const path = created.headers.location!.replace(/\?.*$/, '');
    const preview = await test.app.inject({ method: 'GET', url: `${path}/preview?in=ar`, headers });
    expect(preview.body).toContain('الدعم 2027');
    expect(preview.body).toContain('/newsletter/unsubscribe/');
    await test.app.inject({ method: 'POST', url: `${path}/test`, headers, payload: { _csrf: staff.csrfToken, language: 'de' } });
    const account = await db().selectFrom('account').select('email').where('id', '=', staff.accountId).executeTakeFirstOrThrow();
    const testMail = await db().selectFrom('mail_outbox').select(['kind', 'subject', 'headers']).where('to_address', '=', account.email).executeTakeFirstOrThrow();
    expect(testMail).toMatchObject({ kind: 'newsletter.test', subject: '[Test] Förderung 2027' });
    const noAudience = await test.app.inject({ method: 'POST', url: `${path}/send`, headers, payload: { _csrf: staff.csrfToken, languages: ['de'] } });
    expect(noAudience.statusCode).toBe(400);
    expect(noAudience.body).toContain('href="#topics"');
    expect((await test.app.inject({ method: 'GET', url: '/newsletter/archive?lang=ar' })).body).not.toContain('الدعم 2027');
    await test.app.inject({ method: 'POST', url: `${path}/send`, headers, payload: { _csrf: staff.csrfToken, topics: ['funding'], languages: ['ar'] } });
    const archive = await test.app.inject({ method: 'GET', url: '/newsletter/archive?lang=ar' });
    expect(archive.body).toContain('الدعم 2027');
    const german = await test.app.inject({ method: 'GET', url: `/newsletter/archive/${path.split('/').pop()}?lang=de` });
    expect(german.body).toContain('Förderung 2027');
  });
});

describe('the brochure', () => {
  it('exports the addresses of organisations that agreed to receive post, never others', async () => {
    const staff = await test.signIn('staff');
    const [agreed, silent, withdrawn] = [await organisation(db(), { name: 'Kulturverein Agora' }), await organisation(db(), { name: 'Verein ohne Zustimmung' }), await organisation(db(), { name: 'Verein mit Widerruf' })];
    const address = { addressee: 'Frau Demir', street: 'Marktplatz 3', postcode: '35390', city: 'Gießen', source: 'letter', agreedOn: '2026-02-01' };
    await recordPostalConsent(db(), staff, agreed.id, address, '2026-03-01');
    await recordPostalConsent(db(), staff, withdrawn.id, { ...address, street: 'Zurückgezogen 1' }, '2026-03-01');
    await withdrawPostalConsent(db(), staff, withdrawn.id, '2026-03-02');
    const csv = await test.app.inject({ method: 'GET', url: '/newsletter/brochure.csv', headers: { cookie: staff.cookie } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Kulturverein Agora;Frau Demir;Marktplatz 3;35390;Gießen');
    expect(csv.body).not.toContain(silent.name);
    expect(csv.body).not.toContain('Zurückgezogen');
    const pdf = await test.app.inject({ method: 'GET', url: '/newsletter/brochure/labels.pdf', headers: { cookie: staff.cookie } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const form = await test.app.inject({ method: 'POST', url: `/newsletter/brochure/${silent.id}`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, street: 'Weg 1', postcode: '123', city: 'Kassel', source: 'phone', agreed_on: '01.02.2026' } });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('href="#postcode"');
    expect(await db().selectFrom('postal_mail_consent').select('organisation_id').where('organisation_id', '=', silent.id).execute()).toEqual([]);
    const saved = await test.app.inject({ method: 'POST', url: `/newsletter/brochure/${silent.id}`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, street: 'Weg 1', postcode: '34117', city: 'Kassel', source: 'phone', agreed_on: '01.02.2026' } });
    expect(saved.statusCode).toBe(303);
    expect((await db().selectFrom('postal_mail_consent').select('agreed_on').where('organisation_id', '=', silent.id).executeTakeFirstOrThrow()).agreed_on).toBe('2026-02-01');
  });
  it('moves a consent to the surviving organisation of a merge, unless the survivor has its own', async () => {
    const staff = await test.signIn('staff');
    const [survivor, merged, other] = [await organisation(db()), await organisation(db()), await organisation(db())];
    const address = { addressee: '', street: 'Bahnhofstraße 2', postcode: '34117', city: 'Kassel', source: 'email', agreedOn: '2026-01-10' };
    await recordPostalConsent(db(), staff, merged.id, address, '2026-03-01');
    expect(await db().transaction().execute((trx) => mergePostalConsent(trx, { survivorId: survivor.id, mergedId: merged.id, accountId: null }))).toEqual({ moved: { postal_mail_consent: 1 }, dropped: { postal_mail_consent: 0 } });
    expect((await db().selectFrom('postal_mail_consent').select('street').where('organisation_id', '=', survivor.id).executeTakeFirstOrThrow()).street).toBe('Bahnhofstraße 2');
    await recordPostalConsent(db(), staff, other.id, { ...address, street: 'Alt 1' }, '2026-03-01');
    await db().transaction().execute((trx) => mergePostalConsent(trx, { survivorId: survivor.id, mergedId: other.id, accountId: null }));
    expect(await db().selectFrom('postal_mail_consent').select('street').where('organisation_id', 'in', [survivor.id, other.id]).execute()).toEqual([{ street: 'Bahnhofstraße 2' }]);
  });
});

it('keeps only the hash of a confirmation token', async () => {
  await requestSubscription(db(), { email: 'hash@example.org', language: 'de', topics: ['events'], region: null }, { baseUrl, now: new Date() });
  const token = await lastLinkTo('hash@example.org');
  const rows = await db().selectFrom('newsletter_confirmation').select('token_hash').where('token_hash', '=', hashToken(token)).execute();
  expect(rows).toHaveLength(1);
});
