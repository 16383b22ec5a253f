import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { topicLabel, type ConsultationTopic } from '../consultations/index.js';
import { withheld, minimumGroupSize } from './anonymity.js';
import { maskedCount } from './export.js';
import { measures, type EvaluationOrganisation, type EvaluationParticipation, type Timeline } from './queries.js';
import { PageNav } from '../../ui/pagination.js';
import { dateLocales, formatDay } from '../../ui/dates.js';
import { Table } from '../../ui/table.js';
import { Button } from '../../ui/button.js';

/** The evaluator's pages: what they see, organisations, one timeline, participations. */

const dayOf = (language: Language, isoDay: string) => formatDay(isoDay, language);
const euros = (language: Language, amount: number) => new Intl.NumberFormat(dateLocales[language], { style: 'currency', currency: 'EUR' }).format(amount);
/** A code's label from another module's strings, the code itself when there is none. */
/** A code's label; "–" where unknown or withheld to keep the group at least k (anonymity.ts). */
const label = (t: Translate, key: string, code: string | null) => (code === null || code === withheld ? '–' : t(`${key}.${code}`, { defaultValue: code }));

export function EvaluationHome({ t, threshold }: { t: Translate; threshold: number | null }) {
  const h = (key: string, options?: Record<string, unknown>) => t(`evaluation.home.${key}`, options);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{h('title')}</h1>
      <p class="kern-body">{h('intro')}</p>
      <h2 class="kern-heading-medium">{h('seeTitle')}</h2>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href="/evaluation/organisations">
            {t('evaluation.organisations.title')}
          </a>
          : {h('seeOrganisations', { k: minimumGroupSize })}
        </li>
        <li>{h('seeTimeline')}</li>
        <li>
          <a class="kern-link" href="/evaluation/participations">
            {t('evaluation.participations.title')}
          </a>
          : {h('seeParticipations')}
        </li>
      </ul>
      <h2 class="kern-heading-medium">{h('workspaceTitle')}</h2>
      <p class="kern-body">
        <a class="kern-link" href="/evaluation/observations">
          {t('evaluation.workspace.nav')}
        </a>
        : {h('workspace')}
      </p>
      <h2 class="kern-heading-medium">{h('notTitle')}</h2>
      <p class="kern-body">{h('not')}</p>
      <h2 class="kern-heading-medium">{h('pseudonymsTitle')}</h2>
      <p class="kern-body">{h('pseudonyms')}</p>
      <p class="kern-body">{h('persons')}</p>
      <h2 class="kern-heading-medium">{h('smallTitle')}</h2>
      <p class="kern-body">{threshold === null ? h('smallOff') : h('small', { threshold })}</p>
    </div>
  );
}

