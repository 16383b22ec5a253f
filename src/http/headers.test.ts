import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../test/app.js';
import { testEngine } from '../../test/database.js';

/** Issue 8, finding 18: Permissions-Policy everywhere; no-store on everything but the static assets. */
describe(`response headers on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_SIGNIN_RATE_LIMIT: '1000' } });
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());

  const get = (url: string, headers: Record<string, string> = {}) => test.app.inject({ method: 'GET', url, headers });

  it('forbids camera, microphone, geolocation, payment and USB on every response', async () => {
    for (const response of [await get('/sign-in'), await get('/dashboard', { cookie: staff.cookie }), await get('/nowhere'), await get('/assets/mosaik.css'), await get('/api/docs/json')]) {
      const policy = String(response.headers['permissions-policy']);
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(policy).toContain(feature);
    }
  });

  it('lets no browser or proxy store a page, an error or an API answer, signed in or not', async () => {
    const responses = {
      signInPage: await get('/sign-in'),
      dashboard: await get('/dashboard', { cookie: staff.cookie }),
      outbox: await get('/outbox', { cookie: staff.cookie }),
      json: await get('/api/docs/json'),
      notFound: await get('/nowhere', { cookie: staff.cookie }),
      redirect: await get('/dashboard'),
      csrfRefusal: await test.app.inject({ method: 'POST', url: '/sign-out', headers: { cookie: staff.cookie } }),
    };
    for (const [name, response] of Object.entries(responses)) expect(`${name}: ${response.headers['cache-control']}`).toBe(`${name}: no-store`);
    expect(responses.dashboard.statusCode).toBe(200);
    expect(responses.csrfRefusal.statusCode).toBe(403);
  });

  it('keeps caching the static stylesheets', async () => {
    for (const url of ['/assets/mosaik.css', '/assets/kern/kern-grid.css']) {
      const response = await get(url, { cookie: staff.cookie });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
      expect(response.headers['cache-control']).not.toContain('no-store');
    }
  });

  it('serves the API description to anyone: it shows the shape of the API, no data (docs/decisions.md)', async () => {
    const description = await get('/api/docs/json');
    expect(description.statusCode).toBe(200);
    expect(description.json()).toHaveProperty('openapi');
  });
});
