import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { publishPageVersion, savePageVersion, type PageDraft } from './commands.js';
import { pagesOverview } from './queries.js';

let test: TestApp;
let staff: SignedIn;
beforeAll(async () => {
  test = await createTestApp();
  staff = await test.signIn('staff');
});
afterAll(async () => test?.close());

const draft = (values: Partial<PageDraft> & { baseRevision: number }): PageDraft => ({ title: 'Über uns', description: '', body: '<p>Text</p>', minor: false, ...values });
const statusOf = async (pageKey: string, language: string) => (await pagesOverview(test.database.db)).find((page) => page.pageKey === pageKey)!.translations[language];

describe('translation status follows the German text', () => {
  it('is missing, then up to date, outdated after a German change, and not outdated by a minor edit', async () => {
    const db = test.database.db;
    const actor = { accountId: staff.accountId };
    const about = { pageKey: 'about' as const };
    expect(await savePageVersion(db, actor, { ...about, language: 'de' }, draft({ baseRevision: 0, body: '<p>Wir beraten Vereine.</p>' }))).toMatchObject({ kind: 'saved', revision: 1 });
    expect(await statusOf('about', 'en')).toBe('missing');
    await savePageVersion(db, actor, { ...about, language: 'en' }, draft({ baseRevision: 0, title: 'About us', body: '<p>We advise associations.</p>' }));
    expect(await statusOf('about', 'en')).toBe('upToDate');
    // a typo fixed in German: the English text still says the same
    await savePageVersion(db, actor, { ...about, language: 'de' }, draft({ baseRevision: 1, body: '<p>Wir beraten Vereine!</p>', minor: true }));
    expect(await statusOf('about', 'en')).toBe('upToDate');
    // a change in substance: the English text is behind until it is saved again
    await savePageVersion(db, actor, { ...about, language: 'de' }, draft({ baseRevision: 2, body: '<p>Wir beraten Vereine und Initiativen.</p>' }));
    expect(await statusOf('about', 'en')).toBe('outdated');
    expect(await statusOf('about', 'tr')).toBe('missing');
    await savePageVersion(db, actor, { ...about, language: 'en' }, draft({ baseRevision: 1, title: 'About us', body: '<p>We advise associations and initiatives.</p>' }));
    expect(await statusOf('about', 'en')).toBe('upToDate');
  });
});

describe('two editors saving on the same version', () => {
  it('stores the first and gives the second a conflict with both texts, storing nothing of it', async () => {
    const db = test.database.db;
    const actor = { accountId: staff.accountId };
    const page = { pageKey: 'offers' as const, language: 'de' as const };
    await savePageVersion(db, actor, page, draft({ baseRevision: 0, title: 'Angebote' }));
    // both start from revision 1 and save at the same moment
    const [first, second] = await Promise.all([
      savePageVersion(db, actor, page, draft({ baseRevision: 1, title: 'Angebote', body: '<p>Text von Anna</p>' })),
      savePageVersion(db, actor, page, draft({ baseRevision: 1, title: 'Angebote', body: '<p>Text von Ben</p>' })),
    ]);
    const outcomes = [first, second].map((outcome) => outcome.kind).sort();
    expect(outcomes).toEqual(['conflict', 'saved']);
    const conflict = [first, second].find((outcome) => outcome.kind === 'conflict')!;
    if (conflict.kind !== 'conflict') throw new Error('expected a conflict');
    expect(conflict.current.revision).toBe(2);
    expect([conflict.current.body, conflict.submitted.body].sort()).toEqual(['<p>Text von Anna</p>', '<p>Text von Ben</p>']);
    const versions = await db.selectFrom('portal_page_version').select('revision').where('page_key', '=', 'offers').execute();
    expect(versions.map((version) => version.revision).sort()).toEqual([1, 2]);
  });

  it('shows the conflict page with both texts, the second text still in the form', async () => {
    const url = '/admin/pages/contact/de';
    const headers = { cookie: staff.cookie };
    const save = (body: string, baseRevision: number) =>
      test.app.inject({ method: 'POST', url, headers, payload: { _csrf: staff.csrfToken, title: 'Kontakt', description: '', body, baseRevision: String(baseRevision) } });
    expect((await save('<p>Telefon 069 1</p>', 0)).statusCode).toBe(303);
    expect((await save('<p>Telefon 069 2 von Anna</p>', 1)).statusCode).toBe(303);
    const late = await save('<p>Sprechzeiten von Ben</p>', 1);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Jemand anderes hat die Seite inzwischen gespeichert');
    expect(late.body).toContain('Telefon 069 2 von Anna'); // theirs
    expect(late.body).toMatch(/<textarea[^>]*name="body"[^>]*>&lt;p>Sprechzeiten von Ben/); // yours, in the form
    expect(late.body).toContain('name="baseRevision" value="2"');
  });
});

