import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from '../../../test/app.js';
import { loadFaqDemo } from './demo.js';
import { publishedFaq } from './queries.js';

/*
 * The FAQ: only published answers are public; the search finds words with a
 * typo; "did this help?" works without an account, is rate-limited, and a
 * question sent with it waits in the staff queue until marked done.
 */

let test: TestApp;
let staff: SignedIn;

beforeAll(async () => {
  test = await createTestApp();
  staff = await test.signIn('staff');
  await loadFaqDemo(test.database.db, '2026-03-02');
});
afterAll(async () => test?.close());

const questions = (entries: { question: string }[]) => entries.map((entry) => entry.question);

describe('states and search', () => {
  it('shows only published answers, with the day they were last reviewed', async () => {
    const page = await test.app.inject({ url: '/faq?lang=de' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sind die Kosten für ein Steuerberatungsbüro förderfähig?');
    expect(page.body).toContain('Zuletzt geprüft am 31. Januar 2026');
    // agreed but not published, and a draft
    expect(page.body).not.toContain('Ist Büromiete förderfähig?');
    expect(page.body).not.toContain('Muss jeder Neuantrag');
    const draft = await test.database.db.selectFrom('faq_entry').select('id').where('state', '=', 'draft').executeTakeFirstOrThrow();
    expect((await test.app.inject({ url: `/faq/${draft.id}` })).statusCode).toBe(404);
  });

  it('finds answers in German by a word with a typo, and by two words at once', async () => {
    const db = test.database.db;
    expect(questions(await publishedFaq(db, 'de', { query: 'Steuerbrater' }))).toEqual(expect.arrayContaining(['Sind die Kosten für ein Steuerberatungsbüro förderfähig?']));
    expect(questions(await publishedFaq(db, 'de', { query: 'Minjob' }))).toContain('Was muss ich bei einem Minijob im Projekt beachten?');
    expect(questions(await publishedFaq(db, 'de', { query: 'Antragsfrist Mai' }))).toEqual(['Bis wann muss der Antrag gestellt werden?']);
    expect(await publishedFaq(db, 'de', { query: 'Büromiete' })).toEqual([]);
    const page = await test.app.inject({ url: `/faq?lang=de&q=${encodeURIComponent('Verwendungsnachwies')}` });
    expect(page.body).toContain('Was gehört zum Verwendungsnachweis?');
  });

  it('answers in the reader\'s language where a translation exists, and in German (said so) where not', async () => {
    const arabic = await test.app.inject({ url: '/faq?lang=ar' });
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain('ما هو الموعد النهائي لتقديم الطلب؟');
    expect(arabic.body).toContain('Was gehört zum Verwendungsnachweis?');
    expect(arabic.body).toContain('هذه الإجابة متوفرة بالألمانية فقط حتى الآن.');
    const english = await publishedFaq(test.database.db, 'en', { topic: 'duration' });
    expect(questions(english)).toEqual(['How long may a micro-project run?', 'Can I submit a follow-up application?']);
  });

  it('lets staff publish only with a review date, and publishes what they save', async () => {
    const form = await test.app.inject({ url: '/staff/faq/new', headers: { cookie: staff.cookie } });
    expect(form.statusCode).toBe(200);
    const missing = await test.app.inject({
      method: 'POST', url: '/staff/faq', headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, topic: 'proof', state: 'published', reviewedOn: '', question_de: 'Wie lange muss ich Belege aufbewahren?', answer_de: '', question_en: 'Only a question' },
    });
    expect(missing.statusCode).toBe(400);
    for (const field of ['reviewedOn', 'answer_de', 'answer_en']) expect(missing.body).toContain(`href="#${field}"`);
    expect(missing.body).toContain('Wie lange muss ich Belege aufbewahren?');
    const saved = await test.app.inject({
      method: 'POST', url: '/staff/faq', headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, topic: 'proof', state: 'published', reviewedOn: '2026-02-20', question_de: 'Wie lange muss ich Belege aufbewahren?', answer_de: 'So lange, wie der Bewilligungsbescheid es verlangt.' },
    });
    expect(saved.statusCode).toBe(303);
    expect(questions(await publishedFaq(test.database.db, 'de', { query: 'aufbewahren' }))).toEqual(['Wie lange muss ich Belege aufbewahren?']);
  });

  it('publishes an agreed answer when staff change its state, keeping its translations', async () => {
    const agreed = await test.database.db.selectFrom('faq_entry').select('id').where('state', '=', 'agreed').executeTakeFirstOrThrow();
    const form = await test.app.inject({ url: `/staff/faq/${agreed.id}`, headers: { cookie: staff.cookie } });
    expect(form.body).toContain('Ist Büromiete förderfähig?');
    const saved = await test.app.inject({
      method: 'POST', url: `/staff/faq/${agreed.id}`, headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, topic: 'costs', state: 'published', reviewedOn: '2026-03-01', question_de: 'Ist Büromiete förderfähig?', answer_de: 'In der Regel nicht.', question_en: 'Is office rent eligible?', answer_en: 'Usually not.' },
    });
    expect(saved.statusCode).toBe(303);
    expect(questions(await publishedFaq(test.database.db, 'en', { topic: 'costs' }))).toContain('Is office rent eligible?');
    const audit = await test.database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'faq_entry').where('subject_id', '=', String(agreed.id)).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['faq.create', 'faq.update']);
  });
});

