import { reportFormats, type ImpactReport, type ReportFormat } from './schemas.js';

/**
 * The impact report as a readable German summary, worded like chapter 5 of
 * the evaluation report (reach, formats, WIR micro-projects, feedback). People
 * see rounded numbers in German format (1,44; 81 %); the JSON stays unrounded.
 */

/** Plural names, as the evaluation report lists the formats. */
export const formatNamesDe: Record<ReportFormat, string> = {
  regional_network_meeting: 'Regionale Vernetzungstreffen',
  state_network_meeting: 'Hessenweite Vernetzungstreffen',
  training_application: 'Schulungen zur Antragstellung',
  training_implementation: 'Schulungen zur Umsetzung',
  training_reporting: 'Schulungen zu Sachbericht und Verwendungsnachweis',
  writing_workshop: 'Schreibwerkstätten',
  pr_training: 'Qualifizierungen Öffentlichkeitsarbeit',
  dialogue_forum: 'Dialogforen',
  other: 'Sonstige Veranstaltungen',
};

/** Means from fewer forms than this are marked: they say little. */
const fewForms = 5;

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const grade = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

const number = (value: number) => decimal.format(value);
const count = (value: number) => integer.format(value);
/** "81 %" with a normal space, as written in German texts; "–" when there is no whole. */
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${integer.format((part / whole) * 100)} %`);
const plural = (value: number, one: string, many: string) => `${count(value)} ${value === 1 ? one : many}`;
const germanDate = (day: string) => day.split('-').reverse().join('.');

export function formatImpactText(report: ImpactReport): string {
  return [
    `Wirkungsbericht: ${germanDate(report.period.from)} bis ${germanDate(report.period.to)}`,
    '',
    ...reachSection(report),
    '',
    ...formatsSection(report),
    '',
    ...grantsSection(report),
    '',
    ...conversionSection(report),
    '',
    ...feedbackSection(report),
  ].join('\n');
}

function reachSection({ reach }: ImpactReport): string[] {
  const lines = ['1. Reichweite'];
  if (reach.events === 0) return [...lines, 'Im Zeitraum fanden keine Veranstaltungen des Kompetenzzentrums statt.'];
  lines.push(
    `Mit ${plural(reach.events, 'Veranstaltung', 'Veranstaltungen')} des Kompetenzzentrums ${reach.organizations === 1 ? 'wurde' : 'wurden'} ` +
      `${plural(reach.organizations, 'Organisation', 'verschiedene Organisationen')} erreicht.`,
    `Es gab ${plural(reach.organization_participations, 'Vereinsteilnahme', 'Vereinsteilnahmen')} mit ` +
      `${plural(reach.person_participations, 'Person', 'Personen')}. Eine Organisation hat im Durchschnitt an ` +
      `${number(reach.mean_events_per_organization)} Veranstaltungen teilgenommen.`,
  );
  const byCount = Object.entries(reach.organizations_by_event_count).sort(([a], [b]) => Number(a) - Number(b));
  if (byCount.length > 0) {
    lines.push('Organisationen nach Zahl der besuchten Veranstaltungen:');
    for (const [events, organisations] of byCount) {
      lines.push(
        `  - ${plural(organisations, 'Organisation', 'Organisationen')} an ${plural(Number(events), 'Veranstaltung', 'Veranstaltungen')} ` +
          `(${percent(organisations, reach.organizations)})`,
      );
    }
  }
  return lines;
}

function formatsSection(report: ImpactReport): string[] {
  const lines = ['2. Veranstaltungen nach Format'];
  const formats = presentFormats(report);
  if (formats.length === 0) return [...lines, 'Keine Veranstaltungen im Zeitraum.'];
  const header = ['Format', 'Veranstaltungen', 'Organisationen', 'Vereinsteilnahmen', 'Personen'];
  const rows = formats.map((format) => {
    const counts = report.formats[format]!;
    return [formatNamesDe[format], ...[counts.events, counts.organizations, counts.organization_participations, counts.person_participations].map(count)];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ')}`;
  return [...lines, line(header), ...rows.map(line)];
}

