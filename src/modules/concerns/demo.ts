import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { linkNeedToEvent } from './commands/links.js';
import { recordMinutes, setAgenda, createMeeting } from './commands/meeting.js';
import { recordEntry } from './commands/record.js';
import { changeConcernState } from './commands/update.js';
import type { EntryInputDraft } from './input.js';

/**
 * The demo log: the needs named in the report's meetings (5.1 regional, 5.2
 * state-wide network meetings, 5.4 feedback) and the concerns of the
 * trainings' feedback rounds (5.3) that the project leads forwarded to the
 * ministry, with what came of them: tax adviser costs became eligible, the
 * deadline moved to May, projects may run up to 24 months; the rest still
 * open. One Dialogtreffen carried them. Sources are the demo's events where
 * they exist (by event key), so the needs link to the trainings that took
 * them up.
 */

interface DemoEntry {
  key: string;
  kind: 'need' | 'concern';
  title: string;
  description?: string;
  topic: EntryInputDraft['topic'];
  raisedOn: string;
  eventKey: string;
  organisations: number;
  isPublic?: boolean;
  publicWording?: string;
}

const entries: DemoEntry[] = [
  { key: 'rooms', kind: 'need', title: 'Eigene Vereinsräume fehlen; Räume für Beratungen und Veranstaltungen werden gesucht', topic: 'rooms', raisedOn: '2017-11-25', eventKey: 'ev-2017-11-25', organisations: 6, isPublic: true, publicWording: 'Viele Vereine haben keine eigenen Räume.' },
  { key: 'pr', kind: 'need', title: 'Qualifizierung in Öffentlichkeitsarbeit, um neue Mitglieder zu gewinnen', topic: 'public_relations', raisedOn: '2017-11-25', eventKey: 'ev-2017-11-25', organisations: 2, isPublic: true },
  { key: 'funding', kind: 'need', title: 'Wissen zu Fördermittelakquise und Projektmanagement; Informationen gebündelt und leicht zugänglich', topic: 'application', raisedOn: '2018-08-24', eventKey: 'ev-2018-08-24', organisations: 8, isPublic: true },
  { key: 'referral', kind: 'need', title: 'Überblick über bestehende Angebote für eine gute Verweisberatung (Wegweiser, auch in Leichter Sprache)', topic: 'referral', raisedOn: '2017-11-25', eventKey: 'ev-2017-11-25', organisations: 3 },
  { key: 'informal', kind: 'need', title: 'Mehr Zeit zum informellen Kennenlernen und für die Workshops', topic: 'networking', raisedOn: '2018-08-24', eventKey: 'ev-2018-08-24', organisations: 5, isPublic: true },
  { key: 'agg', kind: 'need', title: 'Zugang zu Informationen über das AGG und zu Antidiskriminierungs-Beratung in Hessen', topic: 'discrimination', raisedOn: '2019-06-01', eventKey: 'ev-2019-06-01', organisations: 4 },
  { key: 'two', kind: 'need', title: 'Mehr als zwei Teilnehmende pro Verein zulassen', topic: 'networking', raisedOn: '2019-06-01', eventKey: 'ev-2019-06-01', organisations: 2 },
  { key: 'fair', kind: 'need', title: 'Eine hessenweite Vereinsmesse als Plattform für gemeinsame Themen', topic: 'networking', raisedOn: '2019-06-01', eventKey: 'ev-2019-06-01', organisations: 3, isPublic: true },
  { key: 'taxAdviser', kind: 'concern', title: 'Lohnbuchführung für Minijobs an ein Steuerberatungsbüro abgeben dürfen; Steuerberatungskosten förderfähig machen', topic: 'funding_rules', raisedOn: '2017-12-16', eventKey: 'ev-2017-12-16', organisations: 7, isPublic: true, publicWording: 'Die Minijob-Formalitäten sind für Ehrenamtliche eine große Hürde: Vereine möchten sie an ein Steuerberatungsbüro abgeben.' },
  { key: 'duration', kind: 'concern', title: 'Die Projektlaufzeit der Mikroprojekte ist zu kurz, vor allem nach langen Bewilligungsformalitäten', topic: 'funding_rules', raisedOn: '2018-02-10', eventKey: 'ev-2018-02-10', organisations: 9, isPublic: true },
  { key: 'deadline', kind: 'concern', title: 'Die Antragsfrist kommt zu früh, um Anträge gut vorzubereiten', topic: 'application', raisedOn: '2017-12-16', eventKey: 'ev-2017-12-16', organisations: 5, isPublic: true },
  { key: 'rent', kind: 'concern', title: 'Mietkosten (z. B. Büromiete) förderfähig machen', topic: 'funding_rules', raisedOn: '2018-02-10', eventKey: 'ev-2018-02-10', organisations: 4, isPublic: true },
  { key: 'continue', kind: 'concern', title: 'Erfolgreiche Projekte fortführen dürfen, statt in jedem Neuantrag eine andere Projektidee zu entwickeln', topic: 'funding_rules', raisedOn: '2018-02-24', eventKey: 'ev-2018-02-24', organisations: 3 },
  { key: 'investments', kind: 'concern', title: 'Transparente Informationen, welche einmaligen Anschaffungen (Laptop, Drucker) förderfähig sind', topic: 'funding_rules', raisedOn: '2018-02-24', eventKey: 'ev-2018-02-24', organisations: 2 },
  { key: 'portals', kind: 'concern', title: 'Antragsunterlagen auf den Portalen von HMSI und Regierungspräsidium sind schwer zu finden', topic: 'application', raisedOn: '2018-05-05', eventKey: 'ev-2018-05-05', organisations: 3 },
  { key: 'structural', kind: 'concern', title: 'Kontinuierliche Förderung der Vereinsarbeit, z. B. einer Geschäftsstelle, statt nur befristeter Projekte', topic: 'funding_rules', raisedOn: '2017-11-25', eventKey: 'ev-2017-11-25', organisations: 4 },
];

