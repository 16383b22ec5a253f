import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, cookiesOf, csrfFrom, type TestApp } from '../../../test/app.js';
import { createAccount, createPasswordLink } from './accounts.js';
import { userCommand } from './cli.js';

describe('staff sign-in', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_SIGNIN_RATE_LIMIT: '5' } });
  });
  afterAll(async () => test?.close());

  async function signInForm() {
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    return { cookie: cookiesOf(page), csrf: csrfFrom(page.body) };
  }

  it('signs in with the right password, stores an argon2id hash, and signs out', async () => {
    await createAccount(test.database.db, { email: 'Ana@Example.org', role: 'staff', password: 'a long enough password' });
    const stored = await test.database.db.selectFrom('account').select('password_hash').where('email', '=', 'ana@example.org').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);

    const form = await signInForm();
    const response = await test.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: form.cookie },
      payload: { email: 'ana@example.org', password: 'a long enough password', _csrf: form.csrf, next: '/dashboard' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/dashboard');
    const session = response.cookies.find((cookie) => cookie.name === 'mosaik_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');

    const cookie = `${form.cookie}; ${cookiesOf(response)}`;
    const page = await test.app.inject({ method: 'GET', url: '/sign-in', headers: { cookie } });
    expect(page.body).toContain('ana@example.org');
    const signOut = await test.app.inject({ method: 'POST', url: '/sign-out', headers: { cookie }, payload: { _csrf: csrfFrom(page.body) } });
    expect(signOut.statusCode).toBe(303);
    const after = await test.app.inject({ method: 'GET', url: '/sign-in', headers: { cookie } });
    expect(after.body).not.toContain('ana@example.org');
  });

  it('refuses a wrong password with a message and the same status for unknown accounts', async () => {
    const form = await signInForm();
    const wrong = await test.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: form.cookie }, payload: { email: 'ana@example.org', password: 'nope', _csrf: form.csrf } });
    const unknown = await test.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: form.cookie }, payload: { email: 'nobody@example.org', password: 'nope', _csrf: form.csrf } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('E-Mail-Adresse oder Passwort stimmen nicht');
  });

  it('refuses a form without the CSRF token', async () => {
    const form = await signInForm();
    const response = await test.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: form.cookie }, payload: { email: 'ana@example.org', password: 'a long enough password' } });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Formular abgelaufen');
  });

  it('never follows a redirect to another site after sign-in', async () => {
    const form = await signInForm();
    const response = await test.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: form.cookie },
      payload: { email: 'ana@example.org', password: 'a long enough password', _csrf: form.csrf, next: '//evil.example/' },
    });
    expect(response.headers.location).toBe('/dashboard');
  });

  it('limits sign-in attempts per address', async () => {
    const form = await signInForm();
    const statuses: number[] = [];
    let refusal = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      const response = await test.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: form.cookie }, payload: { email: 'x@example.org', password: 'nope', _csrf: form.csrf } });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) refusal = response.body;
    }
    expect(statuses).toContain(429);
    // the refusal is a translated page, although the limit runs before the request context exists
    expect(refusal).toContain('Zu viele Versuche');
    expect(refusal).not.toContain('is not a function');
  });

  it('sends strict security headers and no stack traces', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.body).toContain('Seite nicht gefunden');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('the redirect after sign-in', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_SIGNIN_RATE_LIMIT: '1000' } });
    await createAccount(test.database.db, { email: 'ana@example.org', role: 'staff', password: 'a long enough password' });
  });
  afterAll(async () => test?.close());

  async function signInForm() {
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    return { cookie: cookiesOf(page), csrf: csrfFrom(page.body) };
  }

  it('follows a path on this site', async () => {
    const form = await signInForm();
    const response = await test.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: form.cookie },
      payload: { email: 'ana@example.org', password: 'a long enough password', _csrf: form.csrf, next: '/events?year=2030' },
    });
    expect(response.headers.location).toBe('/events?year=2030');
  });

  it.each(['//evil.example/x', '/\\evil.example/x', '/%5Cevil.example/x', 'https://evil.example/x', 'javascript:alert(1)'])(
    'answers next=%j with the own dashboard, not another origin',
    async (next) => {
      const form = await signInForm();
      const response = await test.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie: form.cookie },
        payload: { email: 'ana@example.org', password: 'a long enough password', _csrf: form.csrf, next },
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/dashboard');
      const page = await test.app.inject({ method: 'GET', url: `/sign-in?next=${encodeURIComponent(next)}` });
      expect(page.body).not.toContain('name="next"');
    },
  );

});

describe('mosaik user add', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => test?.close());

  it('creates an account and prints a one-time link that sets the password once', async () => {
    const lines: string[] = [];
    const status = await userCommand({
      args: ['add', 'lead@example.org', '--role', 'admin'],
      open: async () => ({ ...test.database, close: async () => {} }),
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    expect(status).toBe(0);
    const link = lines.find((line) => line.includes('/set-password?token='));
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token')!;

    const page = await test.app.inject({ method: 'GET', url: `/set-password?token=${token}` });
    const form = { cookie: cookiesOf(page), csrf: csrfFrom(page.body) };
    const tooShort = await test.app.inject({ method: 'POST', url: '/set-password', headers: { cookie: form.cookie }, payload: { token, password: 'short', confirm: 'short', _csrf: form.csrf } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('mindestens 12 Zeichen');
    const ok = await test.app.inject({ method: 'POST', url: '/set-password', headers: { cookie: form.cookie }, payload: { token, password: 'twelve chars ok', confirm: 'twelve chars ok', _csrf: form.csrf } });
    expect(ok.statusCode).toBe(303);
    const again = await test.app.inject({ method: 'POST', url: '/set-password', headers: { cookie: form.cookie }, payload: { token, password: 'twelve chars ok', confirm: 'twelve chars ok', _csrf: form.csrf } });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('ungültig, schon benutzt oder abgelaufen');
  });

  it('refuses an unknown role and a duplicate account with a clear message', async () => {
    const errors: string[] = [];
    const io = { open: async () => ({ ...test.database, close: async () => {} }), out: () => {}, err: (line: string) => errors.push(line) };
    expect(await userCommand({ ...io, args: ['add', 'x@example.org', '--role', 'king'] })).toBe(2);
    expect(errors.at(-1)).toContain('Unknown role');
    await createPasswordLink(test.database.db, (await createAccount(test.database.db, { email: 'dup@example.org', role: 'staff' })).id);
    expect(await userCommand({ ...io, args: ['add', 'dup@example.org', '--role', 'staff'] })).toBe(1);
    expect(errors.at(-1)).toContain('already exists');
  });
});
