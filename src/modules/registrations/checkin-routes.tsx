import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { idParams, pageText } from '../../http/validation.js';
import { addWalkIn, checkIn, markNoShows } from './attendance.js';
import { CheckInPage, NoShowsPage, type CheckInProps } from './checkin-views.js';
import { addressError, RegistrationError } from './errors.js';
import { registrationsOfEvent } from './queries.js';
import { isExpected } from './statuses.js';
import { eventOrganisers, messageOf, staffEvent } from './staff-routes.js';
import type { StaffEvent } from './sheet-views.js';
import { eventScopeOf } from '../events/index.js';
import { pickInputOf, pickOrganisation } from '../organisations/index.js';
import { pickQuestionError } from '../organisations/index.js';

/**
 * The check-in at the door (attendance.ts does the work): tap "present",
 * add a walk-in, and after the event mark the rest as no-shows. Each POST
 * redirects back with a message (post/redirect/get), so reloading the page
 * never checks anyone in twice; checkIn itself is idempotent too. Centre
 * staff, and coordinators for the partner events of their districts
 * (staffEvent decides, 404 outside them).
 */

const text = z.string().max(300).optional();
const checkInBody = z.object({ _csrf: text, registration: text, q: text });
// organisationName_*: the pick list's fields (organisations/pick.ts)
const walkInBody = z.object({ _csrf: text, personName: text, organisationName: text, organisationName_id: text, organisationName_choice: text, organisationName_asked: text, email: text });
const checkInQuery = z.object({ q: pageText, checked: pageText, walkIn: pageText, noShows: pageText });
const noShowsBody = z.object({ _csrf: text, confirm: text });

/** Today in the centre's time zone, as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

export async function checkInRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const access = { access: eventOrganisers };

  async function showCheckIn(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, extra: Partial<CheckInProps> = {}) {
    const query = checkInQuery.parse(request.query);
    const registrations = await registrationsOfEvent(app.db, event.id);
    const named = (id: string | undefined) => registrations.find((row) => String(row.id) === id);
    const checked = named(query.checked);
    const walkIn = named(query.walkIn);
    const notice: CheckInProps['notice'] = checked
      ? { key: 'checkedIn', params: { name: checked.person_name } }
      : walkIn
        ? { key: 'walkIn', params: { name: walkIn.person_name, organisation: walkIn.organisation_name ?? request.t('registrations.checkin.noOrganisation') } }
        : /^\d+$/.test(query.noShows ?? '')
          ? { key: 'noShows', params: { count: Number(query.noShows) } }
          : undefined;
    return renderPage(request, reply, {
      title: request.t('registrations.checkin.title', { title: event.title }),
      body: <CheckInPage t={request.t} language={request.language} csrfToken={request.csrfToken} event={event} registrations={registrations} query={String(query.q ?? '').slice(0, 100)} notice={notice} {...extra} />,
    });
  }

  app.get('/events/:id/check-in', { config: access, schema: { params: idParams, querystring: checkInQuery } }, async (request, reply) => showCheckIn(request, reply, await staffEvent(app, request)));

  app.post('/events/:id/check-in', { config: access, schema: { params: idParams, body: checkInBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const body = request.body;
    const registration = (await registrationsOfEvent(app.db, event.id)).find((row) => String(row.id) === body.registration);
    if (!registration) throw new HttpProblem(404, 'notFound');
    await checkIn(app.db, registration.id, request.account!.id);
    const search = body.q ? `&q=${encodeURIComponent(body.q)}` : '';
    return reply.redirect(`/events/${event.id}/check-in?checked=${registration.id}${search}`, 303);
  });

  app.post('/events/:id/walk-ins', { config: access, schema: { params: idParams, body: walkInBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const body = request.body;
    const email = body.email?.trim() || null;
    const walkIn = { personName: body.personName, organisationName: body.organisationName, organisationId: body.organisationName_id, organisationChoice: body.organisationName_choice, email: body.email };
    // a name not in the directory as typed is asked about, never created by itself
    const pick = await pickOrganisation(app.db, await eventScopeOf(app.db, request.account!), pickInputOf(body, 'organisationName'));
    if (pick.kind === 'ask') {
      reply.code(400);
      const message = pickQuestionError(request.t, request.t('registrations.checkin.walkInOrganisation'), pick.name);
      // every field that needs attention at once: a missing name too
      const nameMissing = (body.personName ?? '').trim() === '' ? [{ field: 'personName', message: messageOf(request, new RegistrationError('personNameMissing', 'personName', { number: 1 })) }] : [];
      return showCheckIn(request, reply, event, { errors: [...nameMissing, { field: 'organisationName', message }], walkIn: { ...walkIn, organisationPick: pick } });
    }
    // the directory's own name resolves to the chosen organisation; "create new" creates it in the walk-in's transaction
    const organisationName = pick.kind === 'none' ? undefined : pick.name;
    try {
      const emailProblem = email ? addressError(email, 'email') : null;
      if (emailProblem) throw emailProblem;
      const { registrationId } = await addWalkIn(app.db, event.id, { personName: body.personName ?? '', organisationName, email }, request.account!.id);
      return reply.redirect(`/events/${event.id}/check-in?walkIn=${registrationId}`, 303);
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      reply.code(400);
      const field = error.field === 'email' ? 'email' : 'personName';
      return showCheckIn(request, reply, event, { errors: [{ field, message: messageOf(request, error) }], walkIn });
    }
  });

  async function showNoShows(request: FastifyRequest, reply: FastifyReply, event: StaffEvent) {
    const absent = (await registrationsOfEvent(app.db, event.id)).filter((row) => isExpected(row.status));
    return renderPage(request, reply, {
      title: request.t('registrations.noShows.title', { title: event.title }),
      body: <NoShowsPage t={request.t} language={request.language} csrfToken={request.csrfToken} event={event} absent={absent} tooEarly={event.start_date > today()} />,
    });
  }

  app.get('/events/:id/no-shows', { config: access, schema: { params: idParams } }, async (request, reply) => showNoShows(request, reply, await staffEvent(app, request)));

  app.post('/events/:id/no-shows', { config: access, schema: { params: idParams, body: noShowsBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    // without the confirmation (or before the event day) the question is asked again
    if (request.body.confirm !== 'yes' || event.start_date > today()) {
      reply.code(event.start_date > today() ? 409 : 200);
      return showNoShows(request, reply, event);
    }
    const count = await markNoShows(app.db, event.id, request.account!.id);
    return reply.redirect(`/events/${event.id}/check-in?noShows=${count}`, 303);
  });
}
