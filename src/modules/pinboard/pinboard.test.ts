import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { accountRecords, organisation } from '../../../test/factories.js';
import { writeToAuthor, answerInConversation } from './commands/contact.js';
import { approvePost, decideReports, rejectPost, reportPost } from './commands/moderation.js';
import { createPost, renewPost, updatePost } from './commands/posts.js';
import { runPinboardTimer } from './expiry.js';
import { checkImage, parsePostForm, type PostInput } from './form.js';
import { searchPosts } from './queries.js';
import { savePinboardSettings } from './settings.js';

/**
 * The pinboard's rules on a fixed clock: moderation and its mails, expiry
 * with one reminder, three reports hide a post, the relay's limits (also
 * under a parallel flood) and the checks of bad input.
 */

const base = 'https://mosaik.test';
const monday = new Date('2030-03-04T09:00:00Z');
const days = (n: number) => new Date(monday.getTime() + n * 86_400_000);

let database: TestDatabase;
let db: TestDatabase['db'];
let author: { id: number; email: string };
let readers: { id: number; email: string }[];
let staffId: number;
let authorOrganisation: { id: number; name: string };
let readerOrganisation: { id: number; name: string };

const outbox = () => db.selectFrom('mail_outbox').select(['kind', 'to_address', 'subject', 'text_body']).orderBy('id').execute();
const validPost = (): PostInput => ({
  organisation_id: authorOrganisation.id, kind: 'room_offered', lang: 'tr', title: 'Salonumuzu paylaşıyoruz', body: 'Cumartesi öğleden sonra salonumuz boş, 60 kişilik.',
  district: 'Kassel', topics: ['rooms'], room_size: 60, accessible: true, available_when: 'samstags', fair_name: null,
});
async function publishedPost(now = monday) {
  const id = await createPost(db, author.id, validPost(), null);
  await approvePost(db, staffId, id, now, base);
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  authorOrganisation = await organisation(db, { name: 'Türkischer Elternverein Kassel', district: 'Kassel' });
  readerOrganisation = await organisation(db, { name: 'Chor der Vielfalt Gießen', district: 'Gießen' });
  const accounts = await accountRecords(db, [
    { email: 'ayse.author@example.org', role: 'representative' }, { email: 'staff@example.org', role: 'staff' },
    ...Array.from({ length: 6 }, (_, i) => ({ email: `reader-${i}@example.org`, role: 'representative' as const })),
  ]);
  author = accounts[0]!;
  staffId = accounts[1]!.id;
  readers = accounts.slice(2);
  await db.updateTable('account').set({ locale: 'tr' }).where('id', '=', author.id).execute();
  await db.insertInto('account_scope').values([
    { account_id: author.id, organisation_id: authorOrganisation.id, district: null },
    ...readers.map((reader) => ({ account_id: reader.id, organisation_id: readerOrganisation.id, district: null })),
  ]).execute();
}, 60_000);
afterAll(async () => database?.close());
beforeEach(async () => {
  await db.deleteFrom('pinboard_post').execute();
  await db.deleteFrom('mail_outbox').execute();
  await savePinboardSettings(db, null, { expiryDays: 60, reminderDays: 7, messagesPerAccountHour: 5, messagesPerPostDay: 20 });
});

describe('moderation', () => {
  it('keeps a new post out of the search until staff approve it, then mails the author in their language', async () => {
    const id = await createPost(db, author.id, validPost(), null);
    expect((await searchPosts(db, { page: 1 }, monday)).total).toBe(0);
    expect(await approvePost(db, staffId, id, monday, base)).toEqual({ ok: true, id });
    const found = await searchPosts(db, { kind: 'room_offered', district: 'Kassel', topic: 'rooms', text: 'SALON', page: 1 }, monday);
    expect(found.rows.map((row) => row.id)).toEqual([id]);
    expect(found.rows[0]!.expires_at).toEqual(days(60));
    const [mail] = await outbox();
    expect(mail).toMatchObject({ kind: 'pinboard.approved', to_address: 'ayse.author@example.org' });
    expect(mail!.subject).toBe('İlanınız panoda: Salonumuzu paylaşıyoruz');
    expect(mail!.text_body).toContain('— Deutsch —');
    // a second decision on the same post changes nothing
    expect(await rejectPost(db, staffId, id, 'zu spät', base)).toEqual({ ok: false, code: 'state' });
  });

  it('mails the reason of a rejection, and an edit of a published post goes back to the queue', async () => {
    const rejected = await createPost(db, author.id, validPost(), null);
    await rejectPost(db, staffId, rejected, 'Bitte nennen Sie die Miete.', base);
    const mail = (await outbox()).find((row) => row.kind === 'pinboard.rejected')!;
    expect(mail.text_body).toContain('Bitte nennen Sie die Miete.');
    expect(mail.text_body).toContain(`${base}/pinboard/${rejected}/edit`);
    const published = await publishedPost();
    await updatePost(db, author.id, published, { ...validPost(), title: 'Salonumuzu paylaşıyoruz (yeni)' }, 'keep');
    const row = await db.selectFrom('pinboard_post').select(['state', 'title']).where('id', '=', published).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'pending', title: 'Salonumuzu paylaşıyoruz (yeni)' });
    expect((await searchPosts(db, { page: 1 }, monday)).total).toBe(0);
  });
});

