import { Fragment, type ComponentChildren } from 'preact';
import type { Translate } from '../../i18n/index.js';
import { Alert, ErrorSummary, TextField } from '../../ui/forms.js';
import type { ImpactQuery } from './schemas.js';
import { exportFormats } from './export.js';
import { displayCell, type NumberFormats } from './numbers.js';
import { periodQuery, type PeriodField } from './period.js';
import { fewFormsLimit, type Cell, type DashboardTable, type TableName } from './report-tables.js';
import { Button } from '../../ui/button.js';

export interface RenderedChart {
  svg: string;
  label: string;
}

export interface DashboardProps {
  t: Translate;
  formats: NumberFormats;
  /** The period entered (shown in the form), and the figures when it is valid. */
  values: { from: string; to: string };
  problems: PeriodField[];
  report: {
    period: ImpactQuery;
    tables: Record<TableName, DashboardTable>;
    charts: Record<'event_counts' | 'formats' | 'grants', RenderedChart>;
  } | null;
  /** The small-number threshold that applies to this reader, or null for exact figures. */
  threshold: number | null;
  configuredThreshold: number;
  /** The page of the feedback table shown (1-based); the table has a row per event. */
  feedbackPage?: number;
}

/** Rows of the feedback table per page: the page stays small; the export holds every row. */
export const feedbackPageSize = 50;

export interface TablePage {
  page: number;
  pages: number;
  first: number;
  last: number;
  total: number;
}

/** The page of `total` rows to show: `requested` kept within 1 … the last page. */
export function tablePage(total: number, requested: number | undefined, size = feedbackPageSize): TablePage {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pages, Math.max(1, Math.floor(requested ?? 1) || 1));
  return { page, pages, first: total === 0 ? 0 : (page - 1) * size + 1, last: Math.min(total, page * size), total };
}

export function DashboardPage(props: DashboardProps) {
  const { t, report } = props;
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('dashboard.title')}</h1>
      <p>{t('dashboard.intro')}</p>
      <PeriodForm {...props} />
      {props.threshold !== null && <Alert kind="info">{t('dashboard.about.restricted', { threshold: props.threshold })}</Alert>}
      {report && <Figures {...props} report={report} />}
      <section aria-labelledby="about" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="about">
          {t('dashboard.sections.about')}
        </h2>
        <p>{t('dashboard.about.definitions')}</p>
        <p>{t('dashboard.about.smallNumbers', { threshold: props.configuredThreshold })}</p>
      </section>
    </div>
  );
}

function PeriodForm({ t, values, problems }: DashboardProps) {
  const errorOf = (field: 'from' | 'to') => problems.find((problem) => problem.field === field);
  const messageOf = (field: 'from' | 'to') => {
    const problem = errorOf(field);
    return problem ? t(`dashboard.period.${problem.problem}`) : undefined;
  };
  return (
    <form method="get" action="/dashboard" class="kern-stack-md" novalidate>
      <ErrorSummary title={t('errors.summary')} errors={problems.map((problem) => ({ field: problem.field, message: t(`dashboard.period.${problem.problem}`) }))} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('dashboard.period.legend')}</legend>
        <div class="kern-fieldset__body">
          <TextField name="from" type="date" label={t('dashboard.period.from')} hint={t('dashboard.period.hint')} value={values.from} error={messageOf('from')} required />
          <TextField name="to" type="date" label={t('dashboard.period.to')} value={values.to} error={messageOf('to')} required />
        </div>
      </fieldset>
      <Button>{t('dashboard.period.submit')}</Button>
    </form>
  );
}

