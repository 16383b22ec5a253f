import type { Language, Translate } from '../../i18n/index.js';
import { formatInstant } from '../../ui/dates.js';
import { Table } from '../../ui/table.js';
import type { PersonExport } from './export.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/** The readable export page (Art. 15): every table with the rows held about the person. */

/** A stored value as text for a table cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A table's name for people: its translated label, else the table name. */
export function tableLabel(t: Translate, table: string): string {
  const key = `privacy.tables.${table}`;
  const label = t(key);
  return label === key ? table : label;
}

interface ExportPageProps {
  t: Translate;
  language: Language;
  result: PersonExport;
  /** Where the JSON download is. */
  jsonHref: string;
  /** Staff see the person's pages; the person themself their own area. */
  backHref: string;
}

export function ExportPage({ t, language, result, jsonHref, backHref }: ExportPageProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`privacy.export.${key}`, options);
  const held = result.tables.filter((table) => table.rows.length > 0);
  const empty = result.tables.filter((table) => table.rows.length === 0);
  const when = formatInstant(result.generatedAt, language, { style: 'long', time: 'short' });
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{p('title', { name: result.subject.name || `#${result.subject.accountId}` })}</h1>
      <p class="kern-body">{p('intro', { when })}</p>
      <p class="kern-body">
        <a class="kern-link" href={jsonHref} download>
          {p('download')}
        </a>{' '}
        · <a class="kern-link" href={backHref}>{p('back')}</a>
      </p>
      <DescriptionList>
        <Detail label={p('emails')}>{result.subject.emails.join(', ') || '–'}</Detail>
        <Detail label={p('rule')}>{language === 'de' ? result.matchingRule.de : language === 'en' ? result.matchingRule.en : p('matchingRule')}</Detail>
      </DescriptionList>
      <p class="kern-body">{p('summary', { count: held.reduce((sum, table) => sum + table.rows.length, 0), tables: held.length })}</p>
      {held.map((table) => (
        <section class="kern-stack-sm" key={table.table} aria-labelledby={`table-${table.table}`}>
          <h2 class="kern-heading-medium" id={`table-${table.table}`}>
            {tableLabel(t, table.table)} <span class="kern-body--small">({p('rows', { count: table.rows.length })})</span>
          </h2>
          <p class="kern-body kern-body--small">
            {p('purpose')}: <span lang="de">{table.purpose}</span>. {p('legalBasis')}: <span lang="de">{table.legalBasis}</span>. {p('retention')}: <span lang="de">{table.retention}</span>.
          </p>
          <Table
            caption={p('caption', { table: tableLabel(t, table.table) })}
            rows={table.rows}
            rowKey={(_, index) => index}
            columns={table.columns.map((column) => ({ key: column, label: column, cell: (row: Record<string, unknown>) => cellText(row[column]) }))}
          />
        </section>
      ))}
      <section class="kern-stack-sm" aria-labelledby="nothing-held">
        <h2 class="kern-heading-medium" id="nothing-held">
          {p('nothingTitle')}
        </h2>
        <p class="kern-body">{empty.map((table) => tableLabel(t, table.table)).join(', ') || '–'}</p>
      </section>
    </div>
  );
}
