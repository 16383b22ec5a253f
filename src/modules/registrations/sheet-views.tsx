import type { RegistrationStatus } from '../../db/tables.js';
import type { Language, Translate } from '../../i18n/index.js';
import { formatDay, formatInstant } from '../../ui/dates.js';
import { Table } from '../../ui/table.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../ui/forms.js';
import type { OrganisationPick } from '../organisations/index.js';
import { OrganisationPickList } from '../organisations/index.js';
import type { EventRegistration, eventForRegistration } from './queries.js';
import { holdsSeat, isCancellable, registrationStatuses } from './statuses.js';
import { Button } from '../../ui/button.js';

/**
 * Staff pages of an event's registrations: the list (filter, cancel, admit,
 * register with an override) and the printable sign-in sheet.
 */

export type StaffEvent = NonNullable<Awaited<ReturnType<typeof eventForRegistration>>>;


// dates in the page's language, Europe/Berlin (src/ui/dates.ts); staff pages are German or English today
export const eventDate = (event: Pick<StaffEvent, 'start_date' | 'starts_at' | 'ends_at'>, language: string) => {
  const date = formatDay(event.start_date, language as Language, 'full');
  return date + (event.starts_at ? `, ${event.starts_at.slice(0, 5)}${event.ends_at ? `–${event.ends_at.slice(0, 5)}` : ''}` : '');
};

// the centre's local time
const registeredAt = (date: unknown, language: string) => formatInstant(date as Date, language as Language, { time: 'short' });

/** Links between the three staff pages of an event. */
export function EventStaffLinks({ t, eventId }: { t: Translate; eventId: number }) {
  return (
    <ul class="kern-list kern-list--horizontal mosaik-no-print">
      <li><a class="kern-link" href={`/events/${eventId}/registrations`}>{t('registrations.staff.linkList')}</a></li>
      <li><a class="kern-link" href={`/events/${eventId}/sign-in-sheet`}>{t('registrations.sheet.link')}</a></li>
      <li><a class="kern-link" href={`/events/${eventId}/check-in`}>{t('registrations.checkin.link')}</a></li>
    </ul>
  );
}

export interface StaffListProps {
  t: Translate;
  language: string;
  csrfToken: string;
  event: StaffEvent;
  registrations: EventRegistration[];
  status?: RegistrationStatus;
  notice?: string;
  errors?: FieldError[];
  values?: { organisation?: string; organisationId?: string; organisationChoice?: string; organisationPick?: OrganisationPick; email?: string; person?: string; reason?: string };
  /** Registrations whose mail a mail server refused for good, with its answer (issue 10: the person may believe they are registered). */
  refusedMails?: Map<number, string | null>;
}

