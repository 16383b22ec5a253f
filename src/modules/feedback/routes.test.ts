import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from '../../../test/app.js';
import { loadDemo } from '../demo/index.js';
import { feedbackCodeFor } from './queries.js';

/*
 * The feedback pages over HTTP, with the demo dataset: evaluation and annex,
 * the online form (once per token, tampered values refused), paper entry.
 */
let test: TestApp;
let staff: SignedIn;
let funder: SignedIn;
const eventId = async (key: string) => (await test.database.db.selectFrom('event').select('id').where('event_key', '=', key).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  test = await createTestApp();
  await loadDemo(test.database.db);
  staff = await test.signIn('staff');
  funder = await test.signIn('funder');
}, 120_000);
afterAll(async () => test?.close());

describe('evaluation of one event', () => {
  it('shows forms, N, keine Angabe, means in German format, the scale, and the small-sample mark', async () => {
    // Frankfurt 22.06.2018: 4 forms, q4 answered twice (the wrong form was handed out)
    const response = await test.app.inject({ url: `/events/${await eventId('ev-2018-06-22')}/feedback`, headers: { cookie: staff.cookie } });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('1 = sehr gut; niedriger ist besser');
    expect(html).toMatch(/Zurückgegebene Bögen:<\/strong> 4/);
    const q4 = /data-question="4"[\s\S]*?<\/tr>/.exec(html)![0];
    expect(q4).toMatch(/>2<\/div><\/td><td[^>]*><div[^>]*>2<\/div><\/td><td[^>]*data-mean[^>]*><div[^>]*>1,00/);
    expect(q4).toContain('(weniger als 5)');
    expect(html).toContain('/f/'); // the short link for staff
    expect(html).toContain('<svg aria-hidden="true"'); // the QR code
  });

  it('shows funders the figures but not the online link', async () => {
    const response = await test.app.inject({ url: `/events/${await eventId('ev-2019-06-01')}/feedback?lang=en`, headers: { cookie: funder.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('1 = very good; lower is better');
    expect(response.body).not.toContain('/f/');
  });

  it('answers 404 for an unknown event', async () => {
    expect((await test.app.inject({ url: '/events/999999/feedback', headers: { cookie: staff.cookie } })).statusCode).toBe(404);
  });
});

describe('the annex page', () => {
  it('prints means and N as the report does', async () => {
    const response = await test.app.inject({ url: '/feedback/annex?from=2017-09-01&to=2019-08-31', headers: { cookie: staff.cookie } });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('feedback-print.css');
    const giessen = /data-format="state_network_meeting"[\s\S]*?<\/section>/.exec(html)![0];
    expect(giessen).toContain('1,6 (20)');
    expect(giessen).toContain('1,8 (19)');
    expect(html).toContain('1,75');
    expect(html).toContain('Ohne Rückmeldebögen');
  });

  it('refuses a reversed period with a message and filters by format', async () => {
    const bad = await test.app.inject({ url: '/feedback/annex?from=2019-01-01&to=2018-01-01', headers: { cookie: staff.cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('nicht nach „Bis“');
    const one = await test.app.inject({ url: '/feedback/annex?from=2017-09-01&to=2019-08-31&format=writing_workshop', headers: { cookie: staff.cookie } });
    expect(one.body).toContain('data-format="writing_workshop"');
    expect(one.body).not.toContain('data-format="state_network_meeting"');
  });
});

describe('the online form', () => {
  it('is stored once per token, in the visitor’s language, and a tampered 16 stores nothing', async () => {
    const id = await eventId('ev-2018-09-10');
    const code = await feedbackCodeFor(test.database.db, id);
    const page = await test.app.inject({ url: `/f/${code}?lang=ar` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('lang="ar"');
    expect(page.body).toContain('هل تمكنت من طرح مواضيعك وأسئلتك بشكل جيد؟');
    const cookie = cookiesOf(page);
    const csrf = csrfFrom(page.body);
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1];
    const count = async () => Number((await sql<{ n: number }>`select count(*)::integer as n from feedback_response where event_id = ${id}`.execute(test.database.db)).rows[0].n);
    const before = await count();

    const tampered = await test.app.inject({ method: 'POST', url: `/f/${code}?lang=ar`, headers: { cookie }, payload: { _csrf: csrf, token, q1: '16', q2: '1' } });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('يرجى اختيار درجة من 1 إلى 4');
    expect(await count()).toBe(before);

    const sent = await test.app.inject({ method: 'POST', url: `/f/${code}?lang=ar`, headers: { cookie }, payload: { _csrf: csrf, token, q1: '2', q2: 'none', q6: 'Danke', q7: '' } });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/f/${code}/thanks?lang=ar`);
    expect(await count()).toBe(before + 1);
    const stored = await sql<{ language: string; channel: string; answers: number }>`
      select r.language, r.channel, (select count(*)::integer from feedback_answer a where a.response_id = r.id) as answers
      from feedback_response r where r.event_id = ${id} and r.channel = 'online'`.execute(test.database.db);
    expect(stored.rows).toEqual([{ language: 'ar', channel: 'online', answers: 2 }]);

    const again = await test.app.inject({ method: 'POST', url: `/f/${code}?lang=de`, headers: { cookie }, payload: { _csrf: csrf, token, q1: '1' } });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('bereits gesendet');
    expect(await count()).toBe(before + 1);
    // reopening the link shows the friendly page, not a fresh form
    const reopened = await test.app.inject({ url: `/f/${code}`, headers: { cookie } });
    expect(reopened.body).not.toContain('name="token"');
    expect((await test.app.inject({ url: '/f/zzzzzz' })).statusCode).toBe(404);
  });
});

describe('keyboard-fast entry of paper forms', () => {
  it('stores a row as paper-<n>, refuses a 16 naming the question, deletes with an audit entry', async () => {
    const id = await eventId('ev-2018-11-04');
    const url = `/events/${id}/feedback/entry`;
    const page = await test.app.inject({ url, headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/id="q1"[^>]*autofocus|autofocus[^>]*id="q1"/);
    const forms = async () => Number((await sql<{ n: number }>`select count(*)::integer as n from feedback_response where event_id = ${id}`.execute(test.database.db)).rows[0].n);
    const before = await forms();

    const refused = await test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, q1: '1', q2: '2', q3: '16', q4: '1', q5: '2' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Frage 3 („Konnten Sie Ihre Themen gut einbringen und Ihre Fragen stellen?“): „16“ liegt nicht auf der Skala 1 bis 4');
    expect(refused.body).toMatch(/id="q3"[^>]*value="16"[^>]*autofocus|autofocus[^>]*id="q3"/);
    expect(await forms()).toBe(before);

    const saved = await test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, q1: '1', q2: '', q3: '3', q4: '1', q5: '2', q6: 'Sehr gut' } });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?saved=paper-1`);
    const second = await test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, q1: '2' } });
    expect(second.headers.location).toBe(`${url}?saved=paper-2`);
    expect(await forms()).toBe(before + 2);

    const list = await test.app.inject({ url: `${url}?saved=paper-2`, headers: { cookie: staff.cookie } });
    expect(list.body).toContain('Bogen paper-2 gespeichert.');
    const responseId = (await test.database.db.selectFrom('feedback_response').select('id').where('event_id', '=', id).where('response_key', '=', 'paper-1').executeTakeFirstOrThrow()).id;
    const deleted = await test.app.inject({ method: 'POST', url: `${url}/${responseId}/delete`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken } });
    expect(deleted.statusCode).toBe(303);
    expect(await forms()).toBe(before + 1);
    const audit = await test.database.db.selectFrom('audit_log').select(['action', 'account_id']).where('subject_type', '=', 'feedback_response').where('subject_id', '=', String(responseId)).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'feedback.enter', account_id: staff.accountId },
      { action: 'feedback.delete', account_id: staff.accountId },
    ]);
    const again = await test.app.inject({ method: 'POST', url: `${url}/${responseId}/delete`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken } });
    expect(again.statusCode).toBe(404);
  });
});

