import type { Language, Translate } from '../../i18n/index.js';
import { berlinDay, dateLocales, formatDay } from '../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import { eventFormats } from './form.js';
import { Select } from './form-views.js';
import { pageSize, type EventFilters, type EventRecord } from './queries.js';
import { Button, LinkButton } from '../../ui/button.js';

/** Staff pages of events: the list, the month calendar and an event's page. */

const locales = dateLocales;

// days are written the one way of src/ui/dates.ts; re-exported for the public pages and the tests beside this file
export { berlinDay, formatDay };

export function formatMonth(month: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

export const timeOf = (event: Pick<EventRecord, 'starts_at' | 'ends_at'>) =>
  event.starts_at ? `${event.starts_at}${event.ends_at ? `–${event.ends_at}` : ''}` : '';

function query(parameters: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface ListProps {
  t: Translate;
  language: Language;
  events: EventRecord[];
  total: number;
  page: number;
  filters: Omit<EventFilters, 'withinDistricts'>;
  districts: string[];
  /** Offer "new event" (scope.ts mayCreate). */
  canCreate: boolean;
}

export function EventList({ t, language, events, total, page, filters, districts, canCreate }: ListProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const any = { value: '', label: t('events.list.any') };
  return (
    <>
      <h1 class="kern-heading-large">{t('events.list.title')}</h1>
      <ul class="kern-list kern-list--horizontal mosaik-actions">
        {canCreate && (
          <li>
            <a class="kern-link" href="/events/new">
              {t('events.list.new')}
            </a>
          </li>
        )}
        <li>
          <a class="kern-link" href="/events/calendar">
            {t('events.list.calendar')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/calendar">
            {t('events.list.publicCalendar')}
          </a>
        </li>
      </ul>
      <form method="get" action="/events" class="mosaik-filters">
        <Select name="format" label={t('events.fields.format')} value={filters.format} options={[any, ...eventFormats.map((format) => ({ value: format, label: t(`events.formats.${format}`) }))]} />
        <Select name="district" label={t('events.fields.district')} value={filters.district} options={[any, ...districts.map((district) => ({ value: district, label: district }))]} />
        <TextField name="from" type="date" label={t('events.list.from')} value={filters.from ?? ''} />
        <TextField name="to" type="date" label={t('events.list.to')} value={filters.to ?? ''} />
        <Select
          name="organizer"
          label={t('events.fields.organizer')}
          value={filters.organizer}
          options={[any, ...(['centre', 'partner'] as const).map((organizer) => ({ value: organizer, label: t(`events.organizers.${organizer}`) }))]}
        />
        <Button kind="secondary">{t('events.list.filter')}</Button>
      </form>
      {events.length === 0 ? (
        <p class="kern-body">{t('events.list.none')}</p>
      ) : (
        <Table
          caption={t('events.list.caption', { count: total })}
          captionVisible
          rows={events}
          rowKey={(event) => event.id}
          rowProps={(event) => ({ 'data-event': event.id })}
          columns={[
            {
              key: 'date',
              label: t('events.list.date'),
              cell: (event) => (
                <>
                  {formatDay(event.start_date, language)} {timeOf(event)}
                </>
              ),
            },
            {
              key: 'title',
              label: t('events.fields.title'),
              rowHeader: true,
              cell: (event) => (
                <>
                  <a class="kern-link" href={`/events/${event.id}`}>
                    {event.title}
                  </a>
                  {event.cancelled_at && <span class="kern-badge kern-badge--danger"> {t('events.list.cancelled')}</span>}
                </>
              ),
            },
            { key: 'format', label: t('events.fields.format'), cell: (event) => t(`events.formats.${event.format}`) },
            { key: 'district', label: t('events.fields.district'), cell: (event) => event.district ?? '' },
            { key: 'registered', label: t('events.list.registered'), numeric: true, cell: (event) => `${event.registered}${event.capacity !== null ? ` / ${event.capacity}` : ''}` },
            { key: 'waitlisted', label: t('events.list.waitlisted'), numeric: true, cell: (event) => event.waitlisted },
          ]}
        />
      )}
      {pages > 1 && (
        <nav aria-label={t('events.list.pages')}>
          <p class="kern-body">{t('events.list.pageOf', { page, pages })}</p>
          <ul class="kern-list kern-list--horizontal">
            {page > 1 && (
              <li>
                <a class="kern-link" rel="prev" href={`/events${query({ ...filters, page: page - 1 })}`}>
                  {t('events.list.previous')}
                </a>
              </li>
            )}
            {page < pages && (
              <li>
                <a class="kern-link" rel="next" href={`/events${query({ ...filters, page: page + 1 })}`}>
                  {t('events.list.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

/** Shifts 'YYYY-MM' by whole months. */
export function addMonths(month: string, delta: number): string {
  const [year, number] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

/** The weeks of a month, Monday first; days outside the month are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const [year, number] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year, number - 1, 1));
  const days = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const offset = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(offset).fill(null)];
  for (let day = 1; day <= days; day++) cells.push(`${month}-${String(day).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

export function MonthCalendar({ t, language, month, events }: { t: Translate; language: Language; month: string; events: EventRecord[] }) {
  const weekdays = Array.from({ length: 7 }, (_, index) => new Date(Date.UTC(2024, 0, 1 + index))); // 2024-01-01 is a Monday
  const long = new Intl.DateTimeFormat(locales[language], { weekday: 'long', timeZone: 'UTC' });
  const byDay = new Map<string, EventRecord[]>();
  for (const event of events) byDay.set(event.start_date, [...(byDay.get(event.start_date) ?? []), event]);
  const title = t('events.calendar.title', { month: formatMonth(month, language) });
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <ul class="kern-list kern-list--horizontal mosaik-actions">
        <li>
          <a class="kern-link" href={`/events/calendar?month=${addMonths(month, -1)}`}>
            {t('events.calendar.previous')}: {formatMonth(addMonths(month, -1), language)}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`/events/calendar?month=${addMonths(month, 1)}`}>
            {t('events.calendar.next')}: {formatMonth(addMonths(month, 1), language)}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/events">
            {t('events.list.title')}
          </a>
        </li>
      </ul>
      {events.length === 0 && <p class="kern-body">{t('events.calendar.empty')}</p>}
      <Table
        caption={formatMonth(month, language)}
        captionVisible
        rows={monthWeeks(month)}
        rowKey={(_, index) => index}
        // on a phone each week reads as a list of its days ("Montag: 1 …"); days outside the month vanish
        columns={weekdays.map((weekday, column) => ({
          key: `day-${column}`,
          label: long.format(weekday),
          cell: (week: (string | null)[]) => {
            const day = week[column];
            if (!day) return null;
            return (
              <div data-day={day}>
                <span class="kern-body--small">{Number(day.slice(8))}</span>
                <ul class="kern-list">
                  {(byDay.get(day) ?? []).map((event) => (
                    <li key={event.id}>
                      <a class="kern-link" href={`/events/${event.id}`}>
                        {event.starts_at ? `${event.starts_at} ` : ''}
                        {event.title}
                        {event.cancelled_at ? ` (${t('events.list.cancelled')})` : ''}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          },
        }))}
      />
    </>
  );
}

export type DetailNotice = 'created' | 'saved' | 'cancelled' | undefined;

interface DetailProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  event: EventRecord;
  /** Edit, cancel, registrations and check-in (scope.ts mayEdit). */
  canEdit: boolean;
  /** Duplicate into a new event (scope.ts mayCreate). */
  canDuplicate: boolean;
  /** Paper and manual feedback entry: centre staff only (feedback module). */
  canEnterFeedback: boolean;
  /** A coordinator reading a centre event of their district: say why nothing can be changed. */
  readOnlyNote?: boolean;
  notice: DetailNotice;
  promoted: number;
  /** After a cancellation: registrations whose contact got the mail, and those without an address. */
  cancelMails?: { notified: number; unreached: number };
  errors: FieldError[];
}

export function EventDetail({ t, language, csrfToken, event, canEdit, canDuplicate, canEnterFeedback, readOnlyNote, notice, promoted, cancelMails = { notified: 0, unreached: 0 }, errors }: DetailProps) {
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt class="kern-label">{label}</dt>
        <dd class="kern-body mosaik-pre-line">{value}</dd>
      </>
    ) : null;
  const field = (name: string) => t(`events.fields.${name}`);
  const reasonError = errors.find((error) => error.field === 'reason')?.message;
  return (
    <>
      <h1 class="kern-heading-large">{event.title}</h1>
      <ErrorSummary title={t('events.errors.summary')} errors={errors} />
      {notice && <Alert kind="success">{t(`events.detail.${notice === 'cancelled' ? 'cancelDone' : notice}`)}</Alert>}
      {promoted > 0 && <Alert kind="info">{t('events.detail.promoted', { count: promoted })}</Alert>}
      {notice === 'cancelled' && <Alert kind="success">{t('events.detail.cancelNotified', { count: cancelMails.notified })}</Alert>}
      {notice === 'cancelled' && cancelMails.unreached > 0 && <Alert kind="warning">{t('events.detail.cancelUnreached', { count: cancelMails.unreached })}</Alert>}
      {event.cancelled_at && (
        <Alert kind="danger">
          {t('events.detail.cancelledOn', { date: formatDay(berlinDay(event.cancelled_at), language), reason: event.cancel_reason ?? '' })}
        </Alert>
      )}
      {readOnlyNote && <Alert kind="info">{t('events.detail.centreReadOnly')}</Alert>}
      <dl class="mosaik-facts">
        {row(t('events.detail.key'), event.event_key)}
        {row(field('format'), t(`events.formats.${event.format}`))}
        {row(field('start_date'), `${formatDay(event.start_date, language, 'full')} ${timeOf(event)}`)}
        {row(field('place'), event.place)}
        {row(field('municipality'), event.municipality)}
        {row(field('district'), event.district)}
        {row(field('organizer'), t(`events.organizers.${event.organizer}`))}
        {row(field('cooperation_partners'), event.cooperation_partners)}
        {row(field('capacity'), event.capacity === null ? t('events.detail.unlimited') : String(event.capacity))}
        {row(field('per_org_limit'), event.per_org_limit === null ? t('events.detail.unlimited') : String(event.per_org_limit))}
        {row(field('registration_opens'), event.registration_opens?.replace('T', ' '))}
        {row(field('registration_closes'), event.registration_closes?.replace('T', ' '))}
        {row(field('language'), event.language)}
        {row(field('accessibility'), event.accessibility)}
        {row(field('description'), event.description)}
      </dl>
      {event.materials && (
        <>
          <h2 class="kern-heading-small">{field('materials')}</h2>
          <ul class="kern-list">
            {event.materials.split('\n').map((link) => (
              <li key={link}>
                <a class="kern-link" href={link}>
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="kern-heading-small">{t('events.detail.registrations')}</h2>
      <p class="kern-body" data-registrations>
        {t('events.detail.registeredCount', { count: event.registered, waitlisted: event.waitlisted })}
      </p>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={`/events/${event.id}/register`}>{t('events.detail.registrationPage')}</a>
        </li>
        <li>
          <a class="kern-link" href={`/calendar/${event.id}`}>{t('events.detail.publicPage')}</a>
        </li>
        {canEdit && (
          <>
            <li>
              <a class="kern-link" href={`/events/${event.id}/registrations`}>{t('events.detail.registrationList')}</a>
            </li>
            <li>
              <a class="kern-link" href={`/events/${event.id}/sign-in-sheet`}>{t('events.detail.signInSheet')}</a>
            </li>
            <li>
              <a class="kern-link" href={`/events/${event.id}/check-in`}>{t('events.detail.checkIn')}</a>
            </li>
          </>
        )}
      </ul>
      <h2 class="kern-heading-small">{t('events.detail.feedback')}</h2>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={`/events/${event.id}/feedback`}>{t('events.detail.evaluation')}</a>
        </li>
        {canEnterFeedback && (
          <>
            <li>
              <a class="kern-link" href={`/events/${event.id}/feedback/entry`}>{t('events.detail.entry')}</a>
            </li>
            <li>
              <a class="kern-link" href={`/events/${event.id}/feedback/paper`}>{t('events.detail.paper')}</a>
            </li>
            <li>
              {/* a workshop's needs and concerns, entered after the event (src/modules/concerns) */}
              <a class="kern-link" href={`/concerns/events/${event.id}/results`}>{t('concerns.links.results')}</a>
            </li>
            <li>
              {/* after the event its page turns into its documentation (documentation.ts) */}
              <a class="kern-link" href={`/events/${event.id}/documentation`}>{t('events.detail.documentation')}</a>
            </li>
          </>
        )}
      </ul>
      {(canEdit || canDuplicate) && (
        <div class="mosaik-actions">
          {canEdit && (
            <LinkButton kind="secondary" href={`/events/${event.id}/edit`}>{t('events.detail.edit')}</LinkButton>
          )}
          {canDuplicate && (
            <form method="post" action={`/events/${event.id}/duplicate`} class="mosaik-inline-form">
              <CsrfField token={csrfToken} />
              <Button kind="secondary">{t('events.detail.duplicate')}</Button>
            </form>
          )}
          {canEdit && !event.cancelled_at && (
            <form method="post" action={`/events/${event.id}/cancel`}>
              <h2 class="kern-heading-small">{t('events.detail.cancel')}</h2>
              <CsrfField token={csrfToken} />
              <TextField name="reason" label={t('events.detail.cancelReason')} hint={t('events.detail.cancelHint')} error={reasonError} />
              <Button>{t('events.detail.cancel')}</Button>
            </form>
          )}
        </div>
      )}
    </>
  );
}