export function StaffRegistrationList(props: StaffListProps) {
  const { t, event, errors = [], values = {} } = props;
  const shown = props.status ? props.registrations.filter((row) => row.status === props.status) : props.registrations;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const refused = props.refusedMails ?? new Map<number, string | null>();
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('registrations.staff.title', { title: event.title })}</h1>
      <ErrorSummary title={t('errors.summary')} errors={errors} />
      {props.notice && <Alert kind="success">{t(`registrations.staff.notice.${props.notice}`)}</Alert>}
      <RefusedMailsAlert t={t} registrations={props.registrations} refused={refused} />
      <p>
        {eventDate(event, props.language)}
        {event.place ? ` · ${event.place}` : ''}
        {' · '}
        {t('registrations.staff.seats', { taken: event.taken, capacity: event.capacity ?? '–', limit: event.per_org_limit ?? '–' })}
      </p>
      <EventStaffLinks t={t} eventId={event.id} />
      <form method="get" action={`/events/${event.id}/registrations`} class="mosaik-inline-form">
        <div class="kern-form-input">
          <label class="kern-label" for="status">{t('registrations.staff.filter')}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="status" name="status">
              <option value="">{t('registrations.staff.allStatuses')}</option>
              {registrationStatuses.map((status) => (
                <option value={status} selected={status === props.status}>{t(`registrations.status.${status}`)}</option>
              ))}
            </select>
          </div>
        </div>
        <Button kind="secondary">{t('registrations.staff.filterSubmit')}</Button>
      </form>
      <Table
        caption={t('registrations.staff.caption', { count: shown.length })}
        captionVisible
        tableProps={{ 'data-table': 'registrations' }}
        rows={shown}
        rowKey={(row) => row.id}
        rowProps={(row) => ({ 'data-registration': String(row.id) })}
        columns={[
          { key: 'person', label: t('registrations.staff.person'), rowHeader: true, cell: (row) => row.person_name },
          { key: 'organisation', label: t('registrations.staff.organisation'), cell: (row) => row.organisation_name ?? '–' },
          {
            key: 'status',
            label: t('registrations.staff.status'),
            cell: (row) => (
              <>
                {t(`registrations.status.${row.status}`)}
                {row.overridden && ` (${t('registrations.staff.overridden')})`}
                {refused.has(row.id) && (
                  <div data-mail-refused={String(row.id)}>
                    <span class="kern-badge kern-badge--danger">{t('registrations.staff.mailRefused')}</span>
                    {refused.get(row.id) && <div class="kern-body--small">{t('registrations.staff.mailRefusedReason', { reason: refused.get(row.id) })}</div>}
                  </div>
                )}
              </>
            ),
          },
          { key: 'registeredAt', label: t('registrations.staff.registeredAt'), cell: (row) => registeredAt(row.created_at, props.language) },
          { key: 'position', label: t('registrations.staff.position'), numeric: true, cell: (row) => row.waitlist_position ?? '' },
          {
            key: 'actions',
            label: t('registrations.staff.actions'),
            action: true,
            cell: (row) => (
              <>
                {row.status === 'waitlisted' && <RowAction {...props} row={row} action="admit" error={errorOf(`admit-${row.id}`)} />}
                {isCancellable(row.status) && <RowAction {...props} row={row} action="cancel" error={errorOf(`cancel-${row.id}`)} />}
              </>
            ),
          },
        ]}
      />
      <form method="post" action={`/events/${event.id}/registrations`} class="kern-stack-md" novalidate>
        <h2 class="kern-heading-medium">{t('registrations.staff.addTitle')}</h2>
        <p class="kern-hint">{t('registrations.staff.addHint')}</p>
        <CsrfField token={props.csrfToken} />
        <TextField name="person" label={t('registrations.staff.personName')} value={values.person} required error={errorOf('person')} />
        <OrganisationPickList
          t={t}
          name="organisation"
          label={t('registrations.register.organisation')}
          hint={t('registrations.staff.organisationHint')}
          value={values.organisation ?? ''}
          chosenId={values.organisationId}
          pick={values.organisationPick}
          choice={values.organisationChoice}
          error={errorOf('organisation')}
        />
        <TextField name="email" type="email" label={t('registrations.staff.email')} value={values.email} required error={errorOf('email')} />
        <TextField name="reason" label={t('registrations.staff.overrideReason')} hint={t('registrations.staff.overrideHint')} value={values.reason} error={errorOf('reason')} />
        <Button>{t('registrations.staff.addSubmit')}</Button>
      </form>
    </div>
  );
}

/** A warning above the list when a mail server refused a registration's mail for good: staff must reach the person another way. */
function RefusedMailsAlert({ t, registrations, refused }: { t: Translate; registrations: EventRegistration[]; refused: Map<number, string | null> }) {
  const affected = registrations.filter((row) => refused.has(row.id));
  if (affected.length === 0) return null;
  const list = affected.map((row) => `${row.person_name} (${row.email ?? '–'})`).join(', ');
  return (
    <div data-mail-refused-alert="">
      <Alert kind="warning">{t('registrations.staff.mailRefusedAlert', { count: affected.length, list })}</Alert>
    </div>
  );
}

