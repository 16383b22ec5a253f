import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';

let test: TestApp;
let staff: SignedIn;
let verein: { id: number; name: string };
beforeAll(async () => {
  test = await createTestApp();
  staff = await test.signIn('staff');
  verein = await organisation(test.database.db, { name: 'Afrikanischer Kulturverein Marburg', district: 'Landkreis Marburg-Biedenkopf' });
});
afterAll(async () => test?.close());

const get = (url: string, who: SignedIn) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const post = (url: string, payload: Record<string, string>) => test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { ...payload, _csrf: staff.csrfToken } });

describe('the postal consent on the organisation page', () => {
  it('shows staff the state, lets them record and withdraw it from there, and lists the changes from the audit log', async () => {
    let page = await get(`/organisations/${verein.id}`, staff);
    expect(page.body).toContain('data-postal-consent="no"');
    expect(page.body).toContain('Keine Zustimmung zum Postversand eingetragen');
    expect(page.body).toContain(`href="/newsletter/brochure/${verein.id}?back=organisation"`);

    const form = await get(`/newsletter/brochure/${verein.id}?back=organisation`, staff);
    expect(form.body).toContain('name="back" value="organisation"');
    const saved = await post(`/newsletter/brochure/${verein.id}`, { back: 'organisation', addressee: 'Vorstand', street: 'Ketzerbach 12', postcode: '35037', city: 'Marburg', source: 'letter', agreed_on: '2026-02-01' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/organisations/${verein.id}#postal-consent`);

    page = await get(`/organisations/${verein.id}`, staff);
    expect(page.body).toContain('data-postal-consent="yes"');
    expect(page.body).toContain('Ketzerbach 12');
    expect(page.body).toContain('(per Brief)');

    const withdrawn = await post(`/newsletter/brochure/${verein.id}/withdraw`, { back: 'organisation' });
    expect(withdrawn.headers.location).toBe(`/organisations/${verein.id}#postal-consent`);
    page = await get(`/organisations/${verein.id}`, staff);
    expect(page.body).toContain('data-postal-consent="no"');
    expect(page.body).toContain('widerrufen am');
    const history = /data-postal-history[^>]*>([\s\S]*?)<\/ul>/.exec(page.body)![1];
    expect(history.match(/<li>/g)).toHaveLength(2);
    expect(history.indexOf('Zustimmung widerrufen')).toBeLessThan(history.indexOf('Zustimmung eingetragen'));
  });

  it('a bad postcode sent from the organisation page keeps the way back and names the field', async () => {
    const refused = await post(`/newsletter/brochure/${verein.id}`, { back: 'organisation', street: 'Ketzerbach 12', postcode: '350', city: 'Marburg', source: 'letter', agreed_on: '2026-02-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#postcode"');
    expect(refused.body).toContain('name="back" value="organisation"');
  });

  it('is not shown to a coordinator, who cannot change it', async () => {
    const coordinator = await account(test, 'coordinator', { districts: ['Landkreis Marburg-Biedenkopf'] });
    const page = await get(`/organisations/${verein.id}`, coordinator);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('postal-consent');
  });
});
