import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { Alert } from '../../ui/forms.js';
import { eventFormats } from './form.js';
import { Select } from './form-views.js';
import type { EventRecord } from './queries.js';
import { formatDay, formatMonth } from './views.js';
import { Button, LinkButton } from '../../ui/button.js';
import { MaterialListItem, type MaterialSummary } from '../materials/index.js';
import { DocumentationLink } from './documentation-views.js';
import type { DocumentedEvent } from './documentation.js';

/** The public event calendar and event pages, in the six public languages. */

function When({ t, language, event }: { t: Translate; language: Language; event: EventRecord }) {
  const day = formatDay(event.start_date, language, 'full');
  if (!event.starts_at) return <>{day}</>;
  const time = event.ends_at ? t('events.public.timeRange', { start: event.starts_at, end: event.ends_at }) : t('events.public.timeFrom', { start: event.starts_at });
  return (
    <>
      {day}, <span dir="ltr">{time}</span>
    </>
  );
}

/** Free seats, or the waitlist note when full; null when the event is cancelled. */
function Seats({ t, event }: { t: Translate; event: EventRecord }) {
  if (event.cancelled_at) return null;
  if (event.capacity === null) return <>{t('events.public.noLimit')}</>;
  const free = Math.max(0, event.capacity - event.registered);
  return <>{free > 0 ? t('events.public.freeSeats', { count: free, capacity: event.capacity }) : t('events.public.full')}</>;
}

interface CalendarProps {
  t: Translate;
  language: Language;
  events: EventRecord[];
  filters: { format?: string; district?: string };
  districts: string[];
  /** Past meetings with a published documentation, newest first. */
  documented?: DocumentedEvent[];
}

