import type { Translate } from '../../i18n/index.js';
import type { PeopleListEntry } from './queries.js';
import { personRoles } from './tables.js';
import { PageNav } from '../../ui/pagination.js';
import { Table } from '../../ui/table.js';
import { Button, LinkButton } from '../../ui/button.js';

/** The people list: search by name, filter by organisation and role, pages of 25. */

export interface ListForm {
  q: string;
  organisation: string;
  role: string;
  page: number;
}

export function listHref(form: ListForm, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'organisation', 'role'] as const) if (form[key]) params.set(key, form[key]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/people${query ? `?${query}` : ''}`;
}

interface ListProps {
  t: Translate;
  form: ListForm;
  result: { total: number; items: PeopleListEntry[] };
  /** The organisation filtered by, when it is known. */
  organisationName: string | undefined;
  pageSize: number;
  canCreate: boolean;
}

export function ListPage({ t, form, result, organisationName, pageSize, canCreate }: ListProps) {
  const l = (key: string, options?: Record<string, unknown>) => t(`people.list.${key}`, options);
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{organisationName ? l('titleOf', { name: organisationName }) : l('title')}</h1>
      <p class="kern-body">{canCreate ? l('intro') : l('introCoordinator')}</p>
      {canCreate && (
        <p>
          <LinkButton href="/people/new">{l('new')}</LinkButton>
        </p>
      )}
      <form method="get" action="/people" class="kern-stack-sm" aria-label={l('filters')}>
        <div class="kern-form-input">
          <label class="kern-label" for="q">
            {l('q')}
          </label>
          <div class="kern-hint" id="q-hint">
            {l('qHint')}
          </div>
          <input class="kern-form-input__input" id="q" name="q" type="search" value={form.q} aria-describedby="q-hint" />
        </div>
        <div class="kern-form-input">
          <label class="kern-label" for="role">
            {l('role')}
          </label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="role" name="role">
              <option value="">{l('any')}</option>
              {personRoles.map((role) => (
                <option key={role} value={role} selected={form.role === role}>
                  {t(`people.roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {form.organisation && (
          <p class="kern-body">
            <input type="hidden" name="organisation" value={form.organisation} />
            {l('organisationFilter', { name: organisationName ?? form.organisation })}{' '}
            <a class="kern-link" href={listHref({ ...form, organisation: '' }, 1)}>
              {l('removeOrganisation')}
            </a>
          </p>
        )}
        <div class="mosaik-inline-form">
          <Button kind="secondary">{l('search')}</Button>
          <a class="kern-link" href="/people">
            {l('reset')}
          </a>
        </div>
      </form>
      <p class="kern-body" role="status">
        {l('total', { count: result.total })}
      </p>
      {result.items.length === 0 ? <p class="kern-body">{l('empty')}</p> : <PeopleTable t={t} items={result.items} />}
      <PageNav t={t} label={l('pagination')} page={form.page} pages={pages} href={(target) => listHref(form, target)} />
    </div>
  );
}

function PeopleTable({ t, items }: { t: Translate; items: PeopleListEntry[] }) {
  const l = (key: string) => t(`people.list.${key}`);
  return (
    <Table
      caption={l('caption')}
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        {
          key: 'name',
          label: l('name'),
          rowHeader: true,
          cell: (item) => (
            <a class="kern-link" href={`/people/${item.id}`}>
              {item.erased ? t('people.erased') : item.fullName}
            </a>
          ),
        },
        {
          key: 'roles',
          label: l('roles'),
          cell: (item) =>
            item.roles.map((role) => (
              <div key={`${role.organisationId}-${role.role}`}>
                {t(`people.roles.${role.role}`)}: <a class="kern-link" href={`/organisations/${role.organisationId}`}>{role.organisationName}</a>
              </div>
            )),
        },
        { key: 'contact', label: l('contact'), cell: (item) => [item.email, item.phone].filter(Boolean).join(', ') },
        { key: 'language', label: l('language'), cell: (item) => (item.preferredLanguage ? t(`people.languages.${item.preferredLanguage}`) : '') },
      ]}
    />
  );
}
