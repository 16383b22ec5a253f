import type { Language, Translate } from '../../../i18n/index.js';
import { Choices } from '../../../ui/choices.js';
import { Alert, CsrfField, ErrorSummary, FieldGroup, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { serviceStatuses } from '../tables.js';
import { locationField, maxLocations, translatedLanguages } from '../input.js';
import { locationFields } from '../form.js';
import { formatDay } from '../present.js';
import type { FreshnessOverview, StaffRow } from '../staff-queries.js';
import { topicName } from './public.js';
import { Button, LinkButton } from '../../../ui/button.js';

/** The staff pages of the Wegweiser (de/en): the list, the entry form with its history, the freshness overview. */

const day = (value: string | null, language: Language) => (value ? formatDay(value, language) : '–');

export function StaffList({ t, language, rows, notice }: { t: Translate; language: Language; rows: StaffRow[]; notice?: string }) {
  return (
    <>
      <h1 class="kern-heading-large">{t('wegweiser.staff.title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p class="kern-body">
        <LinkButton href="/wegweiser/manage/new">{t('wegweiser.staff.new')}</LinkButton>{' '}
        <a class="kern-link" href="/wegweiser/manage/freshness">{t('wegweiser.staff.freshnessLink')}</a>{' · '}
        <a class="kern-link" href="/wegweiser/manage/topics">{t('wegweiser.staff.topicsLink')}</a>{' · '}
        <a class="kern-link" href="/wegweiser/manage/suggestions">{t('wegweiser.staff.suggestionsLink')}</a>
      </p>
      <Table
        caption={t('wegweiser.staff.caption')}
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({ 'data-state': row.state })}
        empty={<p class="kern-body">{t('wegweiser.public.none')}</p>}
        columns={[
          { key: 'name', label: t('wegweiser.fields.name'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/wegweiser/manage/${row.id}`}>{row.name}</a> },
          { key: 'organization', label: t('wegweiser.fields.organization'), cell: (row) => row.organization_name },
          { key: 'districts', label: t('wegweiser.fields.areas'), cell: (row) => row.districts.join(', ') },
          { key: 'state', label: t('wegweiser.staff.state'), cell: (row) => t(`wegweiser.states.${row.state}`) },
          { key: 'assured', label: t('wegweiser.fields.assured_date'), cell: (row) => day(row.assured_date, language) },
          { key: 'due', label: t('wegweiser.staff.due'), cell: (row) => day(row.due, language) },
          { key: 'published', label: t('wegweiser.fields.published'), cell: (row) => (row.published ? t('wegweiser.staff.yes') : t('wegweiser.staff.no')) },
        ]}
      />
    </>
  );
}

function Area({ name, label, value, error, hint, rows = 4 }: { name: string; label: string; value?: string; error?: string; hint?: string; rows?: number }) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name}>{label}</label>
      {hint && <div class="kern-hint" id={`${name}-hint`}>{hint}</div>}
      {error && <p class="kern-error" id={`${name}-error`}>{error}</p>}
      <textarea class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} id={name} name={name} rows={rows} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>{value ?? ''}</textarea>
    </div>
  );
}

export interface ServiceFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  action: string;
  values: Record<string, string>;
  /** Checkbox lists as chosen. */
  chosen: { topics: string[]; areas: string[] };
  errors: FieldError[];
  topics: { code: string; name: string }[];
  districts: string[];
  /** A new entry made from an association's suggestion: saving closes it as added. */
  suggestion?: { id: number; name: string; contact: string | null };
  /** For an existing entry: freshness facts and the history. */
  existing?: { id: string; assuredDate: string | null; assurerEmail: string | null; easyReadChecked: boolean; history: { last_action_date: Date; last_action_type: string; field_name: string; previous_value: string; replacement_value: string; updated_by: string }[] };
}

export function ServiceForm({ t, language, csrfToken, action, values, chosen, errors, topics, districts, existing, suggestion }: ServiceFormProps) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const text = (name: string, hint?: string) => <TextField name={name} label={t(`wegweiser.fields.${name}`)} value={values[name]} error={error(name)} hint={hint} />;
  return (
    <>
      <h1 class="kern-heading-large">{existing ? values.name : t('wegweiser.staff.new')}</h1>
      <ErrorSummary title={t('wegweiser.errors.summary')} errors={errors} />
      {existing && (
        <>
          <p class="kern-body">{t('wegweiser.staff.assuredInfo', { date: day(existing.assuredDate, language), by: existing.assurerEmail ?? '–' })}</p>
          <form method="post" action={`/wegweiser/manage/${existing.id}/checked`}>
            <CsrfField token={csrfToken} />
            <Button kind="secondary">{t('wegweiser.staff.markChecked')}</Button>
          </form>
        </>
      )}
      {suggestion && (
        <Alert kind="info">
          {t('wegweiser.staff.fromSuggestion', { name: suggestion.name })}
          {suggestion.contact && ` ${t('wegweiser.staff.suggestionContact', { contact: suggestion.contact })}`}
        </Alert>
      )}
      <form method="post" action={action} class="kern-stack-sm" novalidate>
        <CsrfField token={csrfToken} />
        {suggestion && <input type="hidden" name="suggestion_id" value={String(suggestion.id)} />}
        <FieldGroup legend={t('wegweiser.staff.groupService')}>
          {text('organization')}
          {text('name')}
          <Area name="description" label={t('wegweiser.fields.description')} value={values.description} error={error('description')} />
          <Choices name="status" legend={t('wegweiser.fields.status')} type="radio" error={error('status')} checked={[values.status ?? '']}
            options={serviceStatuses.map((status): [string, string] => [status, t(`wegweiser.statuses.${status}`)])} />
          <Choices name="published" legend={t('wegweiser.fields.published')} type="checkbox" checked={[values.published === 'true' || values.published === 'yes' ? 'yes' : '']}
            options={[['yes', t('wegweiser.staff.publishedYes')]]} />
          <Choices name="topics" legend={t('wegweiser.fields.topics')} type="checkbox" error={error('topics')} checked={chosen.topics}
            options={topics.map((topic): [string, string] => [topic.code, topicName(t, topic)])} />
          <Choices name="areas" legend={t('wegweiser.fields.areas')} type="checkbox" error={error('areas')} checked={chosen.areas}
            options={districts.map((d): [string, string] => [d, d])} />
          {text('languages', t('wegweiser.staff.languagesHint'))}
        </FieldGroup>
        <FieldGroup legend={t('wegweiser.staff.groupContact')}>
          {text('phone')}
          {text('email')}
          {text('url')}
          <Area name="opening_hours" label={t('wegweiser.fields.opening_hours')} value={values.opening_hours} rows={3} />
          <Area name="application_process" label={t('wegweiser.fields.application_process')} value={values.application_process} rows={3} />
          {text('fees_description')}
        </FieldGroup>
        <LocationGroups t={t} values={values} error={error} />
        <FieldGroup legend={t('wegweiser.staff.groupFreshness')}>
          {text('assurer_name')}
          {text('assurer_email', t('wegweiser.staff.assurerHint'))}
          {text('recheck_months')}
        </FieldGroup>
        <FieldGroup legend={t('wegweiser.staff.groupEasyRead')}>
          <Area name="easy_read_summary" label={t('wegweiser.fields.easy_read_summary')} value={values.easy_read_summary} hint={t('wegweiser.staff.easyReadHint')} />
          <Choices name="easy_read_checked" legend={t('wegweiser.staff.easyReadChecked')} type="checkbox" checked={existing?.easyReadChecked ? ['yes'] : []}
            options={[['yes', t('wegweiser.staff.easyReadCheckedYes')]]} />
        </FieldGroup>
        <FieldGroup legend={t('wegweiser.staff.groupTranslations')}>
          {translatedLanguages.map((lang) => (
            <>
              <TextField name={`name_${lang}`} label={`${t('wegweiser.fields.name')} (${t(`wegweiser.languages.${lang}`)})`} value={values[`name_${lang}`]} />
              <Area name={`description_${lang}`} label={`${t('wegweiser.fields.description')} (${t(`wegweiser.languages.${lang}`)})`} value={values[`description_${lang}`]} rows={3} />
            </>
          ))}
        </FieldGroup>
        <Button>{t('wegweiser.staff.save')}</Button>
      </form>
      {existing && (
        <Table
          caption={t('wegweiser.staff.history')}
          captionVisible
          rows={existing.history}
          rowKey={(_, index) => index}
          empty={<p class="kern-body">{t('wegweiser.staff.noHistory')}</p>}
          columns={[
            { key: 'when', label: t('wegweiser.staff.when'), cell: (row) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(row.last_action_date)) },
            { key: 'who', label: t('wegweiser.staff.who'), cell: (row) => row.updated_by },
            { key: 'field', label: t('wegweiser.staff.field'), cell: (row) => row.field_name },
            { key: 'old', label: t('wegweiser.staff.old'), cell: (row) => row.previous_value },
            { key: 'new', label: t('wegweiser.staff.new_value'), cell: (row) => row.replacement_value },
          ]}
        />
      )}
    </>
  );
}

const states = ['fresh', 'due', 'overdue', 'hidden', 'unconfirmed'] as const;

export function FreshnessPage({ t, language, overview, csrfToken }: { t: Translate; language: Language; overview: FreshnessOverview; csrfToken: string }) {
  const countColumns = states.map((state) => ({ key: state, label: t(`wegweiser.states.${state}`), numeric: true, cell: (row: { counts: Record<string, number> }) => row.counts[state] }));
  const when = (value: Date | null) => (value ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(value)) : '–');
  return (
    <>
      <h1 class="kern-heading-large">{t('wegweiser.freshnessPage.title')}</h1>
      <p class="kern-body">{t('wegweiser.freshnessPage.intro')}</p>
      <Table caption={t('wegweiser.freshnessPage.byDistrict')} captionVisible rows={overview.byDistrict} rowKey={(row) => row.key}
        columns={[{ key: 'district', label: t('wegweiser.fields.areas'), rowHeader: true, cell: (row) => row.key }, ...countColumns]} />
      <Table caption={t('wegweiser.freshnessPage.byAssurer')} captionVisible rows={overview.byAssurer} rowKey={(row) => row.key}
        columns={[{ key: 'assurer', label: t('wegweiser.fields.assurer_email'), rowHeader: true, cell: (row) => row.key }, ...countColumns]} />
      <Table caption={t('wegweiser.freshnessPage.checks')} captionVisible rows={overview.checks} rowKey={(row) => row.id}
        empty={<p class="kern-body">{t('wegweiser.freshnessPage.noChecks')}</p>}
        columns={[
          { key: 'service', label: t('wegweiser.fields.name'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/wegweiser/manage/${row.service_id}`}>{row.service_name}</a> },
          { key: 'assurer', label: t('wegweiser.fields.assurer_email'), cell: (row) => row.assurer_email },
          { key: 'sent', label: t('wegweiser.freshnessPage.sent'), cell: (row) => when(row.sent_at) },
          { key: 'answer', label: t('wegweiser.freshnessPage.answer'), cell: (row) => (row.answer ? `${t(`wegweiser.answers.${row.answer}`)} (${when(row.answered_at)})` : t('wegweiser.answers.none')) },
          { key: 'proposal', label: t('wegweiser.freshnessPage.proposal'), cell: (row) => (row.proposal ? String((row.proposal as { text?: string }).text ?? '') : '') },
          {
            key: 'review', label: t('wegweiser.freshnessPage.review'), action: true,
            cell: (row) => row.answer === 'proposed' && !row.review ? (
              <form method="post" action={`/wegweiser/manage/proposals/${row.id}`}>
                <CsrfField token={csrfToken} />
                <Button kind="secondary" name="decision" value="accept">{t('wegweiser.freshnessPage.accept')}</Button>{' '}
                <Button kind="tertiary" name="decision" value="reject">{t('wegweiser.freshnessPage.reject')}</Button>
              </form>
            ) : row.review ? t(`wegweiser.reviews.${row.review}`) : '',
          },
        ]}
      />
    </>
  );
}

/**
 * The entry's locations, a group each (HSDS service_at_location), and one
 * empty group more to add a place without JavaScript. The first location's
 * fields have plain names (address_1), the n-th's end in _n (form.ts).
 */
function LocationGroups({ t, values, error }: { t: Translate; values: Record<string, string>; error: (field: string) => string | undefined }) {
  const given = (position: number) => locationFields.some((field) => (values[locationField(field, position)] ?? '').trim() !== '');
  let count = 0;
  for (let position = 1; position <= maxLocations; position++) if (given(position)) count = position;
  const positions = Array.from({ length: Math.min(count + 1, maxLocations) }, (_, index) => index + 1);
  return (
    <>
      {positions.map((position) => {
        const text = (field: (typeof locationFields)[number], hint?: string) => {
          const name = locationField(field, position);
          return <TextField name={name} label={t(`wegweiser.fields.${field}`)} value={values[name]} error={error(name)} hint={hint} />;
        };
        const adding = position > count;
        return (
          <FieldGroup legend={adding ? t('wegweiser.staff.addLocation') : t('wegweiser.staff.locationNumber', { position })}>
            <p class="kern-hint">{adding ? t('wegweiser.staff.addLocationHint') : t('wegweiser.staff.removeLocationHint')}</p>
            {text('address_1')}
            {text('postal_code')}
            {text('city')}
            {text('latitude', t('wegweiser.staff.coordinatesHint'))}
            {text('longitude')}
            {text('transportation')}
            {text('accessibility')}
          </FieldGroup>
        );
      })}
    </>
  );
}