function grantsSection(report: ImpactReport): string[] {
  const lines = ['3. Bewilligte Mikroprojekte (WIR-Landesprogramm)'];
  if (report.grants.length === 0) return [...lines, 'Es sind keine bewilligten Anträge erfasst.'];
  const formats = presentFormats(report);
  for (const year of report.grants) {
    lines.push(
      `${year.year}: ${plural(year.approved, 'bewilligter Antrag', 'bewilligte Anträge')} ` +
        `(${plural(year.new, 'Neuantrag', 'Neuanträge')}, ${plural(year.follow_up, 'Folgeantrag', 'Folgeanträge')}); ${change(year.change, year.year)}.`,
      `  ${count(year.reached)} von ${count(year.approved)} (${percent(year.reached, year.approved)}) nahmen im Zeitraum an Veranstaltungen des ` +
        `Kompetenzzentrums teil, mit ${plural(year.reached_participations, 'Vereinsteilnahme', 'Vereinsteilnahmen')}.`,
    );
    for (const format of formats) {
      const reached = year.reached_by_format[format] ?? 0;
      if (reached > 0) lines.push(`    - ${count(reached)} der ${count(year.reached)} (${percent(reached, year.reached)}): ${formatNamesDe[format]}`);
    }
    lines.push(
      `  ${count(year.consulted)} von ${count(year.approved)} (${percent(year.consulted, year.approved)}) wurden im Zeitraum individuell beraten.`,
      `  ${count(year.supported)} von ${count(year.approved)} (${percent(year.supported, year.approved)}) erhielten Unterstützung (Veranstaltung oder Beratung).`,
    );
  }
  return lines;
}

function change(value: number | null, year: number): string {
  if (value === null) return `kein Vergleich, ${year - 1} ohne Bewilligung`;
  if (value === 0) return `so viele wie ${year - 1}`;
  return `${value > 0 ? 'Zunahme' : 'Abnahme'} um ${integer.format(Math.abs(value) * 100)} % gegenüber ${year - 1}`;
}

function conversionSection(report: ImpactReport): string[] {
  const lines = ['4. Von der Veranstaltung zum bewilligten Antrag'];
  const formats = presentFormats(report);
  if (formats.length === 0 || report.grants.length === 0) return [...lines, 'Keine Angaben im Zeitraum.'];
  for (const format of formats) {
    const { organizations, approved } = report.conversion[format]!;
    const years = report.grants.map(({ year }) => `${year}: ${count(approved[String(year)] ?? 0)} (${percent(approved[String(year)] ?? 0, organizations)})`);
    lines.push(`  ${formatNamesDe[format]}: ${plural(organizations, 'Organisation', 'Organisationen')}; davon mit bewilligtem Antrag ${years.join(', ')}`);
  }
  return lines;
}

function feedbackSection(report: ImpactReport): string[] {
  const lines = ['5. Rückmeldebögen (Mittelwerte, 1 = sehr gut bis 4; N = Zahl der Antworten)'];
  if (report.feedback.length === 0) return [...lines, 'Keine Rückmeldebögen im Zeitraum.'];
  for (const event of report.feedback) {
    lines.push(
      `  ${event.title} (${formatNamesDe[event.format]}), ${germanDate(event.start_date)}: ` +
        `${plural(event.responses, 'Bogen', 'Bögen')}${event.responses < fewForms ? ` (N < ${fewForms})` : ''}`,
    );
    const answers = event.questions.map(({ position, n, mean }) =>
      mean === null ? `F${position} keine Angabe` : `F${position} ${grade.format(mean)} (N = ${count(n)}${n < fewForms ? `, N < ${fewForms}` : ''})`,
    );
    if (answers.length > 0) lines.push(`    ${answers.join(' · ')}`);
  }
  return lines;
}

function presentFormats(report: ImpactReport): ReportFormat[] {
  return reportFormats.filter((format) => report.formats[format] !== undefined);
}
