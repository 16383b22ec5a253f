import { sql, type Kysely } from 'kysely';
import type { Database, EventFormat } from '../src/db/tables.js';
import { normaliseName, normalisePersonName } from '../src/modules/names/index.js';
import { ensureTemplateForms } from '../src/modules/feedback/index.js';
import { generateFeedback } from './generate-feedback.js';
import { advanceSequence, insertRows, maxId } from './insert.js';
import { acronym, municipalities, organisationName, personName } from './names.js';
import { Random, WeightedPicker } from './random.js';

/**
 * The national-scale dataset of issue 2, written straight into the database
 * (not through the imports, so that generating takes seconds): at scale 1
 * 20,000 organisations, 10,000 events 2015–2024, 500,000 person
 * participations, 200,000 feedback forms, 5,000 grants, 20,000 consultations.
 * Deterministic: the same seed and scale give the same rows on every engine.
 */

export interface GenerateOptions {
  /** 1 = national scale; 0.01 for a quick run. */
  scale?: number;
  seed?: number;
}

export interface GeneratedDataset {
  counts: Record<string, number>;
  /** Every organisation with its acronym alias (when it has one): the import benchmark names them. */
  organisations: { name: string; alias: string | null }[];
  /** Keys of the centre events, in date order. */
  eventKeys: string[];
  milliseconds: number;
}

export const fullScale = { organisations: 20_000, events: 10_000, participations: 500_000, responses: 200_000, grants: 5_000, consultations: 20_000 };

export const formatShares: Record<EventFormat, number> = {
  regional_network_meeting: 34,
  state_network_meeting: 4,
  training_application: 16,
  training_implementation: 10,
  training_reporting: 10,
  writing_workshop: 10,
  pr_training: 9,
  dialogue_forum: 0,
  other: 7,
};

/** Typical attendance (persons) of an event of each format, before noise. */
const typicalSize: Record<EventFormat, number> = {
  regional_network_meeting: 45,
  state_network_meeting: 160,
  training_application: 30,
  training_implementation: 25,
  training_reporting: 25,
  writing_workshop: 18,
  pr_training: 22,
  dialogue_forum: 30,
  other: 40,
};

const legalForms = ['initiative', 'ev_in_gruendung', 'ev', 'ev_gemeinnuetzig', 'ggmbh', 'other'] as const;
const fieldKeys = ['education', 'counselling', 'culture', 'women', 'youth', 'sport', 'health', 'refugees', 'other'] as const;

export interface GeneratedEvent {
  id: number;
  format: EventFormat;
  organizer: 'centre' | 'partner';
  persons: number;
}

export async function generateDataset(db: Kysely<Database>, options: GenerateOptions = {}): Promise<GeneratedDataset> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const random = new Random(options.seed ?? 20240901);
  const size = (full: number) => Math.max(1, Math.round(full * scale));

  const organisations = await generateOrganisations(db, random, size(fullScale.organisations));
  const picker = new WeightedPicker(attendanceWeights(random, organisations.ids.length));
  const events = await generateEvents(db, random, size(fullScale.events), size(fullScale.participations));
  const participations = await generateParticipations(db, random, events.list, organisations.ids, picker);
  await ensureTemplateForms(db);
  const feedback = await generateFeedback(db, random, events.list, size(fullScale.responses));
  const grants = await generateGrants(db, random, organisations.ids, picker, size(fullScale.grants));
  const consultations = await generateConsultations(db, random, organisations.ids, picker, size(fullScale.consultations));
  for (const table of ['organisation', 'event', 'participation', 'feedback_form', 'feedback_question', 'feedback_response', 'grant_application', 'consultation']) {
    await advanceSequence(db, table);
  }
  // A database in use has statistics and has been vacuumed; a freshly filled one
  // needs both now, or autovacuum works through the new rows (and the summary
  // triggers' updates) while the measurements run.
  await sql`vacuum analyze`.execute(db);
  return {
    counts: { organisations: organisations.ids.length, events: events.list.length, participations, ...feedback, grants, consultations },
    organisations: organisations.named,
    eventKeys: events.centreKeys,
    milliseconds: performance.now() - started,
  };
}

/**
 * How likely each organisation is to be the next one at an event. Three in
 * five are occasional guests (one or two events in ten years, some none);
 * the others are regulars with a long tail: a few umbrella associations come
 * to a tenth of all events. Calibrated to the person participations per
 * organisation of fullScale (25), so the shape holds at every scale.
 */
function attendanceWeights(random: Random, count: number): Float64Array {
  const weights = new Float64Array(count);
  const occasional = Array.from({ length: count }, () => random.chance(0.6));
  let rank = 0;
  let regularSum = 0;
  for (let index = 0; index < count; index++) {
    if (occasional[index]) continue;
    weights[index] = Math.pow(rank + 21, -0.8);
    regularSum += weights[index];
    rank += 1;
  }
  // organisation draws ≈ 0.59 per person participation (12 % come alone, 1.5 delegates per organisation)
  const draws = (fullScale.participations / fullScale.organisations) * 0.59 * count;
  const occasionalCount = occasional.filter(Boolean).length;
  const occasionalShare = Math.min(0.5, (occasionalCount * 1.6) / draws);
  const occasionalWeight = (regularSum * occasionalShare) / (1 - occasionalShare) / Math.max(1, occasionalCount);
  for (let index = 0; index < count; index++) if (occasional[index]) weights[index] = occasionalWeight;
  return weights;
}

