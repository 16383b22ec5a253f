import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { addWalkIn, checkIn, markNoShows } from './attendance.js';
import { CheckInPage, NoShowsPage, type CheckInProps } from './checkin-views.js';
import { RegistrationError } from './errors.js';
import { registrationsOfEvent } from './queries.js';
import { eventOrganisers, messageOf, staffEvent } from './staff-routes.js';
import type { StaffEvent } from './sheet-views.js';
import { isExpected } from './statuses.js';

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
const walkInBody = z.object({ _csrf: text, personName: text, organisationName: text, email: text });
const noShowsBody = z.object({ _csrf: text, confirm: text });

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Today in the centre's time zone, as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

export async function checkInRoutes(app: FastifyInstance) {
  const access = { access: eventOrganisers };

  async function showCheckIn(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, extra: Partial<CheckInProps> = {}) {
    const query = request.query as { q?: string; checked?: string; walkIn?: string; noShows?: string };
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

  app.get('/events/:id/check-in', { config: access }, async (request, reply) => showCheckIn(request, reply, await staffEvent(app, request)));

  app.post('/events/:id/check-in', { config: access, schema: { body: checkInBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const body = request.body as z.infer<typeof checkInBody>;
    const registration = (await registrationsOfEvent(app.db, event.id)).find((row) => String(row.id) === body.registration);
    if (!registration) throw new HttpProblem(404, 'notFound');
    await checkIn(app.db, registration.id, request.account!.id);
    const search = body.q ? `&q=${encodeURIComponent(body.q)}` : '';
    return reply.redirect(`/events/${event.id}/check-in?checked=${registration.id}${search}`, 303);
  });

  app.post('/events/:id/walk-ins', { config: access, schema: { body: walkInBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const body = request.body as z.infer<typeof walkInBody>;
    const email = body.email?.trim() || null;
    try {
      if (email && !emailPattern.test(email)) throw new RegistrationError('emailInvalid', 'email', { email });
      const { registrationId } = await addWalkIn(app.db, event.id, { personName: body.personName ?? '', organisationName: body.organisationName, email }, request.account!.id);
      return reply.redirect(`/events/${event.id}/check-in?walkIn=${registrationId}`, 303);
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      reply.code(400);
      const field = error.field === 'email' ? 'email' : 'personName';
      return showCheckIn(request, reply, event, { errors: [{ field, message: messageOf(request, error) }], walkIn: { personName: body.personName, organisationName: body.organisationName, email: body.email } });
    }
  });

  async function showNoShows(request: FastifyRequest, reply: FastifyReply, event: StaffEvent) {
    const absent = (await registrationsOfEvent(app.db, event.id)).filter((row) => isExpected(row.status));
    return renderPage(request, reply, {
      title: request.t('registrations.noShows.title', { title: event.title }),
      body: <NoShowsPage t={request.t} language={request.language} csrfToken={request.csrfToken} event={event} absent={absent} tooEarly={event.start_date > today()} />,
    });
  }

  app.get('/events/:id/no-shows', { config: access }, async (request, reply) => showNoShows(request, reply, await staffEvent(app, request)));

  app.post('/events/:id/no-shows', { config: access, schema: { body: noShowsBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    // without the confirmation (or before the event day) the question is asked again
    if ((request.body as z.infer<typeof noShowsBody>).confirm !== 'yes' || event.start_date > today()) {
      reply.code(event.start_date > today() ? 409 : 200);
      return showNoShows(request, reply, event);
    }
    const count = await markNoShows(app.db, event.id, request.account!.id);
    return reply.redirect(`/events/${event.id}/check-in?noShows=${count}`, 303);
  });
}
