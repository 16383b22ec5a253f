import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RegistrationStatus } from '../../db/tables.js';
import type { Role } from '../../db/tables.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import type { FieldError } from '../../ui/forms.js';
import { cancelByStaff } from './cancellation.js';
import { RegistrationError } from './errors.js';
import { eventForRegistration, registrationsOfEvent } from './queries.js';
import { admitWaitlisted, registerForEvent } from './registration.js';
import { assertEditable, eventScopeOf } from '../events/index.js';
import { SignInSheet, StaffRegistrationList, type StaffEvent, type StaffListProps } from './sheet-views.js';
import { registrationStatuses } from './statuses.js';

/**
 * Staff pages of an event's registrations: the list with its actions (cancel,
 * admit from the waitlist, register by phone, each exception with a reason
 * that is logged) and the printable sign-in sheet. The pages name persons:
 * centre staff, and municipal coordinators for the events they co-organise
 * (the partner events of their districts, events/scope.ts); any other event
 * is "not found" for them.
 */

/** Who may run an event's registrations and check-in (the event itself is checked by staffEvent). */
export const eventOrganisers: readonly Role[] = ['admin', 'staff', 'coordinator'];

const text = z.string().max(300).optional();
const registerBody = z.object({ _csrf: text, admit: text, person: text, organisation: text, email: text, reason: z.string().max(1000).optional() });
const cancelBody = z.object({ _csrf: text, reason: z.string().max(1000).optional() });
const notices = ['registered', 'overridden', 'admitted', 'cancelled'];

const validId = (value: unknown) => {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && id < 2 ** 31 ? id : undefined;
};

/**
 * The event of the path, with its seats taken; 404 when there is none or,
 * for a coordinator, when it lies outside their districts (403 for a centre
 * event of their district, which they may read but not run).
 */
export async function staffEvent(app: FastifyInstance, request: FastifyRequest): Promise<StaffEvent> {
  const id = validId((request.params as { id: string }).id);
  const event = id ? await eventForRegistration(app.db, id) : undefined;
  if (!event) throw new HttpProblem(404, 'notFound');
  const scope = await eventScopeOf(app.db, request.account!);
  if (scope.districts !== null) {
    assertEditable(scope, await app.db.selectFrom('event').select(['district', 'organizer']).where('id', '=', event.id).executeTakeFirst());
  }
  return event;
}

/** The refusal in the page's language. */
export const messageOf = (request: FastifyRequest, error: RegistrationError) => (request.language === 'en' ? error.text.en : error.text.de);

export async function staffRegistrationRoutes(app: FastifyInstance) {
  const access = { access: eventOrganisers };

  async function showList(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, extra: Partial<StaffListProps> = {}) {
    const query = request.query as { status?: string; notice?: string };
    const status = registrationStatuses.find((candidate) => candidate === query.status) as RegistrationStatus | undefined;
    return renderPage(request, reply, {
      title: request.t('registrations.staff.title', { title: event.title }),
      body: (
        <StaffRegistrationList
          t={request.t}
          language={request.language}
          csrfToken={request.csrfToken}
          event={event}
          registrations={await registrationsOfEvent(app.db, event.id)}
          status={status}
          notice={notices.includes(query.notice ?? '') ? query.notice : undefined}
          {...extra}
        />
      ),
    });
  }

  app.get('/events/:id/registrations', { config: access }, async (request, reply) => showList(request, reply, await staffEvent(app, request)));

  app.post('/events/:id/registrations', { config: access, schema: { body: registerBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const body = request.body as z.infer<typeof registerBody>;
    const accountId = request.account!.id;
    const reason = body.reason?.trim() ?? '';
    const back = (notice: string) => reply.redirect(`/events/${event.id}/registrations?notice=${notice}`, 303);
    const refuse = (errors: FieldError[], values?: StaffListProps['values']) => {
      reply.code(400);
      return showList(request, reply, event, { errors, values });
    };
    if (body.admit !== undefined) {
      const registrationId = validId(body.admit);
      const known = registrationId ? (await registrationsOfEvent(app.db, event.id)).some((row) => row.id === registrationId) : false;
      try {
        if (!known) throw new RegistrationError('registrationNotFound', null);
        await admitWaitlisted(app.db, registrationId!, { accountId, reason });
        return back('admitted');
      } catch (error) {
        if (!(error instanceof RegistrationError)) throw error;
        return refuse([{ field: known ? `admit-${registrationId}` : 'status', message: messageOf(request, error) }]);
      }
    }
    const values = { person: body.person, organisation: body.organisation, email: body.email, reason: body.reason };
    try {
      await registerForEvent(
        app.db,
        { eventId: event.id, organisationName: body.organisation, contactEmail: body.email ?? '', language: request.language, persons: [{ name: body.person ?? '' }], accountId },
        { baseUrl: app.settings.baseUrl, ...(reason ? { override: { accountId, reason } } : {}) },
      );
      return back(reason ? 'overridden' : 'registered');
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      const field = error.field === 'contactEmail' || error.field?.endsWith('.email') ? 'email' : error.field?.startsWith('persons') ? 'person' : (error.field ?? 'person');
      return refuse([{ field, message: messageOf(request, error) }], values);
    }
  });

  app.post('/events/:id/registrations/:registrationId/cancel', { config: access, schema: { body: cancelBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const registrationId = validId((request.params as { registrationId: string }).registrationId);
    const registrations = await registrationsOfEvent(app.db, event.id);
    if (!registrationId || !registrations.some((row) => row.id === registrationId)) throw new HttpProblem(404, 'notFound');
    const reason = (request.body as z.infer<typeof cancelBody>).reason?.trim();
    await cancelByStaff(app.db, registrationId, { accountId: request.account!.id, reason: reason ? `cancelled by staff: ${reason}` : 'cancelled by staff' });
    return reply.redirect(`/events/${event.id}/registrations?notice=cancelled`, 303);
  });

  app.get('/events/:id/sign-in-sheet', { config: access }, async (request, reply) => {
    const event = await staffEvent(app, request);
    return renderPage(request, reply, {
      title: request.t('registrations.sheet.title', { title: event.title }),
      body: <SignInSheet t={request.t} language={request.language} event={event} registrations={await registrationsOfEvent(app.db, event.id)} />,
    });
  });
}
