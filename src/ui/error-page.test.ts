import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../test/app.js';
import { testEngine } from '../../test/database.js';
import { roles } from '../http/access.js';
import type { Role } from '../db/tables.js';

/** Issue 10: no page is a dead end. Every link an error page offers opens (200) for the role that sees it. */

// a page each role may not open
const forbiddenFor: Record<Role, string> = {
  admin: '/my',
  staff: '/admin/accounts',
  coordinator: '/outbox',
  representative: '/dashboard',
  funder: '/outbox',
  evaluator: '/outbox',
};

const onwardLinks = (body: string) => {
  const list = /<ul class="kern-list" data-onward-links(?:="")?>([\s\S]*?)<\/ul>/.exec(body);
  return [...(list?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
};

describe(`error pages lead on, per role, on ${testEngine}`, () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => test?.close());

  const get = (url: string, session?: SignedIn) => test.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });

  it('offers a signed-out visitor of a missing page the start page and the sign-in', async () => {
    const page = await get('/nowhere');
    expect(page.statusCode).toBe(404);
    const links = onwardLinks(page.body);
    expect(links).toEqual(['/', '/sign-in']);
    for (const link of links) expect((await get(link)).statusCode, link).toBe(200);
    expect(page.body).not.toContain('action="/sign-out"');
  });

  for (const role of roles) {
    it(`gives a ${role} on "Kein Zugriff" and "Nicht gefunden" only links that open, and the sign-out`, async () => {
      const session = await test.signIn(role);
      for (const [url, status] of [[forbiddenFor[role], 403], ['/nowhere', 404]] as const) {
        const page = await get(url, session);
        expect(page.statusCode, url).toBe(status);
        const links = onwardLinks(page.body);
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) expect((await get(link, session)).statusCode, `${role}: ${link}`).toBe(200);
        expect(page.body).toContain('action="/sign-out"');
        expect(page.body).toContain(`value="${session.csrfToken}"`);
      }
      // the start page takes each signed-in role to a page it may open
      const home = await get('/', session);
      expect(home.statusCode).toBe(303);
      expect((await get(home.headers.location as string, session)).statusCode, `${role}: ${home.headers.location}`).toBe(200);
    });
  }

  it('takes a representative from "Meine Daten" back to "Mein Bereich"', async () => {
    const session = await test.signIn('representative');
    const page = await get('/my/data', session);
    expect(page.statusCode).toBe(200);
    const back = [...page.body.matchAll(/href="([^"]+)"/g)].map((match) => match[1]).filter((href) => href === '/my' || href === '/');
    expect(back).toContain('/my');
    expect(back).not.toContain('/');
    expect((await get('/my', session)).statusCode).toBe(200);
  });
});
