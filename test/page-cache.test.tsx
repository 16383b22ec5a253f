import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedFigureCount, clearFiguresCache } from '../src/db/data-version.js';
import { chosenEncoding } from '../src/http/kept-response.js';
import { cachedBody, csrfPlaceholder } from '../src/http/page-cache.js';
import { createTestApp, type TestApp } from './app.js';
import { account, event } from './factories.js';
import type { FastifyRequest } from 'fastify';
import { render } from 'preact-render-to-string';

/*
 * Public pages are rendered once per change of the data (src/http/page-cache.tsx):
 * every write that could change what a page shows must move the data version,
 * whichever table it touches (250_data_version_everywhere.sql), and a kept
 * page must never carry another visitor's CSRF token.
 */

let test: TestApp;

beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => {
  await test.close();
});

describe('the data version covers every table', () => {
  it('gives each table of the schema the trigger, except the few no kept page reads', async () => {
    const db = test.database.db;
    const { rows: excluded } = await sql<{ name: string }>`select unnest(data_change_excluded_tables()) as name`.execute(db);
    const { rows } = await sql<{ name: string; has_trigger: boolean }>`
      select c.relname as name,
             exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_data_change') as has_trigger
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname = current_schema()`.execute(db);
    const skipped = new Set(excluded.map((row) => row.name));
    const missing = rows.filter((row) => !skipped.has(row.name) && !row.has_trigger).map((row) => row.name);
    expect(rows.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
    // and the excluded ones really are left alone (their writes would only throw kept pages away)
    expect(rows.filter((row) => skipped.has(row.name) && row.has_trigger).map((row) => row.name)).toEqual([]);
  });

  it('attaches the trigger to a table created after the migrations', async () => {
    const db = test.database.db;
    await sql`create table page_cache_probe (id int primary key)`.execute(db);
    const { rows } = await sql<{ attached: number }>`select data_change_attach_all() as attached`.execute(db);
    expect(rows[0].attached).toBe(1);
    const before = await version();
    await sql`insert into page_cache_probe values (1)`.execute(db);
    expect(await version()).toBeGreaterThan(before);
    await sql`drop table page_cache_probe`.execute(db);
  });
});

async function version(): Promise<number> {
  const { rows } = await sql<{ version: string }>`select coalesce(sum(changes), 0)::bigint as version from data_change`.execute(test.database.db);
  return Number(rows[0].version);
}

describe('a kept public page', () => {
  it('is computed once, served again unchanged, and computed anew after any write', async () => {
    const db = test.database.db;
    const first = await event(db, { title: 'Erstes Treffen im Cache', organizer: 'centre', startDate: '2031-02-01' });
    clearFiguresCache(db);
    const one = await test.app.inject({ method: 'GET', url: '/calendar?lang=de' });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain(first.title);
    const kept = cachedFigureCount(db);
    expect(kept).toBeGreaterThan(0);
    const two = await test.app.inject({ method: 'GET', url: '/calendar?lang=de' });
    expect(two.body).toContain(first.title);
    expect(cachedFigureCount(db)).toBe(kept); // nothing new computed
    // a write straight to the table, not through a route: the trigger still moves the version
    await sql`update event set title = 'Umbenanntes Treffen im Cache' where id = ${first.id}`.execute(db);
    const three = await test.app.inject({ method: 'GET', url: '/calendar?lang=de' });
    expect(three.body).toContain('Umbenanntes Treffen im Cache');
    expect(three.body).not.toContain(first.title);
  });

  it('is kept per language', async () => {
    const german = await test.app.inject({ method: 'GET', url: '/calendar?lang=de' });
    const english = await test.app.inject({ method: 'GET', url: '/calendar?lang=en' });
    expect(german.body).toContain('lang="de"');
    expect(english.body).toContain('lang="en"');
    expect(english.body).not.toEqual(german.body);
  });

  it('is not kept for a signed-in visitor', async () => {
    const db = test.database.db;
    const staff = await account(test, 'staff');
    clearFiguresCache(db);
    const page = await test.app.inject({ method: 'GET', url: '/faq?lang=de', headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(cachedFigureCount(db)).toBe(0);
  });

  it("puts each visitor's own CSRF token into a kept body", async () => {
    const db = test.database.db;
    clearFiguresCache(db);
    const requestOf = (csrfToken: string) =>
      ({ account: null, method: 'GET', url: '/probe', routeOptions: { url: '/probe' }, language: 'de', csrfToken, server: { db } }) as unknown as FastifyRequest;
    let renders = 0;
    const form = async (token: string) => {
      renders++;
      return (
        <form method="post">
          <input type="hidden" name="_csrf" value={token} />
        </form>
      );
    };
    const a = render(await cachedBody(requestOf('token-of-visitor-a'), form));
    const b = render(await cachedBody(requestOf('token-of-visitor-b'), form));
    expect(renders).toBe(1);
    expect(a).toContain('value="token-of-visitor-a"');
    expect(b).toContain('value="token-of-visitor-b"');
    expect(b).not.toContain('token-of-visitor-a');
    expect(a + b).not.toContain(csrfPlaceholder);
  });
});

describe('a kept page for a signed-in reader (the dashboard)', () => {
  it('chooses brotli, else gzip, else none, and honours q=0', () => {
    expect(chosenEncoding('gzip, deflate, br')).toBe('br');
    expect(chosenEncoding('gzip, br;q=0')).toBe('gzip');
    expect(chosenEncoding('identity')).toBeNull();
    expect(chosenEncoding(undefined)).toBeNull();
    expect(chosenEncoding('*')).toBe('br');
  });

  it('is sent compressed as kept, per session, and built anew after a write', async () => {
    const db = test.database.db;
    const staff = await account(test, 'staff');
    const other = await account(test, 'staff');
    const url = '/dashboard?from=2031-01-01&to=2031-12-31';
    const get = (cookie: string, encoding = 'br') => test.app.inject({ method: 'GET', url, headers: { cookie, 'accept-encoding': encoding } });
    const one = await get(staff.cookie);
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(one.rawPayload).toString('utf8');
    expect(html).toContain(staff.csrfToken);
    const two = await get(staff.cookie);
    expect(Buffer.compare(two.rawPayload, one.rawPayload)).toBe(0);
    // another reader's page carries their own token, never the first one's
    const theirs = brotliDecompressSync((await get(other.cookie)).rawPayload).toString('utf8');
    expect(theirs).toContain(other.csrfToken);
    expect(theirs).not.toContain(staff.csrfToken);
    // gzip and no compression give the same page
    expect(gunzipSync((await get(staff.cookie, 'gzip')).rawPayload).toString('utf8')).toBe(html);
    expect((await get(staff.cookie, 'identity')).body).toBe(html);
    // a write moves the data version: the page is built again with the new figures
    await event(db, { title: 'Neues Treffen für das Dashboard', organizer: 'centre', startDate: '2031-05-05' });
    const three = brotliDecompressSync((await get(staff.cookie)).rawPayload).toString('utf8');
    expect(three).not.toBe(html);
  });
});