describe('expiry and the reminder to renew', () => {
  it('reminds once a few days before, expires at the end, and renewing extends and allows the next reminder', async () => {
    const id = await publishedPost();
    await db.deleteFrom('mail_outbox').execute();
    expect(await runPinboardTimer(db, days(50), base)).toEqual({ reminded: 0, expired: 0 });
    expect(await runPinboardTimer(db, days(54), base)).toEqual({ reminded: 1, expired: 0 });
    // the next hour, and two runs at once: no second reminder
    const again = await Promise.all([runPinboardTimer(db, days(54.1), base), runPinboardTimer(db, days(54.1), base)]);
    expect(again.map((run) => run.reminded)).toEqual([0, 0]);
    const reminders = (await outbox()).filter((mail) => mail.kind === 'pinboard.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe('İlanınızın süresi 6 gün içinde doluyor: Salonumuzu paylaşıyoruz');
    expect(reminders[0]!.text_body).toContain(`${base}/pinboard/${id}#renew`);

    expect(await renewPost(db, author.id, id, days(55))).toEqual({ ok: true, id });
    expect((await db.selectFrom('pinboard_post').select('expires_at').where('id', '=', id).executeTakeFirstOrThrow()).expires_at).toEqual(days(115));
    expect((await runPinboardTimer(db, days(110), base)).reminded).toBe(1);
    // expired at its hour in the search even before the job ran; the job marks it
    expect((await searchPosts(db, { page: 1 }, days(115))).total).toBe(0);
    expect(await runPinboardTimer(db, days(115), base)).toEqual({ reminded: 0, expired: 1 });
    // renewing an expired post sends it back to the queue
    expect(await renewPost(db, author.id, id, days(116))).toEqual({ ok: true, id });
    expect((await db.selectFrom('pinboard_post').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('pending');
  });
});

describe('reports', () => {
  it('hides a post after three reports of three accounts (one account counts once) until staff keep it', async () => {
    const id = await publishedPost();
    expect(await reportPost(db, readers[0]!.id, id, 'spam', null)).toEqual({ ok: true, hidden: false });
    expect(await reportPost(db, readers[0]!.id, id, 'spam', 'noch einmal')).toEqual({ ok: true, hidden: false });
    expect(await reportPost(db, readers[1]!.id, id, 'wrong', null)).toEqual({ ok: true, hidden: false });
    expect(await reportPost(db, readers[2]!.id, id, 'offensive', null)).toEqual({ ok: true, hidden: true });
    expect((await searchPosts(db, { page: 1 }, monday)).total).toBe(0);
    await decideReports(db, staffId, id, 'kept', monday);
    expect((await searchPosts(db, { page: 1 }, monday)).total).toBe(1);
    // decided reports no longer count: two new ones do not hide it
    await reportPost(db, readers[3]!.id, id, 'spam', null);
    expect(await reportPost(db, readers[4]!.id, id, 'spam', null)).toEqual({ ok: true, hidden: false });
  });
});

describe('the relay and its limits', () => {
  const reader = (i: number) => ({ accountId: readers[i]!.id, organisationId: readerOrganisation.id, organisationName: readerOrganisation.name });

  it('mails the author the message and a link, never the reader\'s address, and the answer back without the author\'s', async () => {
    const id = await publishedPost();
    await db.deleteFrom('mail_outbox').execute();
    const sent = await writeToAuthor(db, reader(0), id, 'Wir würden den Saal gern samstags nutzen.', monday, base);
    expect(sent.ok).toBe(true);
    const conversationId = sent.ok ? sent.conversationId : 0;
    await answerInConversation(db, { accountId: author.id, fromAuthor: true, organisationName: authorOrganisation.name }, conversationId, 'Gern, kommen Sie vorbei.', monday, base);
    const [toAuthor, toReader] = await outbox();
    expect(toAuthor).toMatchObject({ kind: 'pinboard.contact', to_address: author.email });
    expect(toAuthor!.text_body).toContain('Wir würden den Saal gern samstags nutzen.');
    expect(toAuthor!.text_body).toContain(readerOrganisation.name);
    expect(toAuthor!.text_body).toContain(`${base}/pinboard/conversations/${conversationId}`);
    expect(toAuthor!.text_body).not.toContain(readers[0]!.email);
    expect(toReader).toMatchObject({ kind: 'pinboard.reply', to_address: readers[0]!.email });
    expect(toReader!.text_body).not.toContain(author.email);
    expect(toReader!.text_body).toContain('Gern, kommen Sie vorbei.');
  });

  it('stores a double submit once, and refuses beyond the account\'s limit without losing the messages within it', async () => {
    const id = await publishedPost();
    const first = await writeToAuthor(db, reader(0), id, 'Erste Nachricht zum Raum.', monday, base);
    const twice = await writeToAuthor(db, reader(0), id, 'Erste Nachricht zum Raum.', monday, base);
    expect(twice).toMatchObject({ ok: true, duplicate: true, conversationId: first.ok ? first.conversationId : -1 });
    // a parallel flood of ten different messages from one account: four more fit into the limit of five
    const flood = await Promise.all(Array.from({ length: 10 }, (_, i) => writeToAuthor(db, reader(0), id, `Nachricht Nummer ${i} zum Raum.`, monday, base)));
    expect(flood.filter((outcome) => outcome.ok)).toHaveLength(4);
    expect(flood.filter((outcome) => !outcome.ok).every((outcome) => !outcome.ok && outcome.code === 'rateAccount' && outcome.limit === 5)).toBe(true);
    const messages = await db.selectFrom('pinboard_message').select('body').where('sender_account_id', '=', readers[0]!.id).execute();
    expect(messages).toHaveLength(5);
    expect((await outbox()).filter((mail) => mail.kind === 'pinboard.contact')).toHaveLength(5);
    // an hour later the account may write again
    expect((await writeToAuthor(db, reader(0), id, 'Nach einer Stunde noch eine Frage.', new Date(monday.getTime() + 3_601_000), base)).ok).toBe(true);
  });

  it('refuses beyond the post\'s daily limit, whoever writes', async () => {
    await savePinboardSettings(db, null, { expiryDays: 60, reminderDays: 7, messagesPerAccountHour: 5, messagesPerPostDay: 3 });
    const id = await publishedPost();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await writeToAuthor(db, reader(i), id, `Hallo von Konto ${i}, wir hätten Interesse.`, monday, base));
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.code))).toEqual(['ok', 'ok', 'ok', 'ratePost', 'ratePost']);
  });

  it('refuses a message to a post that is not published, or to the own organisation', async () => {
    const pending = await createPost(db, author.id, validPost(), null);
    expect(await writeToAuthor(db, reader(0), pending, 'Eine Frage zum Raum bitte.', monday, base)).toEqual({ ok: false, code: 'state' });
    const published = await publishedPost();
    const own = { accountId: author.id, organisationId: authorOrganisation.id, organisationName: authorOrganisation.name };
    expect(await writeToAuthor(db, own, published, 'An uns selbst geschrieben.', monday, base)).toEqual({ ok: false, code: 'state' });
  });
});

