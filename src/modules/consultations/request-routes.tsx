import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../db/tables.js';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { fieldsOf } from '../../http/validation.js';
import { auditRead } from '../identity/index.js';
import { representedOrganisations } from '../identity/index.js';
import { topicsOf } from './form.js';
import { parseRequestForm, type RequestError, type RequestInput } from './request-form.js';
import { OwnRequestPage, OwnRequestsPage, RequestFormPage } from './request-views.js';
import { createRequest, declineRequest, listOwnRequests, loadOwnRequest, loadRequest, requestQueue, takeOverRequest } from './requests.js';
import { QueuePage, StaffRequestPage } from './queue-views.js';
import { listTopics } from './topics.js';

/**
 * Consultation requests: the representative's pages under /my (their own
 * requests, a new request for one of their organisations) and the staff
 * queue under /consultations/requests (take over, decline; logging is the
 * consultation form with ?request=).
 */

const representatives: readonly Role[] = ['representative'];
const positiveId = z.coerce.number().int().positive().max(2_147_483_647);
const ownDone = z.object({ done: z.enum(['created']).optional().catch(undefined) });
const staffDone = z.object({ done: z.enum(['takenOver', 'declined', 'alreadyClosed']).optional().catch(undefined) });
const declineForm = z.object({ note: z.string().trim().min(1).max(2000) });

const parseId = (request: FastifyRequest) => {
  const parsed = z.object({ id: positiveId }).safeParse(request.params);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data.id;
};

export async function consultationRequestRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const own = { access: representatives };
  const staff = { access: centreStaff };

  // --- the representative -------------------------------------------------

  app.get('/my/consultation-requests', { config: own, schema: { hide: true } }, async (request, reply) => {
    const [requests, topics] = await Promise.all([listOwnRequests(app.db, request.account!.id), listTopics(app.db)]);
    const { done } = ownDone.parse(request.query ?? {});
    return renderPage(request, reply, {
      title: request.t('consultations.request.listTitle'),
      body: OwnRequestsPage({ t: request.t, language: request.language, requests, topics, created: done === 'created' }),
    });
  });

  async function showRequestForm(request: FastifyRequest, reply: FastifyReply, input: RequestInput, errors: RequestError[]) {
    const [organisations, topics] = await Promise.all([representedOrganisations(app.db, request.account!.id), listTopics(app.db, { activeOnly: true })]);
    const title = request.t('consultations.request.formTitle');
    if (errors.length > 0) reply.code(400);
    // one organisation: chosen already
    const filled = organisations.length === 1 && !input.organisation_id ? { ...input, organisation_id: String(organisations[0].id) } : input;
    return renderPage(request, reply, {
      title: errors.length > 0 ? request.t('consultations.form.errorPrefix', { title }) : title,
      body: RequestFormPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, organisations, topics, input: filled, errors }),
    });
  }

  // ?topic= and ?organisation= prefill the form (the Vereins-Check's next steps link here with an item's topic);
  // only a topic on the list and an organisation the representative speaks for are taken
  app.get('/my/consultation-requests/new', { config: own, schema: { hide: true } }, async (request, reply) => {
    const query = fieldsOf(request.query);
    const [organisations, topics] = await Promise.all([representedOrganisations(app.db, request.account!.id), listTopics(app.db, { activeOnly: true })]);
    const topic = typeof query.topic === 'string' && topics.some((entry) => entry.key === query.topic) ? query.topic : undefined;
    const organisation = typeof query.organisation === 'string' && organisations.some((entry) => String(entry.id) === query.organisation) ? query.organisation : undefined;
    return showRequestForm(request, reply, { contact_email: request.account!.email, ...(topic ? { topics: [topic] } : {}), ...(organisation ? { organisation_id: organisation } : {}) }, []);
  });

  app.post('/my/consultation-requests/new', { config: own, schema: { hide: true } }, async (request, reply) => {
    const body = fieldsOf(request.body);
    const input: RequestInput = {
      ...Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'topics').map(([key, value]) => [key, String(Array.isArray(value) ? value[0] : value ?? '')])),
      topics: topicsOf(body),
    };
    const [organisations, topics] = await Promise.all([representedOrganisations(app.db, request.account!.id), listTopics(app.db, { activeOnly: true })]);
    const parsed = parseRequestForm(input, organisations.map((organisation) => organisation.id), topics.map((topic) => topic.key));
    if (!parsed.ok) return showRequestForm(request, reply, input, parsed.errors);
    const outcome = await createRequest(app.db, request.account!.id, parsed.values, request.language);
    if (!outcome.ok) return showRequestForm(request, reply, input, [{ field: 'organisation_id', code: 'organisation' }]);
    return reply.redirect('/my/consultation-requests?done=created', 303);
  });

  app.get('/my/consultation-requests/:id', { config: own, schema: { hide: true } }, async (request, reply) => {
    // another representative's request is "not found": its existence is not told
    const found = await loadOwnRequest(app.db, request.account!.id, parseId(request));
    if (!found) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, {
      title: request.t('consultations.request.detailTitle', { organisation: found.organisationName }),
      body: OwnRequestPage({ t: request.t, language: request.language, request: found, topics: await listTopics(app.db) }),
    });
  });

  // --- the staff queue -----------------------------------------------------

  app.get('/consultations/requests', { config: staff, schema: { hide: true } }, async (request, reply) => {
    const [queue, topics] = await Promise.all([requestQueue(app.db), listTopics(app.db)]);
    return renderPage(request, reply, {
      title: request.t('consultations.requests.title'),
      body: QueuePage({ t: request.t, language: request.language, queue, topics, accountId: request.account!.id }),
    });
  });

  async function showStaffRequest(request: FastifyRequest, reply: FastifyReply, id: number, error?: string) {
    const found = await loadRequest(app.db, id);
    if (!found) throw new HttpProblem(404, 'notFound');
    // the request names a person and their phone and e-mail: reading it is audited
    await auditRead(app.db, request.account!.id, 'consultation_request', id);
    const { done } = staffDone.parse(request.query ?? {});
    return renderPage(request, reply, {
      title: request.t('consultations.requests.detailTitle', { organisation: found.organisationName }),
      body: StaffRequestPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, request: found, topics: await listTopics(app.db), accountId: request.account!.id, done, error }),
    });
  }

  app.get('/consultations/requests/:id', { config: staff, schema: { hide: true } }, async (request, reply) => showStaffRequest(request, reply, parseId(request)));

  app.post('/consultations/requests/:id/take', { config: staff, schema: { hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const outcome = await takeOverRequest(app.db, id, request.account!.id, app.settings.baseUrl);
    if (outcome === 'notFound') throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/consultations/requests/${id}?done=${outcome === 'ok' ? 'takenOver' : 'alreadyClosed'}`, 303);
  });

  app.post('/consultations/requests/:id/decline', { config: staff, schema: { hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const form = declineForm.safeParse(request.body ?? {});
    if (!form.success) {
      reply.code(400);
      return showStaffRequest(request, reply, id, request.t('consultations.requests.noteMissing'));
    }
    const outcome = await declineRequest(app.db, id, request.account!.id, form.data.note, app.settings.baseUrl);
    if (outcome === 'notFound') throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/consultations/requests/${id}?done=${outcome === 'ok' ? 'declined' : 'alreadyClosed'}`, 303);
  });
}
