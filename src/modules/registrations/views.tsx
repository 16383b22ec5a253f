import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { formatDay } from '../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import { statusText } from './mails.js';
import type { eventForRegistration, findGroupByTokenHash } from './queries.js';
import { holdsSeat, isCancellable } from './statuses.js';
import { Button } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

type PublicEvent = NonNullable<Awaited<ReturnType<typeof eventForRegistration>>>;
type Group = NonNullable<Awaited<ReturnType<typeof findGroupByTokenHash>>>;

export interface RegistrationValues {
  organisation?: string;
  email?: string;
  persons?: string[];
}

/** Person rows offered without JavaScript: enough for a group up to the limit, at most five. */
export const personRows = (event: Pick<PublicEvent, 'per_org_limit'>) => Math.min(5, Math.max(3, event.per_org_limit ?? 3));

/** The day in the page's language (src/ui/dates.ts: Europe/Berlin, never the server's zone), then the centre's clock times. */
const when = (event: { start_date: string | Date; starts_at: string | null; ends_at: string | null }, language: Language) => {
  const date = formatDay(event.start_date, language, 'full');
  const time = event.starts_at ? `, ${event.starts_at.slice(0, 5)}${event.ends_at ? `–${event.ends_at.slice(0, 5)}` : ''}` : '';
  return date + time;
};

function EventFacts({ t, event, language }: { t: Translate; event: Pick<PublicEvent, 'start_date' | 'starts_at' | 'ends_at' | 'place'> & { accessibility?: string | null }; language: Language }) {
  return (
    <DescriptionList>
      <Detail label={t('registrations.register.when')}>{when(event, language)}</Detail>
      {event.place && (
        <Detail label={t('registrations.register.place')}>{event.place}</Detail>
      )}
      {event.accessibility && (
        <Detail label={t('registrations.register.accessibility')}>{event.accessibility}</Detail>
      )}
    </DescriptionList>
  );
}

/** organisationField: replaces the free-text organisation, e.g. a representative's own organisations (representative.tsx). */
export function RegistrationPage(props: { t: Translate; language: Language; csrfToken: string; event: PublicEvent; values?: RegistrationValues; errors?: FieldError[]; organisationField?: ComponentChildren }) {
  const { t, event, values = {}, errors = [] } = props;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const free = event.capacity === null ? null : Math.max(0, event.capacity - event.taken);
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('registrations.register.title', { title: event.title })}</h1>
      <ErrorSummary title={t('errors.summary')} errors={errors} />
      {event.description && <p>{event.description}</p>}
      <EventFacts t={t} event={event} language={props.language} />
      {free !== null && free > 0 && <p>{t('registrations.register.seats', { free, capacity: event.capacity })}</p>}
      {free === 0 && <Alert kind="info">{t('registrations.register.full')}</Alert>}
      {event.per_org_limit !== null && <p>{t('registrations.register.limit', { limit: event.per_org_limit })}</p>}
      {!event.open ? (
        <Alert kind="warning">{t('registrations.register.closed')}</Alert>
      ) : (
        <form method="post" action={`/events/${event.id}/register`} class="kern-stack-md" novalidate>
          <CsrfField token={props.csrfToken} />
          {props.organisationField ?? (
            <TextField name="organisation" label={t('registrations.register.organisation')} hint={t('registrations.register.organisationHint')} value={values.organisation} autocomplete="organization" error={errorOf('organisation')} />
          )}
          <TextField name="email" type="email" label={t('registrations.register.email')} hint={t('registrations.register.emailHint')} value={values.email} autocomplete="email" required error={errorOf('email')} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t('registrations.register.persons')}</legend>
            <p class="kern-hint">{t('registrations.register.personHint')}</p>
            {Array.from({ length: personRows(event) }, (_, index) => (
              <TextField name={`person_${index}`} label={t('registrations.register.person', { number: index + 1 })} value={values.persons?.[index]} required={index === 0} error={errorOf(`person_${index}`)} />
            ))}
          </fieldset>
          <p class="kern-hint">{t('registrations.register.privacy')}</p>
          <Button>{t('registrations.register.submit')}</Button>
        </form>
      )}
    </div>
  );
}

/**
 * The page behind the manage link, and the confirmation after the form: it
 * says where each person stands (a seat, or the waitlist with its place and
 * what happens next), when and where the event is, and offers it for the calendar.
 */
export function ManagePage(props: { t: Translate; language: Language; csrfToken: string; token: string; group: Group; notice?: 'registered' | 'cancelled'; errors?: FieldError[] }) {
  const { t, group, errors = [] } = props;
  const cancellable = group.persons.filter((person) => isCancellable(person.status));
  const waiting = group.persons.filter((person) => person.status === 'waitlisted');
  const seated = group.persons.some((person) => holdsSeat(person.status));
  const event = { start_date: group.event_date, starts_at: group.event_starts_at, ends_at: group.event_ends_at, place: group.event_place };
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('registrations.manage.title', { title: group.event_title })}</h1>
      <ErrorSummary title={t('errors.summary')} errors={errors} />
      {props.notice === 'registered' && seated && <Alert kind="success">{t('registrations.manage.registered')}</Alert>}
      {props.notice === 'registered' && !seated && waiting.length > 0 && (
        <Alert kind="warning">{t('registrations.manage.waitlistedNotice', { position: waiting[0].waitlist_position ?? '' })}</Alert>
      )}
      {props.notice === 'registered' && seated && waiting.length > 0 && (
        <Alert kind="info">{t('registrations.manage.partlyWaitlisted', { names: waiting.map((person) => person.person_name).join(', ') })}</Alert>
      )}
      {props.notice === 'cancelled' && <Alert kind="success">{t('registrations.manage.cancelledNotice')}</Alert>}
      {group.event_cancelled_at && <Alert kind="warning">{t('registrations.manage.eventCancelled')}</Alert>}
      <EventFacts t={t} event={event} language={props.language} />
      {!group.event_cancelled_at && (
        <p>
          <a class="kern-link" href={`/calendar/${group.event_id}.ics`} download>
            {t('registrations.manage.calendar')}
          </a>
        </p>
      )}
      {group.organisation_name && <p>{t('registrations.manage.organisation', { name: group.organisation_name })}</p>}
      <form method="post" action={`/registrations/${props.token}`} class="kern-stack-md">
        <CsrfField token={props.csrfToken} />
        <Table
          caption={t('registrations.manage.caption')}
          small={false}
          tableProps={{ id: 'cancel' }}
          rows={group.persons}
          rowKey={(person) => person.id}
          columns={[
            { key: 'person', label: t('registrations.manage.person'), rowHeader: true, cell: (person) => person.person_name },
            { key: 'status', label: t('registrations.manage.status'), cell: (person) => statusText(t, { status: person.status, waitlistPosition: person.waitlist_position }) },
            {
              key: 'cancel',
              label: t('registrations.manage.cancel'),
              cell: (person) =>
                cancellable.includes(person) && (
                  <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id={`cancel-${person.id}`} name="cancel" value={String(person.id)} />
                    <label class="kern-label" for={`cancel-${person.id}`}>
                      {t('registrations.manage.cancelLabel', { name: person.person_name })}
                    </label>
                  </div>
                ),
            },
          ]}
        />
        {cancellable.length > 0 ? (
          <Button kind="secondary">{t('registrations.manage.cancelSubmit')}</Button>
        ) : (
          <p>{t('registrations.manage.nothingToCancel')}</p>
        )}
      </form>
    </div>
  );
}