export function PublicCalendar({ t, language, events, filters, districts, documented = [] }: CalendarProps) {
  const months = new Map<string, EventRecord[]>();
  for (const event of events) {
    const month = event.start_date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), event]);
  }
  const any = { value: '', label: t('events.public.any') };
  return (
    <>
      <h1 class="kern-heading-large">{t('events.public.title')}</h1>
      <p class="kern-body">{t('events.public.intro')}</p>
      <form method="get" action="/calendar" class="mosaik-filters">
        <input type="hidden" name="lang" value={language} />
        <Select
          name="format"
          label={t('events.public.format')}
          value={filters.format}
          options={[any, ...eventFormats.map((format) => ({ value: format, label: t(`events.formats.${format}`) }))]}
        />
        <Select name="district" label={t('events.public.district')} value={filters.district} options={[any, ...districts.map((district) => ({ value: district, label: district }))]} />
        <Button kind="secondary">{t('events.public.filter')}</Button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href="/calendar.ics">
          {t('events.public.feed')}
        </a>
      </p>
      {events.length === 0 && <p class="kern-body">{t('events.public.none')}</p>}
      {[...months].map(([month, monthEvents]) => (
        <section key={month} aria-labelledby={`month-${month}`}>
          <h2 class="kern-heading-medium" id={`month-${month}`}>
            {formatMonth(month, language)}
          </h2>
          <ul class="kern-list mosaik-event-cards">
            {monthEvents.map((event) => (
              <li key={event.id} data-event={event.id}>
                <h3 class="kern-heading-small">
                  <a class="kern-link" href={`/calendar/${event.id}?lang=${language}`}>
                    {event.title}
                  </a>
                  {event.cancelled_at && <strong> ({t('events.public.cancelled')})</strong>}
                </h3>
                <p class="kern-body">
                  <When t={t} language={language} event={event} />
                  {event.place ? ` · ${event.place}` : ''}
                  {event.municipality ? ` · ${event.municipality}` : ''}
                </p>
                <p class="kern-body--small">
                  {t(`events.formats.${event.format}`)}
                  {event.cancelled_at ? '' : ' · '}
                  <Seats t={t} event={event} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {documented.length > 0 && (
        <section aria-labelledby="documented-events" data-documented-events>
          <h2 class="kern-heading-medium" id="documented-events">{t('events.documentation.calendarTitle')}</h2>
          <ul class="kern-list">
            {documented.map((event) => (
              <li key={event.id}>
                <a class="kern-link" href={`/calendar/${event.id}/documentation?lang=${language}`}>
                  {t('events.documentation.title', { title: event.title })}
                </a>{' '}
                ({formatDay(event.start_date, language)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function isOpen(event: EventRecord, now: Date): boolean {
  // the registration window reads as Berlin wall-clock 'YYYY-MM-DDTHH:MM': compare as text in the same form
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(now).replace(' ', 'T');
  const opens = event.registration_opens;
  const closes = event.registration_closes;
  return !event.cancelled_at && (opens === null || opens <= local) && (closes === null || closes >= local);
}

interface PublicEventPageProps {
  t: Translate;
  language: Language;
  event: EventRecord;
  now: Date;
  /** The published handouts of the event's format (the application training → its handout). */
  handouts?: MaterialSummary[];
  /** The event has a published documentation: its page links to it first. */
  documented?: boolean;
}

export function PublicEventPage({ t, language, event, now, handouts = [], documented = false }: PublicEventPageProps) {
  const row = (label: string, value: ComponentChildren) =>
    value ? (
      <>
        <dt class="kern-label">{label}</dt>
        <dd class="kern-body mosaik-pre-line">{value}</dd>
      </>
    ) : null;
  const seats = (
    <>
      <Seats t={t} event={event} />
      {event.per_org_limit !== null && (
        <>
          <br />
          {t('events.public.perOrganisation', { count: event.per_org_limit })}
        </>
      )}
    </>
  );
  return (
    <>
      <p class="kern-body">
        <a class="kern-link" href={`/calendar?lang=${language}`}>
          {t('events.public.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{event.title}</h1>
      {documented && <DocumentationLink t={t} language={language} eventId={event.id} />}
      {event.cancelled_at && (
        <Alert kind="danger">
          {t('events.public.cancelledNotice')}
          {event.cancel_reason ? ` ${event.cancel_reason}` : ''}
        </Alert>
      )}
      <dl class="mosaik-facts">
        {row(t('events.public.format'), t(`events.formats.${event.format}`))}
        {row(t('events.public.date'), <When t={t} language={language} event={event} />)}
        {row(t('events.public.place'), [event.place, event.municipality].filter(Boolean).join(', '))}
        {row(t('events.public.language'), event.language)}
        {row(t('events.public.accessibility'), event.accessibility)}
        {row(t('events.public.organizer'), t(`events.organizers.${event.organizer}`))}
        {row(t('events.public.partners'), event.cooperation_partners)}
        {!event.cancelled_at && row(t('events.public.seats'), seats)}
      </dl>
      {event.description && <p class="kern-body mosaik-pre-line">{event.description}</p>}
      {event.materials && (
        <>
          <h2 class="kern-heading-small">{t('events.public.materials')}</h2>
          <ul class="kern-list">
            {event.materials.split('\n').map((link) => (
              <li key={link}>
                <a class="kern-link" href={link} dir="ltr">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {handouts.length > 0 && (
        <section aria-labelledby="event-handouts" data-event-handouts>
          <h2 class="kern-heading-small" id="event-handouts">{t('events.public.handouts')}</h2>
          <ul class="kern-list mosaik-material-list">
            {handouts.map((material) => (
              <MaterialListItem key={material.id} t={t} language={language} material={material} />
            ))}
          </ul>
        </section>
      )}
      {isOpen(event, now) ? (
        <p class="kern-body">
          <LinkButton href={`/events/${event.id}/register?lang=${language}`}>{t('events.public.register')}</LinkButton>
        </p>
      ) : (
        !event.cancelled_at && <p class="kern-body">{t('events.public.registrationClosed')}</p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/calendar/${event.id}.ics`}>
          {t('events.public.eventFeed')}
        </a>
      </p>
    </>
  );
}
