import type { Language, Translate } from '../../i18n/index.js';
import { Alert } from '../../ui/forms.js';
import { fieldsOfActivity, legalForms, orientations } from '../names/index.js';
import type { DirectoryEntry, DirectoryPage } from './directory.js';
import { PageNav } from '../../ui/pagination.js';
import { Table } from '../../ui/table.js';
import { Button } from '../../ui/button.js';

/** The search form's values as the page received them (all optional). */
export interface DirectoryForm {
  q: string;
  district: string;
  legalForm: string;
  orientation: string;
  field: string;
  needsReview: '' | 'yes' | 'no';
  grantYear: string;
  sort: 'relevance' | 'name';
  page: number;
}

interface DirectoryProps {
  t: Translate;
  language: Language;
  form: DirectoryForm;
  result: DirectoryPage;
  districts: string[];
  pageSize: number;
  canCreate: boolean;
}

/** The directory: a search form that works without JavaScript (GET), the results as a table, pages. */
export function DirectoryPageView({ t, language, form, result, districts, pageSize, canCreate }: DirectoryProps) {
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('organisations.directory.title')}</h1>
      {canCreate && (
        <p>
          <a class="kern-link" href="/organisations/new">
            {t('organisations.directory.create')}
          </a>
        </p>
      )}
      <SearchForm t={t} form={form} districts={districts} />
      <p class="kern-body--bold" role="status">
        {t(result.totalIsLowerBound ? 'organisations.directory.countAtLeast' : 'organisations.directory.count', { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <Alert kind="info">{t('organisations.directory.none')}</Alert>
      ) : (
        <ResultTable t={t} language={language} items={result.items} />
      )}
      <PageNav t={t} label={t('organisations.directory.pagination')} page={form.page} pages={pages} href={(target) => directoryHref(form, target)} />
    </div>
  );
}

function SearchForm({ t, form, districts }: { t: Translate; form: DirectoryForm; districts: string[] }) {
  const d = (key: string) => t(`organisations.directory.${key}`);
  return (
    <form method="get" action="/organisations" class="kern-stack-sm" role="search" aria-label={d('searchLabel')}>
      <div class="kern-form-input">
        <label class="kern-label" for="q">
          {d('q')}
        </label>
        <div class="kern-hint" id="q-hint">
          {d('qHint')}
        </div>
        <input class="kern-form-input__input" id="q" name="q" type="search" value={form.q} aria-describedby="q-hint" />
      </div>
      <div class="kern-stack-sm">
        <Select id="district" label={d('district')} value={form.district} any={d('any')} options={districts.map((value) => [value, value])} />
        <Select id="legalForm" label={d('legalForm')} value={form.legalForm} any={d('any')} options={legalForms.map((value) => [value, t(`organisations.profile.legalForms.${value}`)])} />
        <Select id="orientation" label={d('orientation')} value={form.orientation} any={d('any')} options={orientations.map((value) => [value, t(`organisations.profile.orientations.${value}`)])} />
        <Select id="field" label={d('field')} value={form.field} any={d('any')} options={fieldsOfActivity.map((value) => [value, t(`organisations.profile.fieldsOfActivity.${value}`)])} />
        <Select id="needsReview" label={d('needsReview')} value={form.needsReview} any={d('any')} options={[['yes', d('yes')], ['no', d('no')]]} />
        <div class="kern-form-input">
          <label class="kern-label" for="grantYear">
            {d('grantYear')}
          </label>
          <input class="kern-form-input__input kern-form-input__input--width-4" id="grantYear" name="grantYear" inputMode="numeric" value={form.grantYear} />
        </div>
        <Select id="sort" label={d('sort')} value={form.sort} options={[['relevance', d('byRelevance')], ['name', d('byName')]]} />
      </div>
      <Button>{d('search')}</Button>
    </form>
  );
}

function Select({ id, label, value, any, options }: { id: string; label: string; value: string; any?: string; options: [string, string][] }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>
        {label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={id} name={id}>
          {any !== undefined && (
            <option value="" selected={value === ''}>
              {any}
            </option>
          )}
          {options.map(([option, text]) => (
            <option key={option} value={option} selected={option === value}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function ResultTable({ t, items }: { t: Translate; language: Language; items: DirectoryEntry[] }) {
  const d = (key: string) => t(`organisations.directory.${key}`);
  return (
    <Table
      caption={d('caption')}
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        {
          key: 'name',
          label: d('name'),
          rowHeader: true,
          cell: (item) => (
            <>
              <a class="kern-link" href={`/organisations/${item.id}`}>
                {item.name}
              </a>
              {item.matchedName && item.matchedName !== item.name && <div class="kern-body--small">{t('organisations.directory.matched', { name: item.matchedName })}</div>}
              {item.needsReview && <div class="kern-body--small">{d('inReview')}</div>}
            </>
          ),
        },
        { key: 'legalForm', label: d('legalForm'), cell: (item) => (item.legalForm ? t(`organisations.profile.legalForms.${item.legalForm}`) : '–') },
        { key: 'place', label: d('place'), cell: (item) => [item.district, item.municipality].filter(Boolean).filter((v, i, all) => all.indexOf(v) === i).join(', ') || '–' },
        { key: 'fields', label: d('fields'), cell: (item) => item.fields.map((field) => t(`organisations.profile.fieldsOfActivity.${field}`)).join(', ') || '–' },
      ]}
    />
  );
}

export function directoryHref(form: DirectoryForm, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'district', 'legalForm', 'orientation', 'field', 'needsReview', 'grantYear'] as const) if (form[key]) params.set(key, form[key]);
  if (form.sort !== 'relevance') params.set('sort', form.sort);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/organisations${query ? `?${query}` : ''}`;
}