const minutes: Record<string, { state: 'changed' | 'declined' | 'forwarded'; said: string }> = {
  taxAdviser: { state: 'changed', said: 'Das HMSI stimmt zu: Die Kosten eines Steuerberatungsbüros für die Lohnbuchführung der Minijobs sind ab sofort förderfähig.' },
  deadline: { state: 'changed', said: 'Die Antragsfrist wird 2018 bis Mai verlängert.' },
  duration: { state: 'changed', said: 'Die Gesamtlaufzeit der Projekte wird auf bis zu 24 Monate erweitert; laufende Projekte können verlängert werden.' },
  rent: { state: 'forwarded', said: 'Das HMSI prüft, ob Mietkosten im Rahmen der Förderrichtlinie möglich sind.' },
  continue: { state: 'forwarded', said: 'Wird für die nächste Förderperiode mitgenommen.' },
};

export async function loadConcernsDemo(db: Kysely<Database>, _today: string): Promise<void> {
  // loaded before? The evaluation's demo (earlier in the registry) passes its protocols' needs to the log first, so those do not count
  const loaded = await db.selectFrom('concern_entry as e').innerJoin('concern_source as s', 's.entry_id', 'e.id').select('e.id').where('s.kind', '!=', 'evaluation').limit(1).executeTakeFirst();
  if (loaded) return;
  const events = new Map((await db.selectFrom('event').select(['id', 'event_key', 'district', 'format', 'start_date']).execute()).map((event) => [event.event_key, event]));
  const organisations = (await db.selectFrom('organisation').select('id').orderBy('id').limit(40).execute()).map((row) => row.id);
  const ids = new Map<string, number>();
  for (const [index, entry] of entries.entries()) {
    const event = events.get(entry.eventKey);
    const raisers = organisations.length === 0 ? [] : Array.from({ length: Math.min(entry.organisations, organisations.length) }, (_, n) => organisations[(index * 3 + n) % organisations.length]);
    ids.set(entry.key, await recordEntry(db, null, {
      kind: entry.kind, title: entry.title, description: entry.description ?? '', topic: entry.topic, raisedOn: entry.raisedOn, district: event?.district ?? null,
      organisationIds: raisers, isPublic: entry.isPublic ?? false, publicWording: entry.publicWording ?? '',
      source: event ? { kind: 'event', eventId: event.id } : { kind: 'other', note: entry.eventKey },
    }));
  }
  // the needs that shaped the next trainings (report 5.2: "ein Wunsch, der in Form der Schulungen … erfüllt wurde")
  const takenUp: [string, (event: { format: string; start_date: string }) => boolean][] = [
    ['funding', (event) => event.format.startsWith('training_') && event.start_date > '2018-08-24'],
    ['pr', (event) => event.format === 'pr_training'],
    ['informal', (event) => event.start_date === '2019-06-01'],
  ];
  for (const [key, matches] of takenUp) {
    for (const event of [...events.values()].filter(matches).slice(0, 3)) await linkNeedToEvent(db, null, ids.get(key)!, event.id, true);
  }
  // the Dialogtreffen of spring 2018 carried the trainings' concerns; the portals' one is forwarded by mail
  const meetingId = await createMeeting(db, null, { heldOn: '2018-03-06', title: 'Dialogtreffen mit dem HMSI', place: 'Wiesbaden' });
  await setAgenda(db, null, meetingId, Object.keys(minutes).map((key) => ids.get(key)!));
  await recordMinutes(db, null, meetingId, Object.entries(minutes).map(([key, item]) => ({ entryId: ids.get(key)!, minutes: item.said, state: item.state })));
  await changeConcernState(db, null, ids.get('portals')!, 1, { state: 'forwarded', forwardedOn: '2018-05-14', note: 'per E-Mail an das zuständige Referat' });
}
