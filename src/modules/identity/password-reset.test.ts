import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, cookiesOf, csrfFrom, type TestApp } from '../../../test/app.js';
import { findOutboxMail } from '../mail/index.js';
import { createAccount } from './accounts.js';

describe('forgotten password', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_BASE_URL: 'https://mosaik.example.org/' } });
    await createAccount(test.database.db, { email: 'reset@verein.example', role: 'representative', password: 'the old password here' });
  });
  afterAll(async () => test?.close());
  beforeEach(async () => {
    await test.database.db.deleteFrom('mail_outbox').execute();
  });

  async function form(ip = '10.0.0.1') {
    const page = await test.app.inject({ method: 'GET', url: '/forgot-password', remoteAddress: ip });
    return { cookie: cookiesOf(page), csrf: csrfFrom(page.body), page };
  }
  async function ask(email: string, ip = '10.0.0.1') {
    const { cookie, csrf } = await form(ip);
    return test.app.inject({ method: 'POST', url: '/forgot-password', remoteAddress: ip, headers: { cookie }, payload: { email, _csrf: csrf } });
  }
  const mails = () => test.database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  it('is linked from the sign-in page', async () => {
    const signIn = await test.app.inject({ method: 'GET', url: '/sign-in' });
    expect(signIn.body).toContain('href="/forgot-password"');
    expect(signIn.body).toContain('Passwort vergessen?');
    const { page } = await form();
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="email"');
  });

  it('answers the same whether or not the account exists, and mails a one-hour link only to an account', async () => {
    const known = await ask('Reset@Verein.example');
    const unknown = await ask('nobody@verein.example');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    const answer = (body: string) => body.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(answer(known.body)).toBe(answer(unknown.body));
    expect(known.body).toContain('Wenn es ein Konto zu dieser Adresse gibt, haben wir einen Link geschickt');

    const sent = await mails();
    expect(sent.map((mail) => [mail.kind, mail.to_address])).toEqual([['account.password_reset', 'reset@verein.example']]);
    const link = /https:\/\/mosaik\.example\.org\/set-password\?token=([A-Za-z0-9_-]+)/.exec(sent[0].text_body);
    expect(link, 'the link uses the configured public address').not.toBeNull();
    const token = await test.database.db.selectFrom('password_token').selectAll().orderBy('expires_at', 'desc').executeTakeFirstOrThrow();
    const lifetime = new Date(token.expires_at).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(55 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
    // the outbox shows the mail without the live token
    const shown = (await findOutboxMail(test.database.db, Number(sent[0].id)))!;
    expect(shown.text_body).not.toContain(link![1]);
    expect(shown.text_body).toContain('set-password?token=[entfernt / removed]');

    // the link sets a new password once, and ends the account's sessions
    const setPage = await test.app.inject({ method: 'GET', url: `/set-password?token=${link![1]}` });
    const set = (password: string) =>
      test.app.inject({ method: 'POST', url: '/set-password', headers: { cookie: cookiesOf(setPage) }, payload: { token: link![1], password, confirm: password, _csrf: csrfFrom(setPage.body) } });
    expect((await set('a brand new password')).statusCode).toBe(303);
    const again = await set('another new password');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('href="/forgot-password"');
  });

  it('limits the links per e-mail address silently and per client address with a 429', async () => {
    await createAccount(test.database.db, { email: 'limit@verein.example', role: 'staff', password: 'the old password here' });
    for (let i = 0; i < 4; i++) expect((await ask('limit@verein.example', '10.0.0.2')).statusCode).toBe(200);
    expect(await mails()).toHaveLength(3);
    let last = await ask('x0@verein.example', '10.0.0.3');
    for (let i = 1; i < 31 && last.statusCode === 200; i++) last = await ask(`x${i}@verein.example`, '10.0.0.3');
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.body).toContain('zu viele Links zum Zurücksetzen');
    // another client address is not affected
    expect((await ask('y@verein.example', '10.0.0.4')).statusCode).toBe(200);
  });

  it('asks for the address when the field is empty', async () => {
    const response = await ask('');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Bitte geben Sie Ihre E-Mail-Adresse ein.');
  });

  it('writes the mail in the page’s language with German below', async () => {
    await createAccount(test.database.db, { email: 'sprache@verein.example', role: 'representative', password: 'the old password here' });
    const { cookie, csrf } = await form();
    await test.app.inject({ method: 'POST', url: '/forgot-password?lang=tr', remoteAddress: '10.0.0.9', headers: { cookie }, payload: { email: 'sprache@verein.example', _csrf: csrf } });
    const [mail] = await mails();
    expect(mail.subject).toBe('Mosaik için yeni şifre / Neues Passwort für Mosaik');
    expect(mail.text_body.indexOf('bir saat')).toBeLessThan(mail.text_body.indexOf('eine Stunde'));
  });
});
