import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventFormat, Role } from '../../db/tables.js';
import { centreStaff } from '../../http/access.js';
import { normaliseDay } from '../../ui/dates.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields, pageText } from '../../http/validation.js';
import type { FieldError } from '../../ui/forms.js';
import { assignDefaultForm } from '../feedback/index.js';
import { writeAudit } from '../identity/index.js';
import { cancelEventRegistrations } from '../registrations/index.js';
import { fillFreeSeats } from '../registrations/index.js';
import { eventFormats, formFields, seatsGrew, validateEventForm, valuesOf, type FormField, type FormProblem, type FormValues } from './form.js';
import { EventForm } from './form-views.js';
import { createPartners, maxPartners, partnerFieldsFor, resolvePartners, type PartnerField, type PartnerOutcome } from './partners.js';
import { pickQuestionError } from '../organisations/index.js';
import { eventDistricts, eventsInOrder, findEvent, followFormat, insertEvent, listEvents, markCancelled, todayInBerlin, updateEvent, type EventFilters } from './queries.js';
import { publicCalendarRoutes } from './routes-public.js';
import { assertEditable, assertReadable, eventScopeOf, mayCreate, mayEdit, organizersFor, scopeProblems, type EventScope } from './scope.js';
import { EventDetail, EventList, MonthCalendar, formatMonth, type DetailNotice } from './views.js';
import { parseDay } from '../../ui/dates.js';

/**
 * Staff pages of events: list, month calendar, create, edit, cancel and
 * duplicate. Municipal coordinators use them within their districts: what
 * they may read and change is decided in scope.ts.
 */

const eventReaders: readonly Role[] = ['admin', 'staff', 'coordinator'];
const eventOrganisers = eventReaders;

// Object.fromEntries cannot name its keys: the shape is typed here, once, from the list of fields
const fieldShape = Object.fromEntries(formFields.map((field) => [field, z.string().max(10000).optional()])) as Record<FormField, z.ZodOptional<z.ZodString>>;
// the partner pick lists (partners.ts): partner_0 … with their _id, _choice and _asked fields
const partnerKeys = Array.from({ length: maxPartners }, (_, index) => [`partner_${index}`, `partner_${index}_id`, `partner_${index}_choice`, `partner_${index}_asked`]).flat();
const partnerShape = Object.fromEntries(partnerKeys.map((key) => [key, z.string().max(300).optional()])) as Record<string, z.ZodOptional<z.ZodString>>;
const formBody = z.object({ _csrf: z.string().optional(), ...fieldShape, ...partnerShape });
type FormBody = z.infer<typeof formBody>;
const eventParams = z.object({ id: z.string() });
const detailQuery = z.object({ created: pageText, saved: pageText, cancelled: pageText, promoted: pageText, notified: pageText, unreached: pageText });
const cancelBody = z.object({ _csrf: z.string().optional(), reason: z.string().max(1000).optional() });

// a filter's day as typed (31.03.2026) or picked (2026-03-31); src/ui/dates.ts
const dayOf = (value: unknown) => (typeof value === 'string' ? parseDay(value) ?? undefined : undefined);

/** List filters from the query; values that are not valid are ignored rather than refused. */
export function filtersOf(query: Record<string, unknown>): EventFilters {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined);
  return {
    format: eventFormats.includes(query.format as EventFormat) ? (query.format as EventFormat) : undefined,
    district: text(query.district),
    from: dayOf(query.from),
    to: dayOf(query.to),
    organizer: query.organizer === 'centre' || query.organizer === 'partner' ? query.organizer : undefined,
  };
}

