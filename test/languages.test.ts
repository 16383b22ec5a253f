import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/http/access.js';
import { publicLanguages, watchFallbacks, type Fallback, type Language } from '../src/i18n/index.js';
import { createTestApp, type SignedIn, type TestApp } from './app.js';
import { account, consultationRequest, organisation, person } from './factories.js';

/*
 * Every page an association representative may open, in each of the six
 * languages, with real content on it (docs/languages.md): no string may fall
 * back to German (the translator reports each one, src/i18n/index.ts
 * watchFallbacks), no key name may show, and the page must say its language
 * and direction. The pages come from the access policy (test/access/*.ts):
 * a new GET route a representative may open fails here until it is walked
 * (or listed below as not a page).
 */

const policy: Record<string, Access> = {};
const accessFolder = new URL('./access/', import.meta.url);
for (const file of readdirSync(accessFolder).filter((name) => name.endsWith('.ts'))) {
  Object.assign(policy, ((await import(new URL(file, accessFolder).href)) as { expectedAccess: Record<string, Access> }).expectedAccess);
}
const representativeRoutes = Object.entries(policy)
  .filter(([route, access]) => route.startsWith('GET ') && (access === 'signedIn' || (Array.isArray(access) && access.includes('representative'))))
  .map(([route]) => route.slice('GET '.length))
  .sort();

/** Files and downloads, not pages: their words are checked where they are made (the proof of use, the data export). */
const notPages = new Set(['/api/v1/microprojects', '/api/v1/microprojects/:projectId', '/microprojects/:id/proof.pdf', '/microprojects/:id/proof.xlsx', '/microprojects/:id/due-dates.ics', '/microprojects/:id/documents/:documentId', '/my/portraits/:id/photo', '/my/data.json', '/pinboard/:id/image']);

/** The public pages a representative passes through to get in: sign-in, forgotten password, the invitation's set-password page. */
const entryPages = ['/sign-in', '/sign-in?signedOut=1', '/forgot-password', '/set-password?token=x'];