describe('pages for staff and visitors', () => {
  it('cleans a pasted text on saving and says so; a missing title is named in the error summary', async () => {
    const headers = { cookie: staff.cookie };
    const url = '/admin/pages/imprint/de';
    const invalid = await test.app.inject({ method: 'POST', url, headers, payload: { _csrf: staff.csrfToken, title: '', body: '<script>x</script>', baseRevision: '0' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#title"');
    expect(invalid.body).toContain('Geben Sie einen Titel ein.');
    const saved = await test.app.inject({ method: 'POST', url, headers, payload: { _csrf: staff.csrfToken, title: 'Impressum', description: 'Angaben zum Anbieter', body: '<p onclick="x()">Musterstraße 1</p><script>alert(1)</script>', baseRevision: '0' } });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/pages/imprint/de?saved=1&cleaned=1');
    const editor = await test.app.inject({ method: 'GET', url: saved.headers.location as string, headers });
    expect(editor.body).toContain('Sie wurden entfernt');
    const stored = await test.database.db.selectFrom('portal_page_version').select('body').where('page_key', '=', 'imprint').executeTakeFirstOrThrow();
    expect(stored.body).toBe('<p>Musterstraße 1</p>');
  });

  it('shows a page to visitors only once published, in German where a translation is missing', async () => {
    const db = test.database.db;
    expect((await test.app.inject({ method: 'GET', url: '/datenschutz' })).statusCode).toBe(404);
    await savePageVersion(db, { accountId: staff.accountId }, { pageKey: 'privacy', language: 'de' }, draft({ baseRevision: 0, title: 'Datenschutzerklärung', description: 'Wie wir mit Daten umgehen', body: '<p>Keine fremden Server.</p>' }));
    const preview = await test.app.inject({ method: 'GET', url: '/admin/pages/privacy/de/preview', headers: { cookie: staff.cookie } });
    expect(preview.body).toContain('Vorschau von Version 1');
    expect((await test.app.inject({ method: 'GET', url: '/datenschutz' })).statusCode).toBe(404);
    const publish = await test.app.inject({ method: 'POST', url: '/admin/pages/privacy/de/publish', headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, revision: '1' } });
    expect(publish.statusCode).toBe(303);
    const page = await test.app.inject({ method: 'GET', url: '/datenschutz' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Datenschutzerklärung – ');
    expect(page.body).toContain('<meta name="description" content="Wie wir mit Daten umgehen"/>');
    expect(page.body).toContain('<p>Keine fremden Server.</p>');
    const arabic = await test.app.inject({ method: 'GET', url: '/datenschutz?lang=ar' });
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('<article class="kern-stack-sm mosaik-portal-page" lang="de" dir="ltr">');
    expect(arabic.body).toContain('هذه الصفحة غير متوفرة بلغتك بعد');
  });

  it('makes the published home page the start page for visitors and still sends staff to the dashboard', async () => {
    const db = test.database.db;
    const actor = { accountId: staff.accountId };
    await savePageVersion(db, actor, { pageKey: 'home', language: 'de' }, draft({ baseRevision: 0, title: 'Willkommen im Kompetenzzentrum', body: '<p>Beratung für Vereine.</p>' }));
    expect((await test.app.inject({ method: 'GET', url: '/' })).body).not.toContain('Willkommen im Kompetenzzentrum');
    await publishPageVersion(db, actor, { pageKey: 'home', language: 'de', revision: 1 }, new Date('2026-03-02T10:00:00Z'));
    const home = await test.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('<h1 class="kern-heading-x-large">Willkommen im Kompetenzzentrum</h1>');
    expect(home.body).toContain('href="/impressum"'); // footer link of the portal
    const signedIn = await test.app.inject({ method: 'GET', url: '/', headers: { cookie: staff.cookie } });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/dashboard');
  });

  it('lists the pages with the status of every translation for staff', async () => {
    const list = await test.app.inject({ method: 'GET', url: '/admin/pages', headers: { cookie: staff.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Seiten des Portals');
    expect(list.body).toMatch(/data-page="about"[\s\S]*?data-language="en"[^>]*><span class="kern-badge kern-badge--success" data-status="upToDate"/);
  });
});
