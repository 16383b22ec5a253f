import { normaliseName } from '../names/index.js';
import { demoEvents, partnerEvents } from './events.js';
import { feedbackRecords, type FeedbackRecord } from './feedback.js';
import { consultedOrganisations, plannedGrants } from './grants.js';
import { acronymOf, organisationName, personName, placeLabel, regions, spellingVariants, towns, type Orientation, type Town } from './names.js';
import { planParticipation, type PlannedOrganisation } from './plan.js';
import { Random, check } from './random.js';
import { plannedSummary2019, projectSummary } from './summaries.js';

/**
 * The demo dataset as the six lists of spec/exchange.md, built from the
 * figures of the evaluation report (reference/figures.md) with a fixed seed:
 * the same lists on every run. load.ts imports them.
 */

export const demoSeed = 20170901;
export const demoPeriod = { from: '2017-09-01', to: '2019-08-31' } as const;

type Cell = string | number | null;
export type DemoRecord = Record<string, Cell>;

export interface DemoDataset {
  organizations: DemoRecord[];
  events: DemoRecord[];
  participants: DemoRecord[];
  feedback: FeedbackRecord[];
  consultations: DemoRecord[];
  grants: DemoRecord[];
}

/** Organisations on the distribution list that never came to a centre event (grants.ts: indexes 123–144). */
const neverReached = 22;

interface DemoOrganisation {
  key: string;
  name: string;
  alias: string | null;
  town: Town;
  persons: string[];
}

const fieldChoices = ['education', 'counselling', 'culture', 'women', 'youth', 'sport', 'health', 'refugees', 'other'];

export function generateDemo(): DemoDataset {
  const random = new Random(demoSeed);
  const plan = planParticipation(random);
  const { organisations, organizations } = organisationList(random, plan);
  return {
    organizations,
    events: demoEvents.map((item) => ({
      event_key: item.key,
      title: item.title,
      format: item.format,
      start_date: item.date,
      organizer: item.organizer,
      municipality: item.municipality,
      district: item.district,
    })),
    participants: participantRows(random, plan, organisations),
    feedback: feedbackRecords(random),
    consultations: consultationRows(random, organisations),
    grants: grantRows(random, organisations),
  };
}

/**
 * Chapter 5.6: of 2019's 42 holders, 26 are community / origin oriented and
 * 20 cross-community; read as 22 `community`, 16 `cross_community` and 4
 * `mixed` (counted in both). A holder keeps its drawn orientation while its
 * quota lasts; otherwise it takes one whose quota is left.
 */
function holderOrientations(): (index: number, drawn: Orientation) => Orientation {
  const holders = new Set(plannedGrants().filter((grant) => grant.year === 2019 && grant.status === 'approved').map((grant) => grant.organisation));
  const left: Record<Orientation, number> = { community: 22, cross_community: 16, mixed: 4 };
  check(holders.size === 42, `42 holders of 2019, not ${holders.size}`);
  return (index, drawn) => {
    if (!holders.has(index)) return drawn;
    const orientation = left[drawn] > 0 ? drawn : (['cross_community', 'community', 'mixed'] as const).find((candidate) => left[candidate] > 0)!;
    left[orientation] -= 1;
    return orientation;
  };
}

/** The home town of a reached organisation: near its first regional meeting, else anywhere in Hessen. */
function homeTown(random: Random, planned: PlannedOrganisation | undefined): Town {
  const regional = planned?.events.find((item) => item.format === 'regional_network_meeting');
  const region = { 'ev-2017-09-30': regions.south, 'ev-2017-11-25': regions.north, 'ev-2018-03-24': regions.east, 'ev-2018-11-15': regions.offenbach }[regional?.key ?? ''] ?? regions.hessen;
  return towns[random.pick(region)];
}

function organisationList(random: Random, plan: PlannedOrganisation[]) {
  const used = new Set<string>();
  const organisations: DemoOrganisation[] = [];
  const organizations: DemoRecord[] = [];
  const orientationOf = holderOrientations();
  // names of the holders whose orientation had to change come from a stream of their own, so that the main one stays as it was
  const side = new Random(demoSeed + 56);
  for (let index = 0; index < plan.length + neverReached; index += 1) {
    const town = homeTown(random, plan[index]);
    let { name, orientation, legalForm } = organisationName(random, town, used);
    const wanted = orientationOf(index, orientation);
    if (wanted !== orientation) {
      used.delete(normaliseName(name));
      ({ name, orientation, legalForm } = organisationName(side, town, used, wanted));
    }
    // every fifth organisation is also known by its acronym
    let alias: string | null = index % 5 === 4 ? acronymOf(name, placeLabel(town)) : null;
    if (alias && used.has(normaliseName(alias))) alias = null;
    if (alias) used.add(normaliseName(alias));
    const persons = new Set<string>();
    while (persons.size < 3) persons.add(personName(random));
    organisations.push({ key: '', name, alias, town, persons: [...persons] });
    // a domain label never ends with a hyphen (RFC 1035): the address check of src/modules/mail/address.ts refuses it
    const slug = normaliseName(name).replace(/ /g, '-').slice(0, 40).replace(/-+$/, '');
    organizations.push({
      org_key: '',
      name,
      aliases: alias,
      legal_form: legalForm,
      founded_year: random.int(1978, 2017),
      orientation,
      municipality: town.municipality,
      district: town.district,
      postcode: town.postcode,
      fields: random.shuffle(fieldChoices).slice(0, random.int(1, 3)).join('|'),
      email: random.chance(0.7) ? `kontakt@${slug}.example` : null,
      website: random.chance(0.4) ? `https://${slug}.example` : null,
      phone: null,
    });
  }
  // The distribution list is alphabetical, with keys as the centre numbered it.
  const order = organizations.map((_, i) => i).sort((a, b) => organizations[a].name!.toString().localeCompare(organizations[b].name!.toString(), 'de'));
  order.forEach((index, position) => {
    const key = `V-${String(position + 1).padStart(4, '0')}`;
    organizations[index].org_key = key;
    organisations[index].key = key;
  });
  return { organisations, organizations: order.map((index) => organizations[index]) };
}

