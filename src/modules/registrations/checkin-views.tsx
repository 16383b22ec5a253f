import type { Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../ui/forms.js';
import type { EventRegistration } from './queries.js';
import type { OrganisationPick } from '../organisations/index.js';
import { OrganisationPickList } from '../organisations/index.js';
import { EventStaffLinks, eventDate, type StaffEvent } from './sheet-views.js';
import { holdsSeat } from './statuses.js';
import { Button } from '../../ui/button.js';

/**
 * The check-in on a tablet at the door: search (a plain GET form), one large
 * "present" button per person, a walk-in form. Every action is a POST that
 * redirects back here with a message, so it works without JavaScript.
 */

/** Case- and accent-insensitive, as names are typed in a hurry: "ayse" finds "Ayşe". */
export const searchKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .toLowerCase();

export function matchesSearch(row: EventRegistration, query: string): boolean {
  const wanted = searchKey(query.trim());
  if (wanted === '') return true;
  return searchKey(`${row.person_name} ${row.organisation_name ?? ''}`).includes(wanted);
}

// who is shown at the door: everyone but the cancelled (they can still be found by searching)
const expected = (row: EventRegistration) => row.status !== 'cancelled';

export interface CheckInProps {
  t: Translate;
  language: string;
  csrfToken: string;
  event: StaffEvent;
  registrations: EventRegistration[];
  query: string;
  notice?: { key: string; params: Record<string, string | number> };
  errors?: FieldError[];
  walkIn?: { personName?: string; organisationName?: string; organisationId?: string; organisationChoice?: string; organisationPick?: OrganisationPick; email?: string };
}

export function CheckInPage(props: CheckInProps) {
  const { t, event, query, errors = [] } = props;
  const shown = props.registrations.filter((row) => (query.trim() ? matchesSearch(row, query) : expected(row)));
  const present = props.registrations.filter((row) => row.status === 'attended').length;
  const seatHolders = props.registrations.filter((row) => holdsSeat(row.status)).length;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div class="kern-stack-md checkin">
      {/* the attendance stylesheet also holds the check-in's large tap targets */}
      <link rel="stylesheet" href="/assets/sign-in-sheet.css" />
      <h1 class="kern-heading-large">{t('registrations.checkin.title', { title: event.title })}</h1>
      <ErrorSummary title={t('errors.summary')} errors={errors} />
      {props.notice && <Alert kind="success">{t(`registrations.checkin.notice.${props.notice.key}`, props.notice.params)}</Alert>}
      <p>{eventDate(event, props.language)}{event.place ? ` · ${event.place}` : ''}</p>
      <EventStaffLinks t={t} eventId={event.id} />
      <p class="kern-title" data-count="present">{t('registrations.checkin.present', { present, expected: seatHolders })}</p>
      <form method="get" action={`/events/${event.id}/check-in`} role="search" class="checkin__search">
        <div class="kern-form-input">
          <label class="kern-label" for="q">{t('registrations.checkin.search')}</label>
          <input class="kern-form-input__input" id="q" name="q" type="search" value={query} autocomplete="off" />
        </div>
        <Button kind="secondary">{t('registrations.checkin.searchSubmit')}</Button>
        {query && <a class="kern-link" href={`/events/${event.id}/check-in`}>{t('registrations.checkin.searchReset')}</a>}
      </form>
      {shown.length === 0 && <p>{t('registrations.checkin.nobody')}</p>}
      <ul class="checkin__list" aria-label={t('registrations.checkin.listLabel')}>
        {shown.map((row) => (
          <li class="checkin__person" data-registration={String(row.id)}>
            <div>
              <p class="kern-title">{row.person_name}</p>
              <p class="kern-body--small">{row.organisation_name ?? t('registrations.checkin.noOrganisation')} · {t(`registrations.status.${row.status}`)}</p>
            </div>
            {row.status === 'attended' ? (
              <span class="kern-badge kern-badge--success"><span class="kern-label">{t('registrations.checkin.checkedIn')}</span></span>
            ) : (
              <form method="post" action={`/events/${event.id}/check-in`}>
                <CsrfField token={props.csrfToken} />
                <input type="hidden" name="registration" value={String(row.id)} />
                <input type="hidden" name="q" value={query} />
                <Button class="checkin__button" aria-label={t('registrations.checkin.presentButtonFor', { name: row.person_name })}>{t('registrations.checkin.presentButton')}</Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form method="post" action={`/events/${event.id}/walk-ins`} class="kern-stack-md" novalidate>
        <h2 class="kern-heading-medium">{t('registrations.checkin.walkInTitle')}</h2>
        <p class="kern-hint">{t('registrations.checkin.walkInHint')}</p>
        <CsrfField token={props.csrfToken} />
        <TextField name="personName" label={t('registrations.staff.personName')} value={props.walkIn?.personName} required error={errorOf('personName')} />
        <OrganisationPickList
          t={t}
          name="organisationName"
          label={t('registrations.checkin.walkInOrganisation')}
          hint={t('registrations.checkin.walkInOrganisationHint')}
          value={props.walkIn?.organisationName ?? ''}
          chosenId={props.walkIn?.organisationId}
          pick={props.walkIn?.organisationPick}
          choice={props.walkIn?.organisationChoice}
          error={errorOf('organisationName')}
        />
        <TextField name="email" type="email" label={t('registrations.checkin.walkInEmail')} value={props.walkIn?.email} error={errorOf('email')} />
        <Button class="checkin__button">{t('registrations.checkin.walkInSubmit')}</Button>
      </form>
      <p>
        <a class="kern-link" href={`/events/${event.id}/no-shows`}>{t('registrations.checkin.noShowsLink')}</a>
      </p>
    </div>
  );
}

/** The confirmation step before marking everyone who held a seat and did not come. */
export function NoShowsPage(props: { t: Translate; language: string; csrfToken: string; event: StaffEvent; absent: EventRegistration[]; tooEarly: boolean }) {
  const { t, event } = props;
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('registrations.noShows.title', { title: event.title })}</h1>
      <p>{eventDate(event, props.language)}</p>
      {props.tooEarly ? (
        <Alert kind="warning">{t('registrations.noShows.tooEarly')}</Alert>
      ) : props.absent.length === 0 ? (
        <p>{t('registrations.noShows.nobody')}</p>
      ) : (
        <>
          <p>{t('registrations.noShows.question', { count: props.absent.length })}</p>
          <ul class="kern-list">
            {props.absent.map((row) => (
              <li>{row.person_name}{row.organisation_name ? ` (${row.organisation_name})` : ''}</li>
            ))}
          </ul>
          <form method="post" action={`/events/${event.id}/no-shows`}>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="confirm" value="yes" />
            <Button>{t('registrations.noShows.confirm', { count: props.absent.length })}</Button>
          </form>
        </>
      )}
      <p><a class="kern-link" href={`/events/${event.id}/check-in`}>{t('registrations.noShows.back')}</a></p>
    </div>
  );
}
