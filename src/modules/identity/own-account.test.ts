import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, cookiesOf, csrfFrom, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { roles } from '../../http/access.js';

const password = 'correct horse battery staple';

describe(`"Mein Konto" on ${testEngine}`, () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_BASE_URL: 'https://mosaik.example.org' } });
  });
  afterAll(async () => test?.close());
  beforeEach(async () => {
    await test.database.db.deleteFrom('mail_outbox').execute();
  });

  const get = (session: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const post = (session: SignedIn, url: string, payload: Record<string, string>) =>
    test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrfToken } });
  const emailOf = async (id: number) => (await test.database.db.selectFrom('account').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;

  it('is there for every role', async () => {
    for (const role of roles) {
      const session = await test.signIn(role);
      const page = await get(session, '/account');
      expect(page.statusCode, role).toBe(200);
      expect(page.body).toContain('Mein Konto');
      expect(page.body).toContain('action="/account/password"');
      expect(page.body).toContain('action="/account/email"');
      expect(page.body).toContain('action="/account/sign-out-everywhere"');
    }
    expect((await test.app.inject({ method: 'GET', url: '/account' })).statusCode).toBe(303);
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const here = await test.signIn('staff');
    const email = await emailOf(here.accountId);
    // a second session of the same account, elsewhere
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    const other = cookiesOf(await test.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: cookiesOf(page) }, payload: { email, password, _csrf: csrfFrom(page.body) } }));
    expect((await test.app.inject({ method: 'GET', url: '/account', headers: { cookie: other } })).statusCode).toBe(200);

    const wrong = await post(here, '/account/password', { current: 'not my password', password: 'a new long password', confirm: 'a new long password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Aktuelles Passwort: Das Passwort stimmt nicht');
    const short = await post(here, '/account/password', { current: password, password: 'short', confirm: 'short' });
    expect(short.body).toContain('mindestens 12 Zeichen');
    const mismatch = await post(here, '/account/password', { current: password, password: 'a new long password', confirm: 'a new long passw0rd' });
    expect(mismatch.body).toContain('Die beiden Passwörter sind verschieden');

    const done = await post(here, '/account/password', { current: password, password: 'a new long password', confirm: 'a new long password' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account?done=password');
    expect((await get(here, '/account')).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url: '/account', headers: { cookie: other } })).statusCode).toBe(303);
    const signIn = await test.app.inject({ method: 'GET', url: '/sign-in' });
    const withNew = await test.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: cookiesOf(signIn) }, payload: { email, password: 'a new long password', _csrf: csrfFrom(signIn.body) } });
    expect(withNew.statusCode).toBe(303);
  });

  it('changes the e-mail address once the link sent to the new one is opened, and tells the old one', async () => {
    const session = await test.signIn('representative');
    const old = await emailOf(session.accountId);
    const refused = await post(session, '/account/email', { current: password, email: 'jürgen@verein.example' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Neue E-Mail-Adresse enthält vor dem @ Umlaute');
    expect((await post(session, '/account/email', { current: 'wrong', email: 'neu@verein.example' })).body).toContain('Aktuelles Passwort: Das Passwort stimmt nicht');

    const asked = await post(session, '/account/email', { current: password, email: 'Neu@Verein.example' });
    expect(asked.headers.location).toBe('/account?done=email');
    expect(await emailOf(session.accountId)).toBe(old);
    const [mail] = await test.database.db.selectFrom('mail_outbox').selectAll().execute();
    expect(mail).toMatchObject({ kind: 'account.email_confirm', to_address: 'neu@verein.example' });
    const link = /https:\/\/mosaik\.example\.org(\/account\/email\/confirm\?token=[^&\s]+&email=[^\s]+)/.exec(mail.text_body)![1];

    // opening the link only shows a button (link previews change nothing)
    const confirmPage = await test.app.inject({ method: 'GET', url: link });
    expect(confirmPage.statusCode).toBe(200);
    expect(await emailOf(session.accountId)).toBe(old);
    const token = new URL(link, 'https://x.example').searchParams.get('token')!;
    const confirm = (email: string) =>
      test.app.inject({ method: 'POST', url: '/account/email/confirm', headers: { cookie: cookiesOf(confirmPage) }, payload: { token, email, _csrf: csrfFrom(confirmPage.body) } });
    // the address in the link cannot be swapped
    expect((await confirm('evil@verein.example')).statusCode).toBe(400);
    const done = await confirm('neu@verein.example');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('data-email-changed');
    expect(await emailOf(session.accountId)).toBe('neu@verein.example');
    const told = await test.database.db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'account.email_changed').execute();
    expect(told.map((row) => row.to_address)).toEqual([old]);
    expect(told[0].text_body).toContain('neu@verein.example');
    // once only
    expect((await confirm('neu@verein.example')).statusCode).toBe(400);
  });

  it('sends nothing, and says the same, when another account has the new address', async () => {
    const first = await test.signIn('staff');
    const second = await test.signIn('staff');
    const taken = await emailOf(second.accountId);
    const asked = await post(first, '/account/email', { current: password, email: taken });
    expect(asked.headers.location).toBe('/account?done=email');
    expect(await test.database.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
  });

  it('signs out everywhere', async () => {
    const session = await test.signIn('funder');
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    const email = await emailOf(session.accountId);
    const other = cookiesOf(await test.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: cookiesOf(page) }, payload: { email, password, _csrf: csrfFrom(page.body) } }));
    const response = await post(session, '/account/sign-out-everywhere', {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?signedOut=everywhere');
    for (const cookie of [session.cookie, other]) expect((await test.app.inject({ method: 'GET', url: '/account', headers: { cookie } })).statusCode).toBe(303);
    expect((await test.app.inject({ method: 'GET', url: '/sign-in?signedOut=everywhere' })).body).toContain('auf allen Geräten abgemeldet');
  });
});
