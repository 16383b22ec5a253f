import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../config.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../../test/database.js';
import { buildApp } from './app.js';
import { loggerOptions, redactUrl } from './log-redaction.js';

describe('secrets in logged URLs', () => {
  it('replaces tokens in the query and in manage-link paths, keeps the rest', () => {
    expect(redactUrl('/set-password?token=c2VjcmV0LXRva2Vu')).toBe('/set-password?token=[redacted]');
    expect(redactUrl('/imports?_csrf=abc123&kind=organizations')).toBe('/imports?_csrf=[redacted]&kind=organizations');
    expect(redactUrl('/x?csrf=1&resetToken=2&api_key=3&client_secret=4&password=5&lang=de')).toBe(
      '/x?csrf=[redacted]&resetToken=[redacted]&api_key=[redacted]&client_secret=[redacted]&password=[redacted]&lang=de',
    );
    expect(redactUrl('/x?%74oken=abc')).toBe('/x?%74oken=[redacted]');
    expect(redactUrl('/registrations/Qm9yaXMgSXdhbm93?lang=ar')).toBe('/registrations/[redacted]?lang=ar');
    expect(redactUrl('/events/12/registrations?status=waitlisted')).toBe('/events/12/registrations?status=waitlisted');
    expect(redactUrl('/organisations?q=Verein&page=2')).toBe('/organisations?q=Verein&page=2');
    expect(redactUrl('/x?%E0%A4%A=1&token')).toBe('/x?%E0%A4%A=1&token');
  });
});

describe(`the request log on ${testEngine}`, () => {
  let database: TestDatabase;
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const logger = pino(loggerOptions('info'), destination);
    app = await buildApp({ db: database.db, settings: readSettings({ MOSAIK_DEMO: 'false' }), logger });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('logs each request with its URL, never a token, CSRF token or manage token', async () => {
    const secrets = ['SetPasswordSecret0123456789abcdef', 'CsrfSecret0123456789abcdef', 'ManageSecret0123456789abcdef'];
    await app.inject({ method: 'GET', url: `/set-password?token=${secrets[0]}` });
    await app.inject({ method: 'POST', url: `/imports?_csrf=${secrets[1]}` });
    await app.inject({ method: 'GET', url: `/registrations/${secrets[2]}?lang=de` });
    const requests = lines.map((line) => JSON.parse(line) as { msg: string; req?: { url: string } }).filter((entry) => entry.msg === 'incoming request');
    expect(requests.map((entry) => entry.req!.url)).toEqual(['/set-password?token=[redacted]', '/imports?_csrf=[redacted]', '/registrations/[redacted]?lang=de']);
    for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
  });

  it('warns once when a proxy sends X-Forwarded-For but none is named in MOSAIK_TRUST_PROXY', async () => {
    await app.inject({ method: 'GET', url: '/sign-in', headers: { 'x-forwarded-for': '198.51.100.7' } });
    await app.inject({ method: 'GET', url: '/sign-in', headers: { 'x-forwarded-for': '198.51.100.8' } });
    const warnings = lines.filter((line) => line.includes('MOSAIK_TRUST_PROXY'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 40, proxy: '127.0.0.1' });
  });
});