export async function eventRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await publicCalendarRoutes(app);

  const scopeOf = (request: FastifyRequest) => eventScopeOf(app.db, request.account!);
  const isCentreStaff = (request: FastifyRequest) => centreStaff.includes(request.account!.role);

  /** The event of the path with the account's scope; 404 when missing or outside the account's districts. */
  async function eventOf(request: FastifyRequest, need: 'read' | 'edit' = 'read') {
    const [event, scope] = await Promise.all([findEvent(app.db, Number(eventParams.parse(request.params).id)), scopeOf(request)]);
    if (need === 'edit') assertEditable(scope, event);
    else assertReadable(scope, event);
    return { event: event!, scope };
  }

  const fieldErrors = (request: FastifyRequest, problems: FormProblem[]): FieldError[] =>
    problems.map((problem) => ({ field: problem.field, message: request.t(`events.errors.${problem.code}`, { field: request.t(`events.fields.${problem.field}`) }) }));

  /** The field errors of the form and of its partner fields, in page order (the partners stand where cooperation_partners stood). */
  const formErrors = (request: FastifyRequest, problems: FormProblem[], partners: PartnerOutcome): FieldError[] => {
    const errors = fieldErrors(request, problems);
    if (partners.ok) return errors;
    const asked = partners.asking.map((field) => ({ field: field.name, message: pickQuestionError(request.t, partnerLabel(request, field), field.value) }));
    const at = problems.filter((problem) => formFields.indexOf(problem.field) < formFields.indexOf('cooperation_partners')).length;
    return [...errors.slice(0, at), ...asked, ...errors.slice(at)];
  };
  const partnerLabel = (request: FastifyRequest, field: PartnerField) => request.t('events.fields.partner', { number: Number(field.name.slice('partner_'.length)) + 1 });

  /** The posted form with its partners resolved: the directory's names, one per line, as cooperation_partners. */
  async function submitted(body: FormBody, scope: EventScope) {
    const partners = await resolvePartners(app.db, scope, body);
    // a day typed as 14.03.2030 goes back into the date field as 2030-03-14: a date input shows only that form
    const values: FormValues = { ...body, start_date: body.start_date === undefined ? undefined : normaliseDay(body.start_date), cooperation_partners: partners.ok ? partners.names.join('\n') : '' };
    return { values, partners, result: validate(scope, values) };
  }

  /** The form checked as the account may save it: a coordinator's districts and organiser on top of the usual rules. */
  const validate = (scope: EventScope, values: FormValues) =>
    validateEventForm(values, scopeProblems(scope, { district: values.district?.trim() || null, organizer: values.organizer }));

  function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: EventScope,
    page: { title: string; action: string; submit: string; values: FormValues; errors?: FieldError[]; notice?: string; partners?: PartnerField[] },
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
            partners={partnerFieldsFor(page.values.cooperation_partners, page.partners)}
          />
        </>
      ),
    });
  }

  app.get('/events', { config: { access: eventReaders }, schema: { querystring: anyFields, hide: true } }, async (request, reply) => {
    const query = request.query;
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

  app.get('/events/calendar', { config: { access: eventReaders }, schema: { querystring: z.object({ month: pageText }), hide: true } }, async (request, reply) => {
    const wanted = request.query.month;
    const month = typeof wanted === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(wanted) ? wanted : (await todayInBerlin(app.db)).slice(0, 7);
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
    const scope = await scopeOf(request);
    const events = await eventsInOrder(app.db, { from: `${month}-01`, to: last, withinDistricts: scope.districts ?? undefined });
    return renderPage(request, reply, {
      title: request.t('events.calendar.title', { month: formatMonth(month, request.language) }),
      body: <MonthCalendar t={request.t} language={request.language} month={month} events={events} />,
    });
  });

  app.get('/events/new', { config: { access: eventOrganisers }, schema: { querystring: z.object({ from: pageText }), hide: true } }, async (request, reply) => {
    const scope = await scopeOf(request);
    const from = Number(request.query.from);
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
    const { values, partners, result } = await submitted(request.body, scope);
    if (!result.ok || !partners.ok) {
      reply.code(400);
      const title = request.t('events.form.newTitle');
      const errors = formErrors(request, result.ok ? [] : result.problems, partners);
      return showForm(request, reply, scope, { title, action: '/events', submit: request.t('events.form.create'), values, errors, partners: partners.ok ? undefined : partners.fields });
    }
    const id = await app.db.transaction().execute(async (trx) => {
      await createPartners(trx, partners.toCreate);
      const event = await insertEvent(trx, result.fields);
      await assignDefaultForm(trx, event.id, result.fields.format);
      await writeAudit(trx, { accountId: request.account!.id, action: 'event.create', subjectType: 'event', subjectId: event.id, details: { eventKey: event.event_key } });
      return event.id;
    });
    return reply.redirect(`/events/${id}?created=1`, 303);
  });

  async function showDetail(request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = []) {
    const { event, scope } = await eventOf(request);
    const query = detailQuery.parse(request.query);
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

  app.get('/events/:id', { config: { access: eventReaders }, schema: { params: eventParams, querystring: detailQuery, hide: true } }, (request, reply) => showDetail(request, reply));

  app.get('/events/:id/edit', { config: { access: eventOrganisers }, schema: { params: eventParams, hide: true } }, async (request, reply) => {
    const { event, scope } = await eventOf(request, 'edit');
    return showForm(request, reply, scope, {
      title: request.t('events.form.editTitle', { title: event.title }),
      action: `/events/${event.id}/edit`,
      submit: request.t('events.form.save'),
      values: valuesOf(event),
    });
  });

  app.post('/events/:id/edit', { config: { access: eventOrganisers }, schema: { params: eventParams, body: formBody, hide: true } }, async (request, reply) => {
    const { event, scope } = await eventOf(request, 'edit');
    const { values, partners, result } = await submitted(request.body, scope);
    if (!result.ok || !partners.ok) {
      reply.code(400);
      const title = request.t('events.form.editTitle', { title: event.title });
      const errors = formErrors(request, result.ok ? [] : result.problems, partners);
      return showForm(request, reply, scope, { title, action: `/events/${event.id}/edit`, submit: request.t('events.form.save'), values, errors, partners: partners.ok ? undefined : partners.fields });
    }
    await app.db.transaction().execute(async (trx) => {
      await createPartners(trx, partners.toCreate);
      await updateEvent(trx, event.id, result.fields);
      if (event.format !== result.fields.format) await followFormat(trx, event.id, event.feedback_form_id, result.fields.format);
      await writeAudit(trx, { accountId: request.account!.id, action: 'event.update', subjectType: 'event', subjectId: event.id });
    });
    // more seats: the waitlist moves up at once (registrations module, own transaction)
    const promoted = seatsGrew(event, result.fields) ? await fillFreeSeats(app.db, event.id, request.account!.id) : [];
    return reply.redirect(`/events/${event.id}?saved=1${promoted.length ? `&promoted=${promoted.length}` : ''}`, 303);
  });

  app.post('/events/:id/cancel', { config: { access: eventOrganisers }, schema: { params: eventParams, body: cancelBody, hide: true } }, async (request, reply) => {
    const { event } = await eventOf(request, 'edit');
    const reason = (request.body.reason ?? '').trim();
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
  app.post('/events/:id/duplicate', { config: { access: eventOrganisers }, schema: { params: eventParams, hide: true } }, async (request, reply) => {
    const { event } = await eventOf(request);
    return reply.redirect(`/events/new?from=${event.id}`, 303);
  });
}
