import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { organisation } from '../../../test/factories.js';
import { registerForEvent } from '../registrations/index.js';
import { parseCalendar } from './ical.js';

const form = {
  format: 'regional_network_meeting',
  title: 'Vernetzungstreffen Nord; mit Gästen, Teil 1',
  description: 'Erste Zeile\nZweite Zeile mit Komma, Semikolon; und \\ Backslash',
  start_date: '2030-03-14',
  starts_at: '17:30',
  ends_at: '20:00',
  place: 'Bürgerhaus Nord, Saal 2',
  municipality: 'Nordstadt',
  district: 'Kreis Nord',
  organizer: 'centre',
  cooperation_partners: 'WIR-Koordination Nord',
  capacity: '1',
  per_org_limit: '2',
  registration_opens: '',
  registration_closes: '',
  language: 'Deutsch',
  accessibility: 'Rollstuhlgerecht, Aufzug vorhanden',
  materials: 'https://example.org/folien.pdf',
};

describe(`event pages on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  let eventId: number;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
    // partners are organisations of the directory (partners.ts)
    await organisation(test.database.db, { name: 'WIR-Koordination Nord' });
  });
  afterAll(async () => test?.close());

  const get = (url: string, who: SignedIn | null = staff) => test.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const post = (url: string, payload: Record<string, string>) =>
    test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, ...payload } });

  it('refuses an invalid form with an error summary naming each field, in German and English', async () => {
    const response = await post('/events', { ...form, title: '', capacity: 'viele', start_date: '31.02.2030' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#title"');
    expect(response.body).toContain('Titel: Bitte geben Sie einen Titel ein.');
    expect(response.body).toContain('href="#start_date"');
    expect(response.body).toContain('Plätze: Bitte geben Sie eine ganze Zahl ab 0 ein');
    expect(response.body).toContain('value="Bürgerhaus Nord, Saal 2"'); // what was typed stays
    const english = await test.app.inject({ method: 'POST', url: '/events?lang=en', headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, ...form, title: '' } });
    expect(english.body).toContain('Title: please enter a title.');
  });

  it('creates an event with a stable key, its feedback form and an audit entry', async () => {
    const response = await post('/events', form);
    expect(response.statusCode).toBe(303);
    eventId = Number(/\/events\/(\d+)\?created=1/.exec(response.headers.location as string)![1]);
    const event = await test.database.db.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(event.event_key).toBe('ev-2030-03-14-vernetzungstreffen-nord-mit-gaesten-teil');
    expect(event.feedback_form_id).not.toBeNull();
    expect(event.cooperation_partners).toBe('WIR-Koordination Nord');
    const second = await post('/events', form);
    const secondId = Number(/\/events\/(\d+)/.exec(second.headers.location as string)![1]);
    const again = await test.database.db.selectFrom('event').select('event_key').where('id', '=', secondId).executeTakeFirstOrThrow();
    expect(again.event_key).toBe('ev-2030-03-14-vernetzungstreffen-nord-mit-gaesten-teil-2');
    const audit = await test.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(eventId)).execute();
    expect(audit.map((row) => row.action)).toContain('event.create');
    const detail = await get(`/events/${eventId}?created=1`);
    expect(detail.body).toContain('Die Veranstaltung wurde angelegt.');
    expect(detail.body).toContain(`href="/events/${eventId}/feedback/entry"`);
    expect(detail.body).toContain(`href="/events/${eventId}/register"`);
    expect(detail.body).toContain('0 angemeldet, 0 auf der Warteliste');
  });

  it('moves the waitlist up when the capacity is raised', async () => {
    for (const name of ['Ayşe Demir', 'Jonas Berg']) {
      await registerForEvent(test.database.db, { eventId, organisationName: `Verein ${name}`, contactEmail: 'kontakt@example.org', language: 'de', persons: [{ name }], accountId: null }, { baseUrl: 'http://localhost' });
    }
    expect((await get(`/events/${eventId}`)).body).toContain('1 angemeldet, 1 auf der Warteliste');
    const edit = await get(`/events/${eventId}/edit`);
    expect(edit.body).toContain('value="17:30"');
    const response = await post(`/events/${eventId}/edit`, { ...form, capacity: '5' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/events/${eventId}?saved=1&promoted=1`);
    const detail = await get(response.headers.location as string);
    expect(detail.body).toContain('2 angemeldet, 0 auf der Warteliste');
    expect(detail.body).toContain('1 Personen sind von der Warteliste nachgerückt.');
  });

  it('gives an event the feedback form of its new format when the format is corrected before any feedback', async () => {
    const created = await post('/events', { ...form, title: 'Formatwechsel', start_date: '2030-06-01', starts_at: '', ends_at: '' });
    const id = Number(/\/events\/(\d+)/.exec(created.headers.location as string)![1]);
    const before = await test.database.db.selectFrom('event').select('feedback_form_id').where('id', '=', id).executeTakeFirstOrThrow();
    await post(`/events/${id}/edit`, { ...form, title: 'Formatwechsel', start_date: '2030-06-01', starts_at: '', ends_at: '', format: 'pr_training' });
    const after = await test.database.db
      .selectFrom('event')
      .innerJoin('feedback_form', 'feedback_form.id', 'event.feedback_form_id')
      .select(['feedback_form.id', 'feedback_form.format'])
      .where('event.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after.format).toBe('pr_training');
    expect(after.id).not.toBe(before.feedback_form_id);
    const [entry] = parseCalendar((await get(`/calendar/${id}.ics`, null)).body);
    expect(entry['DTSTART;VALUE=DATE']).toBe('20300601');
    expect(entry['DTEND;VALUE=DATE']).toBe('20300602');
    expect(entry.STATUS).toBe('CONFIRMED');
  });

  it('leaves past events out of the public calendar', async () => {
    await post('/events', { ...form, title: 'Längst vorbei', start_date: '2020-01-15' });
    expect((await get('/calendar', null)).body).not.toContain('Längst vorbei');
    expect((await get('/calendar.ics', null)).body).not.toContain('Längst vorbei');
    expect((await get('/events?from=2020-01-01&to=2020-12-31')).body).toContain('Längst vorbei');
  });

  it('lists events with registration counts and filters', async () => {
    await post('/events', { ...form, title: 'Schreibwerkstatt Süd', format: 'writing_workshop', district: 'Kreis Süd', start_date: '2030-04-02', organizer: 'partner' });
    const all = await get('/events');
    expect(all.body).toContain('Schreibwerkstatt Süd');
    expect(all.body).toMatch(/data-event="\d+"[\s\S]*Vernetzungstreffen Nord/);
    const byFormat = await get('/events?format=writing_workshop');
    expect(byFormat.body).toContain('Schreibwerkstatt Süd');
    expect(byFormat.body).not.toContain('Vernetzungstreffen Nord;');
    expect((await get('/events?district=Kreis+S%C3%BCd')).body).not.toContain('Vernetzungstreffen Nord;');
    expect((await get('/events?organizer=centre')).body).not.toContain('Schreibwerkstatt Süd');
    const period = await get('/events?from=2030-04-01&to=2030-04-30');
    expect(period.body).toContain('Veranstaltungen (1)');
    const coordinator = await test.signIn('coordinator');
    const read = await get('/events', coordinator);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('href="/events/new"');
    // a coordinator without districts sees no event: outside their districts is "not found"
    expect(read.body).not.toContain(`href="/events/${eventId}"`);
    expect((await get(`/events/${eventId}/edit`, coordinator)).statusCode).toBe(404);
  });

  it('shows a month as a table with the events linked', async () => {
    const month = await get('/events/calendar?month=2030-03');
    expect(month.statusCode).toBe(200);
    expect(month.body).toContain('<caption class="kern-title">März 2030</caption>');
    expect(month.body).toMatch(new RegExp(`data-day="2030-03-14"[\\s\\S]*?href="/events/${eventId}"`));
    expect(month.body).toContain('href="/events/calendar?month=2030-04"');
  });

  it('duplicates into a prefilled form without the date', async () => {
    const response = await post(`/events/${eventId}/duplicate`, {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/events/new?from=${eventId}`);
    const copy = await get(response.headers.location as string);
    expect(copy.body).toContain('Kopie von');
    expect(copy.body).toContain('value="Bürgerhaus Nord, Saal 2"');
    expect(copy.body).toMatch(/id="start_date" name="start_date" type="date" value required/);
  });

  it('shows the public calendar and event page in Arabic, right to left', async () => {
    const calendar = await get('/calendar?lang=ar', null);
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).toContain('dir="rtl"');
    expect(calendar.body).toContain('تقويم الفعاليات');
    expect(calendar.body).toContain('Vernetzungstreffen Nord');
    const filtered = await get('/calendar?format=writing_workshop', null);
    expect(filtered.body).toContain('Schreibwerkstatt Süd');
    expect(filtered.body).not.toContain('Vernetzungstreffen Nord;');
    const page = await get(`/calendar/${eventId}?lang=ar`, null);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('Rollstuhlgerecht, Aufzug vorhanden');
    expect(page.body).toContain('3 من 5 أماكن شاغرة');
    expect(page.body).toContain(`href="/events/${eventId}/register?lang=ar"`);
    expect((await get('/calendar/999999', null)).statusCode).toBe(404);
  });

  it('cancels with a reason only, writes the audit log and marks the event cancelled everywhere', async () => {
    const missing = await post(`/events/${eventId}/cancel`, { reason: ' ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#reason"');
    expect(missing.body).toContain('Grund: Bitte geben Sie an');
    const response = await post(`/events/${eventId}/cancel`, { reason: 'Referentin erkrankt' });
    expect(response.statusCode).toBe(303);
    const event = await test.database.db.selectFrom('event').select(['cancelled_at', 'cancel_reason']).where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(event.cancelled_at).not.toBeNull();
    const audit = await test.database.db.selectFrom('audit_log').select(['action', 'details', 'account_id']).where('action', '=', 'event.cancel').executeTakeFirstOrThrow();
    expect(audit.account_id).toBe(staff.accountId);
    expect(JSON.stringify(audit.details)).toContain('Referentin erkrankt');
    expect((await post(`/events/${eventId}/cancel`, { reason: 'noch einmal' })).statusCode).toBe(409);
    const page = await get(`/calendar/${eventId}?lang=de`, null);
    expect(page.body).toContain('Diese Veranstaltung wurde abgesagt. Referentin erkrankt');
    expect(page.body).not.toContain('Jetzt anmelden');
  });

  it('writes iCalendar feeds that parse back: folding, escaping, cancelled status', async () => {
    const feed = await get('/calendar.ics', null);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of feed.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(feed.body).toContain('BEGIN:VTIMEZONE');
    const events = parseCalendar(feed.body);
    expect(events.length).toBeGreaterThanOrEqual(3);
    const one = await get(`/calendar/${eventId}.ics`, null);
    const [event] = parseCalendar(one.body);
    // cancelled: the title says so, as many apps show STATUS nowhere; German unless ?lang=
    expect(event.SUMMARY).toBe(`Abgesagt: ${form.title}`);
    expect(parseCalendar((await get(`/calendar/${eventId}.ics?lang=en`, null)).body)[0].SUMMARY).toBe(`Cancelled: ${form.title}`);
    expect(event.DESCRIPTION).toContain(form.description);
    expect(event.DESCRIPTION).toContain(`/calendar/${eventId}`);
    expect(event.LOCATION).toBe('Bürgerhaus Nord, Saal 2, Nordstadt');
    expect(event['DTSTART;TZID=Europe/Berlin']).toBe('20300314T173000');
    expect(event['DTEND;TZID=Europe/Berlin']).toBe('20300314T200000');
    expect(event.STATUS).toBe('CANCELLED');
    expect(event.UID).toMatch(/^ev-2030-03-14-vernetzungstreffen-nord-mit-gaesten-teil@/);
    expect(one.body).toContain('SUMMARY:Abgesagt: Vernetzungstreffen Nord\\; mit Gästen\\, Teil 1');
    expect((await get('/calendar/999999.ics', null)).statusCode).toBe(404);
  });

  /**
   * A strict reading of RFC 5545's content lines (no node-ical here): CRLF
   * ends every line and nothing else breaks one, each line holds at most 75
   * octets, a folded line goes on with one space, every unfolded line is
   * NAME[;PARAM…]:VALUE, and no TEXT value holds a control character.
   */
  function strictContentLines(text: string): string[] {
    expect(text.endsWith('\r\n')).toBe(true);
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      expect(line, JSON.stringify(line)).not.toMatch(/[\r\n]/);
      expect(line).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    const unfolded: string[] = [];
    for (const line of physical) {
      if (line.startsWith(' ')) unfolded[unfolded.length - 1] += line.slice(1);
      else unfolded.push(line);
    }
    for (const line of unfolded) expect(line, line).toMatch(/^[A-Z][A-Z0-9-]*(;[A-Z0-9-]+=[^:;]*)*:/);
    // components nest and close in order; each has the properties RFC 5545 requires
    const open: { name: string; properties: Set<string> }[] = [];
    const required: Record<string, string[]> = { VCALENDAR: ['PRODID', 'VERSION'], VEVENT: ['UID', 'DTSTAMP', 'DTSTART'], VTIMEZONE: ['TZID'] };
    for (const line of unfolded) {
      const name = line.slice(0, line.search(/[;:]/));
      const value = line.slice(line.indexOf(':') + 1);
      if (name === 'BEGIN') open.push({ name: value, properties: new Set() });
      else if (name === 'END') {
        const closed = open.pop();
        expect(closed?.name, line).toBe(value);
        for (const property of required[value] ?? []) expect(closed!.properties.has(property), `${value} lacks ${property}`).toBe(true);
      } else open[open.length - 1]?.properties.add(name);
    }
    expect(open).toEqual([]);
    expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
    expect(unfolded.at(-1)).toBe('END:VCALENDAR');
    return unfolded;
  }

  it('gives subscribers what they need to notice changes, and an empty feed a valid shape', async () => {
    const response = await post('/events', { ...form, title: 'Straßenfest „Vielfalt“', start_date: '2031-05-20' });
    const id = Number(/\/events\/(\d+)/.exec(String(response.headers.location))![1]);
    const first = await get(`/calendar/${id}.ics`, null);
    const lines = strictContentLines(first.body);
    const [before] = parseCalendar(first.body);
    expect(before.SUMMARY).toBe('Straßenfest „Vielfalt“');
    expect(before.SEQUENCE).toMatch(/^\d+$/);
    expect(before['LAST-MODIFIED']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(before.DESCRIPTION).toContain(`/calendar/${id}`);
    expect(lines).toContain('CALSCALE:GREGORIAN');
    // an edit raises SEQUENCE and moves LAST-MODIFIED
    await test.database.db.updateTable('event').set({ place: 'Marktplatz', updated_at: sql`'2040-01-01T00:00:00Z'::timestamptz` as never }).where('id', '=', id).execute();
    const [after] = parseCalendar((await get(`/calendar/${id}.ics`, null)).body);
    expect(Number(after.SEQUENCE)).toBeGreaterThan(Number(before.SEQUENCE));
    expect(after['LAST-MODIFIED']).toBe('20400101T000000Z');
    // the file name: ASCII for old clients, the exact name as filename*
    const disposition = String(first.headers['content-disposition']);
    expect(disposition).toMatch(/^inline; filename="[A-Za-z0-9._-]+\.ics"; filename\*=UTF-8''[A-Za-z0-9%._-]+\.ics$/);
    // an empty feed (no upcoming event of that format): a calendar without events, still complete
    const empty = await get('/calendar.ics?format=pr_training&district=Nirgendwo', null);
    const emptyLines = strictContentLines(empty.body);
    expect(emptyLines).toEqual(expect.arrayContaining(['VERSION:2.0', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Veranstaltungskalender']));
    expect(emptyLines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    expect(emptyLines).not.toContain('BEGIN:VEVENT');
    expect(empty.headers['content-disposition']).toBe(`inline; filename="veranstaltungen.ics"; filename*=UTF-8''veranstaltungen.ics`);
  });

  it('keeps control characters out of titles and the feed: stripped on input, escaped on output', async () => {
    const response = await post('/events', {
      ...form,
      title: 'Sommerfest\rATTACH:https://evil.example/x', // a NUL byte is refused with 400 before (src/http/validation.ts)
      place: 'Saal\t2\nHinterhaus',
      description: 'Zeile eins\r\nZeile zwei\rZeile drei\u0007',
      start_date: '2030-07-01',
    });
    expect(response.statusCode).toBe(303);
    const id = Number(/\/events\/(\d+)/.exec(String(response.headers.location))![1]);
    const stored = await test.database.db.selectFrom('event').select(['title', 'place', 'description']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: 'Sommerfest ATTACH:https://evil.example/x', place: 'Saal 2 Hinterhaus', description: 'Zeile eins\nZeile zwei\nZeile drei' });
    // a row that came in by another way (an import, older data) still cannot break a line of the feed
    await test.database.db.updateTable('event').set({ title: 'Alt\rATTACH:https://evil.example/y\n, ; \\ Ende', description: 'a\u0001b\u2028c' }).where('id', '=', id).execute();
    for (const url of [`/calendar/${id}.ics`, '/calendar.ics']) {
      const feed = await get(url, null);
      const lines = strictContentLines(feed.body);
      expect(lines.some((line) => line.startsWith('ATTACH'))).toBe(false);
    }
    const [event] = parseCalendar((await get(`/calendar/${id}.ics`, null)).body);
    expect(event.SUMMARY).toBe('Alt\nATTACH:https://evil.example/y\n, ; \\ Ende');
    expect(event.DESCRIPTION.startsWith('ab\nc\n')).toBe(true);
    // a long title with umlauts folds at 75 octets and reads back whole
    const long = 'Größere Veranstaltung über Öffentlichkeitsarbeit, Förderanträge; Übungen '.repeat(2).trim();
    await test.database.db.updateTable('event').set({ title: long }).where('id', '=', id).execute();
    const folded = await get(`/calendar/${id}.ics`, null);
    strictContentLines(folded.body);
    expect(parseCalendar(folded.body)[0].SUMMARY).toBe(long);
  });

  it('refuses dates outside 2000–2100 with a message naming the field, in German and English', async () => {
    const year1 = await post('/events', { ...form, start_date: '0001-01-01', registration_opens: '9999-01-01T10:00', registration_closes: '9999-02-01T10:00' });
    expect(year1.statusCode).toBe(400);
    expect(year1.body).toContain('href="#start_date"');
    expect(year1.body).toContain('Datum: Bitte geben Sie ein Datum zwischen dem 01.01.2000 und dem 31.12.2100 ein');
    expect(year1.body).toContain('href="#registration_opens"');
    const english = await test.app.inject({ method: 'POST', url: '/events?lang=en', headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, ...form, start_date: '9999-12-31' } });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Please enter a date between 1 January 2000 and 31 December 2100');
  });
});