async function generateOrganisations(db: Kysely<Database>, random: Random, count: number) {
  const base = await maxId(db, 'organisation');
  const rows = [];
  const names = [];
  const named: { name: string; alias: string | null }[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < count; index++) taken.add(normaliseName(organisationName(index).name));
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const id = base + index + 1;
    const { name, municipality, district } = organisationName(index);
    ids.push(id);
    const fields = fieldKeys.filter(() => random.chance(0.25));
    rows.push({
      id,
      name,
      legal_form: random.chance(0.9) ? random.pick(legalForms) : null,
      founded_year: random.chance(0.8) ? random.int(1965, 2024) : null,
      orientation: random.pick(['community', 'cross_community', 'mixed']),
      municipality,
      district,
      postcode: String(random.int(34000, 65999)),
      fields: `{${fields.join(',')}}`,
      created_from: 'import',
    });
    names.push({ normalised_name: normaliseName(name), organisation_id: id, name, is_alias: false });
    // a fifth go by an acronym, when no other organisation already does
    let alias: string | null = null;
    const candidate = acronym(name);
    if (random.chance(0.2) && candidate.length >= 3 && !taken.has(normaliseName(candidate))) {
      alias = candidate;
      taken.add(normaliseName(candidate));
      names.push({ normalised_name: normaliseName(candidate), organisation_id: id, name: candidate, is_alias: true });
    }
    named.push({ name, alias });
  }
  await sql`
    insert into organisation (id, name, legal_form, founded_year, orientation, municipality, district, postcode, fields, created_from)
    select id, name, legal_form, founded_year, orientation, municipality, district, postcode, fields::text[], created_from
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as input (id integer, name text, legal_form text, founded_year integer, orientation text, municipality text,
                district text, postcode text, fields text, created_from text)`.execute(db);
  await insertRows(db, 'organisation_name', 'normalised_name text, organisation_id integer, name text, is_alias boolean', names);
  return { ids, named };
}

/** Days between 2015-01-01 and 2024-12-31 as dates, in order. */
function dateOf(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}
const days = 3653;

async function generateEvents(db: Kysely<Database>, random: Random, count: number, persons: number) {
  const base = await maxId(db, 'event');
  const drafts = [];
  for (let index = 0; index < count; index++) {
    const format = random.weighted(formatShares);
    // later years have more events: the programme grew
    const day = Math.floor(Math.sqrt(random.next()) * days);
    const organizer = random.chance(0.15) ? 'partner' : 'centre';
    drafts.push({ format, day, organizer, weight: typicalSize[format] * (0.4 + 1.2 * random.next()) } as const);
  }
  drafts.sort((a, b) => a.day - b.day);
  // sizes add up to exactly the requested number of person participations
  const totalWeight = drafts.reduce((sum, draft) => sum + draft.weight, 0);
  const sizes = drafts.map((draft) => Math.max(1, Math.floor((draft.weight / totalWeight) * persons)));
  let missing = persons - sizes.reduce((sum, value) => sum + value, 0);
  for (let index = 0; missing > 0; index = (index + 1) % sizes.length, missing--) sizes[index] += 1;

  const rows = [];
  const list: GeneratedEvent[] = [];
  const centreKeys: string[] = [];
  for (const [index, draft] of drafts.entries()) {
    const id = base + index + 1;
    const date = dateOf(draft.day);
    const eventKey = `ev-${date}-${index + 1}`;
    const [municipality, district] = random.pick(municipalities);
    rows.push({
      id,
      event_key: eventKey,
      title: `${draft.format.replace(/_/g, ' ')} ${municipality} ${date}`,
      format: draft.format,
      start_date: date,
      organizer: draft.organizer,
      municipality,
      district,
      capacity: random.chance(0.7) ? sizes[index] + random.int(0, 20) : null,
      per_org_limit: random.chance(0.3) ? random.int(2, 4) : null,
    });
    list.push({ id, format: draft.format, organizer: draft.organizer, persons: sizes[index] });
    if (draft.organizer === 'centre') centreKeys.push(eventKey);
  }
  await insertRows(
    db,
    'event',
    'id integer, event_key text, title text, format text, start_date date, organizer text, municipality text, district text, capacity integer, per_org_limit integer',
    rows,
  );
  return { list, centreKeys };
}

