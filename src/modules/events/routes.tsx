import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EventFormat, Role } from '../../db/tables.js';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import type { FieldError } from '../../ui/forms.js';
import { assignDefaultForm } from '../feedback/index.js';
import { writeAudit } from '../identity/index.js';
import { cancelEventRegistrations } from '../registrations/index.js';
import { fillFreeSeats } from '../registrations/index.js';
import { eventFormats, formFields, seatsGrew, validateEventForm, valuesOf, type FormProblem, type FormValues } from './form.js';
import { EventForm } from './form-views.js';
import { eventDistricts, eventsInOrder, findEvent, followFormat, insertEvent, listEvents, markCancelled, todayInBerlin, updateEvent, type EventFilters } from './queries.js';
import { publicCalendarRoutes } from './routes-public.js';
import { assertEditable, assertReadable, eventScopeOf, mayCreate, mayEdit, organizersFor, scopeProblems, type EventScope } from './scope.js';
import { EventDetail, EventList, MonthCalendar, formatMonth, type DetailNotice } from './views.js';

/**
 * Staff pages of events: list, month calendar, create, edit, cancel and
 * duplicate. Municipal coordinators use them within their districts: what
 * they may read and change is decided in scope.ts.
 */

const eventReaders: readonly Role[] = ['admin', 'staff', 'coordinator'];
const eventOrganisers = eventReaders;

const formBody = z.object({ _csrf: z.string().optional(), ...Object.fromEntries(formFields.map((field) => [field, z.string().max(10000).optional()])) });
const cancelBody = z.object({ _csrf: z.string().optional(), reason: z.string().max(1000).optional() });

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** List filters from the query; values that are not valid are ignored rather than refused. */
export function filtersOf(query: Record<string, unknown>): EventFilters {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined);
  return {
    format: eventFormats.includes(query.format as EventFormat) ? (query.format as EventFormat) : undefined,
    district: text(query.district),
    from: isDay(query.from) ? query.from : undefined,
    to: isDay(query.to) ? query.to : undefined,
    organizer: query.organizer === 'centre' || query.organizer === 'partner' ? query.organizer : undefined,
  };
}

