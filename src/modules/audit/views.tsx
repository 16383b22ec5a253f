import type { Language, Translate } from '../../i18n/index.js';
import { Alert } from '../../ui/forms.js';
import { formatInstant } from '../../ui/dates.js';
import { Table } from '../../ui/table.js';
import { auditKinds, subjectHref, type AuditEntryRow, type AuditFilter, type AuditPage } from './queries.js';
import { Button } from '../../ui/button.js';

/** The admin audit view: filters, the entries newest first, paging and exports. */

/** The filter as text fields, as the form shows it back. */
export type AuditForm = Record<'from' | 'to' | 'account' | 'action' | 'kind' | 'subjectType' | 'subjectId', string>;

const filterKeys = ['from', 'to', 'account', 'action', 'kind', 'subjectType', 'subjectId'] as const;

export function formOf(filter: AuditFilter): AuditForm {
  return Object.fromEntries(filterKeys.map((key) => [key, filter[key] ?? ''])) as AuditForm;
}

/** The address of the list (or an export) for this filter and cursor. */
export function auditHref(path: string, form: AuditForm, cursor: { before?: number; after?: number } = {}): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (form[key]) params.set(key, form[key]);
  if (cursor.before !== undefined) params.set('before', String(cursor.before));
  if (cursor.after !== undefined) params.set('after', String(cursor.after));
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

const timeOf = (language: Language, at: Date) => formatInstant(at, language, { time: 'medium' });

interface AuditPageProps {
  t: Translate;
  language: Language;
  form: AuditForm;
  page: AuditPage;
  /** Filter fields given in a form the view could not use. */
  invalid: string[];
}

export function AuditListPage({ t, language, form, page, invalid }: AuditPageProps) {
  const l = (key: string, options?: Record<string, unknown>) => t(`audit.list.${key}`, options);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{l('title')}</h1>
      <p class="kern-body">{l('intro')}</p>
      {invalid.length > 0 && <Alert kind="warning">{l('invalid', { fields: invalid.map((key) => l(`filter.${key}`)).join(', ') })}</Alert>}
      <Filters t={t} form={form} />
      <p class="kern-body mosaik-inline-form">
        <span>{l('download')}</span>
        <a class="kern-link" href={auditHref('/admin/audit.csv', form)} download>
          {l('csv')}
        </a>
        <a class="kern-link" href={auditHref('/admin/audit.json', form)} download>
          {l('json')}
        </a>
      </p>
      <p class="kern-body--small">{l('exportAudited')}</p>
      {page.entries.length === 0 ? <p class="kern-body" role="status">{l('empty')}</p> : <EntryTable t={t} language={language} entries={page.entries} />}
      {(page.newerThan !== null || page.olderThan !== null) && (
        <nav aria-label={l('pagination')} class="mosaik-inline-form">
          {page.newerThan !== null && (
            <>
              <a class="kern-link" href={auditHref('/admin/audit', form)}>
                {l('newest')}
              </a>
              <a class="kern-link" href={auditHref('/admin/audit', form, { after: page.newerThan })} rel="prev">
                {l('newer')}
              </a>
            </>
          )}
          {page.olderThan !== null && (
            <a class="kern-link" href={auditHref('/admin/audit', form, { before: page.olderThan })} rel="next">
              {l('older')}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}

const hinted = new Set<keyof AuditForm>(['account', 'action', 'subjectType', 'subjectId']);

function Filters({ t, form }: { t: Translate; form: AuditForm }) {
  const l = (key: string) => t(`audit.list.${key}`);
  const input = (key: keyof AuditForm, type = 'text') => {
    const hint = hinted.has(key) ? l(`hint.${key}`) : undefined;
    return (
      <div class="kern-form-input" key={key}>
        <label class="kern-label" for={key}>
          {l(`filter.${key}`)}
        </label>
        {hint && (
          <div class="kern-hint" id={`${key}-hint`}>
            {hint}
          </div>
        )}
        <input class="kern-form-input__input" id={key} name={key} type={type} value={form[key]} aria-describedby={hint ? `${key}-hint` : undefined} />
      </div>
    );
  };
  return (
    <form method="get" action="/admin/audit" class="kern-stack-sm" aria-label={l('filters')}>
      {input('from', 'date')}
      {input('to', 'date')}
      {input('account', 'search')}
      {input('action')}
      <div class="kern-form-input">
        <label class="kern-label" for="kind">
          {l('filter.kind')}
        </label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="kind" name="kind">
            <option value="" selected={form.kind === ''}>
              {l('anyKind')}
            </option>
            {auditKinds.map((kind) => (
              <option key={kind} value={kind} selected={form.kind === kind}>
                {l(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {input('subjectType')}
      {input('subjectId')}
      <div class="mosaik-inline-form">
        <Button kind="secondary">{l('search')}</Button>
        <a class="kern-link" href="/admin/audit">
          {l('reset')}
        </a>
      </div>
    </form>
  );
}

function EntryTable({ t, language, entries }: { t: Translate; language: Language; entries: AuditEntryRow[] }) {
  const l = (key: string) => t(`audit.list.${key}`);
  return (
    <Table
      caption={l('caption')}
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={[
        { key: 'at', label: l('columns.at'), rowHeader: true, cell: (entry) => timeOf(language, entry.at) },
        { key: 'account', label: l('columns.account'), cell: (entry) => entry.accountEmail ?? (entry.accountId === null ? l('system') : `#${entry.accountId}`) },
        { key: 'action', label: l('columns.action'), cell: (entry) => <code>{entry.action}</code> },
        { key: 'subject', label: l('columns.subject'), cell: (entry) => <Subject type={entry.subjectType} id={entry.subjectId} /> },
        { key: 'details', label: l('columns.details'), cell: (entry) => <Details details={entry.details} /> },
      ]}
    />
  );
}

function Subject({ type, id }: { type: string; id: string | null }) {
  const text = id ? `${type} ${id}` : type;
  const href = subjectHref(type, id);
  return href ? (
    <a class="kern-link" href={href}>
      {text}
    </a>
  ) : (
    <>{text}</>
  );
}

function Details({ details }: { details: Record<string, unknown> }) {
  const pairs = Object.entries(details ?? {});
  if (pairs.length === 0) return <>–</>;
  return (
    <dl class="mosaik-key-values">
      {pairs.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
