import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { insertEvent } from '../events/index.js';
import type { ExpertKind } from './tables.js';
import './tables.js';

/**
 * The demo's pool (report 4, 5 and 7): trainers of the writing workshops and
 * of public relations, specialist advisers (association law, tax advice on
 * mini-jobs), moderators, and three experts from the demo associations of
 * Frankfurt; and one dialogue forum in Frankfurt two weeks before `today`,
 * staffed from the pool, with its outcomes. Loading twice adds nothing.
 */

const district = 'Frankfurt am Main';
const forumTitle = 'Dialogforum Verwaltung und Vereine, Frankfurt am Main';

interface DemoExpert {
  kind: ExpertKind;
  full_name: string;
  topics: string[];
  languages: string[];
  districts: string[];
  fee_note: string;
  email: string;
}

const external: DemoExpert[] = [
  { kind: 'trainer', full_name: 'Dr. Miriam Hoffmann', topics: ['writing', 'funding'], languages: ['de', 'en'], districts: [], fee_note: '450 € je Schreibwerkstatt (ganzer Tag), Fahrtkosten nach Hessischem Reisekostengesetz', email: 'm.hoffmann@example.org' },
  { kind: 'trainer', full_name: 'Jens Albrecht', topics: ['public_relations'], languages: ['de'], districts: [], fee_note: '380 € je Qualifizierung (halber Tag)', email: 'albrecht@example.org' },
  { kind: 'adviser', full_name: 'Selin Yılmaz (Steuerberaterin)', topics: ['tax_minijob'], languages: ['de', 'tr'], districts: ['Frankfurt am Main', 'Main-Kinzig-Kreis'], fee_note: 'Erstberatung 80 € (WIR-Budgetlinie Steuerberatung)', email: 'yilmaz.steuer@example.org' },
  { kind: 'adviser', full_name: 'Thomas Berger (Rechtsanwalt, Vereinsrecht)', topics: ['association_law'], languages: ['de', 'en'], districts: [], fee_note: 'nach RVG; Erstberatung für Vereine 120 €', email: 'berger.vereinsrecht@example.org' },
  { kind: 'moderator', full_name: 'Aylin Demir', topics: ['moderation', 'intercultural_dialogue', 'municipal_cooperation'], languages: ['de', 'tr', 'en'], districts: ['Frankfurt am Main', 'Darmstadt'], fee_note: '600 € je Forum (Vorbereitung, Moderation, Protokoll)', email: 'aylin.demir@example.org' },
  { kind: 'moderator', full_name: 'Dr. Olena Kovalenko', topics: ['moderation', 'education'], languages: ['de', 'uk', 'ru'], districts: [], fee_note: '550 € je Forum', email: 'kovalenko@example.org' },
  { kind: 'moderator', full_name: 'Karim Haddad', topics: ['moderation', 'youth'], languages: ['de', 'ar', 'fr'], districts: ['Kassel', 'Landkreis Gießen'], fee_note: '500 € je Forum', email: 'k.haddad@example.org' },
];

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function loadExpertsDemo(db: Kysely<Database>, context: { today: string }): Promise<void> {
  if (await db.selectFrom('expert').select('id').limit(1).executeTakeFirst()) return;
  const consent = { consent_given_on: addDays(context.today, -120), consent_wording_version: 'pool-2024-1', consent_source: 'form' as const };
  const ids = new Map<string, number>();
  for (const entry of external) {
    const row = await db.insertInto('expert').values({ ...entry, ...consent }).returning('id').executeTakeFirstOrThrow();
    ids.set(entry.full_name, row.id);
  }
  // experts from three associations of the forum's district, with their person record where one exists
  const associations = await sql<{ id: number; name: string; person_id: number | null; full_name: string | null }>`
    select o.id, o.name, p.id as person_id, p.full_name from organisation o
    left join lateral (select p.id, p.full_name from person_role r join person p on p.id = r.person_id where r.organisation_id = o.id and p.erased_at is null order by p.id limit 1) p on true
    where o.district = ${district} order by (p.id is null), o.id limit 3`.execute(db);
  const fallbackNames = ['Fatma Öztürk', 'Mehmet Aydın', 'Nadia Benali'];
  const associationExperts: number[] = [];
  for (const [index, association] of associations.rows.entries()) {
    const row = await db.insertInto('expert').values({
      kind: 'association_expert', full_name: association.full_name ?? fallbackNames[index]!, organisation_id: association.id, person_id: association.person_id,
      topics: ['intercultural_dialogue', index === 0 ? 'youth' : index === 1 ? 'women' : 'education'], languages: index === 2 ? ['de', 'ar'] : ['de', 'tr'],
      districts: [district], fee_note: 'ehrenamtlich; Aufwandsentschädigung 50 € je Forum', email: null, ...consent,
    }).returning('id').executeTakeFirstOrThrow();
    associationExperts.push(row.id);
  }

  const forumDay = addDays(context.today, -14);
  const forum = await insertEvent(db, {
    format: 'dialogue_forum', title: forumTitle, description: 'Verwaltung und Vereine im Gespräch: Räume für Vereinsarbeit, Zugang zu Fördermitteln der Stadt, gemeinsame Öffentlichkeitsarbeit.',
    start_date: forumDay, starts_at: '17:00', ends_at: '19:30', place: 'Saalbau Gallus, Frankenallee 111', municipality: 'Frankfurt am Main', district,
    organizer: 'centre', cooperation_partners: 'Stadt Frankfurt am Main – Amt für multikulturelle Angelegenheiten', capacity: 40, per_org_limit: 3,
    registration_opens: null, registration_closes: null, language: 'de', accessibility: 'Barrierefreier Zugang über den Seiteneingang', materials: null,
  });
  await db.insertInto('expert_event').values([
    { event_id: forum.id, expert_id: ids.get('Aylin Demir')!, role: 'moderator' },
    ...associationExperts.slice(0, 2).map((expert_id) => ({ event_id: forum.id, expert_id, role: 'expert' as const })),
  ]).execute();
  await db.insertInto('expert_forum_outcome').values([
    { event_id: forum.id, kind: 'agreement', text: 'Die Stadt veröffentlicht eine Liste der Räume, die Vereine kostenlos nutzen können.' },
    { event_id: forum.id, kind: 'agreement', text: 'Das Forum trifft sich zweimal im Jahr; die Vereine schlagen die Themen vor.' },
    { event_id: forum.id, kind: 'next_step', text: 'Raumliste an alle Vereine des Verteilers schicken', owner: 'Amt für multikulturelle Angelegenheiten', due_on: addDays(forumDay, 30) },
    { event_id: forum.id, kind: 'next_step', text: 'Themen für das nächste Forum bei den Vereinen sammeln', owner: 'Kompetenzzentrum (Projektleitung)', due_on: addDays(forumDay, 60) },
    { event_id: forum.id, kind: 'open_question', text: 'Können Vereine ohne Eintragung (Initiativen) städtische Zuschüsse beantragen?' },
  ]).execute();
}
