import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type TestApp } from '../../../test/app.js';
import { deliverPending } from '../mail/index.js';

/**
 * Double opt-in end to end, through a real SMTP server started here: sign-up
 * → mail → link → confirmed → issue sent → headers present → one-click POST
 * → unsubscribed.
 */

interface Received {
  to: string[];
  raw: string;
}

let test: TestApp;
let smtp: SMTPServer;
let transport: ReturnType<typeof nodemailer.createTransport>;
const received: Received[] = [];
const baseUrl = 'https://mosaik.test';

/** The mail's text without quoted-printable soft line breaks, so that links read whole. */
const unfolded = (raw: string) => raw.replace(/=\r?\n/g, '');
const linkIn = (mail: Received, path: string) => new RegExp(`${baseUrl.replace(/\./g, '\\.')}(${path}/[A-Za-z0-9_-]+)`).exec(unfolded(mail.raw))?.[1];
const headerOf = (mail: Received, name: string) => new RegExp(`^${name}: (.+)$`, 'mi').exec(mail.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  test = await createTestApp({ env: { MOSAIK_BASE_URL: baseUrl } });
});

afterAll(async () => {
  transport?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await test?.close();
});

async function deliver() {
  const before = received.length;
  await deliverPending(test.database.db, transport, { now: new Date(Date.now() + 60_000) });
  return received.slice(before);
}

describe('the newsletter, end to end through SMTP', () => {
  it('subscribes only after the link, sends an issue with RFC 8058 headers, and unsubscribes with one POST', async () => {
    const { app, database } = test;
    const form = await app.inject({ method: 'GET', url: '/newsletter?lang=tr' });
    expect(form.statusCode).toBe(200);
    const cookie = cookiesOf(form);
    const signUp = await app.inject({
      method: 'POST',
      url: '/newsletter',
      headers: { cookie },
      payload: { _csrf: csrfFrom(form.body), email: ' Leyla.Aksoy@Example.org ', language: 'tr', topics: 'events', region: 'Landkreis Gießen' },
    });
    expect(signUp.statusCode).toBe(303);
    expect(signUp.headers.location).toBe('/newsletter/sent');
    const pending = await database.db.selectFrom('newsletter_subscriber').selectAll().where('email', '=', 'leyla.aksoy@example.org').executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');

    const [confirmation] = await deliver();
    expect(confirmation.to).toEqual(['leyla.aksoy@example.org']);
    const link = linkIn(confirmation, '/newsletter/confirm');
    expect(link).toBeDefined();
    // no advertising in the confirmation: no issue, no archive link, just the request
    expect(unfolded(confirmation.raw)).not.toContain('/newsletter/archive');

    // a GET (a link scanner) confirms nothing: it shows the button
    const page = await app.inject({ method: 'GET', url: link!, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="${link}"`);
    expect((await database.db.selectFrom('newsletter_subscriber').select('status').where('id', '=', pending.id).executeTakeFirstOrThrow()).status).toBe('pending');

    const confirm = await app.inject({ method: 'POST', url: link!, headers: { cookie }, payload: { _csrf: csrfFrom(page.body) } });
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe('/newsletter/confirmed');
    const subscriber = await database.db.selectFrom('newsletter_subscriber').selectAll().where('id', '=', pending.id).executeTakeFirstOrThrow();
    expect(subscriber).toMatchObject({ status: 'confirmed', language: 'tr', topics: ['events'], region: 'Landkreis Gießen' });
    const evidence = await database.db.selectFrom('newsletter_confirmation').selectAll().where('subscriber_id', '=', pending.id).executeTakeFirstOrThrow();
    expect(evidence.consent_text).toContain('bülten');
    expect(evidence.consent_version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(evidence.requested_at).toBeTruthy();
    expect(evidence.confirmed_at).toBeTruthy();
    // the IP address only when the installation switches it on (off by default)
    expect(evidence.confirmed_ip).toBeNull();

    // the welcome after the confirmation, in Turkish, without advertising: what was ordered, the archive, the way out
    const [welcome] = await deliver();
    expect(welcome.to).toEqual(['leyla.aksoy@example.org']);
    expect(headerOf(welcome, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(unfolded(welcome.raw)).toContain(`${baseUrl}/newsletter/archive`);
    expect(unfolded(welcome.raw)).toContain('Se=C3=A7tikleriniz:');

    // the same link a second time: a clear page that offers a new link
    const again = await app.inject({ method: 'POST', url: link!, headers: { cookie }, payload: { _csrf: csrfFrom(page.body) } });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Bu bağlantı zaten kullanıldı');
    expect(again.body).toContain(`action="${link}/renew"`);

    // staff write an issue with a Turkish translation and send it to subscribers of events in German and Turkish
    const staff = await test.signIn('staff');
    const created = await app.inject({
      method: 'POST',
      url: '/newsletter/issues',
      headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, subject_de: 'Schulung im Januar', body_de: 'Hallo,\n\nam 20. Januar: https://example.org/schulung', subject_tr: 'Ocak ayında eğitim', body_tr: 'Merhaba,\n\n20 Ocak: https://example.org/schulung' },
    });
    expect(created.statusCode).toBe(303);
    const issuePath = created.headers.location!.replace(/\?.*$/, '');
    const sent = await app.inject({ method: 'POST', url: `${issuePath}/send`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, topics: ['events'], languages: ['de', 'tr'] } });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toContain('queued=1');

    const [issue] = await deliver();
    expect(issue.to).toEqual(['leyla.aksoy@example.org']);
    const unsubscribe = linkIn(issue, '/newsletter/unsubscribe');
    expect(unsubscribe).toBe(`/newsletter/unsubscribe/${subscriber.unsubscribe_token}`);
    expect(headerOf(issue, 'List-Unsubscribe')).toBe(`<${baseUrl}${unsubscribe}>`);
    expect(headerOf(issue, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // the author's link as written, and no HTML part (so no tracking pixel)
    expect(unfolded(issue.raw)).toContain('https://example.org/schulung');
    expect(issue.raw).not.toMatch(/text\/html/i);

    // the mail program's one-click POST: no cookie, no form token (RFC 8058)
    const oneClick = await app.inject({ method: 'POST', url: unsubscribe!, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    const after = await database.db.selectFrom('newsletter_subscriber').select(['status', 'unsubscribed_at']).where('id', '=', pending.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('unsubscribed');
    expect(after.unsubscribed_at).toBeTruthy();
    const logged = await database.db.selectFrom('audit_log').select('action').where('action', '=', 'newsletter.unsubscribe').where('subject_id', '=', String(pending.id)).execute();
    expect(logged).toHaveLength(1);
  });
});
