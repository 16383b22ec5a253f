import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { createLinkMaterial } from './commands.js';
import { checkMaterialLinks } from './link-check.js';

/*
 * The scheduled check of the links to the Land's forms, against a local
 * server (never the internet): a form that is there (200, after a redirect,
 * and one that refuses HEAD), one that is gone (404) and one that never
 * answers (timeout: 2 s, generous so that a loaded machine does not turn a
 * reachable form into a timeout). The clock is passed in.
 */

let server: Server;
let base: string;
let test: TestApp;
let staff: SignedIn;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    if (request.url === '/moved') return void response.writeHead(301, { location: '/form' }).end();
    if (request.url === '/form') return void response.writeHead(200, { 'content-type': 'application/pdf' }).end();
    if (request.url === '/no-head') return void response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
    if (request.url === '/slow') return; // never answers
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  test = await createTestApp();
  staff = await test.signIn('staff');
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await test?.close();
});

const fields = (title: string) => ({ title, description: '', language: 'de', topic: 'application', eventFormats: [], checklistItems: [] });

describe('the link check', () => {
  it('marks reachable forms ok, and a 404 or a server that does not answer as broken, listed for staff', async () => {
    const db = test.database.db;
    const ids = {
      form: await createLinkMaterial(db, null, fields('Antragsformular'), `${base}/moved`),
      noHead: await createLinkMaterial(db, null, fields('Belegliste'), `${base}/no-head`),
      gone: await createLinkMaterial(db, null, fields('Verwendungsnachweis'), `${base}/gone`),
      slow: await createLinkMaterial(db, null, fields('Sachbericht'), `${base}/slow`),
    };
    const now = new Date('2026-03-02T03:00:00Z');
    expect(await checkMaterialLinks(db, now, { timeoutMs: 2000 })).toBe(4);

    const rows = await db.selectFrom('material').select(['id', 'link_ok', 'link_problem', 'link_checked_at']).where('kind', '=', 'link').orderBy('id').execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.form)).toMatchObject({ link_ok: true, link_problem: null });
    expect(byId.get(ids.noHead)).toMatchObject({ link_ok: true, link_problem: null });
    expect(byId.get(ids.gone)).toMatchObject({ link_ok: false, link_problem: 'HTTP 404' });
    expect(byId.get(ids.slow)).toMatchObject({ link_ok: false, link_problem: 'timeout' });
    expect(new Date(byId.get(ids.gone)!.link_checked_at!).toISOString()).toBe(now.toISOString());
    expect(seen).toContain('GET /no-head');

    const list = await test.app.inject({ url: '/materials/links', headers: { cookie: staff.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`data-material="${ids.gone}"`);
    expect(list.body).toContain(`data-material="${ids.slow}"`);
    expect(list.body).toContain('Link defekt (HTTP 404)');
    expect(list.body).not.toContain(`data-material="${ids.form}"`);

    // checked once a day: an hour later nothing is asked again, a day later everything
    expect(await checkMaterialLinks(db, new Date('2026-03-02T04:00:00Z'), { timeoutMs: 2000 })).toBe(0);
    expect(await checkMaterialLinks(db, new Date('2026-03-03T03:00:01Z'), { timeoutMs: 2000 })).toBe(4);
  });
});
