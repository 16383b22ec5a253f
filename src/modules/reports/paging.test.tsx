import { describe, expect, it } from 'vitest';
import { renderFragment } from '../../http/render.js';
import { translator } from '../../i18n/index.js';
import type { AnnexBlock } from '../feedback/index.js';
import { AnnexPage, annexColumnsPerPage, blockColumns } from '../feedback/index.js';
import type { ImpactReport } from './schemas.js';
import { numberFormats } from './numbers.js';
import { buildTables } from './report-tables.js';
import { DashboardPage, feedbackPageSize, tablePage } from './dashboard-views.js';

/*
 * Issue 16, pages of sensible size: the dashboard's feedback table (a row per
 * event) is paged, the annex (an event per column) folded per format and paged
 * within one format. The exports keep every row (export.test.ts, annex-pdf.test.ts).
 */

const t = translator('de');
const formats = numberFormats('de');
const period = { from: '2023-01-01', to: '2024-12-31' };

function reportWithEvents(events: number): ImpactReport {
  return {
    period,
    reach: { events, organizations: 0, organization_participations: 0, person_participations: 0, mean_events_per_organization: 0, organizations_by_event_count: {} },
    formats: {},
    grants: [],
    conversion: {},
    feedback: Array.from({ length: events }, (_, index) => ({
      event_key: `ev-${index + 1}`,
      title: `Veranstaltung Nummer ${index + 1}`,
      start_date: '2023-05-01',
      format: 'writing_workshop' as const,
      responses: 3,
      questions: [{ position: 1, n: 3, no_answer: 0, mean: 1.5 }],
    })),
  };
}

function dashboardHtml(events: number, page?: number) {
  const tables = buildTables(reportWithEvents(events), { t, formats, hidden: new Set() });
  const chart = { svg: '<svg></svg>', label: 'chart' };
  return renderFragment(
    <DashboardPage
      t={t}
      formats={formats}
      values={period}
      problems={[]}
      threshold={null}
      configuredThreshold={3}
      feedbackPage={page}
      report={{ period, tables, charts: { event_counts: chart, formats: chart, grants: chart } }}
    />,
  );
}

const feedbackRows = (html: string) => [...html.matchAll(/Veranstaltung Nummer (\d+)</g)].map((match) => Number(match[1]));

describe('the dashboard’s feedback table', () => {
  it('tablePage keeps the page within the table', () => {
    expect(tablePage(120, 1)).toEqual({ page: 1, pages: 3, first: 1, last: 50, total: 120 });
    expect(tablePage(120, 3)).toEqual({ page: 3, pages: 3, first: 101, last: 120, total: 120 });
    expect(tablePage(120, 99).page).toBe(3);
    expect(tablePage(120, 0).page).toBe(1);
    expect(tablePage(0, 2)).toEqual({ page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });

  it(`shows ${feedbackPageSize} events per page with links to the neighbours and says the export holds all`, () => {
    const first = dashboardHtml(120);
    expect(feedbackRows(first)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(first).toContain('Seite 1 von 3: Veranstaltungen 1 bis 50 von 120');
    expect(first).toContain('href="/dashboard?from=2023-01-01&amp;to=2024-12-31&amp;feedback_page=2#feedback-heading"');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain(t('dashboard.pager.complete'));

    const last = dashboardHtml(120, 3);
    expect(feedbackRows(last)).toEqual(Array.from({ length: 20 }, (_, index) => index + 101));
    expect(last).toContain('feedback_page=2#feedback-heading" rel="prev"');
    expect(last).not.toContain('rel="next"');
  });

  it('shows no pager when the table fits on one page', () => {
    const html = dashboardHtml(10);
    expect(feedbackRows(html)).toHaveLength(10);
    expect(html).not.toContain('Seite 1 von');
  });
});

function annexBlock(events: number): AnnexBlock {
  return {
    format: 'writing_workshop',
    events: Array.from({ length: events }, (_, index) => ({ id: index + 1, event_key: `ev-${index + 1}`, title: `Werkstatt ${index + 1}`, start_date: '2023-05-01', municipality: null, forms: 4 })),
    rows: [{ kind: 'rating', ordinal: 1, texts: { de: ['Wie war es?'], en: ['How was it?'] }, cells: Array.from({ length: events }, (_, index) => ({ n: 4, mean: 1 + (index % 4) / 4, yes: 0, no: 0, texts: [] })) }],
    withoutForms: [],
  };
}

function annexHtml(events: number, format: string, page?: number) {
  return renderFragment(<AnnexPage t={t} language="de" formats={formats} values={{ ...period, format }} errors={[]} blocks={[annexBlock(events)]} page={page} />);
}

const annexColumns = (html: string) => [...html.matchAll(/data-event="ev-(\d+)"/g)].map((match) => Number(match[1]));

describe('the annex', () => {
  it('blockColumns keeps the cells in step with the events', () => {
    const block = blockColumns(annexBlock(30), 12, 24);
    expect(block.events.map((event) => event.event_key)).toEqual(Array.from({ length: 12 }, (_, index) => `ev-${index + 13}`));
    expect(block.rows[0].cells).toEqual(annexBlock(30).rows[0].cells.slice(12, 24));
  });

  it(`with every format shown, folds a format to its first ${annexColumnsPerPage} events and links to it`, () => {
    const html = annexHtml(30, '');
    expect(annexColumns(html)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(html).toContain('Gezeigt: die ersten 12 von 30 Veranstaltungen dieses Formats.');
    expect(html).toContain('href="/feedback/annex?from=2023-01-01&amp;to=2024-12-31&amp;format=writing_workshop"');
  });

  it('with one format chosen, pages its events', () => {
    const html = annexHtml(30, 'writing_workshop', 3);
    expect(annexColumns(html)).toEqual([25, 26, 27, 28, 29, 30]);
    expect(html).toContain('Seite 3 von 3: Veranstaltungen 25 bis 30 von 30');
    expect(html).toContain('format=writing_workshop&amp;page=2" rel="prev"');
  });

  it('shows a small block whole', () => {
    expect(annexColumns(annexHtml(5, ''))).toEqual([1, 2, 3, 4, 5]);
  });
});
