import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from './app.js';
import { testEngine } from './database.js';

/**
 * Input no one types answers 400 with a message naming the field, never 500
 * (issue 8, finding 17): a NUL byte anywhere in a query, path or body string
 * (src/http/input-guard.ts), and days the audit page cannot read.
 */
describe(`input guard on ${testEngine}`, () => {
  let test: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    admin = await test.signIn('admin');
  });
  afterAll(async () => test?.close());

  const get = (url: string, headers: Record<string, string> = {}) => test.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie, ...headers } });

  it('refuses a NUL byte in the address line with 400, naming the field in German and English', async () => {
    for (const url of ['/people?q=a%00b', '/admin/audit?account=%00', '/admin/audit?subjectId=a%00b', '/organisations?q=%00', '/events?district=x%00']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.body).toContain('Nullzeichen');
      expect(response.body).toContain('in der Adresszeile');
    }
    const json = await get('/api/v1/people?q=a%00');
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: 'badRequest', issues: [{ field: 'q', location: 'querystring', code: 'nulCharacter' }] });
    expect(json.json().message_en).toContain('The field “q” in the address line contains a null character');
  });

  it('refuses a NUL byte in a form or JSON body and in the path, and stores nothing', async () => {
    const form = await test.app.inject({
      method: 'POST',
      url: '/events',
      headers: { cookie: admin.cookie },
      payload: { _csrf: admin.csrfToken, format: 'other', title: 'Fest\u0000', start_date: '2030-01-01', organizer: 'centre' },
    });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('„title“');
    const api = await test.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Ada', roles: [{ note: 'x\u0000' }] }),
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().issues[0]).toMatchObject({ location: 'body', code: 'nulCharacter' });
    expect((await get('/people/1%00')).statusCode).toBe(400);
    expect(await test.database.db.selectFrom('event').select('id').execute()).toEqual([]);
  });

  it('still asks a signed-out visitor to sign in first', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/people?q=%00' });
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).toMatch(/^\/sign-in\?next=/);
  });

  it('answers days the audit page cannot read with 400 and says which field, also for its exports', async () => {
    for (const query of ['from=-1', 'to=-1', 'from=99999-01-01', 'from=2020-02-30', 'from=2020-01-01&to=-1']) {
      const page = await get(`/admin/audit?${query}`);
      expect(page.statusCode, query).toBe(400);
      expect(page.body).toContain('Diese Angaben konnten nicht verwendet werden');
      for (const format of ['csv', 'json']) expect((await get(`/admin/audit.${format}?${query}`)).statusCode, `${format} ${query}`).toBe(400);
    }
    const english = await get('/admin/audit?from=-1&lang=en');
    expect(english.body).toContain('These could not be used and were ignored: From');
    expect((await get('/admin/audit?from=2020-01-01&to=2020-12-31')).statusCode).toBe(200);
  });
});
