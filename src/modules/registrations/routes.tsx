import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { idParams, pageText } from '../../http/validation.js';
import type { FieldError } from '../../ui/forms.js';
import { representedOrganisations, type RepresentedOrganisation } from '../identity/index.js';
import { cancelByToken, findRegistrationByToken } from './cancellation.js';
import { RegistrationError } from './errors.js';
import { eventForRegistration } from './queries.js';
import { registerForEvent } from './registration.js';
import { notYourOrganisation, OrganisationChoice } from './representative.js';
import { ManagePage, personRows, RegistrationPage, type RegistrationValues } from './views.js';

/**
 * Public pages of registration: the form of an event and the page behind the
 * link in the confirmation mail (view, cancel). No account needed; the manage
 * token in the path is the key.
 */

const text = z.string().max(300).optional();
const registerBody = z.object({
  _csrf: z.string().optional(),
  organisation: text,
  /** Sent by a representative's form instead of the name (representative.tsx). */
  organisation_id: text,
  email: text,
  person_0: text,
  person_1: text,
  person_2: text,
  person_3: text,
  person_4: text,
});
const tokenParams = z.object({ token: z.string() });
const manageQuery = z.object({ registered: pageText, cancelled: pageText });
const manageBody = z.object({ _csrf: z.string().optional(), cancel: z.union([z.string(), z.array(z.string())]).optional() });

/** Where a refusal points in the form (the ids of the fields). */
function fieldOf(error: RegistrationError): string {
  if (error.field === 'contactEmail' || error.field?.endsWith('.email')) return 'email';
  const person = /^persons(?:\.(\d+)\.name)?$/.exec(error.field ?? '');
  if (person) return `person_${person[1] ?? 0}`;
  return error.field ?? 'organisation';
}

/**
 * The form's required fields left empty, each named in the error summary
 * ("Bitte geben Sie … an"). The rules themselves (a valid address, no person
 * twice, seats) stay in registerForEvent, which refuses one thing at a time.
 */
function missingFields(request: FastifyRequest, email: string | undefined, persons: string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!email?.trim()) errors.push({ field: 'email', message: request.t('registrations.errors.emailMissing') });
  if (!persons[0]) errors.push({ field: 'person_0', message: request.t('registrations.errors.personNameMissing', { number: 1 }) });
  return errors;
}