function Figures(props: DashboardProps & { report: NonNullable<DashboardProps['report']> }) {
  const { t, formats, report } = props;
  const { tables, charts } = report;
  const table = (name: TableName, note?: ComponentChildren) => <TableView {...props} table={tables[name]} period={report.period} note={note} />;
  return (
    <>
      <p class="kern-body--large">{t('dashboard.period.shown', { from: formats.day(report.period.from), to: formats.day(report.period.to) })}</p>
      <Section id="reach" title={t('dashboard.sections.reach')}>
        <KeyFigures {...props} table={tables.reach} />
        {table('reach')}
      </Section>
      <Section id="event-counts" title={t('dashboard.sections.eventCounts')}>
        <Chart chart={charts.event_counts} caption={tables.event_counts.title} t={t} />
        {table('event_counts')}
      </Section>
      <Section id="formats" title={t('dashboard.sections.formats')}>
        <Chart chart={charts.formats} caption={tables.formats.title} t={t} />
        {table('formats')}
      </Section>
      <Section id="grants" title={t('dashboard.sections.grants')}>
        <p>{t('dashboard.notes.grants')}</p>
        <Chart chart={charts.grants} caption={tables.grants.title} t={t} />
        {table('grants')}
        {table('grants_by_format')}
      </Section>
      <Section id="conversion" title={t('dashboard.sections.conversion')}>
        {table('conversion', t('dashboard.notes.conversion'))}
      </Section>
      <Section id="feedback" title={t('dashboard.sections.feedback')}>
        <TableView
          {...props}
          table={tables.feedback}
          period={report.period}
          pager={tablePage(tables.feedback.rows.length, props.feedbackPage)}
          note={
            <>
              {t('dashboard.notes.feedback')} * {t('dashboard.notes.fewForms', { limit: fewFormsLimit })}.
            </>
          }
        />
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} class="kern-stack-md">
      <h2 class="kern-heading-medium" id={`${id}-heading`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The reach at a glance, as in the report's opening sentences. */
function KeyFigures({ table, threshold, formats }: DashboardProps & { table: DashboardTable }) {
  return (
    <dl class="mosaik-figures">
      {table.rows.map(([label, value]) => (
        // dt and dd must be children of the dl or of a div directly in it
        <div key={String(label.value)} class="kern-card kern-card--small mosaik-figure">
          <dt class="kern-body">{label.value}</dt>
          <dd class="kern-heading-large">{displayCell(value, threshold, formats)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Chart({ chart, caption, t }: { chart: RenderedChart; caption: string; t: Translate }) {
  return (
    <figure class="mosaik-chart">
      <div role="img" aria-label={chart.label} dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <figcaption class="kern-body--small">
        {caption}. {t('dashboard.charts.seeTable')}
      </figcaption>
    </figure>
  );
}

interface TableViewProps extends DashboardProps {
  table: DashboardTable;
  period: ImpactQuery;
  note?: ComponentChildren;
  /** Shows only this page of the rows, with links to the others. */
  pager?: TablePage;
}

function TableView({ t, formats, threshold, table, period, note, pager }: TableViewProps) {
  const captionId = `table-${table.name}`;
  const rows = pager ? table.rows.slice(pager.first === 0 ? 0 : pager.first - 1, pager.last) : table.rows;
  return (
    <div class="kern-stack-sm">
      <div class="kern-table-responsive" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table class="kern-table kern-table--small kern-table--striped" data-table={table.name}>
          <caption class="kern-title" id={captionId}>
            {table.title}
          </caption>
          <thead>
            <tr class="kern-table__row">
              {table.columns.map((column, index) => (
                <th key={index} scope="col" class={`kern-table__header${column.numeric ? ' kern-table__header--numeric' : ''}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {table.rows.length === 0 && (
              <tr class="kern-table__row">
                <td class="kern-table__cell" colSpan={table.columns.length}>
                  {t('dashboard.notes.empty')}
                </td>
              </tr>
            )}
            {rows.map((row, rowIndex) => (
              <tr key={rowIndex} class="kern-table__row">
                {row.map((cell, index) => (
                  <TableCell key={index} cell={cell} header={index === 0} numeric={table.columns[index].numeric} text={displayCell(cell, threshold, formats)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pager && pager.pages > 1 && <Pager t={t} pager={pager} period={period} />}
      {note && <p class="kern-body--small">{note}</p>}
      <p class="kern-body--small mosaik-no-print">
        {t('dashboard.export.label')}{' '}
        {exportFormats.map((format, index) => (
          <Fragment key={format}>
            {index > 0 && ' · '}
            <a class="kern-link" href={`/dashboard/export/${table.name}.${format}?${periodQuery(period)}`} download>
              {t(`dashboard.export.${format}`)}
              <span class="kern-sr-only"> – {t('dashboard.export.of', { format: t(`dashboard.export.${format}`), table: table.title })}</span>
            </a>
          </Fragment>
        ))}
      </p>
    </div>
  );
}

function TableCell({ cell, header, numeric, text }: { cell: Cell; header: boolean; numeric: boolean; text: string }) {
  const content = (
    <>
      {text}
      {cell.fewForms && <sup>*</sup>}
    </>
  );
  if (header) {
    return (
      <th scope="row" class={`kern-table__header${numeric ? ' kern-table__header--numeric' : ''}`}>
        {content}
      </th>
    );
  }
  return <td class={`kern-table__cell${numeric ? ' kern-table__cell--numeric' : ''}`}>{content}</td>;
}

/**
 * Links to the other pages of the feedback table: plain links, no script; each
 * goes back to the table's section. The export holds every row.
 */
function Pager({ t, pager, period }: { t: Translate; pager: TablePage; period: ImpactQuery }) {
  const href = (page: number) => `/dashboard?${periodQuery(period)}&feedback_page=${page}#feedback-heading`;
  return (
    <nav class="kern-stack-xs mosaik-no-print" aria-label={t('dashboard.pager.label')}>
      <p class="kern-body--small">
        {t('dashboard.pager.status', { page: pager.page, pages: pager.pages, first: pager.first, last: pager.last, total: pager.total })}
      </p>
      <p class="kern-body--small">
        {pager.page > 1 && (
          <a class="kern-link" href={href(pager.page - 1)} rel="prev">
            {t('dashboard.pager.previous')}
          </a>
        )}
        {pager.page > 1 && pager.page < pager.pages && ' · '}
        {pager.page < pager.pages && (
          <a class="kern-link" href={href(pager.page + 1)} rel="next">
            {t('dashboard.pager.next')}
          </a>
        )}
      </p>
      <p class="kern-body--small">{t('dashboard.pager.complete')}</p>
    </nav>
  );
}
