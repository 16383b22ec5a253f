import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { defuseFormula } from '../audit/index.js';
import { maskedCount } from './export.js';
import { methodsTable } from './methods.js';
import type { Pseudonymiser } from './pseudonyms.js';
import { activityYears, describeOrganisations, evaluationProfiles, measures, organisationIndex, participations } from './queries.js';
import { guides, interviews, observableEvents, protocolOf, reflections } from './workspace-queries.js';
import { fold } from './portrait.js';

/**
 * Everything the evaluator may see, as one XLSX for writing the report: the
 * pseudonymised organisations and participations (as the CSV exports), the
 * methods table of the whole time, the observation protocols with workshops
 * and needs, the interviews with notes and portraits, the guides, the
 * reflection meetings and their follow-ups. No column holds a name; where a
 * free text (a protocol, a note) names an organisation of the directory as
 * written there, the name is replaced by its pseudonym.
 */

type Value = string | number | null;

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Value[][]) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => (typeof value === 'string' ? defuseFormula(value) : value)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  header.forEach((_, index) => (sheet.getColumn(index + 1).width = index === 0 ? 14 : 24));
}

/** Replaces every directory name (and other name) of an organisation in a text by its pseudonym. */
export async function nameScrubber(db: Kysely<Database>, pseudonyms: Pseudonymiser): Promise<(text: string | null) => string | null> {
  const names = await db.selectFrom('organisation_name').select(['organisation_id', 'name']).union(db.selectFrom('organisation').select(['id as organisation_id', 'name'])).execute();
  const patterns = names
    .filter((row) => fold(row.name).trim().length >= 4)
    .sort((a, b) => b.name.length - a.name.length)
    .map((row) => ({ pattern: new RegExp(`(?<![\\p{L}\\p{N}])${row.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'), pseudonym: pseudonyms.organisation(row.organisation_id) }));
  return (text) => (text === null ? null : patterns.reduce((result, { pattern, pseudonym }) => result.replace(pattern, pseudonym), text));
}

export async function workspaceWorkbook(db: Kysely<Database>, pseudonyms: Pseudonymiser, threshold: number | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mosaik';
  const scrub = await nameScrubber(db, pseudonyms);

  const years = await activityYears(db);
  const { ids } = await organisationIndex(db, pseudonyms);
  const organisations = await describeOrganisations(db, pseudonyms, ids, await evaluationProfiles(db));
  addSheet(
    workbook,
    'organisations',
    ['pseudonym', 'district', 'legal_form_group', 'founding_period', 'orientation', 'fields', ...years.flatMap((year) => measures.map((measure) => `${measure}_${year}`))],
    organisations.map((o) => [o.pseudonym, o.district, o.legalForm, o.foundingPeriod, o.orientation, o.fields.join(','), ...years.flatMap((year) => measures.map((measure) => maskedCount(o.counts[year]?.[measure] ?? 0, threshold)))]),
  );
  const all: Value[][] = [];
  for (let offset = 0; ; offset += 5000) {
    const { items } = await participations(db, pseudonyms, { limit: 5000, offset });
    all.push(...items.map((item) => [item.eventTitle, item.format, item.startDate, item.organisation, item.person]));
    if (items.length < 5000) break;
  }
  addSheet(workbook, 'participations', ['event', 'format', 'date', 'organisation', 'person'], all);

  const events = await observableEvents(db);
  const first = events.at(-1)?.startDate;
  const last = events[0]?.startDate;
  if (first && last) {
    const table = await methodsTable(db, { from: first, to: last });
    addSheet(workbook, 'methods', ['format', 'events', 'centre_events', 'observed'], [
      ...Object.entries(table.formats).map(([format, counts]) => [format, counts.events, counts.centre_events, counts.observed]),
      ['total', table.events, table.centre_events, table.observed],
    ]);
  }

  const observations: Value[][] = [];
  const workshops: Value[][] = [];
  const needs: Value[][] = [];
  for (const event of events.filter((item) => item.observed).reverse()) {
    const protocol = (await protocolOf(db, event.id))!;
    const p = protocol.observation!;
    observations.push([event.startDate, event.title, event.format, event.organizer, scrub(p.course), scrub(p.topics), scrub(p.worked), scrub(p.suggestions), protocol.feedback?.forms ?? null]);
    for (const need of protocol.needs) needs.push([event.startDate, event.title, null, scrub(need)]);
    for (const workshop of protocol.workshops) {
      workshops.push([event.startDate, event.title, scrub(workshop.title), scrub(workshop.notes)]);
      for (const need of workshop.needs) needs.push([event.startDate, event.title, scrub(workshop.title), scrub(need)]);
    }
  }
  addSheet(workbook, 'observations', ['date', 'event', 'format', 'organizer', 'course', 'topics', 'worked', 'suggestions', 'feedback_forms'], observations);
  addSheet(workbook, 'workshops', ['date', 'event', 'workshop', 'notes'], workshops);
  addSheet(workbook, 'needs', ['date', 'event', 'workshop', 'need'], needs);

  addSheet(
    workbook,
    'interviews',
    ['number', 'date', 'kind', 'channel', 'duration_minutes', 'guide', 'guide_version', 'organisation', 'consent_signed_on', 'consent_version', 'consent_withdrawn_on', 'notes', 'portrait'],
    (await interviews(db, pseudonyms)).reverse().map((row, index) => [index + 1, row.heldOn, row.kind, row.channel, row.durationMinutes, row.guideTitle, row.guideVersion, row.organisation, row.consentSignedOn, row.consentVersion, row.consentWithdrawnOn, scrub(row.notes), scrub(row.portrait)]),
  );
  addSheet(workbook, 'guides', ['guide', 'version', 'kind', 'title', 'questions', 'interviews'], (await guides(db)).map((guide) => [guide.guideKey, guide.version, guide.kind, guide.title, guide.questions, guide.interviews]));
  const meetings = (await reflections(db)).reverse();
  addSheet(workbook, 'reflections', ['date', 'agenda', 'decisions'], meetings.map((meeting) => [meeting.heldOn, scrub(meeting.agenda), scrub(meeting.decisions)]));
  addSheet(
    workbook,
    'followups',
    ['meeting', 'task', 'owner', 'due_on', 'status', 'outcome'],
    meetings.flatMap((meeting) => meeting.followups.map((followup) => [meeting.heldOn, scrub(followup.task), followup.owner, followup.dueOn, followup.status, scrub(followup.outcome)])),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
