import type { Language, Translate } from '../../../i18n/index.js';
import { PageNav } from '../../../ui/pagination.js';
import { Table } from '../../../ui/table.js';
import type { Viewer } from '../policy.js';
import type { OverviewRow } from '../queries.js';
import { day } from './parts.js';
import { LanguageLinks } from './project.js';

/** The adviser overview: every project's next task and what is overdue; for a representative, their projects. */
export function OverviewPage({ t, language, rows, total, page, pages, mine, viewer }: { t: Translate; language: Language; rows: OverviewRow[]; total: number; page: number; pages: number; mine: boolean; viewer: Viewer }) {
  const o = (key: string, values?: Record<string, unknown>) => t(`microprojects.overview.${key}`, values);
  const staff = viewer.kind === 'staff';
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{o('title')}</h1>
      {viewer.kind === 'representative' && <LanguageLinks t={t} language={language} path="/microprojects" />}
      <p>{o(staff ? 'introStaff' : 'intro', { count: total })}</p>
      {staff && (
        <ul class="kern-list">
          <li>
            <a class="kern-link" href="/microprojects/new">{o('new')}</a>
          </li>
          <li>
            <a class="kern-link" href={mine ? '/microprojects' : '/microprojects?mine=1'}>{o(mine ? 'all' : 'mine')}</a>
          </li>
          <li>
            <a class="kern-link" href="/microprojects/rules">{o('rules')}</a>
          </li>
        </ul>
      )}
      <Table
        caption={o('caption')}
        columns={[
          { key: 'title', label: o('project'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/microprojects/${row.id}`}>{row.title}</a> },
          { key: 'organisation', label: o('organisation'), cell: (row) => row.organisationName },
          { key: 'year', label: o('year'), numeric: true, cell: (row) => String(row.year) },
          { key: 'stage', label: o('stage'), cell: (row) => t(`microprojects.stages.${row.stage}`) },
          { key: 'next', label: o('next'), cell: (row) => (row.next ? `${t(`microprojects.tasks.${row.next.key}`)} (${day(row.next.due, language)})` : '—') },
          {
            key: 'overdue', label: o('overdue'),
            cell: (row) => (row.overdue.length === 0 ? '—' : <strong>{o('overdueCount', { count: row.overdue.length, first: t(`microprojects.tasks.${row.overdue[0]!.key}`) })}</strong>),
          },
          ...(staff ? [{ key: 'adviser', label: o('adviser'), cell: (row: OverviewRow) => row.adviserName ?? '—' }] : []),
        ]}
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({ 'data-project': row.id })}
        empty={<p>{o('none')}</p>}
      />
      <PageNav t={t} label={o('caption')} page={page} pages={pages} href={(number) => `/microprojects?page=${number}${mine ? '&mine=1' : ''}`} />
    </div>
  );
}