export async function eventRoutes(app: FastifyInstance) {
  await publicCalendarRoutes(app);

  const scopeOf = (request: FastifyRequest) => eventScopeOf(app.db, request.account!);
  const isCentreStaff = (request: FastifyRequest) => centreStaff.includes(request.account!.role);

  /** The event of the path with the account's scope; 404 when missing or outside the account's districts. */
  async function eventOf(request: FastifyRequest, need: 'read' | 'edit' = 'read') {
    const [event, scope] = await Promise.all([findEvent(app.db, Number((request.params as { id: string }).id)), scopeOf(request)]);
    if (need === 'edit') assertEditable(scope, event);
    else assertReadable(scope, event);
    return { event: event!, scope };
  }

  const fieldErrors = (request: FastifyRequest, problems: FormProblem[]): FieldError[] =>
    problems.map((problem) => ({ field: problem.field, message: request.t(`events.errors.${problem.code}`, { field: request.t(`events.fields.${problem.field}`) }) }));

  /** The form checked as the account may save it: a coordinator's districts and organiser on top of the usual rules. */
  const validate = (scope: EventScope, values: FormValues) =>
    validateEventForm(values, scopeProblems(scope, { district: values.district?.trim() || null, organizer: values.organizer }));

  function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: EventScope,
    page: { title: string; action: string; submit: string; values: FormValues; errors?: FieldError[]; notice?: string },
  ) {
    return renderPage(request, reply, {
      title: page.title,
      body: (
        <>
          <h1 class="kern-heading-large">{page.title}</h1>
          {page.notice && <p class="kern-body">{page.notice}</p>}
          <EventForm
            t={request.t}
            csrfToken={request.csrfToken}
            action={page.action}
            submitLabel={page.submit}
            values={page.values}
            errors={page.errors ?? []}
            districts={scope.districts ?? undefined}
            organizers={organizersFor(scope)}
          />
        </>
      ),
    });
  }

  app.get('/events', { config: { access: eventReaders }, schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const filters = filtersOf(query);
    const page = Math.min(10000, Math.max(1, Number.parseInt(String(query.page ?? '1'), 10) || 1));
    const scope = await scopeOf(request);
    const within = scope.districts ?? undefined;
    const [{ events, total }, districts] = await Promise.all([listEvents(app.db, { ...filters, withinDistricts: within }, page), eventDistricts(app.db)]);
    const offered = districts.filter((district) => !within || within.includes(district));
    return renderPage(request, reply, {
      title: request.t('events.list.title'),
      body: <EventList t={request.t} language={request.language} events={events} total={total} page={page} filters={filters} districts={offered} canCreate={mayCreate(scope)} />,
    });
  });

  app.get('/events/calendar', { config: { access: eventReaders }, schema: { hide: true } }, async (request, reply) => {
    const wanted = (request.query as { month?: string }).month;
    const month = typeof wanted === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(wanted) ? wanted : (await todayInBerlin(app.db)).slice(0, 7);
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
    const scope = await scopeOf(request);
    const events = await eventsInOrder(app.db, { from: `${month}-01`, to: last, withinDistricts: scope.districts ?? undefined });
    return renderPage(request, reply, {
      title: request.t('events.calendar.title', { month: formatMonth(month, request.language) }),
      body: <MonthCalendar t={request.t} language={request.language} month={month} events={events} />,
    });
  });

  app.get('/events/new', { config: { access: eventOrganisers }, schema: { hide: true } }, async (request, reply) => {
    const scope = await scopeOf(request);
    const from = Number((request.query as { from?: string }).from);
    const original = from ? await findEvent(app.db, from) : undefined;
    // a coordinator's copy of an event they may not read is "not found", like the event itself
    if (from && scope.districts !== null) assertReadable(scope, original);
    const [organizer] = organizersFor(scope);
    // a coordinator's copy of a centre event becomes their partner event
    const copied = original ? { ...valuesOf(original, { withoutDate: true }), ...(organizersFor(scope).includes(original.organizer) ? {} : { organizer }) } : undefined;
    return showForm(request, reply, scope, {
      title: request.t('events.form.newTitle'),
      action: '/events',
      submit: request.t('events.form.create'),
      values: copied ?? { organizer },
      // a coordinator without districts sees why the form will not save (validate refuses the district)
      notice: original ? request.t('events.form.copyNotice', { title: original.title }) : mayCreate(scope) ? undefined : request.t('events.form.noDistricts'),
    });
  });

  app.post('/events', { config: { access: eventOrganisers }, schema: { body: formBody, hide: true } }, async (request, reply) => {
    const scope = await scopeOf(request);
    const values = request.body as FormValues;
    const result = validate(scope, values);
    if (!result.ok) {
      reply.code(400);
      const title = request.t('events.form.newTitle');
      return showForm(request, reply, scope, { title, action: '/events', submit: request.t('events.form.create'), values, errors: fieldErrors(request, result.problems) });
    }
    const id = await app.db.transaction().execute(async (trx) => {
      const event = await insertEvent(trx, result.fields);
      await assignDefaultForm(trx, event.id, result.fields.format);
      await writeAudit(trx, { accountId: request.account!.id, action: 'event.create', subjectType: 'event', subjectId: event.id, details: { eventKey: event.event_key } });
      return event.id;
    });
    return reply.redirect(`/events/${id}?created=1`, 303);
  });

  async function showDetail(request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = []) {
    const { event, scope } = await eventOf(request);
    const query = request.query as { created?: string; saved?: string; cancelled?: string; promoted?: string; notified?: string; unreached?: string };
    const notice: DetailNotice = query.created ? 'created' : query.saved ? 'saved' : query.cancelled ? 'cancelled' : undefined;
    const count = (value: string | undefined) => Math.max(0, Number.parseInt(value ?? '0', 10) || 0);
    const promoted = count(query.promoted);
    const cancelMails = { notified: count(query.notified), unreached: count(query.unreached) };
    return renderPage(request, reply, {
      title: event.title,
      body: (
        <EventDetail
          t={request.t}
          language={request.language}
          csrfToken={request.csrfToken}
          event={event}
          canEdit={mayEdit(scope, event)}
          canDuplicate={mayCreate(scope)}
          canEnterFeedback={isCentreStaff(request)}
          readOnlyNote={!mayEdit(scope, event)}
          notice={notice}
          promoted={promoted}
          cancelMails={cancelMails}
          errors={errors}
        />
      ),
    });
  }

  app.get('/events/:id', { config: { access: eventReaders }, schema: { hide: true } }, (request, reply) => showDetail(request, reply));

  app.get('/events/:id/edit', { config: { access: eventOrganisers }, schema: { hide: true } }, async (request, reply) => {
    const { event, scope } = await eventOf(request, 'edit');
    return showForm(request, reply, scope, {
      title: request.t('events.form.editTitle', { title: event.title }),
      action: `/events/${event.id}/edit`,
      submit: request.t('events.form.save'),
      values: valuesOf(event),
    });
  });

  app.post('/events/:id/edit', { config: { access: eventOrganisers }, schema: { body: formBody, hide: true } }, async (request, reply) => {
    const { event, scope } = await eventOf(request, 'edit');
    const values = request.body as FormValues;
    const result = validate(scope, values);
    if (!result.ok) {
      reply.code(400);
      const title = request.t('events.form.editTitle', { title: event.title });
      return showForm(request, reply, scope, { title, action: `/events/${event.id}/edit`, submit: request.t('events.form.save'), values, errors: fieldErrors(request, result.problems) });
    }
    await app.db.transaction().execute(async (trx) => {
      await updateEvent(trx, event.id, result.fields);
      if (event.format !== result.fields.format) await followFormat(trx, event.id, event.feedback_form_id, result.fields.format);
      await writeAudit(trx, { accountId: request.account!.id, action: 'event.update', subjectType: 'event', subjectId: event.id });
    });
    // more seats: the waitlist moves up at once (registrations module, own transaction)
    const promoted = seatsGrew(event, result.fields) ? await fillFreeSeats(app.db, event.id, request.account!.id) : [];
    return reply.redirect(`/events/${event.id}?saved=1${promoted.length ? `&promoted=${promoted.length}` : ''}`, 303);
  });

  app.post('/events/:id/cancel', { config: { access: eventOrganisers }, schema: { body: cancelBody, hide: true } }, async (request, reply) => {
    const { event } = await eventOf(request, 'edit');
    const reason = ((request.body as z.infer<typeof cancelBody>).reason ?? '').trim();
    if (reason === '' || event.cancelled_at) {
      reply.code(event.cancelled_at ? 409 : 400);
      return showDetail(request, reply, [{ field: 'reason', message: request.t(event.cancelled_at ? 'events.errors.alreadyCancelled' : 'events.errors.reasonMissing') }]);
    }
    // the event and its registrations (with the mails to those registered) commit together
    const outcome = await app.db.transaction().execute(async (trx) => {
      if (!(await markCancelled(trx, event.id, reason))) return undefined; // cancelled a moment ago by someone else
      const registrations = await cancelEventRegistrations(trx, { eventId: event.id, accountId: request.account!.id, reason });
      await writeAudit(trx, { accountId: request.account!.id, action: 'event.cancel', subjectType: 'event', subjectId: event.id, details: { reason, registrationsCancelled: registrations.cancelled } });
      return registrations;
    });
    if (!outcome) {
      reply.code(409);
      return showDetail(request, reply, [{ field: 'reason', message: request.t('events.errors.alreadyCancelled') }]);
    }
    return reply.redirect(`/events/${event.id}?cancelled=1&notified=${outcome.notified}&unreached=${outcome.cancelled - outcome.notified}`, 303);
  });

  // A copy is the new-event form filled in from the original without its
  // date: nothing is stored (and nothing shows in the public calendar) until saved.
  app.post('/events/:id/duplicate', { config: { access: eventOrganisers }, schema: { hide: true } }, async (request, reply) => {
    const { event } = await eventOf(request);
    return reply.redirect(`/events/new?from=${event.id}`, 303);
  });
}