export async function registrationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  async function publicEvent(request: FastifyRequest) {
    const id = Number(idParams.parse(request.params).id);
    const event = Number.isSafeInteger(id) && id > 0 && id < 2 ** 31 ? await eventForRegistration(app.db, id) : undefined;
    if (!event) throw new HttpProblem(404, 'notFound');
    return event;
  }

  /** A signed-in representative's organisations; none (or not a representative): the free-text form. */
  async function representing(request: FastifyRequest): Promise<RepresentedOrganisation[] | undefined> {
    if (request.account?.role !== 'representative') return undefined;
    const organisations = await representedOrganisations(app.db, request.account.id);
    return organisations.length > 0 ? organisations : undefined;
  }

  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    event: Awaited<ReturnType<typeof publicEvent>>,
    values?: RegistrationValues & { organisationId?: number },
    errors?: FieldError[],
    organisations?: RepresentedOrganisation[],
  ) => {
    const organisationError = errors?.find((error) => error.field === 'organisation')?.message;
    // a representative's contact address defaults to their account's
    const shown = organisations ? { ...values, email: values?.email ?? request.account?.email } : values;
    return renderPage(request, reply, {
      title: request.t('registrations.register.title', { title: event.title }),
      body: (
        <RegistrationPage
          t={request.t}
          language={request.language}
          csrfToken={request.csrfToken}
          event={event}
          values={shown}
          errors={errors}
          organisationField={organisations && <OrganisationChoice t={request.t} organisations={organisations} selected={values?.organisationId} error={organisationError} />}
        />
      ),
    });
  };

  app.get('/events/:id/register', { config: { access: 'public' }, schema: { params: idParams } }, async (request, reply) => showForm(request, reply, await publicEvent(request), undefined, undefined, await representing(request)));

  app.post(
    '/events/:id/register',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { params: idParams, body: registerBody, hide: true } },
    async (request, reply) => {
      const event = await publicEvent(request);
      const body = request.body;
      const persons = Array.from({ length: personRows(event) }, (_, index) => (body[`person_${index}` as keyof typeof body] ?? '').trim());
      const organisations = await representing(request);
      const chosen = organisations?.find((organisation) => String(organisation.id) === body.organisation_id?.trim());
      const values = { organisation: body.organisation, organisationId: chosen?.id, email: body.email, persons };
      if (organisations && !chosen) {
        // a representative registers only for an organisation they speak for
        reply.code(403);
        return showForm(request, reply, event, values, [{ field: 'organisation', message: notYourOrganisation(request.t) }], organisations);
      }
      // every required field that is empty at once, not one refusal per attempt
      const missing = missingFields(request, body.email, persons);
      if (missing.length > 0) {
        reply.code(400);
        return showForm(request, reply, event, values, missing, organisations);
      }
      try {
        const outcome = await registerForEvent(
          app.db,
          {
            eventId: event.id,
            organisationName: chosen ? null : body.organisation,
            organisationId: chosen?.id ?? null,
            contactEmail: body.email ?? '',
            language: request.language,
            // empty rows are the optional ones; the first row is required
            persons: persons.filter((name, index) => index === 0 || name !== '').map((name) => ({ name })),
            accountId: request.account?.id ?? null,
          },
          { baseUrl: app.settings.baseUrl },
        );
        return reply.redirect(`/registrations/${outcome.manageToken}?registered=1`, 303);
      } catch (error) {
        if (!(error instanceof RegistrationError)) throw error;
        reply.code(400);
        // in the visitor's language (six on public pages), not only German or English
        const message = request.t(`registrations.errors.${error.code}`, error.params);
        return showForm(request, reply, event, values, [{ field: fieldOf(error), message }], organisations);
      }
    },
  );

  async function groupOf(request: FastifyRequest) {
    const { token } = tokenParams.parse(request.params);
    const group = await findRegistrationByToken(app.db, token);
    if (!group) throw new HttpProblem(404, 'notFound');
    return { token, group };
  }

  app.get('/registrations/:token', { config: { access: 'public' }, schema: { params: tokenParams, querystring: manageQuery } }, async (request, reply) => {
    const { token, group } = await groupOf(request);
    const query = request.query;
    const notice = query.registered === '1' ? 'registered' : query.cancelled === '1' ? 'cancelled' : undefined;
    reply.header('referrer-policy', 'no-referrer'); // the token is in the address
    return renderPage(request, reply, {
      title: request.t('registrations.manage.title', { title: group.event_title }),
      body: <ManagePage t={request.t} language={request.language} csrfToken={request.csrfToken} token={token} group={group} notice={notice} />,
    });
  });

  app.post(
    '/registrations/:token',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { params: tokenParams, body: manageBody, hide: true } },
    async (request, reply) => {
      const { token, group } = await groupOf(request);
      const body = request.body;
      const ids = [body.cancel ?? []].flat().map(Number).filter(Number.isSafeInteger);
      if (ids.length === 0) {
        reply.code(400);
        return renderPage(request, reply, {
          title: request.t('registrations.manage.title', { title: group.event_title }),
          body: <ManagePage t={request.t} language={request.language} csrfToken={request.csrfToken} token={token} group={group} errors={[{ field: 'cancel', message: request.t('registrations.manage.nothingSelected') }]} />,
        });
      }
      try {
        await cancelByToken(app.db, token, ids);
      } catch (error) {
        if (error instanceof RegistrationError) throw new HttpProblem(404, 'notFound');
        throw error;
      }
      return reply.redirect(`/registrations/${token}?cancelled=1`, 303);
    },
  );
}