describe('the paper form', () => {
  it('prints in the chosen language with the QR code and the short link', async () => {
    const id = await eventId('ev-2019-06-01');
    const page = await test.app.inject({ url: `/events/${id}/feedback/paper?language=tr`, headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="tr"');
    expect(page.body).toContain('Gelecekte düzenli ağ toplantıları yapılmasını ister misiniz?');
    expect(page.body).toContain('feedback-print.css');
    expect(page.body).toMatch(/\/f\/[a-z0-9]{6}/);
  });
});

describe('template pages', () => {
  it('lists the formats, refuses a missing English text naming the question, saves a valid edit', async () => {
    const list = await test.app.inject({ url: '/feedback/templates', headers: { cookie: staff.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('/feedback/templates/pr_training');
    const page = await test.app.inject({ url: '/feedback/templates/pr_training', headers: { cookie: staff.cookie } });
    expect(page.body).toContain('Fühlen Sie sich jetzt sicherer in der Öffentlichkeitsarbeit?');
    const fields: Record<string, string> = { _csrf: staff.csrfToken };
    for (const [, name, value] of page.body.matchAll(/<input[^>]*name="([a-z]+_\d+)"[^>]*value="([^"]*)"/g)) if (!name.startsWith('remove_')) fields[name] = value;
    for (const [, name, kind] of page.body.matchAll(/<select[^>]*name="(kind_\d+)"[\s\S]*?<option value="([a-z_]+)" selected/g)) fields[name] = kind;
    const refused = await test.app.inject({ method: 'POST', url: '/feedback/templates/pr_training', headers: { cookie: staff.cookie }, payload: { ...fields, en_0: '' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Frage 1: Der englische Text fehlt.');
    const saved = await test.app.inject({ method: 'POST', url: '/feedback/templates/pr_training', headers: { cookie: staff.cookie }, payload: { ...fields, de_0: 'Wie hat Ihnen die Qualifizierung gefallen?' } });
    expect(saved.statusCode).toBe(303);
    const after = await test.app.inject({ url: saved.headers.location as string, headers: { cookie: staff.cookie } });
    expect(after.body).toContain('Vorlage gespeichert.');
    expect(after.body).toContain('Wie hat Ihnen die Qualifizierung gefallen?');
    expect((await test.app.inject({ url: '/feedback/templates/nonsense', headers: { cookie: staff.cookie } })).statusCode).toBe(404);
  });
});
