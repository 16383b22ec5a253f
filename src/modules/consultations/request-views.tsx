import type { Language, Translate } from '../../i18n/index.js';
import type { RepresentedOrganisation } from '../identity/index.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass } from '../../ui/forms.js';
import { Choices } from '../../ui/choices.js';
import { channels } from './queries.js';
import type { RequestError, RequestField, RequestInput } from './request-form.js';
import type { ConsultationRequest } from './requests.js';
import { topicLabel, type ConsultationTopic } from './topics.js';
import { dateOf, topicsText } from './views.js';
import { formatInstant } from '../../ui/dates.js';
import { Button, LinkButton } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/**
 * The representative's pages: their requests, a new request, one request.
 * Plain language, short sentences, one column: many representatives are
 * volunteers, some read German as a second language, many use a phone.
 */

// the day of a moment as the centre's clock showed it (the UTC day was a day off late in the evening)
const at = (language: Language, value: Date) => formatInstant(value, language);

export const requestErrorMessage = (t: Translate, error: RequestError) =>
  t(`consultations.request.errors.${error.code}`, { field: t(`consultations.request.labels.${error.field}`) });

export function StatusTag({ t, status }: { t: Translate; status: ConsultationRequest['status'] }) {
  const kind = status === 'done' ? 'success' : status === 'declined' ? 'danger' : status === 'in_progress' ? 'info' : 'warning';
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class="kern-label">{t(`consultations.request.status.${status}`)}</span>
    </span>
  );
}

export function OwnRequestsPage({ t, language, requests, topics, created }: { t: Translate; language: Language; requests: ConsultationRequest[]; topics: ConsultationTopic[]; created: boolean }) {
  const r = (key: string, options?: Record<string, unknown>) => t(`consultations.request.${key}`, options);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{r('listTitle')}</h1>
      {created && <Alert kind="success">{r('created')}</Alert>}
      <p class="kern-body">{r('listIntro')}</p>
      <LinkButton href="/my/consultation-requests/new">{r('new')}</LinkButton>
      {requests.length === 0 ? (
        <p class="kern-body">{r('none')}</p>
      ) : (
        <ul class="kern-list">
          {requests.map((request) => (
            <li key={request.id} class="kern-stack-xs">
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/my/consultation-requests/${request.id}`}>
                  {r('itemTitle', { date: at(language, request.createdAt), organisation: request.organisationName })}
                </a>
              </h2>
              <p class="kern-body">
                <StatusTag t={t} status={request.status} /> {topicsText(topics, language, request.topics)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface RequestFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  organisations: RepresentedOrganisation[];
  topics: ConsultationTopic[];
  input: RequestInput;
  errors: RequestError[];
}

export function RequestFormPage({ t, language, csrfToken, organisations, topics, input, errors }: RequestFormProps) {
  const r = (key: string, options?: Record<string, unknown>) => t(`consultations.request.${key}`, options);
  const errorOf = (field: RequestField) => {
    const error = errors.find((entry) => entry.field === field);
    return error ? requestErrorMessage(t, error) : undefined;
  };
  const text = (field: 'preferred_times' | 'message' | 'contact_phone' | 'contact_email', options: { type?: string; multiline?: boolean; autocomplete?: string } = {}) => (
    <FieldFrame name={field} label={r(`labels.${field}`)} hint={r(`hints.${field}`)} error={errorOf(field)}>
      {(describedBy) =>
        options.multiline ? (
          <textarea class={inputClass(errorOf(field))} id={field} name={field} rows={4} aria-describedby={describedBy} aria-invalid={errorOf(field) ? 'true' : undefined}>
            {input[field] ?? ''}
          </textarea>
        ) : (
          <input
            class={inputClass(errorOf(field))}
            id={field}
            name={field}
            type={options.type ?? 'text'}
            autocomplete={options.autocomplete}
            value={input[field] ?? ''}
            aria-describedby={describedBy}
            aria-invalid={errorOf(field) ? 'true' : undefined}
          />
        )
      }
    </FieldFrame>
  );
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{r('formTitle')}</h1>
      <p class="kern-body">{r('formIntro')}</p>
      <ErrorSummary title={t('consultations.form.errorTitle')} errors={errors.map((error) => ({ field: error.field, message: requestErrorMessage(t, error) }))} />
      {organisations.length === 0 ? (
        <Alert kind="info">{r('noOrganisation')}</Alert>
      ) : (
        <form method="post" action="/my/consultation-requests/new" class="kern-stack-lg" noValidate>
          <CsrfField token={csrfToken} />
          <Choices
            name="organisation_id"
            type="radio"
            legend={r('labels.organisation_id')}
            hint={organisations.length > 1 ? r('hints.organisation_id') : undefined}
            error={errorOf('organisation_id')}
            options={organisations.map((organisation) => [String(organisation.id), organisation.name])}
            checked={input.organisation_id ? [input.organisation_id] : []}
          />
          <Choices
            name="topics"
            type="checkbox"
            legend={r('labels.topics')}
            hint={r('hints.topics')}
            error={errorOf('topics')}
            options={topics.map((topic) => [topic.key, topicLabel(topics, language, topic.key)])}
            checked={input.topics ?? []}
          />
          <Choices
            name="channel"
            type="radio"
            legend={r('labels.channel')}
            error={errorOf('channel')}
            options={channels.map((channel) => [channel, t(`consultations.channels.${channel}`)])}
            checked={input.channel ? [input.channel] : []}
          />
          {text('preferred_times', { multiline: true })}
          {text('message', { multiline: true })}
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{r('contactLegend')}</legend>
            <div class="kern-fieldset__body kern-stack-sm">
              {text('contact_phone', { type: 'tel', autocomplete: 'tel' })}
              {text('contact_email', { type: 'email', autocomplete: 'email' })}
            </div>
          </fieldset>
          <div class="mosaik-inline-form">
            <Button>{r('send')}</Button>
            <a class="kern-link" href="/my/consultation-requests">
              {r('cancel')}
            </a>
          </div>
        </form>
      )}
    </div>
  );
}

export function OwnRequestPage({ t, language, request: q, topics }: { t: Translate; language: Language; request: ConsultationRequest; topics: ConsultationTopic[] }) {
  const r = (key: string, options?: Record<string, unknown>) => t(`consultations.request.${key}`, options);
  const row = (term: string, value: string | null) => (
    <Detail key={term} label={term}>{value === null || value === '' ? t('consultations.detail.notSet') : value}</Detail>
  );
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{r('detailTitle', { organisation: q.organisationName })}</h1>
      <p class="kern-body">
        <StatusTag t={t} status={q.status} /> {r(`statusText.${q.status}`)}
      </p>
      {q.status === 'declined' && q.declineNote && <Alert kind="info">{r('declineNote', { note: q.declineNote })}</Alert>}
      <DescriptionList>
        {row(r('sentOn'), at(language, q.createdAt))}
        {row(r('labels.topics'), topicsText(topics, language, q.topics))}
        {row(r('labels.channel'), t(`consultations.channels.${q.channel}`))}
        {row(r('labels.preferred_times'), q.preferredTimes)}
        {row(r('labels.message'), q.message)}
        {row(r('labels.contact_phone'), q.contactPhone)}
        {row(r('labels.contact_email'), q.contactEmail)}
      </DescriptionList>
      <a class="kern-link" href="/my/consultation-requests">
        {r('back')}
      </a>
    </div>
  );
}