/** The name as a list writes it: usually as known, sometimes another spelling or the acronym. */
function writtenName(random: Random, organisation: DemoOrganisation, share = 0.2): string {
  if (organisation.alias && random.chance(0.4)) return organisation.alias;
  if (!random.chance(share)) return organisation.name;
  const variants = spellingVariants(organisation.name);
  return variants.length > 0 ? random.pick(variants) : organisation.name;
}

function participantRows(random: Random, plan: PlannedOrganisation[], organisations: DemoOrganisation[]): DemoRecord[] {
  const rows: DemoRecord[] = [];
  const attendance = (item: (typeof demoEvents)[number]) =>
    item.organizer === 'partner'
      ? // the WIR coordinator's meeting: two holders of 2019 the centre never reached, two others, one organisation never reached
        [123, 124, 69, 70, 141]
      : plan.filter((planned) => planned.events.includes(item)).map((planned) => planned.index);
  for (const item of demoEvents) {
    const present = attendance(item);
    check(present.length === item.organisations, `${item.key}: ${item.organisations} organisations attend`);
    const persons = new Map(present.map((index) => [index, 1]));
    const extra = random.shuffle(present);
    for (let i = 0; i < item.persons - item.individuals - item.organisations; i += 1) {
      const index = extra[i % extra.length];
      persons.set(index, persons.get(index)! + 1);
    }
    for (const index of present) {
      const organisation = organisations[index];
      const written = writtenName(random, organisation);
      for (const person of organisation.persons.slice(0, persons.get(index))) {
        rows.push({ event_key: item.key, organization: written, person, email: random.chance(0.3) ? emailOf(person) : null });
      }
    }
    const individuals = new Set<string>();
    while (individuals.size < item.individuals) individuals.add(personName(random));
    for (const person of individuals) rows.push({ event_key: item.key, organization: null, person, email: null });
  }
  const centreRows = rows.length - partnerEvents.reduce((sum, item) => sum + item.persons, 0);
  check(centreRows === 244, `244 person participations at centre events, not ${centreRows}`);
  return rows;
}

const emailOf = (person: string) =>
  `${normaliseName(person).replace(/ı/g, 'i').replace(/[^a-z ]/g, '').replace(/ /g, '.')}@example.org`;

const topics = [
  'Antragstellung WIR-Mikroprojekt', 'Finanzplan und Eigenanteil', 'Sachbericht', 'Verwendungsnachweis', 'Vereinsgründung und Satzung',
  'Gemeinnützigkeit', 'Öffentlichkeitsarbeit', 'Kooperation mit der Kommune', 'Fördermöglichkeiten', 'Gewinnung von Ehrenamtlichen',
];
const channels = ['phone', 'phone', 'in_person', 'email', 'email', 'video'];

function consultationRows(random: Random, organisations: DemoOrganisation[]): DemoRecord[] {
  const rows: DemoRecord[] = [];
  const seen = new Set<string>();
  for (const index of consultedOrganisations()) {
    const organisation = organisations[index];
    for (let i = random.int(1, 3); i > 0; i -= 1) {
      const row = {
        date: random.day('2017-10-01', '2019-07-31'),
        organization: writtenName(random, organisation, 0.1),
        channel: random.pick(channels),
        topic: random.pick(topics),
        duration_minutes: random.pick([15, 20, 30, 45, 60, 90]),
      };
      const identity = `${row.date}|${index}|${row.channel}|${row.topic}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      rows.push(row);
    }
  }
  return rows.sort((a, b) => String(a.date).localeCompare(String(b.date)));
}

function grantRows(random: Random, organisations: DemoOrganisation[]): DemoRecord[] {
  const grants = plannedGrants();
  // one approval of 2019 came without a summary on the funder's list (chapter 5.6: 41 of 42)
  const withoutSummary = grants.find((grant) => grant.year === 2019 && grant.status === 'approved' && grant.organisation === 33);
  let planned = 0;
  return grants.map((grant) => {
    const organisation = organisations[grant.organisation];
    const approved = grant.status === 'approved';
    // 2019's approvals carry the planned summaries whose clusters chapter 5.6 counts; the
    // random summary is drawn all the same, so that the random stream (and every later row) stays as it was
    const summaryOf = () => {
      const drawn = projectSummary(random, placeLabel(organisation.town));
      return grant.year === 2019 && approved ? plannedSummary2019(planned++, placeLabel(organisation.town)) : drawn;
    };
    return {
      year: grant.year,
      organization: writtenName(random, organisation, 0.1),
      application_type: grant.applicationType,
      status: grant.status,
      approved_on: approved ? random.day(grant.year === 2018 ? '2018-02-01' : '2019-01-15', grant.year === 2018 ? '2018-06-29' : '2019-05-31') : null,
      summary: grant === withoutSummary ? null : summaryOf(),
      amount_eur: random.pick([1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]),
      duration_months: random.int(4, 12),
    };
  });
}
