import type { Kysely } from 'kysely';
import type { Database, EventFormat } from '../../db/tables.js';
import { eventsInOrder, updateEvent, type EventFields } from '../events/index.js';
import { feedbackCodeFor } from '../feedback/index.js';
import { formatProblems, importRecords } from '../imports/index.js';
import { registerForEvent } from '../registrations/index.js';
import { demoSeed } from './generate.js';
import { personName } from './names.js';
import { Random, check } from './random.js';

/**
 * The demo's events around the day it is loaded (issue 10, "a newcomer's
 * first ten minutes"): without them the public calendar says nothing is
 * planned and registration cannot be tried. Dates are relative to `today`
 * (the day the demo is loaded, in Berlin), so the calendar is never empty.
 * All of them lie years after the report's period (2017-09 to 2019-08), so no
 * figure of the report changes; none has attendance or feedback yet, so the
 * lists of the report's events stay exactly as the figures test expects.
 *
 * Keys do not depend on the day: loading again (another day) moves the same
 * events and adds no second set of registrations.
 */

interface UpcomingEvent {
  key: string;
  /** Days after `today` (negative: before). */
  offset: number;
  fields: Omit<EventFields, 'start_date' | 'registration_opens' | 'registration_closes'>;
  /** Registration opens this many days after `today` at 09:00 (absent: open now). */
  opensAfter?: number;
  /** Registrations, each a group from one organisation (by position among the organisations) with its persons. */
  groups: { organisation: number | null; persons: number }[];
  /** The recent past event whose online feedback link is open. */
  feedback?: boolean;
}

const blank = { description: null, cooperation_partners: null, materials: null, organizer: 'centre', language: 'Deutsch' } as const;

const event = (
  key: string,
  offset: number,
  format: EventFormat,
  title: string,
  where: { place: string; municipality: string; district: string },
  details: Partial<UpcomingEvent['fields']> & Pick<UpcomingEvent, 'groups'> & Partial<Pick<UpcomingEvent, 'opensAfter' | 'feedback'>>,
): UpcomingEvent => {
  const { groups, opensAfter, feedback, ...fields } = details;
  return {
    key,
    offset,
    groups,
    opensAfter,
    feedback,
    fields: {
      ...blank,
      format,
      title,
      ...where,
      starts_at: '10:00',
      ends_at: '16:00',
      capacity: null,
      per_org_limit: null,
      accessibility: 'Barrierefreier Zugang, Aufzug vorhanden.',
      ...fields,
    },
  };
};

const frankfurt = { municipality: 'Frankfurt am Main', district: 'Frankfurt am Main' };
const kassel = { municipality: 'Kassel', district: 'Kassel' };
const giessen = { municipality: 'Gießen', district: 'Landkreis Gießen' };
const hanau = { municipality: 'Hanau', district: 'Main-Kinzig-Kreis' };
const darmstadt = { municipality: 'Darmstadt', district: 'Darmstadt' };
const fulda = { municipality: 'Fulda', district: 'Landkreis Fulda' };

/** Groups of one person each, from consecutive organisations starting at `from`. */
const singles = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ organisation: from + i, persons: 1 }));

export const upcomingEvents: UpcomingEvent[] = [
  // a recent past event: its online feedback link is open, registrations wait for check-in
  event('demo-kommend-01', -4, 'training_implementation', 'Schulung Umsetzung von Mikroprojekten, Hanau', { place: 'Kulturforum Hanau, Schlossplatz 1', ...hanau }, {
    capacity: 20,
    description: 'Wie ein bewilligtes Mikroprojekt umgesetzt und dokumentiert wird: Zeitplan, Ausgaben, Belege, Öffentlichkeitsarbeit.',
    groups: [{ organisation: 10, persons: 2 }, ...singles(11, 6)],
    feedback: true,
  }),
  // open, with seats left and a per-organisation limit of 2
  event('demo-kommend-02', 12, 'regional_network_meeting', 'Netzwerktreffen Mittelhessen, Gießen', { place: 'Rathaus Gießen, Berliner Platz 1', ...giessen }, {
    capacity: 30,
    per_org_limit: 2,
    starts_at: '17:00',
    ends_at: '20:00',
    description: 'Vereine aus Mittelhessen stellen ihre Projekte vor und lernen einander kennen. Je Verein bis zu zwei Personen.',
    // the first organisation: the demo representative's own (src/modules/identity/demo-account.ts)
    groups: [{ organisation: 0, persons: 2 }, { organisation: 20, persons: 2 }, ...singles(21, 5)],
  }),
  // full: every seat taken, one person on the waitlist
  event('demo-kommend-03', 26, 'training_application', 'Schulung Antragstellung WIR-Mikroprojekte, Frankfurt am Main', { place: 'Haus am Dom, Domplatz 3', ...frankfurt }, {
    capacity: 12,
    description: 'Vom Projektgedanken zum Antrag: Ziele, Finanzplan, Eigenanteil. Bitte bringen Sie eine Projektidee mit.',
    groups: [...singles(30, 10), { organisation: 40, persons: 2 }, { organisation: 41, persons: 1 }],
  }),
  event('demo-kommend-04', 40, 'writing_workshop', 'Schreibwerkstatt, Kassel', { place: 'Stadtteilzentrum Kassel-Nord, Mombachstraße 12', ...kassel }, {
    capacity: 16,
    per_org_limit: 1,
    description: 'Gemeinsam an Anträgen und Berichten schreiben, mit Rückmeldung aus dem Kompetenzzentrum. Ein Platz je Verein.',
    groups: singles(45, 4),
  }),
  event('demo-kommend-05', 61, 'state_network_meeting', 'Hessenweites Vernetzungstreffen, Frankfurt am Main', { place: 'Saalbau Gallus, Frankenallee 111', ...frankfurt }, {
    capacity: 80,
    per_org_limit: 3,
    description: 'Das jährliche Treffen der Migrantenorganisationen aus ganz Hessen: Austausch, Workshops, Markt der Möglichkeiten.',
    cooperation_partners: 'WIR-Koordination der Stadt Frankfurt am Main',
    groups: [{ organisation: 50, persons: 3 }, { organisation: 51, persons: 1 }, { organisation: 52, persons: 2 }],
  }),
  // no limit at all: anyone may register, as many as they like
  event('demo-kommend-06', 75, 'pr_training', 'Qualifizierung Öffentlichkeitsarbeit, Darmstadt', { place: 'Justus-Liebig-Haus, Große Bachgasse 2', ...darmstadt }, {
    starts_at: '14:00',
    ends_at: '18:00',
    description: 'Pressemitteilung, Fotos, soziale Medien: wie ein Verein über seine Arbeit berichtet.',
    groups: [],
  }),
  // registration opens later: the page says from when
  event('demo-kommend-07', 110, 'training_reporting', 'Schulung Sachbericht und Verwendungsnachweis, Fulda', { place: 'Bürgerzentrum Ziehers-Nord, Fulda', ...fulda }, {
    capacity: 20,
    opensAfter: 30,
    description: 'Was in den Sachbericht gehört und wie der Verwendungsnachweis gelingt.',
    groups: [],
  }),
];