describe('bad input', () => {
  const form = (values: Record<string, string>) => ({
    organisation_id: '1', kind: 'knowhow_offered', lang: 'de', title: 'Hilfe bei der Website', body: 'Wir zeigen, wie man die Vereinsseite pflegt.', ...values,
  });
  const codes = (values: Record<string, string>) => {
    const parsed = parsePostForm(form(values), ['Kassel']);
    return parsed.ok ? [] : parsed.errors.map((error) => `${error.field}:${error.code}`);
  };

  it('refuses markup and links with a scheme that runs code, naming the field', () => {
    expect(codes({ body: 'Hallo <script>alert(1)</script> Welt, wir helfen.' })).toEqual(['body:markup']);
    expect(codes({ title: '<img src=x onerror=alert(1)>' })).toEqual(['title:markup']);
    expect(codes({ body: 'Mehr unter javascript:alert(document.cookie) lesen.' })).toEqual(['body:dangerousLink']);
    expect(codes({ body: 'Bild: data:text/html;base64,PHNjcmlwdD4= bitte ansehen.' })).toEqual(['body:dangerousLink']);
    expect(codes({ body: 'Mehr unter https://verein.example/seite lesen, danke.' })).toEqual([]);
    // arithmetic and an arrow are plain text
    expect(codes({ body: 'Für 3 < 5 Personen -> passt in unseren Raum.' })).toEqual([]);
  });

  it('asks for a district of a room, a fair\'s name, a whole room size', () => {
    expect(codes({ kind: 'room_wanted', district: '' })).toEqual(['district:districtForRoom']);
    expect(codes({ kind: 'room_wanted', district: 'Atlantis' })).toEqual(['district:district']);
    expect(codes({ kind: 'fair_exhibitor' })).toEqual(['fair_name:fairName']);
    expect(codes({ room_size: 'zwanzig' })).toEqual(['room_size:roomSize']);
    expect(codes({ kind: '', title: 'a' })).toEqual(['kind:kind', 'title:tooShort']);
  });

  it('takes an image by its content, not its name', () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    expect(checkImage({ name: 'raum.png', bytes: png, tooLarge: false })).toEqual({ ok: true, value: 'image/png' });
    expect(checkImage({ name: 'raum.png', bytes: new TextEncoder().encode('<svg onload="alert(1)"/>'), tooLarge: false })).toMatchObject({ ok: false, errors: [{ field: 'image', code: 'imageType' }] });
    expect(checkImage({ name: 'raum.jpg', bytes: png, tooLarge: false })).toMatchObject({ ok: false, errors: [{ code: 'imageType' }] });
    expect(checkImage({ name: 'gross.png', bytes: png, tooLarge: true })).toMatchObject({ ok: false, errors: [{ code: 'imageTooLarge' }] });
  });
});