function YearFilter({ t, action, years, year, allowAll }: { t: Translate; action: string; years: number[]; year: number | null; allowAll: boolean }) {
  return (
    <form method="get" action={action} class="mosaik-inline-form" aria-label={t('evaluation.yearFilter')}>
      <label class="kern-label" for="year">
        {t('evaluation.year')}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id="year" name="year">
          {allowAll && (
            <option value="" selected={year === null}>
              {t('evaluation.allYears')}
            </option>
          )}
          {years.map((option) => (
            <option key={option} value={String(option)} selected={option === year}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <Button kind="secondary">{t('evaluation.show')}</Button>
    </form>
  );
}

interface OrganisationsProps {
  t: Translate;
  organisations: EvaluationOrganisation[];
  total: number;
  years: number[];
  year: number | null;
  page: number;
  pages: number;
  threshold: number | null;
}

export function OrganisationsPage({ t, organisations, total, years, year, page, pages, threshold }: OrganisationsProps) {
  const o = (key: string, options?: Record<string, unknown>) => t(`evaluation.organisations.${key}`, options);
  const href = (target: number) => `/evaluation/organisations?${new URLSearchParams({ ...(year === null ? {} : { year: String(year) }), page: String(target) })}`;
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{o('title')}</h1>
      <p class="kern-body">{o('intro')}</p>
      <YearFilter t={t} action="/evaluation/organisations" years={years} year={year} allowAll={false} />
      <p class="kern-body">
        <a class="kern-link" href="/evaluation/organisations.csv" download>
          {o('download')}
        </a>
      </p>
      <p class="kern-body" role="status">
        {o('total', { count: total })}
      </p>
      <Table
        caption={o('caption', { year: year ?? '' })}
        rows={organisations}
        rowKey={(organisation) => organisation.pseudonym}
        columns={[
          {
            key: 'pseudonym',
            label: o('pseudonym'),
            rowHeader: true,
            cell: (organisation) => (
              <a class="kern-link" href={`/evaluation/organisations/${organisation.pseudonym}`}>
                <code>{organisation.pseudonym}</code>
              </a>
            ),
          },
          { key: 'district', label: o('district'), cell: (organisation) => organisation.district ?? '–' },
          { key: 'legalForm', label: o('legalFormGroup'), cell: (organisation) => label(t, 'evaluation.organisations.legalFormGroups', organisation.legalForm) },
          { key: 'foundingPeriod', label: o('foundingPeriod'), cell: (organisation) => label(t, 'evaluation.organisations.foundingPeriods', organisation.foundingPeriod) },
          { key: 'orientation', label: o('orientation'), cell: (organisation) => label(t, 'organisations.profile.orientations', organisation.orientation) },
          { key: 'fields', label: o('fields'), cell: (organisation) => organisation.fields.map((field) => label(t, 'organisations.profile.fieldsOfActivity', field)).join(', ') || '–' },
          ...measures.map((measure) => ({
            key: measure,
            label: o(`measures.${measure}`, { year: year ?? '' }),
            numeric: true,
            cell: (organisation: EvaluationOrganisation) => maskedCount(year === null ? 0 : organisation.counts[year]?.[measure] ?? 0, threshold),
          })),
        ]}
      />
      <PageNav t={t} label={t('evaluation.pagination')} page={page} pages={pages} href={href} />
    </div>
  );
}

interface TimelineProps {
  t: Translate;
  language: Language;
  pseudonym: string;
  timeline: Timeline;
  topics: ConsultationTopic[];
}

export function OrganisationTimelinePage({ t, language, pseudonym, timeline, topics }: TimelineProps) {
  const o = (key: string, options?: Record<string, unknown>) => t(`evaluation.timeline.${key}`, options);
  const section = (title: string, empty: boolean, table: ComponentChildren) => (
    <section class="kern-stack-sm">
      <h2 class="kern-heading-medium">{title}</h2>
      {empty ? <p class="kern-body">{o('none')}</p> : table}
    </section>
  );
  return (
    <div class="kern-stack-lg">
      <p class="kern-body">
        <a class="kern-link" href="/evaluation/organisations">
          {o('back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{o('title', { pseudonym })}</h1>
      <p class="kern-body">{o('intro')}</p>
      {section(
        o('events'),
        timeline.events.length === 0,
        <Table
          caption={o('events')}
          rows={timeline.events}
          rowKey={(_, index) => index}
          columns={[
            { key: 'date', label: o('date'), cell: (event) => dayOf(language, event.startDate) },
            { key: 'title', label: o('eventTitle'), cell: (event) => event.title },
            { key: 'format', label: o('format'), cell: (event) => label(t, 'dashboard.formats', event.format) },
          ]}
        />,
      )}
      {section(
        o('consultations'),
        timeline.consultations.length === 0,
        <Table
          caption={o('consultations')}
          rows={timeline.consultations}
          rowKey={(_, index) => index}
          columns={[
            { key: 'date', label: o('date'), cell: (consultation) => dayOf(language, consultation.consultedOn) },
            { key: 'channel', label: o('channel'), cell: (consultation) => label(t, 'consultations.channels', consultation.channel) },
            { key: 'topic', label: o('topic'), cell: (consultation) => consultation.topics.map((topic) => topicLabel(topics, language, topic)).join(', ') || '–' },
            { key: 'duration', label: o('duration'), cell: (consultation) => (consultation.durationMinutes === null ? '–' : o('minutes', { count: consultation.durationMinutes })) },
          ]}
        />,
      )}
      {section(
        o('grants'),
        timeline.grants.length === 0,
        <Table
          caption={o('grants')}
          rows={timeline.grants}
          rowKey={(_, index) => index}
          columns={[
            { key: 'year', label: o('grantYear'), cell: (grant) => grant.year },
            { key: 'applicationType', label: o('applicationType'), cell: (grant) => label(t, 'organisations.timeline.applicationTypes', grant.applicationType) },
            { key: 'status', label: o('status'), cell: (grant) => label(t, 'organisations.timeline.statuses', grant.status) },
            { key: 'amount', label: o('amount'), numeric: true, cell: (grant) => (grant.amountEur === null ? '–' : euros(language, grant.amountEur)) },
          ]}
        />,
      )}
    </div>
  );
}

interface ParticipationsProps {
  t: Translate;
  language: Language;
  items: EvaluationParticipation[];
  total: number;
  years: number[];
  year: number | null;
  page: number;
  pages: number;
}

export function ParticipationsPage({ t, language, items, total, years, year, page, pages }: ParticipationsProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`evaluation.participations.${key}`, options);
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(year === null ? {} : { year: String(year) }), ...extra }).toString();
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{p('title')}</h1>
      <p class="kern-body">{p('intro')}</p>
      <YearFilter t={t} action="/evaluation/participations" years={years} year={year} allowAll />
      <p class="kern-body">
        <a class="kern-link" href={`/evaluation/participations.csv${year === null ? '' : `?${query({})}`}`} download>
          {p('download')}
        </a>
      </p>
      <p class="kern-body" role="status">
        {p('total', { count: total })}
      </p>
      <Table
        caption={p('title')}
        rows={items}
        rowKey={(_, index) => index}
        columns={[
          { key: 'event', label: p('event'), cell: (item) => item.eventTitle },
          { key: 'format', label: p('format'), cell: (item) => label(t, 'dashboard.formats', item.format) },
          { key: 'date', label: p('date'), cell: (item) => dayOf(language, item.startDate) },
          {
            key: 'organisation',
            label: p('organisation'),
            cell: (item) =>
              item.organisation ? (
                <a class="kern-link" href={`/evaluation/organisations/${item.organisation}`}>
                  <code>{item.organisation}</code>
                </a>
              ) : (
                '–'
              ),
          },
          { key: 'person', label: p('person'), cell: (item) => (item.person ? <code>{item.person}</code> : '–') },
        ]}
      />
      <PageNav t={t} label={t('evaluation.pagination')} page={page} pages={pages} href={(target) => `/evaluation/participations?${query({ page: String(target) })}`} />
    </div>
  );
}
