import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, DateField } from '../../ui/forms.js';
import { channels, type ConsultationRecord, type ConsultationSummary } from './queries.js';
import { topicLabel, type ConsultationTopic } from './topics.js';
import { PageNav } from '../../ui/pagination.js';
import { formatDay, formatInstant } from '../../ui/dates.js';
import { Table, type Column } from '../../ui/table.js';
import { Button, LinkButton } from '../../ui/button.js';
import type { ReferralService } from '../wegweiser/index.js';
import { WegweiserServiceLink } from './wegweiser-referral-views.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/** The consultation list, one consultation, and the follow-up reminders. */

export interface ListForm {
  from: string;
  to: string;
  organisation: string;
  topic: string;
  channel: string;
  followUp: '' | 'due';
  page: number;
}

/** A calendar day in the page's language (src/ui/dates.ts: one form for every page). */
const dateOf = (language: Language, isoDay: string) => formatDay(isoDay, language);
const euros = (language: Language, amount: number) => new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
export { dateOf };

/** All topics of a consultation by their labels, the first (the import identity) first. */
export const topicsText = (topics: ConsultationTopic[], language: Language, keys: readonly string[]) => keys.map((key) => topicLabel(topics, language, key)).join(', ') || '–';

export function listHref(form: ListForm, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'organisation', 'topic', 'channel', 'followUp'] as const) if (form[key]) params.set(key, form[key]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/consultations${query ? `?${query}` : ''}`;
}

interface ListProps {
  t: Translate;
  language: Language;
  form: ListForm;
  result: { total: number; items: ConsultationSummary[] };
  topics: ConsultationTopic[];
  dueCount: number;
  /** Representatives' requests still open or in progress. */
  openRequests: number;
  pageSize: number;
  periodError: boolean;
}

export function ListPage({ t, language, form, result, topics, dueCount, openRequests, pageSize, periodError }: ListProps) {
  const l = (key: string, options?: Record<string, unknown>) => t(`consultations.list.${key}`, options);
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{l('title')}</h1>
      <p class="kern-body">{l('intro')}</p>
      <div class="mosaik-inline-form">
        <LinkButton href="/consultations/new">{l('new')}</LinkButton>
        <a class="kern-link" href="/consultations/requests">
          {l('requests', { count: openRequests })}
        </a>
        <a class="kern-link" href="/consultations/topics">
          {l('topics')}
        </a>
      </div>
      <Alert kind={dueCount > 0 ? 'warning' : 'info'}>
        {dueCount > 0 ? l('followUpsDue', { count: dueCount }) : l('followUpsNone')}{' '}
        {dueCount > 0 && (
          <a class="kern-link" href="/consultations/follow-ups">
            {l('showFollowUps')}
          </a>
        )}
      </Alert>
      {periodError && <Alert kind="danger">{l('badPeriod')}</Alert>}
      <form method="get" action="/consultations" class="kern-stack-sm" aria-label={l('filters')}>
        <DateField t={t} language={language} name="from" label={l('from')} value={form.from} />
        <DateField t={t} language={language} name="to" label={l('to')} value={form.to} />
        <div class="kern-form-input">
          <label class="kern-label" for="organisation">
            {l('organisation')}
          </label>
          <input class="kern-form-input__input" id="organisation" name="organisation" type="search" value={form.organisation} />
        </div>
        <Select id="topic" label={l('topic')} value={form.topic} any={l('any')} options={topics.map((topic) => [topic.key, topicLabel(topics, language, topic.key)])} />
        <Select id="channel" label={l('channel')} value={form.channel} any={l('any')} options={channels.map((channel) => [channel, t(`consultations.channels.${channel}`)])} />
        <div class="kern-form-check">
          <input class="kern-form-check__checkbox" type="checkbox" id="followUp" name="followUp" value="due" checked={form.followUp === 'due'} />
          <label class="kern-label" for="followUp">
            {l('followUpDue')}
          </label>
        </div>
        <div class="mosaik-inline-form">
          <Button kind="secondary">{l('search')}</Button>
          <a class="kern-link" href="/consultations">
            {l('reset')}
          </a>
        </div>
      </form>
      <p class="kern-body" role="status">
        {l('total', { count: result.total })}
      </p>
      {result.items.length === 0 ? <p class="kern-body">{l('empty')}</p> : <ConsultationTable t={t} language={language} items={result.items} topics={topics} caption={l('caption')} />}
      <PageNav t={t} label={l('pagination')} page={form.page} pages={pages} href={(target) => listHref(form, target)} />
    </div>
  );
}

function ConsultationTable({ t, language, items, topics, caption }: { t: Translate; language: Language; items: ConsultationSummary[]; topics: ConsultationTopic[]; caption: string }) {
  const l = (key: string, options?: Record<string, unknown>) => t(`consultations.list.${key}`, options);
  const columns: Column<ConsultationSummary>[] = [
    {
      key: 'date',
      label: l('date'),
      rowHeader: true,
      cell: (item) => (
        <a class="kern-link" href={`/consultations/${item.id}`}>
          {dateOf(language, item.consultedOn)}
        </a>
      ),
    },
    {
      key: 'organisation',
      label: t('consultations.detail.organisation'),
      cell: (item) => (
        <a class="kern-link" href={`/organisations/${item.organisationId}`}>
          {item.organisationName}
        </a>
      ),
    },
    { key: 'channel', label: l('channel'), cell: (item) => t(`consultations.channels.${item.channel}`) },
    { key: 'topic', label: l('topic'), cell: (item) => topicsText(topics, language, item.topics) },
    { key: 'duration', label: l('duration'), cell: (item) => (item.durationMinutes === null ? '–' : l('minutes', { count: item.durationMinutes })) },
    { key: 'followUp', label: l('followUp'), cell: (item) => (item.followUpOn ? `${dateOf(language, item.followUpOn)}${item.followUpDone ? ` (${l('done')})` : ''}` : '–') },
    { key: 'referral', label: l('referral'), cell: (item) => (item.referralStatus ? t(`consultations.referralStatus.${item.referralStatus}`) : '–') },
  ];
  return <Table caption={caption} columns={columns} rows={items} rowKey={(item) => item.id} />;
}

function Select({ id, label, value, any, options }: { id: string; label: string; value: string; any: string; options: [string, string][] }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>
        {label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={id} name={id}>
          <option value="" selected={value === ''}>
            {any}
          </option>
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

interface DetailProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  consultation: ConsultationRecord;
  topics: ConsultationTopic[];
  notices: ComponentChildren[];
  error?: string;
  /** The Wegweiser service the consultation referred to (wegweiser-referral.ts). */
  wegweiserService?: ReferralService | null;
}

export function DetailPage({ t, language, csrfToken, consultation: c, topics, notices, error, wegweiserService }: DetailProps) {
  const d = (key: string, options?: Record<string, unknown>) => t(`consultations.detail.${key}`, options);
  const label = (field: string) => t(`consultations.form.labels.${field}`);
  const at = (value: Date) => formatInstant(value, language);
  const row = (term: string, value: ComponentChildren) => (
    <Detail key={term} label={term}>{value === null || value === '' ? d('notSet') : value}</Detail>
  );
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{d('title', { date: dateOf(language, c.consultedOn) })}</h1>
      {notices.map((notice, index) => (
        <Alert kind="success" key={index}>
          {notice}
        </Alert>
      ))}
      {error && <Alert kind="danger">{error}</Alert>}
      <DescriptionList>
        {row(
          d('organisation'),
          <a class="kern-link" href={`/organisations/${c.organisationId}`}>
            {c.organisationName}
          </a>,
        )}
        {row(label('persons'), c.persons)}
        {row(label('channel'), t(`consultations.channels.${c.channel}`))}
        {row(label('topics'), topicsText(topics, language, c.topics))}
        {c.requestId !== null &&
          row(
            d('request'),
            <a class="kern-link" href={`/consultations/requests/${c.requestId}`}>
              {d('requestLink', { id: c.requestId })}
            </a>,
          )}
        {row(label('duration_minutes'), c.durationMinutes === null ? null : t('consultations.list.minutes', { count: c.durationMinutes }))}
        {row(label('outcome'), c.outcome)}
        {row(label('notes'), c.notes)}
        {row(label('follow_up_on'), c.followUpOn ? `${dateOf(language, c.followUpOn)} – ${c.followUpDoneAt ? d('followUpDoneAt', { date: at(c.followUpDoneAt) }) : d('followUpOpen')}` : null)}
        {row(
          label('referral_expert'),
          c.referralExpertId === null ? c.referralExpert : (
            <a class="kern-link" href={`/experts/${c.referralExpertId}`}>
              {c.referralExpert ?? label('referral_expert_id')}
            </a>
          ),
        )}
        {row(label('referral_cost_eur'), c.referralCostEur === null ? null : euros(language, c.referralCostEur))}
        {c.referralStatus &&
          row(
            t('consultations.list.referral'),
            c.referralApprovedAt
              ? d('referralDecided', { status: t(`consultations.referralStatus.${c.referralStatus}`), name: c.referralApprovedBy ?? '–', date: at(c.referralApprovedAt) })
              : t(`consultations.referralStatus.${c.referralStatus}`),
          )}
        {wegweiserService && row(label('wegweiser_service'), <WegweiserServiceLink service={wegweiserService} />)}
        {row(d('source'), d(`sources.${c.source}`))}
        {c.createdBy !== null && row(d('createdBy'), c.createdBy)}
      </DescriptionList>
      <div class="mosaik-inline-form">
        <LinkButton href={`/consultations/${c.id}/edit`}>{d('edit')}</LinkButton>
        {/* a need or concern named in the consultation (src/modules/concerns) */}
        <LinkButton kind="secondary" href={`/concerns/new?consultation=${c.id}`}>{t('concerns.links.fromConsultation')}</LinkButton>
        {c.followUpOn && !c.followUpDoneAt && (
          <form method="post" action={`/consultations/${c.id}/follow-up-done`}>
            <CsrfField token={csrfToken} />
            <Button kind="secondary">{d('markDone')}</Button>
          </form>
        )}
        {c.referralStatus && (
          <form method="post" action={`/consultations/${c.id}/referral`} class="mosaik-inline-form">
            <CsrfField token={csrfToken} />
            {c.referralStatus !== 'approved' && (
              <Button kind="secondary" name="decision" value="approved">{d('approve')}</Button>
            )}
            {c.referralStatus !== 'rejected' && (
              <Button kind="tertiary" name="decision" value="rejected">{d('reject')}</Button>
            )}
          </form>
        )}
      </div>
      <a class="kern-link" href="/consultations">
        {d('back')}
      </a>
    </div>
  );
}

export function FollowUpsPage({ t, language, items, topics, today }: { t: Translate; language: Language; items: ConsultationSummary[]; topics: ConsultationTopic[]; today: string }) {
  const f = (key: string) => t(`consultations.followUps.${key}`);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{f('title')}</h1>
      <p class="kern-body">{f('intro')}</p>
      {items.length === 0 ? (
        <p class="kern-body">{f('empty')}</p>
      ) : (
        <Table
          caption={f('caption')}
          rows={items}
          rowKey={(item) => item.id}
          columns={[
            {
              key: 'due',
              label: f('due'),
              rowHeader: true,
              cell: (item) => (
                <>
                  {dateOf(language, item.followUpOn!)}
                  {item.followUpOn! < today && <strong class="kern-body--small"> ({f('overdue')})</strong>}
                </>
              ),
            },
            {
              key: 'organisation',
              label: t('consultations.detail.organisation'),
              cell: (item) => (
                <a class="kern-link" href={`/organisations/${item.organisationId}`}>
                  {item.organisationName}
                </a>
              ),
            },
            {
              key: 'consultation',
              label: f('consultation'),
              cell: (item) => (
                <a class="kern-link" href={`/consultations/${item.id}`}>
                  {`${dateOf(language, item.consultedOn)}, ${topicsText(topics, language, item.topics)}`}
                </a>
              ),
            },
          ]}
        />
      )}
      <a class="kern-link" href="/consultations">
        {t('consultations.detail.back')}
      </a>
    </div>
  );
}