/** A small form in a row: admit from the waitlist (reason required) or cancel (reason optional). */
function RowAction(props: StaffListProps & { row: EventRegistration; action: 'admit' | 'cancel'; error?: string }) {
  const { t, row, action } = props;
  const field = `${action}-${row.id}`;
  const url = action === 'admit' ? `/events/${props.event.id}/registrations` : `/events/${props.event.id}/registrations/${row.id}/cancel`;
  // folded away until needed (a native disclosure, no JavaScript); open when the form came back with an error
  return (
    <details open={Boolean(props.error)}>
      <summary class="kern-link">
        {t(`registrations.staff.${action}Open`)}
        <span class="kern-sr-only">: {row.person_name}</span>
      </summary>
      <form method="post" action={url} class="kern-stack-sm" novalidate>
        <CsrfField token={props.csrfToken} />
        {action === 'admit' && <input type="hidden" name="admit" value={String(row.id)} />}
        <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for={field}>{t(`registrations.staff.${action}Reason`, { name: row.person_name })}</label>
          {props.error && <p class="kern-error" id={`${field}-error`}>{props.error}</p>}
          <input class="kern-form-input__input" id={field} name="reason" type="text" aria-describedby={props.error ? `${field}-error` : undefined} aria-invalid={props.error ? 'true' : undefined} />
        </div>
        <Button size="x-small" kind={action === 'admit' ? 'primary' : 'secondary'}>{t(`registrations.staff.${action}Submit`, { name: row.person_name })}</Button>
      </form>
    </details>
  );
}

/** Who is expected in the room: seat holders, sorted by organisation (none last), then name. */
export function sheetRows(registrations: EventRegistration[]): EventRegistration[] {
  const byName = new Intl.Collator('de', { sensitivity: 'base' }).compare;
  return registrations
    .filter((row) => holdsSeat(row.status))
    .sort((a, b) => {
      if (a.organisation_name === null || b.organisation_name === null) {
        if (a.organisation_name !== b.organisation_name) return a.organisation_name === null ? 1 : -1;
      } else {
        const organisation = byName(a.organisation_name, b.organisation_name);
        if (organisation !== 0) return organisation;
      }
      return byName(a.person_name, b.person_name);
    });
}

export const walkInRows = 10;

export function SignInSheet(props: { t: Translate; language: string; event: StaffEvent; registrations: EventRegistration[] }) {
  const { t, event } = props;
  const rows = sheetRows(props.registrations);
  return (
    <div class="kern-stack-md signin-sheet">
      <link rel="stylesheet" href="/assets/sign-in-sheet.css" />
      <h1 class="kern-heading-large">{t('registrations.sheet.title', { title: event.title })}</h1>
      <p class="signin-sheet__facts">
        {eventDate(event, props.language)}
        {event.place ? ` · ${event.place}` : ''}
      </p>
      <div class="mosaik-no-print kern-stack-sm">
        <EventStaffLinks t={t} eventId={event.id} />
        <p class="kern-hint">{t('registrations.sheet.printHint')}</p>
      </div>
      <table class="kern-table signin-sheet__table">
        <caption class="kern-sr-only">{t('registrations.sheet.caption', { count: rows.length })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header signin-sheet__number">{t('registrations.sheet.number')}</th>
            <th scope="col" class="kern-table__header">{t('registrations.staff.person')}</th>
            <th scope="col" class="kern-table__header">{t('registrations.staff.organisation')}</th>
            <th scope="col" class="kern-table__header signin-sheet__signature">{t('registrations.sheet.signature')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((row, index) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell">{index + 1}</td>
              <td class="kern-table__cell">{row.person_name}</td>
              <td class="kern-table__cell">{row.organisation_name ?? '–'}</td>
              <td class="kern-table__cell signin-sheet__signature"></td>
            </tr>
          ))}
          {Array.from({ length: walkInRows }, (_, index) => (
            <tr class="kern-table__row signin-sheet__empty" data-empty-row="">
              <td class="kern-table__cell">{rows.length + index + 1}</td>
              <td class="kern-table__cell"></td>
              <td class="kern-table__cell"></td>
              <td class="kern-table__cell signin-sheet__signature"></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="kern-body--small">{t('registrations.sheet.footer')}</p>
    </div>
  );
}
