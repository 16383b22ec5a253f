import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { pinboardFigures } from './queries.js';

/**
 * The pinboard's pages end to end: a representative posts, staff approve,
 * another association finds the post and writes; no page and no mail to the
 * other side shows an address; bad input names the field (German and
 * English) and stores nothing; a flood gets a clear message and keeps the text.
 */

let test: TestApp;
let staff: SignedIn;
let author: SignedIn;
let reader: SignedIn;
let authorEmail: string;
let readerEmail: string;
let authorOrganisation: { id: number; name: string };

const post = (who: SignedIn, url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const emailOf = async (who: SignedIn) => (await test.database.db.selectFrom('account').select('email').where('id', '=', who.accountId).executeTakeFirstOrThrow()).email;
const postCount = async () => Number((await test.database.db.selectFrom('pinboard_post').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const roomOffer = () => ({
  organisation_id: String(authorOrganisation.id), kind: 'room_offered', lang: 'ar', title: 'قاعة للمشاركة يوم السبت',
  body: 'قاعتنا فارغة يوم السبت بعد الظهر وتتسع لستين شخصًا.', district: 'Kassel', room_size: '60', accessible: 'yes', available_when: 'samstags', topic_rooms: 'yes',
});

async function multipart(who: SignedIn, url: string, fields: Record<string, string>, file: { name: string; bytes: Uint8Array }) {
  const form = new FormData();
  form.append('_csrf', who.csrfToken);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('image', new Blob([new Uint8Array(file.bytes)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
}

beforeAll(async () => {
  test = await createTestApp();
  authorOrganisation = await organisation(test.database.db, { name: 'Arabischer Kulturverein Kassel', district: 'Kassel' });
  const readerOrganisation = await organisation(test.database.db, { name: 'Elternnetzwerk Gießen', district: 'Gießen' });
  staff = await test.signIn('staff');
  author = await account(test, 'representative', { organisationIds: [authorOrganisation.id] });
  reader = await account(test, 'representative', { organisationIds: [readerOrganisation.id] });
  authorEmail = await emailOf(author);
  readerEmail = await emailOf(reader);
}, 60_000);
afterAll(async () => test?.close());

describe('a post from offer to contact', () => {
  it('is moderated, found, answered through the relay, and no address appears on a page or in the other side\'s mail', async () => {
    const created = await post(author, '/pinboard/new?lang=ar', roomOffer());
    expect(created.statusCode).toBe(303);
    const id = Number(/\/pinboard\/(\d+)/.exec(created.headers.location as string)![1]);
    // waiting: the other association does not see it, the author does
    expect((await get(reader, `/pinboard/${id}`)).statusCode).toBe(404);
    expect((await get(author, `/pinboard/${id}?lang=ar`)).body).toContain('بانتظار مراجعة المركز');

    const queue = await get(staff, '/staff/pinboard');
    expect(queue.body).toContain('قاعة للمشاركة يوم السبت');
    expect((await post(staff, `/staff/pinboard/${id}/approve`, {})).statusCode).toBe(303);

    const search = await get(reader, '/pinboard?kind=room_offered&district=Kassel&topic=rooms&q=%D9%82%D8%A7%D8%B9%D8%A9');
    expect(search.body).toContain('Treffer: 1');
    // the post in its author's language, the frame in the reader's
    expect(search.body).toMatch(/<a class="kern-link" href="\/pinboard\/\d+" lang="ar" dir="rtl">قاعة للمشاركة/);
    const page = await get(reader, `/pinboard/${id}?lang=en`);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('Write to the association');

    const sent = await post(reader, `/pinboard/${id}/contact`, { message: 'We would like to use the room on Saturdays.' });
    expect(sent.statusCode).toBe(303);
    const conversationUrl = sent.headers.location as string;
    const toAuthor = await test.database.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).where('kind', '=', 'pinboard.contact').executeTakeFirstOrThrow();
    expect(toAuthor.to_address).toBe(authorEmail);
    expect(toAuthor.text_body).not.toContain(readerEmail);
    const link = /https?:\/\/\S+\/pinboard\/conversations\/\d+/.exec(toAuthor.text_body)![0];
    const authorView = await get(author, new URL(link).pathname);
    expect(authorView.body).toContain('We would like to use the room on Saturdays.');
    expect((await post(author, new URL(link).pathname, { message: 'Gern, Samstag ab 13 Uhr.' })).statusCode).toBe(303);
    const toReader = await test.database.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).where('kind', '=', 'pinboard.reply').executeTakeFirstOrThrow();
    expect(toReader.to_address).toBe(readerEmail);
    expect(toReader.text_body).not.toContain(authorEmail);

    const readerView = await get(reader, conversationUrl.split('?')[0]!);
    for (const body of [page.body, search.body, readerView.body]) expect(body).not.toContain(authorEmail);
    for (const body of [authorView.body, (await get(author, `/pinboard/${id}`)).body]) expect(body).not.toContain(readerEmail);

    // the outcome staff count: two associations found a room to share
    expect((await post(author, `/pinboard/${id}/matched`, { note: 'Wir teilen den Raum jetzt.' })).statusCode).toBe(303);
    expect(await pinboardFigures(test.database.db)).toContainEqual({ kind: 'room_offered', published: 1, matched: 1, total: 1 });
    expect((await get(staff, '/staff/pinboard')).body).toContain('Partner gefunden');
  });
});

describe('bad input', () => {
  it('refuses a script and a javascript: link, naming the field in German and English, storing nothing', async () => {
    const before = await postCount();
    const german = await post(author, '/pinboard/new?lang=de', { ...roomOffer(), lang: 'de', body: 'Hallo <script>alert(1)</script> Raum frei.' });
    expect(german.statusCode).toBe(400);
    expect(german.body).toContain('Text: Bitte nur einfachen Text schreiben');
    const english = await post(author, '/pinboard/new?lang=en', { ...roomOffer(), lang: 'en', title: 'Ro', body: 'See javascript:alert(1) for details, please.' });
    expect(english.body).toContain('Text: links with &quot;javascript:&quot;');
    expect(english.body).toContain('Title: please write at least 3 characters.');
    // what was typed comes back, escaped
    expect(english.body).toContain('See javascript:alert(1) for details, please.');
    expect(await postCount()).toBe(before);
  });

  it('refuses a picture that is not one, by its content', async () => {
    const before = await postCount();
    const response = await multipart(author, '/pinboard/new?lang=en', { ...roomOffer(), lang: 'en', title: 'Room to share', body: 'Our room is free on Saturdays.' }, { name: 'room.png', bytes: new TextEncoder().encode('<svg onload="alert(1)"></svg>') });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Picture (optional): &quot;room.png&quot; is not a PNG, JPEG or WebP picture');
    expect(await postCount()).toBe(before);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const saved = await multipart(author, '/pinboard/new', { ...roomOffer(), title: 'Raum mit Bild' }, { name: 'raum.png', bytes: png });
    expect(saved.statusCode).toBe(303);
    const image = await get(author, `${saved.headers.location!.split('?')[0]}/image`);
    expect(image.headers['content-type']).toBe('image/png');
  });

  it('says so clearly when a flood hits the limit, and keeps the text', async () => {
    const created = await post(author, '/pinboard/new', { ...roomOffer(), title: 'Noch ein Raum' });
    const id = Number(/\/pinboard\/(\d+)/.exec(created.headers.location as string)![1]);
    await post(staff, `/staff/pinboard/${id}/approve`, {});
    const flooder = await account(test, 'representative', { organisationIds: [(await organisation(test.database.db, { name: 'Sportverein Fulda' })).id] });
    for (let i = 0; i < 5; i++) expect((await post(flooder, `/pinboard/${id}/contact`, { message: `Frage Nummer ${i} zum Raum.` })).statusCode).toBe(303);
    const refused = await post(flooder, `/pinboard/${id}/contact?lang=de`, { message: 'Die sechste Frage zum Raum.' });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Sie haben in der letzten Stunde schon 5 Nachrichten geschrieben.');
    expect(refused.body).toContain('Die sechste Frage zum Raum.');
  });
});
