import type { Translate } from '../../i18n/index.js';
import { reportFormats, type ImpactReport, type ReportFormat } from './schemas.js';
import type { NumberFormats } from './numbers.js';
import { HiddenPaths } from './suppression.js';

/**
 * The report's figures as tables, one per section of chapter 5 of the
 * evaluation report. The page, its charts and the CSV/Excel exports are all
 * drawn from these tables, so that what is exported is what is shown — with the
 * same small numbers hidden (cells built from a path in `hidden`).
 */

/** Stable names: they are part of the export addresses (/dashboard/export/<name>.csv). */
export const tableNames = ['reach', 'event_counts', 'formats', 'grants', 'grants_by_format', 'conversion', 'feedback'] as const;
export type TableName = (typeof tableNames)[number];

export type CellKind = 'text' | 'count' | 'decimal' | 'mean' | 'percent' | 'change';

export interface Cell {
  kind: CellKind;
  /** Counts as integers, shares and changes as fractions, text as text; null = no value. */
  value: string | number | null;
  /** A small number (or a value computed from one) that this reader may not see. */
  hidden?: boolean;
  /** Hidden only so that a hidden small number cannot be recomputed from a total (reads "x"). */
  secondary?: boolean;
  /** A mean from fewer than `fewFormsLimit` forms, marked on the page. */
  fewForms?: boolean;
  /** A text cell that shows a calendar day (YYYY-MM-DD here): exports store it as a date. */
  day?: string;
  /** A text cell that shows a year: exports store it as a number. */
  year?: number;
}

export interface Column {
  label: string;
  numeric: boolean;
}

