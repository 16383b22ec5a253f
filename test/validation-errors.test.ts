import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from './app.js';

/**
 * A request a route's schema refuses gets field-by-field messages in German
 * and English (src/http/validation.ts), never Zod's technical English.
 */
describe('schema validation errors', () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
  });
  afterAll(() => test.close());

  it('names the field, where it was sent and the fix, in German and English', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/organisations/review?limit=0', headers: { cookie: staff.cookie } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('badRequest');
    expect(body.issues).toEqual([
      {
        field: 'limit',
        location: 'querystring',
        code: 'too_small',
        message: 'Das Feld „limit“ in der Adresszeile ist zu klein. Der kleinste erlaubte Wert ist 1.',
        message_en: 'The field “limit” in the address line is too small. The smallest allowed value is 1.',
      },
    ]);
    expect(body.message).toContain('Die Anfrage enthält ungültige Angaben:');
    expect(body.message_en).toContain('The request contains invalid data:');
    expect(response.body).not.toMatch(/Too small:|expected number|ZodError/);
  });

  it('lists every refused field on the page in the page language', async () => {
    const german = await test.app.inject({ method: 'GET', url: '/imports?done=0', headers: { cookie: staff.cookie } });
    expect(german.statusCode).toBe(400);
    expect(german.body).toContain('Die Anfrage enthält ungültige Angaben:');
    expect(german.body).toContain('<li>Das Feld „done“ in der Adresszeile muss größer als 0 sein.</li>');
    const english = await test.app.inject({ method: 'GET', url: '/imports?done=0&lang=en', headers: { cookie: staff.cookie } });
    expect(english.body).toContain('<li>The field “done” in the address line must be greater than 0.</li>');
    const tooBig = await test.app.inject({ method: 'GET', url: '/api/v1/organisations/review?limit=1000', headers: { cookie: staff.cookie } });
    expect(tooBig.json().issues[0]).toMatchObject({ code: 'too_big', message_en: expect.stringContaining('The largest allowed value is 200') });
  });
});
