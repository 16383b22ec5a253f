import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass } from '../../ui/forms.js';
import { StatusTag } from './request-views.js';
import type { ConsultationRequest } from './requests.js';
import type { ConsultationTopic } from './topics.js';
import { dateOf, topicsText } from './views.js';
import { formatInstant } from '../../ui/dates.js';
import { Table } from '../../ui/table.js';
import { Button, LinkButton } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/** The staff queue of consultation requests and one request with its actions. */

// the day of a moment as the centre's clock showed it (the UTC day was a day off late in the evening)
const at = (language: Language, value: Date) => formatInstant(value, language);

function RequestTable({ t, language, items, topics, caption }: { t: Translate; language: Language; items: ConsultationRequest[]; topics: ConsultationTopic[]; caption: string }) {
  const q = (key: string) => t(`consultations.requests.${key}`);
  return (
    <Table
      caption={caption}
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        {
          key: 'sentOn',
          label: q('columns.sentOn'),
          rowHeader: true,
          cell: (item) => (
            <a class="kern-link" href={`/consultations/requests/${item.id}`}>
              {at(language, item.createdAt)}
            </a>
          ),
        },
        { key: 'organisation', label: q('columns.organisation'), cell: (item) => item.organisationName },
        { key: 'requester', label: q('columns.requester'), cell: (item) => item.requesterName },
        { key: 'topics', label: q('columns.topics'), cell: (item) => topicsText(topics, language, item.topics) },
        { key: 'channel', label: q('columns.channel'), cell: (item) => t(`consultations.channels.${item.channel}`) },
        {
          key: 'status',
          label: q('columns.status'),
          cell: (item) => (
            <>
              <StatusTag t={t} status={item.status} />
              {item.assignedName && ` ${t('consultations.requests.assignedTo', { name: item.assignedName })}`}
            </>
          ),
        },
      ]}
    />
  );
}

interface QueueProps {
  t: Translate;
  language: Language;
  queue: { open: ConsultationRequest[]; closed: ConsultationRequest[] };
  topics: ConsultationTopic[];
  accountId: number;
}

export function QueuePage({ t, language, queue, topics }: QueueProps) {
  const q = (key: string, options?: Record<string, unknown>) => t(`consultations.requests.${key}`, options);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{q('title')}</h1>
      <p class="kern-body">{q('intro')}</p>
      <h2 class="kern-heading-medium">{q('openHeading', { count: queue.open.length })}</h2>
      {queue.open.length === 0 ? <p class="kern-body">{q('noneOpen')}</p> : <RequestTable t={t} language={language} items={queue.open} topics={topics} caption={q('openCaption')} />}
      {queue.closed.length > 0 && (
        <>
          <h2 class="kern-heading-medium">{q('closedHeading')}</h2>
          <RequestTable t={t} language={language} items={queue.closed} topics={topics} caption={q('closedCaption')} />
        </>
      )}
      <a class="kern-link" href="/consultations">
        {t('consultations.detail.back')}
      </a>
    </div>
  );
}

interface StaffRequestProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  request: ConsultationRequest;
  topics: ConsultationTopic[];
  accountId: number;
  done?: 'takenOver' | 'declined' | 'alreadyClosed';
  /** The decline note was missing or too long. */
  error?: string;
}

export function StaffRequestPage({ t, language, csrfToken, request: r, topics, accountId, done, error }: StaffRequestProps) {
  const q = (key: string, options?: Record<string, unknown>) => t(`consultations.requests.${key}`, options);
  const label = (key: string) => t(`consultations.request.labels.${key}`);
  const open = r.status === 'open' || r.status === 'in_progress';
  const row = (term: string, value: ComponentChildren) => (
    <Detail key={term} label={term}>{value === null || value === '' ? t('consultations.detail.notSet') : value}</Detail>
  );
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{q('detailTitle', { organisation: r.organisationName })}</h1>
      {done && <Alert kind={done === 'alreadyClosed' ? 'warning' : 'success'}>{q(`done.${done}`)}</Alert>}
      <ErrorSummary title={t('consultations.form.errorTitle')} errors={error ? [{ field: 'note', message: error }] : []} />
      <DescriptionList>
        {row(q('columns.status'), <StatusTag t={t} status={r.status} />)}
        {row(q('columns.assigned'), r.assignedName)}
        {row(q('columns.sentOn'), at(language, r.createdAt))}
        {row(
          q('columns.organisation'),
          <a class="kern-link" href={`/organisations/${r.organisationId}`}>
            {r.organisationName}
          </a>,
        )}
        {row(q('columns.requester'), r.requesterName)}
        {row(label('topics'), topicsText(topics, language, r.topics))}
        {row(label('channel'), t(`consultations.channels.${r.channel}`))}
        {row(label('preferred_times'), r.preferredTimes)}
        {row(label('message'), r.message)}
        {row(label('contact_phone'), r.contactPhone)}
        {row(label('contact_email'), r.contactEmail ?? r.requesterEmail)}
        {r.consultationId !== null &&
          row(
            q('consultation'),
            <a class="kern-link" href={`/consultations/${r.consultationId}`}>
              {q('consultationLink')}
            </a>,
          )}
        {r.declineNote !== null && row(q('declineNote'), r.declineNote)}
      </DescriptionList>
      {open && (
        <div class="kern-stack-lg">
          <div class="mosaik-inline-form">
            <LinkButton href={`/consultations/new?request=${r.id}`}>{q('log')}</LinkButton>
            {r.assignedTo !== accountId && (
              <form method="post" action={`/consultations/requests/${r.id}/take`}>
                <CsrfField token={csrfToken} />
                <Button kind="secondary">{q('takeOver')}</Button>
              </form>
            )}
          </div>
          <form method="post" action={`/consultations/requests/${r.id}/decline`} class="kern-stack-sm" noValidate>
            <CsrfField token={csrfToken} />
            <h2 class="kern-heading-medium">{q('declineHeading')}</h2>
            <FieldFrame name="note" label={q('declineNote')} hint={q('declineHint')} error={error}>
              {(describedBy) => (
                <textarea class={inputClass(error)} id="note" name="note" rows={3} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />
              )}
            </FieldFrame>
            <Button kind="tertiary">{q('decline')}</Button>
          </form>
        </div>
      )}
      <a class="kern-link" href="/consultations/requests">
        {q('back')}
      </a>
    </div>
  );
}