async function generateParticipations(db: Kysely<Database>, random: Random, events: GeneratedEvent[], organisationIds: number[], picker: WeightedPicker) {
  let id = await maxId(db, 'participation');
  const personKeys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = personKeys.get(name);
    if (key === undefined) personKeys.set(name, (key = normalisePersonName(name)));
    return key;
  };
  let rows: object[] = [];
  let total = 0;
  const flush = async () => {
    await insertRows(db, 'participation', 'id integer, event_id integer, organisation_id integer, person_name text, person_key text, email text, source text', rows);
    total += rows.length;
    rows = [];
  };
  for (const event of events) {
    const identities = new Set<string>();
    let placed = 0;
    while (placed < event.persons) {
      // one in eight comes for no organisation; an organisation sends one to three people
      const organisationId = random.chance(0.12) ? null : organisationIds[picker.pick(random)];
      const delegates = organisationId === null ? 1 : Math.min(event.persons - placed, Number(random.weighted({ 1: 60, 2: 30, 3: 10 })));
      for (let delegate = 0; delegate < delegates; delegate++) {
        let name = random.chance(0.03) ? '' : personName(random);
        for (let attempt = 2; identities.has(`${organisationId}|${keyOf(name)}`); attempt++) name = `${personName(random)} ${attempt}`;
        identities.add(`${organisationId}|${keyOf(name)}`);
        id += 1;
        rows.push({
          id,
          event_id: event.id,
          organisation_id: organisationId,
          person_name: name,
          person_key: keyOf(name),
          email: random.chance(0.3) && name ? `${keyOf(name).replace(/ /g, '.')}.${id}@example.org` : null,
          source: random.chance(0.8) ? 'import' : 'checkin',
        });
        placed += 1;
      }
    }
    if (rows.length >= 50_000) await flush();
  }
  await flush();
  return total;
}

async function generateGrants(db: Kysely<Database>, random: Random, organisationIds: number[], picker: WeightedPicker, count: number) {
  const base = await maxId(db, 'grant_application');
  const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
  // the programme grew: later years see more applications
  const weights = years.map((_, index) => 1 + index * 0.25);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const rows = [];
  const taken = new Set<string>();
  let approvedBefore = new Set<number>();
  for (const [index, year] of years.entries()) {
    const inYear = index === years.length - 1 ? count - rows.length : Math.round((weights[index] / weightSum) * count);
    const approvedNow = new Set<number>();
    for (let made = 0; made < inYear; ) {
      // active organisations apply more often, but not only they
      const organisationId = random.chance(0.6) ? organisationIds[picker.pick(random)] : random.pick(organisationIds);
      const applicationType = approvedBefore.has(organisationId) && random.chance(0.7) ? 'follow_up' : 'new';
      if (taken.has(`${year}|${organisationId}|${applicationType}`)) continue;
      taken.add(`${year}|${organisationId}|${applicationType}`);
      const status = year === 2024 && random.chance(0.3) ? 'submitted' : random.weighted({ approved: 64, rejected: 20, withdrawn: 10, submitted: 6 } as const);
      if (status === 'approved') approvedNow.add(organisationId);
      rows.push({
        id: base + rows.length + 1,
        year,
        organisation_id: organisationId,
        application_type: applicationType,
        status,
        approved_on: status === 'approved' ? `${year}-${String(random.int(2, 6)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : null,
        summary: random.pick(['Hausaufgabenhilfe', 'Frauencafé', 'Sprachkurs für Eltern', 'Kulturfest', 'Beratung für Neuzugewanderte', 'Jugendfußball', 'Gesundheitstag']),
        amount_eur: random.int(10, 50) * 100,
        duration_months: random.int(3, 12),
        source: 'import',
      });
      made += 1;
    }
    approvedBefore = approvedNow;
  }
  await insertRows(
    db,
    'grant_application',
    'id integer, year integer, organisation_id integer, application_type text, status text, approved_on date, summary text, amount_eur numeric, duration_months integer, source text',
    rows,
  );
  return rows.length;
}

const topics = ['Antragstellung', 'Vereinsgründung', 'Gemeinnützigkeit', 'Finanzen', 'Öffentlichkeitsarbeit', 'Sachbericht', 'Verwendungsnachweis', 'Ehrenamt', 'Satzung', 'Fördermöglichkeiten', ''];

async function generateConsultations(db: Kysely<Database>, random: Random, organisationIds: number[], picker: WeightedPicker, count: number) {
  const base = await maxId(db, 'consultation');
  const rows = [];
  const taken = new Set<string>();
  while (rows.length < count) {
    const organisationId = random.chance(0.5) ? organisationIds[picker.pick(random)] : random.pick(organisationIds);
    const date = dateOf(Math.floor(Math.sqrt(random.next()) * days));
    const channel = random.weighted({ phone: 45, in_person: 25, email: 20, video: 10 } as const);
    const topic = random.pick(topics);
    if (taken.has(`${date}|${organisationId}|${channel}|${topic}`)) continue;
    taken.add(`${date}|${organisationId}|${channel}|${topic}`);
    rows.push({ id: base + rows.length + 1, consulted_on: date, organisation_id: organisationId, channel, topic, duration_minutes: random.int(1, 8) * 15, source: 'import' });
  }
  await insertRows(db, 'consultation', 'id integer, consulted_on date, organisation_id integer, channel text, topic text, duration_minutes integer, source text', rows);
  return rows.length;
}