describe('"did this help?"', () => {
  it('takes a yes or no and an optional question without an account; the question waits in the staff queue', async () => {
    const entry = (await publishedFaq(test.database.db, 'de', { query: 'Steuerberatungsbüro' }))[0];
    const page = await test.app.inject({ url: `/faq/${entry.id}?lang=de` });
    const cookie = cookiesOf(page);
    const sent = await test.app.inject({
      method: 'POST', url: `/faq/${entry.id}/feedback?lang=de`, headers: { cookie },
      payload: { _csrf: csrfFrom(page.body), helpful: 'no', question: 'Gilt das auch für die Jahresabrechnung?' },
    });
    expect(sent.statusCode).toBe(303);
    const thanks = await test.app.inject({ url: String(sent.headers.location), headers: { cookie } });
    expect(thanks.body).toContain('Danke für Ihre Rückmeldung!');

    const queue = await test.app.inject({ url: '/staff/faq/questions', headers: { cookie: staff.cookie } });
    expect(queue.body).toContain('Gilt das auch für die Jahresabrechnung?');
    const id = Number(/data-question="(\d+)"/.exec(queue.body)![1]);
    const list = await test.app.inject({ url: '/staff/faq', headers: { cookie: staff.cookie } });
    expect(list.body).toContain('ja 0 / nein 1');

    const done = await test.app.inject({ method: 'POST', url: `/staff/faq/questions/${id}/done`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken } });
    expect(done.statusCode).toBe(303);
    const after = await test.app.inject({ url: '/staff/faq/questions', headers: { cookie: staff.cookie } });
    expect(after.body).not.toContain('Gilt das auch für die Jahresabrechnung?');
    expect(after.body).toContain('Keine offenen Fragen.');
  });

  it('refuses feedback on an answer that is not published, and without the form\'s token', async () => {
    const entry = (await publishedFaq(test.database.db, 'de'))[0];
    const page = await test.app.inject({ url: `/faq/${entry.id}?lang=de` });
    const cookie = cookiesOf(page);
    const draft = await test.database.db.selectFrom('faq_entry').select('id').where('state', '=', 'draft').executeTakeFirstOrThrow();
    const notPublished = await test.app.inject({ method: 'POST', url: `/faq/${draft.id}/feedback`, headers: { cookie }, payload: { _csrf: csrfFrom(page.body), helpful: 'yes' } });
    expect(notPublished.statusCode).toBe(404);
    const noToken = await test.app.inject({ method: 'POST', url: `/faq/${entry.id}/feedback`, headers: { cookie }, payload: { helpful: 'yes' } });
    expect(noToken.statusCode).toBe(403);
  });

  it('is rate-limited per visitor', async () => {
    const entry = (await publishedFaq(test.database.db, 'de'))[1];
    const page = await test.app.inject({ url: `/faq/${entry.id}`, remoteAddress: '10.9.8.7' });
    const cookie = cookiesOf(page);
    const csrf = csrfFrom(page.body);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await test.app.inject({ method: 'POST', url: `/faq/${entry.id}/feedback`, remoteAddress: '10.9.8.7', headers: { cookie }, payload: { _csrf: csrf, helpful: 'yes' } });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
    const counted = await test.database.db.selectFrom('faq_feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('entry_id', '=', entry.id).executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(10);
  });
});
