import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from '../../../test/app.js';
import { answerDeadline, barrierQueue, markBarrierAnswered, reportBarrier } from './barriers.js';
import { publishPageVersion, savePageVersion } from './commands.js';

let test: TestApp;
let staff: SignedIn;
beforeAll(async () => {
  test = await createTestApp({ env: { MOSAIK_BARRIER_ANSWER_WEEKS: '6' } });
  staff = await test.signIn('staff');
  const actor = { accountId: staff.accountId };
  await savePageVersion(test.database.db, actor, { pageKey: 'accessibility', language: 'de' }, { title: 'Erklärung zur Barrierefreiheit', description: '', body: 'Wir prüfen jede Seite.', minor: false, baseRevision: 0 });
  await publishPageVersion(test.database.db, actor, { pageKey: 'accessibility', language: 'de', revision: 1 }, new Date('2026-01-10T09:00:00Z'));
});
afterAll(async () => test?.close());

async function visitor(lang = 'de') {
  const page = await test.app.inject({ method: 'GET', url: `/barrierefreiheit?lang=${lang}` });
  return { page, cookie: cookiesOf(page), csrf: csrfFrom(page.body) };
}

describe('reporting a barrier', () => {
  it('works without an account from the accessibility statement, then shows a thank-you', async () => {
    const { page, cookie, csrf } = await visitor();
    expect(page.body).toContain('Barriere melden');
    const sent = await test.app.inject({
      method: 'POST', url: '/barrierefreiheit/barriere-melden', headers: { cookie },
      payload: { _csrf: csrf, description: 'Der Kalender lässt sich mit der Tastatur nicht bedienen.', pageAddress: '/calendar', name: 'Aylin', email: 'aylin@example.org' },
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/barrierefreiheit?gemeldet=1#barrier-form');
    const thanks = await test.app.inject({ method: 'GET', url: '/barrierefreiheit?gemeldet=1', headers: { cookie } });
    expect(thanks.body).toContain('Danke! Ihre Meldung ist bei uns angekommen');
    const queue = await test.app.inject({ method: 'GET', url: '/admin/barriers', headers: { cookie: staff.cookie } });
    expect(queue.body).toContain('Der Kalender lässt sich mit der Tastatur nicht bedienen.');
    expect(queue.body).toContain('aylin@example.org');
  });

  it('names the missing description and a bad address in the visitor language, storing nothing', async () => {
    const before = await test.database.db.selectFrom('portal_barrier_report').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const { cookie, csrf } = await visitor('ar');
    const refused = await test.app.inject({ method: 'POST', url: '/barrierefreiheit/barriere-melden?lang=ar', headers: { cookie }, payload: { _csrf: csrf, description: ' ', email: 'keine-adresse' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#description"');
    expect(refused.body).toContain('يرجى وصف العائق.');
    expect(refused.body).toContain('value="keine-adresse"'); // what was typed stays
    const after = await test.database.db.selectFrom('portal_barrier_report').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    expect(Number(after.count)).toBe(Number(before.count));
  });

  it('refuses a flood of reports from one address', async () => {
    const { cookie, csrf } = await visitor();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await test.app.inject({ method: 'POST', url: '/barrierefreiheit/barriere-melden', headers: { cookie }, payload: { _csrf: csrf, description: '' } });
      statuses.push(response.statusCode);
    }
    expect(statuses).toContain(429);
  });
});

describe('the staff queue', () => {
  it('marks an open report overdue once its deadline passed, and not once answered', async () => {
    const db = test.database.db;
    const received = new Date('2026-03-02T10:00:00Z');
    const outcome = await reportBarrier(db, { description: 'PDF ohne Tags', pageAddress: '', name: '', email: '' }, { language: 'de', now: received });
    if (outcome.kind !== 'received') throw new Error('not received');
    expect(answerDeadline(received, 6).toISOString()).toBe('2026-04-13T10:00:00.000Z');
    const find = async (now: Date) => (await barrierQueue(db, { now, answerWeeks: 6 })).find((report) => report.id === outcome.id)!;
    expect((await find(new Date('2026-04-13T09:59:00Z'))).overdue).toBe(false);
    expect((await find(new Date('2026-04-13T10:01:00Z'))).overdue).toBe(true);
    expect(await markBarrierAnswered(db, { accountId: staff.accountId }, { id: outcome.id, note: 'Datei ersetzt' }, new Date('2026-04-14T08:00:00Z'))).toBe(true);
    const answered = await find(new Date('2026-05-01T00:00:00Z'));
    expect(answered.overdue).toBe(false);
    expect(answered.answer_note).toBe('Datei ersetzt');
  });

  it('shows an overdue report so in the queue and lets staff mark it answered', async () => {
    const db = test.database.db;
    const old = await reportBarrier(db, { description: 'Kontrast zu schwach', pageAddress: '', name: '', email: '' }, { language: 'de', now: new Date('2020-01-01T10:00:00Z') });
    if (old.kind !== 'received') throw new Error('not received');
    const queue = await test.app.inject({ method: 'GET', url: '/admin/barriers', headers: { cookie: staff.cookie } });
    expect(queue.body).toMatch(new RegExp(`data-report="${old.id}" data-state="overdue"`));
    const answer = await test.app.inject({ method: 'POST', url: `/admin/barriers/${old.id}/answered`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, [`note-${old.id}`]: 'Farben angepasst' } });
    expect(answer.statusCode).toBe(303);
    const after = await test.app.inject({ method: 'GET', url: '/admin/barriers', headers: { cookie: staff.cookie } });
    expect(after.body).toMatch(new RegExp(`data-report="${old.id}" data-state="answered"`));
    expect(after.body).toContain('Farben angepasst');
  });
});
