import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RegistrationStatus } from '../../db/tables.js';
import type { Role } from '../../db/tables.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { idParams, pageText } from '../../http/validation.js';
import type { FieldError } from '../../ui/forms.js';
import { cancelByStaff } from './cancellation.js';
import { RegistrationError } from './errors.js';
import type { Db } from '../../db/connection.js';
import { failedDeliveriesFor } from '../mail/index.js';
import { eventForRegistration, registrationsOfEvent, type EventRegistration } from './queries.js';
import { admitWaitlisted, registerForEvent } from './registration.js';
import { assertEditable, eventScopeOf } from '../events/index.js';
import { pickInputOf, pickOrganisation } from '../organisations/index.js';
import { pickQuestionError } from '../organisations/index.js';
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
const registerBody = z.object({
  _csrf: text,
  admit: text,
  person: text,
  organisation: text,
  // the pick list's fields (organisations/pick.ts): a picked suggestion, the answer to "Meinten Sie …?"
  organisation_id: text,
  organisation_choice: text,
  organisation_asked: text,
  email: text,
  reason: z.string().max(1000).optional(),
});
const cancelBody = z.object({ _csrf: text, reason: z.string().max(1000).optional() });
const listQuery = z.object({ status: pageText, notice: pageText });
const registrationParams = z.object({ id: z.string(), registrationId: z.string() });
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
  const id = validId(idParams.parse(request.params).id);
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

/**
 * The registrations of this list whose mail a mail server refused for good
 * (status failed after a 5xx answer), with the server's answer. Asked once per
 * address of the list (an event has at most a few hundred), through the mail
 * module's face; a refusal counts for every registration under that address.
 */
async function refusedMails(db: Db, registrations: EventRegistration[]): Promise<Map<number, string | null>> {
  const ids = new Set(registrations.map((row) => row.id));
  const addressOf = (row: EventRegistration) => row.email?.trim().toLowerCase() ?? '';
  const refused = new Map<number, string | null>();
  for (const address of new Set(registrations.map(addressOf).filter(Boolean))) {
    const failure = (await failedDeliveriesFor(db, address)).find((mail) => mail.registration_id !== null && ids.has(mail.registration_id));
    if (!failure) continue;
    for (const row of registrations) if (addressOf(row) === address) refused.set(row.id, failure.last_error);
  }
  return refused;
}

export async function staffRegistrationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const access = { access: eventOrganisers };

  async function showList(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, extra: Partial<StaffListProps> = {}) {
    const query = listQuery.parse(request.query);
    const status = registrationStatuses.find((candidate) => candidate === query.status) as RegistrationStatus | undefined;
    const registrations = await registrationsOfEvent(app.db, event.id);
    return renderPage(request, reply, {
      title: request.t('registrations.staff.title', { title: event.title }),
      body: (
        <StaffRegistrationList
          t={request.t}
          language={request.language}
          csrfToken={request.csrfToken}
          event={event}
          registrations={registrations}
          refusedMails={await refusedMails(app.db, registrations)}
          status={status}
          notice={notices.includes(query.notice ?? '') ? query.notice : undefined}
          {...extra}
        />
      ),
    });
  }

  app.get('/events/:id/registrations', { config: access, schema: { params: idParams, querystring: listQuery } }, async (request, reply) => showList(request, reply, await staffEvent(app, request)));

  app.post('/events/:id/registrations', { config: access, schema: { params: idParams, body: registerBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const body = request.body;
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
    const values = { person: body.person, organisation: body.organisation, organisationId: body.organisation_id, organisationChoice: body.organisation_choice, email: body.email, reason: body.reason };
    // a name not in the directory as typed is asked about, never created by itself
    const pick = await pickOrganisation(app.db, await eventScopeOf(app.db, request.account!), pickInputOf(body, 'organisation'));
    if (pick.kind === 'ask') {
      return refuse([{ field: 'organisation', message: pickQuestionError(request.t, request.t('registrations.register.organisation'), pick.name) }], { ...values, organisationPick: pick });
    }
    const organisation = pick.kind === 'chosen' ? { organisationId: pick.organisationId } : { organisationName: pick.kind === 'create' ? pick.name : null };
    try {
      await registerForEvent(
        app.db,
        { eventId: event.id, ...organisation, contactEmail: body.email ?? '', language: request.language, persons: [{ name: body.person ?? '' }], accountId },
        { baseUrl: app.settings.baseUrl, ...(reason ? { override: { accountId, reason } } : {}) },
      );
      return back(reason ? 'overridden' : 'registered');
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      const field = error.field === 'contactEmail' || error.field?.endsWith('.email') ? 'email' : error.field?.startsWith('persons') ? 'person' : (error.field ?? 'person');
      return refuse([{ field, message: messageOf(request, error) }], values);
    }
  });

  app.post('/events/:id/registrations/:registrationId/cancel', { config: access, schema: { params: registrationParams, body: cancelBody, hide: true } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    const registrationId = validId(request.params.registrationId);
    const registrations = await registrationsOfEvent(app.db, event.id);
    if (!registrationId || !registrations.some((row) => row.id === registrationId)) throw new HttpProblem(404, 'notFound');
    const reason = request.body.reason?.trim();
    await cancelByStaff(app.db, registrationId, { accountId: request.account!.id, reason: reason ? `cancelled by staff: ${reason}` : 'cancelled by staff' });
    return reply.redirect(`/events/${event.id}/registrations?notice=cancelled`, 303);
  });

  app.get('/events/:id/sign-in-sheet', { config: access, schema: { params: idParams } }, async (request, reply) => {
    const event = await staffEvent(app, request);
    return renderPage(request, reply, {
      title: request.t('registrations.sheet.title', { title: event.title }),
      body: <SignInSheet t={request.t} language={request.language} event={event} registrations={await registrationsOfEvent(app.db, event.id)} />,
    });
  });
}