export interface DashboardTable {
  name: TableName;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

/** Means from fewer forms than this are marked: too few answers to read much into. */
export const fewFormsLimit = 5;

export interface TableContext {
  t: Translate;
  formats: NumberFormats;
  hidden: Set<string>;
}

export function buildTables(report: ImpactReport, context: TableContext): Record<TableName, DashboardTable> {
  return {
    reach: reachTable(report, context),
    event_counts: eventCountsTable(report, context),
    formats: formatsTable(report, context),
    grants: grantsTable(report, context),
    grants_by_format: grantsByFormatTable(report, context),
    conversion: conversionTable(report, context),
    feedback: feedbackTable(report, context),
  };
}

const text = (value: string): Cell => ({ kind: 'text', value });
const yearCell = (year: number): Cell => ({ kind: 'text', value: String(year), year });
const column = (label: string, numeric = true): Column => ({ label, numeric });

function counter(hidden: Set<string>) {
  const secondary = hidden instanceof HiddenPaths ? hidden.secondary : new Set<string>();
  return (path: string, value: number): Cell => ({ kind: 'count', value, hidden: hidden.has(path) || undefined, secondary: secondary.has(path) || undefined });
}

/** A share of two cells; hidden when either is, empty when the whole is 0. */
function share(part: Cell, whole: Cell): Cell {
  const denominator = whole.value as number;
  return { kind: 'percent', value: denominator > 0 ? (part.value as number) / denominator : null, hidden: part.hidden || whole.hidden || undefined };
}

const presentFormats = (report: ImpactReport): ReportFormat[] => reportFormats.filter((format) => report.formats[format] !== undefined);
const formatLabel = (t: Translate, format: string) => t(`dashboard.formats.${format}`);

function reachTable(report: ImpactReport, { t, hidden }: TableContext): DashboardTable {
  const count = counter(hidden);
  const { reach } = report;
  return {
    name: 'reach',
    title: t('dashboard.tables.reach'),
    columns: [column(t('dashboard.columns.figure'), false), column(t('dashboard.columns.value'))],
    rows: [
      [text(t('dashboard.reach.events')), count('reach.events', reach.events)],
      [text(t('dashboard.reach.organizations')), count('reach.organizations', reach.organizations)],
      [text(t('dashboard.reach.organizationParticipations')), count('reach.organization_participations', reach.organization_participations)],
      [text(t('dashboard.reach.personParticipations')), count('reach.person_participations', reach.person_participations)],
      [
        text(t('dashboard.reach.meanEvents')),
        { kind: 'decimal', value: reach.mean_events_per_organization, hidden: hidden.has('reach.mean_events_per_organization') || undefined },
      ],
    ],
  };
}

function eventCountsTable(report: ImpactReport, { t, hidden }: TableContext): DashboardTable {
  const count = counter(hidden);
  const total = count('reach.organizations', report.reach.organizations);
  const entries = Object.entries(report.reach.organizations_by_event_count).sort(([a], [b]) => Number(a) - Number(b));
  return {
    name: 'event_counts',
    title: t('dashboard.tables.event_counts'),
    columns: [column(t('dashboard.columns.eventsAttended')), column(t('dashboard.columns.organizations')), column(t('dashboard.columns.share'))],
    rows: entries.map(([k, value]) => {
      const organisations = count(`reach.organizations_by_event_count.${k}`, value);
      return [{ kind: 'count', value: Number(k) }, organisations, share(organisations, total)];
    }),
  };
}

function formatsTable(report: ImpactReport, { t, hidden }: TableContext): DashboardTable {
  const count = counter(hidden);
  return {
    name: 'formats',
    title: t('dashboard.tables.formats'),
    columns: [
      column(t('dashboard.columns.format'), false),
      column(t('dashboard.columns.events')),
      column(t('dashboard.columns.organizations')),
      column(t('dashboard.columns.organizationParticipations')),
      column(t('dashboard.columns.personParticipations')),
    ],
    rows: presentFormats(report).map((format) => {
      const entry = report.formats[format]!;
      return [
        text(formatLabel(t, format)),
        count(`formats.${format}.events`, entry.events),
        count(`formats.${format}.organizations`, entry.organizations),
        count(`formats.${format}.organization_participations`, entry.organization_participations),
        count(`formats.${format}.person_participations`, entry.person_participations),
      ];
    }),
  };
}

function grantsTable(report: ImpactReport, { t, hidden }: TableContext): DashboardTable {
  const count = counter(hidden);
  return {
    name: 'grants',
    title: t('dashboard.tables.grants'),
    columns: [
      column(t('dashboard.columns.year'), false),
      column(t('dashboard.columns.approved')),
      column(t('dashboard.columns.new')),
      column(t('dashboard.columns.followUp')),
      column(t('dashboard.columns.change')),
      column(t('dashboard.columns.reached')),
      column(t('dashboard.columns.shareReached')),
      column(t('dashboard.columns.reachedParticipations')),
      column(t('dashboard.columns.consulted')),
      column(t('dashboard.columns.shareConsulted')),
      column(t('dashboard.columns.supported')),
      column(t('dashboard.columns.shareSupported')),
    ],
    rows: report.grants.map((year, index) => {
      const path = `grants[${index}]`;
      const approved = count(`${path}.approved`, year.approved);
      const reached = count(`${path}.reached`, year.reached);
      const consulted = count(`${path}.consulted`, year.consulted);
      const supported = count(`${path}.supported`, year.supported);
      return [
        yearCell(year.year),
        approved,
        count(`${path}.new`, year.new),
        count(`${path}.follow_up`, year.follow_up),
        { kind: 'change', value: year.change, hidden: hidden.has(`${path}.change`) || undefined },
        reached,
        share(reached, approved),
        count(`${path}.reached_participations`, year.reached_participations),
        consulted,
        share(consulted, approved),
        supported,
        share(supported, approved),
      ];
    }),
  };
}

function grantsByFormatTable(report: ImpactReport, { t, hidden }: TableContext): DashboardTable {
  const count = counter(hidden);
  return {
    name: 'grants_by_format',
    title: t('dashboard.tables.grants_by_format'),
    columns: [
      column(t('dashboard.columns.year'), false),
      column(t('dashboard.columns.format'), false),
      column(t('dashboard.columns.reachedHolders')),
      column(t('dashboard.columns.shareOfReached')),
    ],
    rows: report.grants.flatMap((year, index) => {
      const reached = count(`grants[${index}].reached`, year.reached);
      return presentFormats(report).map((format) => {
        const holders = count(`grants[${index}].reached_by_format.${format}`, year.reached_by_format[format] ?? 0);
        return [yearCell(year.year), text(formatLabel(t, format)), holders, share(holders, reached)];
      });
    }),
  };
}

function conversionTable(report: ImpactReport, { t, hidden }: TableContext): DashboardTable {
  const count = counter(hidden);
  const years = report.grants.map((year) => String(year.year));
  return {
    name: 'conversion',
    title: t('dashboard.tables.conversion'),
    columns: [
      column(t('dashboard.columns.format'), false),
      column(t('dashboard.columns.organizations')),
      ...years.flatMap((year) => [column(t('dashboard.columns.approvedIn', { year })), column(t('dashboard.columns.shareIn', { year }))]),
    ],
    rows: presentFormats(report).map((format) => {
      const entry = report.conversion[format] ?? { organizations: 0, approved: {} };
      const organisations = count(`conversion.${format}.organizations`, entry.organizations);
      return [
        text(formatLabel(t, format)),
        organisations,
        ...years.flatMap((year) => {
          const approved = count(`conversion.${format}.approved.${year}`, entry.approved[year] ?? 0);
          return [approved, share(approved, organisations)];
        }),
      ];
    }),
  };
}

function feedbackTable(report: ImpactReport, { t, formats }: TableContext): DashboardTable {
  const positions = Math.max(0, ...report.feedback.flatMap((event) => event.questions.map((question) => question.position)));
  const questionNumbers = Array.from({ length: positions }, (_, index) => index + 1);
  return {
    name: 'feedback',
    title: t('dashboard.tables.feedback'),
    columns: [
      column(t('dashboard.columns.event'), false),
      column(t('dashboard.columns.date'), false),
      column(t('dashboard.columns.format'), false),
      column(t('dashboard.columns.forms')),
      ...questionNumbers.flatMap((position) => [
        column(t('dashboard.columns.questionMean', { position })),
        column(t('dashboard.columns.questionN', { position })),
      ]),
    ],
    rows: report.feedback.map((event) => [
      text(event.title),
      { ...text(formats.day(event.start_date)), day: event.start_date },
      text(formatLabel(t, event.format)),
      { kind: 'count', value: event.responses },
      ...questionNumbers.flatMap((position): Cell[] => {
        const question = event.questions.find((entry) => entry.position === position);
        if (!question) return [{ kind: 'mean', value: null }, { kind: 'count', value: null }];
        return [
          { kind: 'mean', value: question.mean, fewForms: (question.mean !== null && question.n < fewFormsLimit) || undefined },
          { kind: 'count', value: question.n },
        ];
      }),
    ]),
  };
}
