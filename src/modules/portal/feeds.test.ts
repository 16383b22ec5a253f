import { DOMParser, type Document } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { event } from '../../../test/factories.js';
import { publishPageVersion, savePageVersion } from './commands.js';
import { saveNewsPost } from './news.js';

let test: TestApp;
let staff: SignedIn;
const atom = 'http://www.w3.org/2005/Atom';

/** Parses strictly: any well-formedness error fails the test. */
function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}
const texts = (document: Document, namespace: string, name: string) => Array.from(document.getElementsByTagNameNS(namespace, name)).map((node) => node.textContent ?? '');

beforeAll(async () => {
  test = await createTestApp({ env: { MOSAIK_BASE_URL: 'https://portal.example' } });
  staff = await test.signIn('staff');
  const db = test.database.db;
  const actor = { accountId: staff.accountId };
  await savePageVersion(db, actor, { pageKey: 'imprint', language: 'de' }, { title: 'Impressum', description: '', body: 'Musterstraße 1', minor: false, baseRevision: 0 });
  await publishPageVersion(db, actor, { pageKey: 'imprint', language: 'de', revision: 1 }, new Date('2026-02-01T08:00:00Z'));
  // a draft page stays out of the sitemap
  await savePageVersion(db, actor, { pageKey: 'contact', language: 'de' }, { title: 'Kontakt', description: '', body: 'Telefon', minor: false, baseRevision: 0 });
  await event(db, { title: 'Netzwerktreffen <Nord> & Süd', startDate: '2099-05-04', place: 'Kassel' });
  await event(db, { title: 'Vergangene Schulung', startDate: '2001-01-01' });
  const posted = await saveNewsPost(db, actor, { postId: null, language: 'de' }, { title: 'Neue Förderrunde "WIR" 2026', summary: 'Anträge bis März', body: '<p>Jetzt bewerben.</p>', publishedOn: '2020-03-01' });
  if (posted.kind !== 'saved') throw new Error('news not saved');
  await saveNewsPost(db, actor, { postId: posted.postId, language: 'en' }, { title: 'New WIR funding round 2026', summary: 'Apply by March', body: '<p>Apply now.</p>' });
  await saveNewsPost(db, actor, { postId: null, language: 'de' }, { title: 'Erst übermorgen', summary: '', body: 'Noch geheim', publishedOn: '2999-01-01' });
});
afterAll(async () => test?.close());

describe('sitemap.xml', () => {
  it('is valid XML listing the published pages, the calendar with its upcoming events and the news', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(response.headers['content-type']).toContain('application/xml');
    const document = parseXml(response.body);
    expect(document.documentElement!.localName).toBe('urlset');
    const locations = texts(document, 'http://www.sitemaps.org/schemas/sitemap/0.9', 'loc');
    expect(locations).toContain('https://portal.example/impressum');
    expect(locations).not.toContain('https://portal.example/kontakt');
    expect(locations).toContain('https://portal.example/calendar');
    expect(locations.filter((location) => location.startsWith('https://portal.example/calendar/'))).toHaveLength(1);
    expect(locations.filter((location) => location.startsWith('https://portal.example/aktuelles/'))).toHaveLength(1);
    expect(texts(document, 'http://www.sitemaps.org/schemas/sitemap/0.9', 'lastmod')).toContain('2026-02-01T08:00:00.000Z');
  });
});

describe('Atom feeds', () => {
  it('lists published news in the asked language, not a post dated in the future', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/feeds/news.atom?lang=en' });
    expect(response.headers['content-type']).toContain('application/atom+xml');
    const document = parseXml(response.body);
    expect(document.documentElement!.namespaceURI).toBe(atom);
    expect(document.documentElement!.getAttribute('xml:lang')).toBe('en');
    const titles = texts(document, atom, 'title');
    expect(titles).toContain('New WIR funding round 2026');
    expect(titles.join(' ')).not.toContain('Erst übermorgen');
    expect(texts(document, atom, 'entry')).toHaveLength(1);
    // RFC 4287: feed and every entry have id, title, updated
    expect(texts(document, atom, 'id')).toHaveLength(2);
    expect(texts(document, atom, 'updated')).toHaveLength(2);
    const german = parseXml((await test.app.inject({ method: 'GET', url: '/feeds/news.atom' })).body);
    expect(texts(german, atom, 'title')).toContain('Neue Förderrunde "WIR" 2026');
  });

  it('lists the upcoming events of the calendar, escaping what the titles hold', async () => {
    const document = parseXml((await test.app.inject({ method: 'GET', url: '/feeds/events.atom' })).body);
    const titles = texts(document, atom, 'title');
    expect(titles).toContain('Netzwerktreffen <Nord> & Süd');
    expect(titles).not.toContain('Vergangene Schulung');
    const link = document.getElementsByTagNameNS(atom, 'entry')[0].getElementsByTagNameNS(atom, 'link')[0];
    expect(link.getAttribute('href')).toMatch(/^https:\/\/portal\.example\/calendar\/\d+\?lang=de$/);
    expect(texts(document, atom, 'summary')[0]).toContain('Kassel');
  });
});

describe('news pages', () => {
  it('shows published posts in the visitor language, German where untranslated, and hides drafts and future posts', async () => {
    const list = await test.app.inject({ method: 'GET', url: '/aktuelles?lang=en' });
    expect(list.body).toContain('New WIR funding round 2026');
    expect(list.body).not.toContain('Erst übermorgen');
    const turkish = await test.app.inject({ method: 'GET', url: '/aktuelles?lang=tr' });
    expect(turkish.body).toMatch(/<li lang="de" dir="ltr">[\s\S]*Neue Förderrunde/);
    const future = await test.database.db.selectFrom('portal_news_post').select('id').where('published_on', '=', '2999-01-01').executeTakeFirstOrThrow();
    expect((await test.app.inject({ method: 'GET', url: `/aktuelles/${future.id}` })).statusCode).toBe(404);
  });

  it('lets staff write a post through the form, naming a bad date in the error summary', async () => {
    const headers = { cookie: staff.cookie };
    const bad = await test.app.inject({ method: 'POST', url: '/admin/news/new', headers, payload: { _csrf: staff.csrfToken, title: 'Sommerfest', summary: '', body: 'Alle sind eingeladen.', publishedOn: '31.02.2026' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#publishedOn"');
    const saved = await test.app.inject({ method: 'POST', url: '/admin/news/new', headers, payload: { _csrf: staff.csrfToken, title: 'Sommerfest', summary: '', body: 'Alle sind eingeladen.', publishedOn: '2021-07-01' } });
    expect(saved.statusCode).toBe(303);
    const list = await test.app.inject({ method: 'GET', url: '/aktuelles' });
    expect(list.body).toContain('Sommerfest');
    const staffList = await test.app.inject({ method: 'GET', url: '/admin/news', headers });
    expect(staffList.body).toContain('Sommerfest');
  });
});
