import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Choices } from '../../../ui/choices.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldGroup, TextField } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { FormError } from '../form.js';
import type { absencesOfExpert, eventsOfExpert, ExpertRow, PoolFilter, PoolRow, referralsOfExpert } from '../queries.js';
import { Absences } from './absences.js';
import { consentSources, expertKinds, expertLanguages, expertTopics } from '../tables.js';
import { day, districtsText, errorOf, languagesText, SelectField, summaryErrors, topicsText } from './parts.js';

/** The pool's pages (staff and coordinators, German and English): the list with its filters, an entry, the entry form. */

export function PoolPage({ t, rows, filter, districts, mayKeep, notice }: { t: Translate; rows: PoolRow[]; filter: PoolFilter; districts: string[]; mayKeep: boolean; notice?: string }) {
  const any = { value: '', label: t('experts.filter.any') };
  return (
    <>
      <h1 class="kern-heading-large">{t('experts.pool.title')}</h1>
      {notice && <Alert kind="success">{t(`experts.notices.${notice}`)}</Alert>}
      <p class="kern-body">{t('experts.pool.intro')}</p>
      <p class="kern-body mosaik-inline-form">
        {mayKeep && <LinkButton href="/experts/new">{t('experts.pool.new')}</LinkButton>}
        <a class="kern-link" href="/experts/forums">{t('experts.forums.title')}</a>
      </p>
      <form method="get" action="/experts" class="kern-stack-sm" role="search" aria-label={t('experts.filter.label')}>
        <div class="mosaik-filter-row">
          <SelectField name="kind" label={t('experts.fields.kind')} value={filter.kind ?? ''} options={[any, ...expertKinds.map((kind) => ({ value: kind, label: t(`experts.kinds.${kind}`) }))]} />
          <SelectField name="topic" label={t('experts.fields.topics')} value={filter.topic ?? ''} options={[any, ...expertTopics.map((topic) => ({ value: topic, label: t(`experts.topics.${topic}`) }))]} />
          <SelectField name="language" label={t('experts.fields.languages')} value={filter.language ?? ''} options={[any, ...expertLanguages.map((language) => ({ value: language, label: t(`experts.languages.${language}`) }))]} />
          <SelectField name="district" label={t('experts.fields.districts')} value={filter.district ?? ''} options={[any, ...districts.map((district) => ({ value: district, label: district }))]} />
          <TextField name="q" label={t('experts.filter.q')} value={filter.q ?? ''} />
        </div>
        <Button kind="secondary">{t('experts.filter.submit')}</Button>
      </form>
      <Table
        caption={t('experts.pool.caption', { count: rows.length })}
        captionVisible
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({ 'data-expert': row.id })}
        empty={<p class="kern-body">{t('experts.pool.none')}</p>}
        columns={[
          { key: 'name', label: t('experts.fields.full_name'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/experts/${row.id}`}>{row.full_name}</a> },
          { key: 'kind', label: t('experts.fields.kind'), cell: (row) => t(`experts.kinds.${row.kind}`) },
          { key: 'organisation', label: t('experts.fields.organisation_id'), cell: (row) => row.organisation_name ?? '—' },
          { key: 'topics', label: t('experts.fields.topics'), cell: (row) => topicsText(t, row.topics) },
          { key: 'languages', label: t('experts.fields.languages'), cell: (row) => languagesText(t, row.languages) },
          { key: 'districts', label: t('experts.fields.districts'), cell: (row) => districtsText(t, row.districts) },
        ]}
      />
    </>
  );
}

interface ExpertPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  expert: ExpertRow;
  events: Awaited<ReturnType<typeof eventsOfExpert>>;
  referrals: Awaited<ReturnType<typeof referralsOfExpert>>;
  mayKeep: boolean;
  today: string;
  notice?: string;
  absences: Awaited<ReturnType<typeof absencesOfExpert>>;
  absenceErrors?: FormError[];
  absenceInput?: Record<string, string>;
}

export function ExpertPage({ t, language, csrfToken, expert, events, referrals, mayKeep, today, notice, absences, absenceErrors = [], absenceInput = {} }: ExpertPageProps) {
  const withdrawn = expert.consent_withdrawn_on !== null;
  const row = (label: string, value: string | null | undefined) => (
    <>
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class="kern-description-list-item__value">{value || '—'}</dd>
    </>
  );
  return (
    <>
      <p class="kern-body"><a class="kern-link" href="/experts">{t('experts.pool.back')}</a></p>
      <h1 class="kern-heading-large">{expert.full_name}</h1>
      {notice && <Alert kind="success">{t(`experts.notices.${notice}`)}</Alert>}
      {withdrawn && <Alert kind="warning">{t('experts.expert.withdrawn', { day: day(expert.consent_withdrawn_on, language) })}</Alert>}
      <dl class="kern-description-list">
        {row(t('experts.fields.kind'), t(`experts.kinds.${expert.kind}`))}
        {row(t('experts.fields.organisation_id'), expert.organisation_name)}
        {row(t('experts.fields.person_id'), expert.person_name)}
        {row(t('experts.fields.topics'), topicsText(t, expert.topics))}
        {row(t('experts.fields.languages'), languagesText(t, expert.languages))}
        {row(t('experts.fields.districts'), districtsText(t, expert.districts))}
        {row(t('experts.fields.fee_note'), expert.fee_note)}
        {row(t('experts.fields.email'), expert.email)}
        {row(t('experts.fields.phone'), expert.phone)}
        {row(t('experts.fields.notes'), expert.notes)}
        {row(t('experts.expert.consent'), t('experts.expert.consentText', { day: day(expert.consent_given_on, language), version: expert.consent_wording_version, source: t(`experts.consentSources.${expert.consent_source}`) }))}
      </dl>
      {mayKeep && !withdrawn && (
        <div class="mosaik-inline-form">
          <LinkButton kind="secondary" href={`/experts/${expert.id}/edit`}>{t('experts.expert.edit')}</LinkButton>
          <form method="post" action={`/experts/${expert.id}/withdraw`} class="kern-stack-sm">
            <CsrfField token={csrfToken} />
            <DateField t={t} language={language} name="withdrawn_on" label={t('experts.fields.withdrawn_on')} value={today} />
            <Button kind="secondary">{t('experts.expert.withdraw')}</Button>
          </form>
        </div>
      )}
      {!withdrawn && <Absences t={t} language={language} csrfToken={csrfToken} expertId={expert.id} absences={absences} mayKeep={mayKeep} errors={absenceErrors} input={absenceInput} />}
      <h2 class="kern-heading-medium">{t('experts.expert.events')}</h2>
      <Table
        caption={t('experts.expert.events')}
        rows={events}
        rowKey={(event) => event.id}
        empty={<p class="kern-body">{t('experts.expert.noEvents')}</p>}
        columns={[
          { key: 'title', label: t('experts.expert.event'), rowHeader: true, cell: (event) => (event.format === 'dialogue_forum' ? <a class="kern-link" href={`/experts/forums/${event.id}`}>{event.title}</a> : event.title) },
          { key: 'day', label: t('experts.expert.day'), cell: (event) => day(event.start_date, language) },
          { key: 'format', label: t('experts.expert.format'), cell: (event) => t(`events.formats.${event.format}`) },
          { key: 'role', label: t('experts.fields.role'), cell: (event) => t(`experts.roles.${event.role}`) },
          { key: 'mean', label: t('experts.expert.feedbackMean'), numeric: true, cell: (event) => (event.feedback_mean === null ? '—' : t('experts.expert.meanOf', { mean: Number(event.feedback_mean).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB'), forms: event.feedback_forms ?? 0 })) },
        ]}
      />
      <h2 class="kern-heading-medium">{t('experts.expert.referrals')}</h2>
      <Table
        caption={t('experts.expert.referrals')}
        rows={referrals}
        rowKey={(referral) => referral.id}
        empty={<p class="kern-body">{t('experts.expert.noReferrals')}</p>}
        columns={[
          { key: 'day', label: t('experts.expert.day'), rowHeader: true, cell: (referral) => <a class="kern-link" href={`/consultations/${referral.id}`}>{day(referral.consulted_on, language)}</a> },
          { key: 'organisation', label: t('experts.fields.organisation_id'), cell: (referral) => referral.organisation_name ?? '—' },
          { key: 'status', label: t('experts.expert.referralStatus'), cell: (referral) => (referral.referral_status ? t(`experts.referralStatus.${referral.referral_status}`) : '—') },
        ]}
      />
    </>
  );
}

export type ExpertInput = Record<string, string | string[]>;

interface ExpertFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  id: number | null;
  input: ExpertInput;
  errors: FormError[];
  organisations: { id: number; name: string }[];
  people: { id: number; full_name: string }[];
  districts: string[];
}

const listOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
const textOf = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

export function ExpertFormPage({ t, language, csrfToken, id, input, errors, organisations, people, districts }: ExpertFormProps) {
  const field = (name: string, type = 'text') => <TextField name={name} type={type} label={t(`experts.fields.${name}`)} hint={t(`experts.hints.${name}`)} value={textOf(input[name])} error={errorOf(t, errors, name)} />;
  const none = { value: '', label: t('experts.form.none') };
  return (
    <>
      <h1 class="kern-heading-large">{t(id === null ? 'experts.pool.new' : 'experts.expert.edit')}</h1>
      <ErrorSummary title={t('experts.errors.title')} errors={summaryErrors(t, errors)} />
      <form method="post" action={id === null ? '/experts' : `/experts/${id}`} class="kern-stack" novalidate>
        <CsrfField token={csrfToken} />
        <FieldGroup legend={t('experts.form.person')}>
          <SelectField name="kind" label={t('experts.fields.kind')} value={textOf(input.kind)} error={errorOf(t, errors, 'kind')} options={expertKinds.map((kind) => ({ value: kind, label: t(`experts.kinds.${kind}`) }))} />
          {field('full_name')}
          <SelectField name="organisation_id" label={t('experts.fields.organisation_id')} hint={t('experts.hints.organisation_id')} value={textOf(input.organisation_id)} error={errorOf(t, errors, 'organisation_id')} options={[none, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]} />
          <SelectField name="person_id" label={t('experts.fields.person_id')} hint={t('experts.hints.person_id')} value={textOf(input.person_id)} error={errorOf(t, errors, 'person_id')} options={[none, ...people.map((p) => ({ value: String(p.id), label: p.full_name }))]} />
        </FieldGroup>
        <FieldGroup legend={t('experts.form.work')}>
          <Choices name="topics" type="checkbox" legend={t('experts.fields.topics')} error={errorOf(t, errors, 'topics')} options={expertTopics.map((topic) => [topic, t(`experts.topics.${topic}`)])} checked={listOf(input.topics)} />
          <Choices name="languages" type="checkbox" legend={t('experts.fields.languages')} error={errorOf(t, errors, 'languages')} options={expertLanguages.map((code) => [code, t(`experts.languages.${code}`)])} checked={listOf(input.languages)} />
          <Choices name="districts" type="checkbox" legend={t('experts.fields.districts')} hint={t('experts.hints.districts')} error={errorOf(t, errors, 'districts')} options={[...new Set([...districts, ...listOf(input.districts)])].map((district) => [district, district])} checked={listOf(input.districts)} />
          {field('fee_note')}
        </FieldGroup>
        <FieldGroup legend={t('experts.form.contact')}>
          {field('email', 'email')}
          {field('phone', 'tel')}
          {field('notes')}
        </FieldGroup>
        <FieldGroup legend={t('experts.form.consent')}>
          <p class="kern-body">{t('experts.form.consentIntro')}</p>
          <DateField t={t} language={language} name="consent_given_on" label={t('experts.fields.consent_given_on')} value={textOf(input.consent_given_on)} error={errorOf(t, errors, 'consent_given_on')} />
          {field('consent_wording_version')}
          <SelectField name="consent_source" label={t('experts.fields.consent_source')} value={textOf(input.consent_source)} error={errorOf(t, errors, 'consent_source')} options={[none, ...consentSources.map((source) => ({ value: source, label: t(`experts.consentSources.${source}`) }))]} />
        </FieldGroup>
        <div class="mosaik-inline-form">
          <Button>{t(id === null ? 'experts.form.create' : 'experts.form.save')}</Button>
          <a class="kern-link" href={id === null ? '/experts' : `/experts/${id}`}>{t('experts.form.cancel')}</a>
        </div>
      </form>
    </>
  );
}
