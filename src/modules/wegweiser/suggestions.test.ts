import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account } from '../../../test/factories.js';
import { fixWegweiserClock } from './clock.test-support.js';

/*
 * Suggestions of missing services, moderated (issue 12): an association
 * writes what is missing in free text; staff make the entry from it (the
 * form comes filled, saving links and closes the suggestion in one step) or
 * decline it with a reason the association reads in its language.
 */

const now = new Date('2026-03-02T10:00:00Z');
let test: TestApp;
let staff: SignedIn;
let representative: SignedIn;

beforeAll(async () => {
  fixWegweiserClock(now);
  test = await createTestApp();
  staff = await account(test, 'staff');
  representative = await account(test, 'representative');
}, 60_000);
afterAll(async () => {
  fixWegweiserClock(null);
  await test?.close();
});

const as = (who: SignedIn) => ({
  get: (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } }),
  post: (url: string, payload: Record<string, string | string[]>) => test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } }),
});
const suggestionNamed = (name: string) => test.database.db.selectFrom('wegweiser_suggestion').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

describe('suggestions of missing services', () => {
  it('turns a suggestion into an entry: the form comes filled, saving adds the entry and closes the suggestion', async () => {
    const sent = await as(representative).post('/wegweiser/suggest', {
      name: 'Elterncafé Nordstadt', description: 'Offenes Treffen für Eltern, Beratung auf Arabisch und Türkisch, dienstags.', district: 'Kassel', contact: 'elterncafe@beispiel.example',
    });
    expect(sent.statusCode).toBe(303);
    const suggestion = await suggestionNamed('Elterncafé Nordstadt');

    const queue = await as(staff).get('/wegweiser/manage/suggestions');
    expect(queue.body).toContain(`href="/wegweiser/manage/new?suggestion=${suggestion.id}"`);
    const form = await as(staff).get(`/wegweiser/manage/new?suggestion=${suggestion.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Aus dem Vorschlag „Elterncafé Nordstadt“');
    expect(form.body).toContain('elterncafe@beispiel.example');
    expect(form.body).toContain('value="Elterncafé Nordstadt"');
    expect(form.body).toContain('Offenes Treffen für Eltern');
    expect(form.body).toMatch(/value="Kassel"[^>]*checked/);
    expect(form.body).toContain(`name="suggestion_id" value="${suggestion.id}"`);

    // a wrong field: nothing stored, the suggestion stays open and the form keeps it
    const refused = await as(staff).post('/wegweiser/manage/new', { suggestion_id: String(suggestion.id), organization: 'Familienzentrum Nordstadt', name: '', status: 'active', areas: ['Kassel'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`name="suggestion_id" value="${suggestion.id}"`);
    expect((await suggestionNamed('Elterncafé Nordstadt')).status).toBe('open');

    const saved = await as(staff).post('/wegweiser/manage/new', {
      suggestion_id: String(suggestion.id), organization: 'Familienzentrum Nordstadt', name: 'Elterncafé Nordstadt', description: 'Offenes Treffen für Eltern.', status: 'active', published: 'yes', areas: ['Kassel'],
    });
    expect(saved.statusCode).toBe(303);
    const added = await suggestionNamed('Elterncafé Nordstadt');
    const service = await test.database.db.selectFrom('wegweiser_service').select('id').where('name', '=', 'Elterncafé Nordstadt').executeTakeFirstOrThrow();
    expect(added).toMatchObject({ status: 'added', service_id: service.id, decided_by: staff.accountId });
    expect((await as(staff).get('/wegweiser/manage/suggestions')).body).not.toContain('Elterncafé Nordstadt');

    // the association sees it added; the entry is linked once the public can see it (confirmed)
    expect((await as(representative).get('/wegweiser/suggest')).body).toContain('Elterncafé Nordstadt');
    expect((await as(representative).get('/wegweiser/suggest')).body).toContain('aufgenommen');
    await test.database.db.updateTable('wegweiser_service').set({ assured_date: '2026-03-01' }).where('id', '=', service.id).execute();
    expect((await as(representative).get('/wegweiser/suggest')).body).toContain(`href="/wegweiser/${service.id}?lang=de"`);

    // a second try on the same suggestion (another tab) stores nothing and says why
    const again = await as(staff).post('/wegweiser/manage/new', { suggestion_id: String(suggestion.id), organization: 'Familienzentrum Nordstadt', name: 'Elterncafé Nordstadt 2', status: 'active', areas: ['Kassel'] });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Der Vorschlag wurde inzwischen entschieden. Nichts ist gespeichert.');
    expect(await test.database.db.selectFrom('wegweiser_service').select('id').where('name', '=', 'Elterncafé Nordstadt 2').execute()).toEqual([]);
  });

  it('declines with a reason the association reads in its language', async () => {
    await as(representative).post('/wegweiser/suggest', { name: 'Private Nachhilfe Müller', description: 'Nachhilfe gegen Bezahlung.' });
    const suggestion = await suggestionNamed('Private Nachhilfe Müller');
    const declined = await as(staff).post(`/wegweiser/manage/suggestions/${suggestion.id}`, { decision: 'declined', note: 'Der Wegweiser nimmt nur gemeinnützige oder öffentliche Angebote auf.' });
    expect(declined.statusCode).toBe(303);
    expect(await suggestionNamed('Private Nachhilfe Müller')).toMatchObject({ status: 'declined', decision_note: 'Der Wegweiser nimmt nur gemeinnützige oder öffentliche Angebote auf.' });
    const arabic = await as(representative).get('/wegweiser/suggest?lang=ar');
    expect(arabic.body).toContain('اقتراحاتك');
    expect(arabic.body).toContain('لم تتم الإضافة');
    expect(arabic.body).toContain('Der Wegweiser nimmt nur gemeinnützige oder öffentliche Angebote auf.');
    // decided once only
    expect((await as(staff).post(`/wegweiser/manage/suggestions/${suggestion.id}`, { decision: 'added' })).statusCode).toBe(404);
  });

  it('ignores a suggestion id from a coordinator, who does not decide on suggestions', async () => {
    await as(representative).post('/wegweiser/suggest', { name: 'Sprachcafé Wehlheiden', description: 'Deutsch üben im Gespräch.' });
    const suggestion = await suggestionNamed('Sprachcafé Wehlheiden');
    const coordinator = await account(test, 'coordinator', { districts: ['Kassel'] });
    const form = await as(coordinator).get(`/wegweiser/manage/new?suggestion=${suggestion.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('Sprachcafé Wehlheiden');
    const saved = await as(coordinator).post('/wegweiser/manage/new', { suggestion_id: String(suggestion.id), organization: 'Stadtteilzentrum', name: 'Sprachcafé Wehlheiden', status: 'active', areas: ['Kassel'] });
    expect(saved.statusCode).toBe(303);
    expect((await suggestionNamed('Sprachcafé Wehlheiden')).status).toBe('open');
  });
});