let test: TestApp;
let representative: SignedIn;
let claimant: SignedIn;
let pages: Record<string, string[]>;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  const own = await organisation(db, { name: 'Frauenverein Gießen', district: 'Gießen' });
  const other = await organisation(db, { name: 'Elternverein Kassel', district: 'Kassel' });
  await person(db, { organisationId: own.id, name: 'Ayşe Demir', email: 'ayse@verein.example', role: 'board' });
  representative = await account(test, 'representative', { organisationIds: [own.id] });
  claimant = await account(test, 'representative');
  const post = (who: SignedIn, url: string, payload: Record<string, string | string[]>) =>
    test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
  // a claim waiting for the centre (shown on /my), a consultation request of the organisation
  expect((await post(claimant, '/my/claim', { organisation_id: String(other.id), role: 'board', message: 'Ich bin Vorsitzende.' })).statusCode).toBe(303);
  await consultationRequest(db, { organisationId: own.id });
  const asked = await post(representative, '/my/consultation-requests/new', { organisation_id: String(own.id), topics: 'rooms', channel: 'phone', contact_phone: '0641 123456', message: 'Wir suchen einen Raum.' });
  expect(asked.statusCode).toBe(303);
  const requestId = Number(/\/my\/consultation-requests\/(\d+)/.exec(String(asked.headers.location))?.[1] ?? (await db.selectFrom('consultation_request').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
  // a micro-project of the organisation, made and started by the centre
  const staff = await test.signIn('staff');
  expect((await post(staff, '/microprojects/rules', { year: '2019', project_limit: '3.000', minijob_limit: '7.200', application_deadline: '31.12.2018', minimum_wage: '9,19', minijob_monthly_ceiling: '450', proof_due_months: '6', overspend_tolerance_percent: '20' })).statusCode).toBe(303);
  const created = await post(staff, '/microprojects', {
    organisation_id: String(own.id), title: 'Nähcafé für Frauen', summary: 'Ein Treffpunkt für Frauen und Mütter.', year: '2019', application_type: 'new',
    starts_on: '2019-03-01', ends_on: '2019-12-31', planned_project_costs: '2.500,00', planned_minijob: '4.050,00', planned_tax_adviser: '300',
    minijob_monthly_hours: '45', minijob_monthly_pay: '450,00', integration_office: 'Integrationsbüro Gießen', contact_name_1: 'Ayşe Demir', contact_email_1: 'ayse@verein.example', contact_language_1: 'tr',
  });
  expect(created.statusCode).toBe(303);
  const projectId = Number(/\/microprojects\/(\d+)/.exec(String(created.headers.location))![1]);
  expect((await post(staff, `/microprojects/${projectId}/stage`, { stage: 'running', approved_on: '2019-02-15' })).statusCode).toBe(303);
  // a pinboard post of the organisation, published by the centre and answered by another association (a conversation)
  const offered = await post(representative, '/pinboard/new', {
    organisation_id: String(own.id), kind: 'room_offered', lang: 'de', title: 'Raum frei am Samstag', body: 'Unser Raum ist samstags frei, für bis zu 40 Personen.',
    district: 'Kassel', room_size: '40', accessible: 'yes', available_when: 'samstags', topic_rooms: 'yes',
  });
  expect(offered.statusCode).toBe(303);
  const postId = Number(/\/pinboard\/(\d+)/.exec(String(offered.headers.location))![1]);
  expect((await post(staff, `/staff/pinboard/${postId}/approve`, {})).statusCode).toBe(303);
  const neighbour = await account(test, 'representative', { organisationIds: [(await organisation(db, { name: 'Kulturverein Marburg', district: 'Marburg' })).id] });
  const contacted = await post(neighbour, `/pinboard/${postId}/contact`, { message: 'Wir würden den Raum gern nutzen.' });
  expect(contacted.statusCode).toBe(303);
  const conversationId = Number(/\/pinboard\/conversations\/(\d+)/.exec(String(contacted.headers.location))![1]);

  // a Vereins-Check the representative started for the organisation
  const started = await post(representative, '/selfcheck/start', { organisation_id: String(own.id), token: 'languages-walk-token-0001' });
  expect(started.statusCode).toBe(303);
  const checkId = Number(/\/selfcheck\/checks\/(\d+)/.exec(String(started.headers.location))![1]);

  pages = {
    '/my': ['/my'],
    '/my/claim': ['/my/claim', '/my/claim?q=Frauen', '/my/claim?q=zzzz', '/my/claim?propose=1'],
    '/account': ['/account'],
    '/my/consultation-requests': ['/my/consultation-requests'],
    '/my/consultation-requests/new': ['/my/consultation-requests/new'],
    '/my/consultation-requests/:id': [`/my/consultation-requests/${requestId}`],
    '/organisations/:id': [`/organisations/${own.id}`],
    '/organisations/:id/edit': [`/organisations/${own.id}/edit`],
    '/microprojects': ['/microprojects'],
    '/microprojects/:id': [`/microprojects/${projectId}`],
    '/microprojects/:id/receipts': [`/microprojects/${projectId}/receipts`],
    '/microprojects/:id/sachbericht': [`/microprojects/${projectId}/sachbericht`],
    '/my/portraits': ['/my/portraits'],
    '/my/portraits/:id': [`/my/portraits/${own.id}`],
    '/my/data': ['/my/data'],
    '/wegweiser/suggest': ['/wegweiser/suggest'],
    '/pinboard': ['/pinboard', '/pinboard?kind=room_offered&district=Kassel&q=Raum', '/pinboard?q=zzzz'],
    '/pinboard/fair': ['/pinboard/fair'],
    '/pinboard/mine': ['/pinboard/mine'],
    '/pinboard/new': ['/pinboard/new'],
    '/pinboard/:id': [`/pinboard/${postId}`],
    '/pinboard/:id/edit': [`/pinboard/${postId}/edit`],
    '/pinboard/conversations/:id': [`/pinboard/conversations/${conversationId}`],
    '/selfcheck': ['/selfcheck'],
    '/selfcheck/checks/:id': [`/selfcheck/checks/${checkId}`],
    '/selfcheck/checks/:id/areas/:area': [`/selfcheck/checks/${checkId}/areas/network`],
    '/selfcheck/organisations/:id': [`/selfcheck/organisations/${own.id}`],
  };
}, 120_000);
afterAll(async () => test?.close());

