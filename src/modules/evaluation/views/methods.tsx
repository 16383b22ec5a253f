import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { CsrfField, DateField } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { MethodsTable } from '../methods.js';
import { day, errorOf, Page, type FieldError } from './parts.js';

const percent = (language: Language, share: number) => new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);

export function MethodsPage({ t, language, table, from, to, errors }: { t: Translate; language: Language; table: MethodsTable | null; from: string; to: string; errors: FieldError[] }) {
  const m = (key: string, options?: Record<string, unknown>) => t(`evaluation.methods.${key}`, options);
  const rows = table ? Object.entries(table.formats).map(([format, counts]) => ({ format, ...counts })) : [];
  return (
    <Page t={t} title={m('title')} current="methods" errors={errors}>
      <p class="kern-body">{m('intro')}</p>
      <form method="get" action="/evaluation/methods" class="mosaik-inline-form" novalidate>
        <DateField t={t} language={language} name="from" label={m('from')} value={from} error={errorOf(errors, 'from')} />
        <DateField t={t} language={language} name="to" label={m('to')} value={to} error={errorOf(errors, 'to')} />
        <Button kind="secondary">{m('show')}</Button>
      </form>
      {table && (
        <>
          <Table
            caption={m('caption', { from: day(language, table.period.from), to: day(language, table.period.to) })}
            captionVisible
            rows={rows}
            rowKey={(row) => row.format}
            columns={[
              { key: 'format', label: m('format'), rowHeader: true, cell: (row) => t(`dashboard.formats.${row.format}`, { defaultValue: row.format }) },
              { key: 'events', label: m('events'), numeric: true, cell: (row) => row.events },
              { key: 'centre', label: m('centreEvents'), numeric: true, cell: (row) => row.centre_events },
              { key: 'observed', label: m('observed'), numeric: true, cell: (row) => row.observed },
            ]}
            footer={
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="row">
                  {m('total')}
                </th>
                <td class="kern-table__cell kern-table__cell--numeric" data-label={m('events')}>
                  {table.events}
                </td>
                <td class="kern-table__cell kern-table__cell--numeric" data-label={m('centreEvents')}>
                  {table.centre_events}
                </td>
                <td class="kern-table__cell kern-table__cell--numeric" data-label={m('observed')}>
                  {m('observedShare', { count: table.observed, share: percent(language, table.observed_share) })}
                </td>
              </tr>
            }
          />
          <p class="kern-body">
            <a class="kern-link" href={`/api/v1/reports/evaluation?from=${table.period.from}&to=${table.period.to}`}>
              {m('json')}
            </a>
          </p>
        </>
      )}
    </Page>
  );
}

export function SettingsPage({ t, language, csrfToken, endsOn, rule, values, errors, notice }: { t: Translate; language: Language; csrfToken: string; endsOn: string | null; rule: string; values?: Record<string, unknown>; errors: FieldError[]; notice?: string }) {
  const s = (key: string, options?: Record<string, unknown>) => t(`evaluation.settings.${key}`, options);
  return (
    <Page t={t} title={s('title')} current="settings" errors={errors} notice={notice}>
      <p class="kern-body">{s('intro', { rule })}</p>
      <form method="post" action="/evaluation/settings" class="kern-stack-lg" novalidate>
        <CsrfField token={csrfToken} />
        <DateField t={t} language={language} name="endsOn" label={s('endsOn')} value={typeof values?.endsOn === 'string' ? values.endsOn : (endsOn ?? '')} error={errorOf(errors, 'endsOn')} />
        <Button>{s('save')}</Button>
      </form>
      <p class="kern-body">
        <LinkButton kind="secondary" href="/evaluation/export.xlsx">
          {s('export')}
        </LinkButton>
      </p>
      <p class="kern-body">{s('exportHint')}</p>
    </Page>
  );
}
