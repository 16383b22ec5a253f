import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type TestApp } from '../../../test/app.js';
import { accountRecords } from '../../../test/factories.js';
import { readSettings } from '../../config.js';
import { hashPassword } from './passwords.js';

/**
 * Issue 8, finding 4 and issue 10: X-Forwarded-For is believed only from the
 * configured proxy; the sign-in limit is per account and address, and far
 * higher per address alone, so a workshop on one Wi-Fi gets in.
 */
describe('sign-in limits', () => {
  let test: TestApp;
  const password = 'workshop password 2030';
  beforeAll(async () => {
    // default limits, one trusted proxy
    test = await createTestApp({ env: { MOSAIK_TRUST_PROXY: '10.9.0.1, 10.8.0.0/16' } });
    const hash = await hashPassword(password);
    await accountRecords(test.database.db, Array.from({ length: 41 }, (_, i) => ({ email: `person${i}@workshop.example`, role: 'staff' as const, displayName: `Person ${i}`, passwordHash: hash })));
  });
  afterAll(async () => test?.close());

  async function attempt(email: string, pass: string, network: { remoteAddress?: string; forwardedFor?: string } = {}) {
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    return test.app.inject({
      method: 'POST',
      url: '/sign-in',
      remoteAddress: network.remoteAddress ?? '192.0.2.10',
      headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded', ...(network.forwardedFor ? { 'x-forwarded-for': network.forwardedFor } : {}) },
      payload: new URLSearchParams({ email, password: pass, _csrf: csrfFrom(page.body) }).toString(),
    });
  }

  it('lets forty people of a workshop sign in from one address', async () => {
    for (let i = 0; i < 40; i++) {
      const response = await attempt(`person${i}@workshop.example`, password, { remoteAddress: '192.0.2.40' });
      expect(response.statusCode, `person ${i}`).toBe(303);
    }
  });

  it('blocks one account from one address after ten wrong passwords, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt('person40@workshop.example', 'wrong guess', { remoteAddress: '192.0.2.66', forwardedFor: `198.51.100.${i}` })).statusCode);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    // blocked even with the right password, with the time to wait, in German and English, naming no account
    const blocked = await attempt('person40@workshop.example', password, { remoteAddress: '192.0.2.66', forwardedFor: '203.0.113.7' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(blocked.body).toContain('Bitte versuchen Sie es in 15 Minuten erneut.');
    expect(blocked.body).toContain('Please try again in 15 minutes.');
    expect(blocked.body).not.toContain('person40@workshop.example');
    expect(blocked.cookies.find((cookie) => cookie.name === 'mosaik_session')).toBeUndefined();
    // an address without an account is blocked the same way: the answer tells nothing
    for (let i = 0; i < 10; i++) await attempt('nobody@workshop.example', 'wrong guess', { remoteAddress: '192.0.2.66' });
    expect((await attempt('nobody@workshop.example', 'wrong guess', { remoteAddress: '192.0.2.66' })).statusCode).toBe(429);
    // the owner, elsewhere, still gets in
    expect((await attempt('person40@workshop.example', password, { remoteAddress: '192.0.2.67' })).statusCode).toBe(303);
  });

  it('believes X-Forwarded-For only from the configured proxy', async () => {
    // through the proxy, the client's address counts: another client is not blocked
    for (let i = 0; i < 10; i++) await attempt('person39@workshop.example', 'wrong guess', { remoteAddress: '10.9.0.1', forwardedFor: '198.51.100.1' });
    expect((await attempt('person39@workshop.example', password, { remoteAddress: '10.9.0.1', forwardedFor: '198.51.100.1' })).statusCode).toBe(429);
    // the same client through the other proxy is still blocked ...
    expect((await attempt('person39@workshop.example', password, { remoteAddress: '10.8.3.4', forwardedFor: '198.51.100.1' })).statusCode).toBe(429);
    // ... another client through the same proxy is not
    expect((await attempt('person39@workshop.example', password, { remoteAddress: '10.9.0.1', forwardedFor: '198.51.100.2' })).statusCode).toBe(303);
  });

  it('refuses a proxy setting that is no address or range, naming it', () => {
    expect(() => readSettings({ MOSAIK_TRUST_PROXY: '10.0.0.1, proxy.local' })).toThrow(/MOSAIK_TRUST_PROXY: "proxy.local" is no IP address or CIDR range/);
    expect(() => readSettings({ MOSAIK_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/ist keine IP-Adresse und kein CIDR-Bereich/);
    expect(readSettings({ MOSAIK_TRUST_PROXY: ' 10.0.0.1 , ::1, fd00::/8 ' }).MOSAIK_TRUST_PROXY).toEqual(['10.0.0.1', '::1', 'fd00::/8']);
    expect(readSettings({}).MOSAIK_TRUST_PROXY).toEqual([]);
  });
});