/** Text a reader sees that looks like an i18n key ("accounts.my.title"), outside tags, attributes of addresses and e-mail addresses. */
function leakedKeys(html: string, url: string): string[] {
  // the data export shows the stored rows as they are (an audit entry's action is "account.sign_in"): values, not words
  const shown = url === '/my/data' ? html.replace(/<td[^>]*>[\s\S]*?<\/td>/g, '') : html;
  const text = shown.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, ' ');
  const keyLike = /(?<![\w@./-])[a-z][a-zA-Z]+(?:\.[a-zA-Z][a-zA-Z0-9_]*){1,}(?![\w@/-])/g;
  return [...text.matchAll(keyLike)].map((match) => match[0]).filter((word) => !/\.(example|de|org|com|pdf|xlsx|csv|json)$/.test(word));
}

describe('the representative’s area in six languages', () => {
  it('walks every page a representative may open (from test/access)', () => {
    const walked = Object.keys(pages).sort();
    expect(representativeRoutes.filter((route) => !notPages.has(route))).toEqual(walked);
  });

  it('finds no string in German or as a key on any page, in tr, ar, ru, uk and en', async () => {
    const untranslated: string[] = [];
    const urls = [...Object.values(pages).flat().map((url) => ({ url, who: url === '/my' || url.startsWith('/my/claim') ? [representative, claimant] : [representative] })), ...entryPages.map((url) => ({ url, who: [null] }))];
    for (const language of publicLanguages.filter((each) => each !== 'de')) {
      for (const { url, who } of urls) {
        for (const signedIn of who) {
          const found: Fallback[] = [];
          const page = await watchFallbacks(
            (fallback) => found.push(fallback),
            () => test.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}lang=${language}`, headers: signedIn ? { cookie: signedIn.cookie } : {} }),
          );
          expect(page.statusCode, `${language} ${url}`).toBe(200);
          expect(page.body, `${language} ${url}`).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
          for (const fallback of found) untranslated.push(`${fallback.language} ${url}: ${fallback.key} (${fallback.shown})`);
          for (const key of leakedKeys(page.body, url)) untranslated.push(`${language} ${url}: "${key}" shows as a key`);
        }
      }
    }
    expect([...new Set(untranslated)]).toEqual([]);
  }, 120_000);

  it('offers all six languages in the header of every page a representative sees', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/my?lang=uk', headers: { cookie: representative.cookie } });
    for (const language of publicLanguages.filter((each): each is Language => each !== 'uk')) expect(page.body).toMatch(new RegExp(`name="language" value="${language}"[^>]*lang="${language}"`));
  });

  it('remembers the language a representative switches to, for every page and for their mails, until they switch again', async () => {
    const switcher = await account(test, 'representative');
    const localeOf = async () => (await test.database.db.selectFrom('account').select('locale').where('id', '=', switcher.accountId).executeTakeFirstOrThrow()).locale;
    const switched = await test.app.inject({ method: 'POST', url: '/language', headers: { cookie: switcher.cookie }, payload: { _csrf: switcher.csrfToken, language: 'ar', next: '/my/claim?q=Frauen&lang=tr' } });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/my/claim?q=Frauen&lang=tr');
    expect(String(switched.headers['set-cookie'])).toContain('mosaik_lang=ar');
    expect(await localeOf()).toBe('ar');
    // another device: no cookie, the account decides
    const elsewhere = await test.app.inject({ method: 'GET', url: '/my', headers: { cookie: switcher.cookie } });
    expect(elsewhere.body).toContain('<html lang="ar" dir="rtl"');
    // a link with ?lang= shows one page in Russian and leaves the account as it is
    expect((await test.app.inject({ method: 'GET', url: '/my?lang=ru', headers: { cookie: switcher.cookie } })).body).toContain('<html lang="ru"');
    expect(await localeOf()).toBe('ar');
    // a language the role does not have is refused, naming the field and the fix
    const staff = await test.signIn('staff');
    const refused = await test.app.inject({ method: 'POST', url: '/language', headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, language: 'tr', next: '/dashboard' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Sprache: Diese Sprache gibt es für Ihre Rolle nicht.');
  });
});