/** 'YYYY-MM-DD' plus days, as calendar days (independent of the machine's time zone). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

export interface UpcomingDemo {
  /** Events from `today` on, as the public calendar lists them. */
  upcoming: number;
  /** The online feedback links of the recent past event (/f/<code>). */
  feedbackLinks: string[];
}

export async function loadUpcomingDemo(db: Kysely<Database>, today: string): Promise<UpcomingDemo> {
  check(/^\d{4}-\d{2}-\d{2}$/.test(today), `today must be YYYY-MM-DD, not ${today}`);
  const dated = upcomingEvents.map((item) => ({ ...item, date: addDays(today, item.offset) }));
  check(dated.every((item) => item.date > '2019-08-31'), 'the events around today must lie after the report’s period');
  // created through the import like every other demo event (stable keys, each with its feedback form)
  const outcome = await importRecords(
    db,
    'events',
    dated.map((item) => ({ event_key: item.key, title: item.fields.title, format: item.fields.format, start_date: item.date, organizer: 'centre', municipality: item.fields.municipality, district: item.fields.district, capacity: item.fields.capacity, per_org_limit: item.fields.per_org_limit })),
    { source: 'demo', fileName: 'demo-upcoming-events.json' },
  );
  if (outcome.problems.length > 0 || !outcome.stored) throw new Error(`demo dataset: the upcoming events were refused:\n${formatProblems(outcome, 'en').join('\n')}`);

  const ids = new Map((await db.selectFrom('event').select(['id', 'event_key']).where('event_key', 'like', 'demo-kommend-%').execute()).map((row) => [row.event_key, row.id]));
  const organisations = (await db.selectFrom('organisation').select('id').orderBy('id').execute()).map((row) => row.id);
  // a seed of its own, so that the report's lists are generated exactly as before
  const random = new Random(demoSeed + 10);
  const feedbackLinks: string[] = [];
  for (const item of dated) {
    const id = ids.get(item.key)!;
    // the details the exchange format has no column for: time, place, description, registration window
    await updateEvent(db, id, {
      ...item.fields,
      start_date: item.date,
      registration_opens: item.opensAfter === undefined ? null : `${addDays(today, item.opensAfter)}T09:00`,
      registration_closes: null,
    });
    if (item.feedback) feedbackLinks.push(`/f/${await feedbackCodeFor(db, id)}`);
    const registered = await db.selectFrom('registration').select('id').where('event_id', '=', id).executeTakeFirst();
    if (registered) continue; // loaded before: the registrations are there
    for (const group of item.groups) {
      const persons = Array.from({ length: group.persons }, () => personName(random));
      const organisationId = group.organisation === null ? null : organisations[group.organisation];
      check(organisationId !== undefined, `${item.key}: no organisation at position ${group.organisation}`);
      await registerForEvent(
        db,
        {
          eventId: id,
          organisationId,
          // accents dropped ("Traoré" → "traore"), never a dot at either end of the local part
          contactEmail: `${persons[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]+/g, '.').replace(/^\.|\.$/g, '').toLowerCase()}@example.org`,
          language: random.weighted({ de: 6, tr: 2, ar: 1, ru: 1 }),
          persons: persons.map((name) => ({ name })),
        },
        // links in the (never sent: no mail server in the demo) confirmation mails
        { baseUrl: 'http://localhost:3000', now: new Date(`${today}T08:00:00Z`) },
      );
    }
  }
  const upcoming = (await eventsInOrder(db, { upcomingFrom: today })).length;
  return { upcoming, feedbackLinks };
}
