import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { fieldsOf, pageText } from '../../http/validation.js';
import { createConsultation, decideReferral, markFollowUpDone, updateConsultation } from './consultations.js';
import { parseConsultationForm, topicsOf, type FormError, type FormInput } from './form.js';
import { consultationRequestRoutes } from './request-routes.js';
import { consultationTopicRoutes } from './topic-routes.js';
import { countOpenRequests, loadRequest, openStatuses, type ConsultationRequest } from './requests.js';
import { ConsultationFormPage } from './form-views.js';
import { expertPickList } from '../experts/index.js';
import { channels, countDueFollowUps, dueFollowUps, loadConsultation, searchConsultations, todayInBerlin, type Channel, type ConsultationRecord } from './queries.js';
import { listTopics, type ConsultationTopic } from './topics.js';
import { auditRead } from '../identity/index.js';
import { pickInputOf, pickOrganisation, type OrganisationPick } from '../organisations/index.js';
import { dateOf, DetailPage, FollowUpsPage, ListPage, type ListForm } from './views.js';
import { isIsoDay, normaliseDay } from '../../ui/dates.js';
import { referralInputOf, referredService, resolveServiceReferral, type ReferralService } from './wegweiser-referral.js';

/**
 * The consultation log for centre staff: list with filters, log and edit a
 * consultation, follow-up reminders, referral approval, the topic list.
 */

const pageSize = 25;
const positiveId = z.coerce.number().int().positive().max(2_147_483_647);
// a filter's day as typed (31.03.2026) or picked (2026-03-31); src/ui/dates.ts
const isoDay = z.string().transform(normaliseDay).refine(isIsoDay);

const listQuery = z.object({
  from: isoDay.catch(''),
  to: isoDay.catch(''),
  organisation: z.string().max(200).catch(''),
  topic: z.union([z.string().max(60), z.array(z.string().max(60)).max(50)]).catch(''),
  channel: z.union([z.literal(''), z.enum(channels)]).catch(''),
  followUp: z.enum(['', 'due']).catch(''),
  page: z.coerce.number().int().positive().max(100_000).catch(1),
});
const detailQuery = z.object({
  done: z.enum(['created', 'saved', 'followUpDone', 'approved', 'rejected']).optional().catch(undefined),
  newOrganisation: z.literal('1').optional().catch(undefined),
});
const referralForm = z.object({ decision: z.enum(['approved', 'rejected']) });

const newQuery = z.object({ organisation: pageText, request: pageText });

const parseId = (request: FastifyRequest) => {
  const parsed = z.object({ id: positiveId }).safeParse(request.params);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data.id;
};

/** The topics a form offers: the active ones, and the consultation's own even when deactivated or imported (free text). */
const offeredTopics = (topics: ConsultationTopic[], current: readonly string[] = []) =>
  topics
    .filter((topic) => topic.active || current.includes(topic.key))
    .concat(current.filter((key) => !topics.some((topic) => topic.key === key)).map((key) => ({ key, de: key, en: key, active: false, position: 0 })));

/** The form's text for an existing consultation, as the edit page first shows it. */
function inputOf(c: ConsultationRecord): FormInput {
  const text = (value: unknown) => (value == null ? '' : String(value));
  return {
    consulted_on: c.consultedOn,
    organisation: c.organisationName,
    organisation_id: String(c.organisationId),
    persons: text(c.persons),
    channel: c.channel,
    topics: c.topics,
    duration_minutes: text(c.durationMinutes),
    outcome: text(c.outcome),
    notes: text(c.notes),
    follow_up_on: text(c.followUpOn),
    referral_expert_id: text(c.referralExpertId),
    referral_expert: text(c.referralExpert),
    referral_cost_eur: text(c.referralCostEur),
  };
}

export async function consultationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staffOnly = { access: centreStaff };

  /** An open request by the id in a form or link; null when closed or unknown (the caller says so on the request's page). */
  async function openRequest(text: string): Promise<ConsultationRequest | null> {
    const id = positiveId.safeParse(text);
    if (!id.success) throw new HttpProblem(404, 'notFound');
    const found = await loadRequest(app.db, id.data);
    if (!found) throw new HttpProblem(404, 'notFound');
    return (openStatuses as readonly string[]).includes(found.status) ? found : null;
  }

  const requestNoteOf = (request: FastifyRequest, open: ConsultationRequest) =>
    request.t('consultations.requests.logNote', { name: open.requesterName, organisation: open.organisationName, date: dateOf(request.language, open.createdAt.toISOString().slice(0, 10)) });

  await app.register(consultationRequestRoutes);
  await app.register(consultationTopicRoutes);

  async function found(id: number) {
    const consultation = await loadConsultation(app.db, id);
    if (!consultation) throw new HttpProblem(404, 'notFound');
    return consultation;
  }

  app.get('/consultations', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const query = listQuery.parse(request.query ?? {});
    // one topic from the list's select, or several (topic=a&topic=b): consultations with any of them
    const filterTopics = (Array.isArray(query.topic) ? query.topic : [query.topic]).filter(Boolean);
    const form = { ...query, topic: filterTopics[0] ?? '' } as ListForm;
    const periodError = Boolean(form.from && form.to && form.from > form.to);
    const filters = {
      from: periodError ? undefined : form.from || undefined,
      to: periodError ? undefined : form.to || undefined,
      organisation: form.organisation,
      topics: filterTopics,
      channel: (form.channel || undefined) as Channel | undefined,
      followUpDue: form.followUp === 'due',
    };
    const [result, topics, dueCount, openRequests] = await Promise.all([
      searchConsultations(app.db, filters, { limit: pageSize, offset: (form.page - 1) * pageSize }),
      listTopics(app.db),
      countDueFollowUps(app.db),
      countOpenRequests(app.db),
    ]);
    if (periodError) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('consultations.list.title'),
      body: ListPage({ t: request.t, language: request.language, form, result, topics, dueCount, openRequests, pageSize, periodError }),
    });
  });

  app.get('/consultations/follow-ups', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const today = todayInBerlin();
    const [items, topics] = await Promise.all([dueFollowUps(app.db, today), listTopics(app.db)]);
    return renderPage(request, reply, { title: request.t('consultations.followUps.title'), body: FollowUpsPage({ t: request.t, language: request.language, items, topics, today }) });
  });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { id: number | null; input: FormInput; errors: FormError[]; current?: string[]; requestNote?: string; organisationPick?: OrganisationPick; serviceCandidates?: ReferralService[] },
  ) {
    const topics = offeredTopics(await listTopics(app.db), options.current);
    const title = options.id === null ? request.t('consultations.form.createTitle') : request.t('consultations.form.editTitle', { date: dateOf(request.language, options.input.consulted_on ?? '') });
    if (options.errors.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: options.errors.length > 0 ? request.t('consultations.form.errorPrefix', { title }) : title,
      body: ConsultationFormPage({
        t: request.t,
        language: request.language,
        csrfToken: request.csrfToken,
        id: options.id,
        title,
        input: options.input,
        errors: options.errors,
        topics,
        requestNote: options.requestNote,
        organisationPick: options.organisationPick,
        serviceCandidates: options.serviceCandidates,
        experts: await expertPickList(app.db, Number(options.input.referral_expert_id) || null),
      }),
    });
  }

  /** Validates and saves; on a problem the form comes back with the errors. */
  async function save(request: FastifyRequest, reply: FastifyReply, id: number | null) {
    const body = fieldsOf(request.body);
    const input: FormInput = {
      ...Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'topics' && key !== 'topic').map(([key, value]) => [key, String(Array.isArray(value) ? value[0] : value ?? '')])),
      topics: topicsOf(body),
    };
    const current = id === null ? undefined : (await found(id)).topics;
    // logging a representative's request: it must still be open
    const forRequest = id === null && input.request_id ? await openRequest(input.request_id) : undefined;
    if (forRequest === null) return reply.redirect(`/consultations/requests/${input.request_id}?done=alreadyClosed`, 303);
    const requestNote = forRequest ? requestNoteOf(request, forRequest) : undefined;
    const topicKeys = offeredTopics(await listTopics(app.db), current).map((topic) => topic.key);
    const parsed = parseConsultationForm(input, topicKeys);
    // A name not in the directory as typed is a question, never a new organisation by itself (organisations/pick.ts)
    const organisationPick = await pickOrganisation(app.db, { districts: null }, pickInputOf(body, 'organisation'));
    const asking = organisationPick.kind === 'ask' && !(parsed.ok === false && parsed.errors.some((error) => error.field === 'organisation'));
    const errors = parsed.ok ? [] : [...parsed.errors];
    if (asking) errors.splice(errors.filter((error) => error.field === 'consulted_on').length, 0, { field: 'organisation', code: 'pick' });
    const referral = await resolveServiceReferral(app.db, input); // the Wegweiser referral, the form's last field: its error goes last
    if (!referral.ok) errors.push(referral.error);
    if (!parsed.ok || asking || !referral.ok) return showForm(request, reply, { id, input, errors, current, requestNote, organisationPick, serviceCandidates: referral.ok ? undefined : referral.candidates });
    parsed.values.wegweiser_service_id = referral.serviceId;
    if (organisationPick.kind === 'chosen') Object.assign(parsed.values, { organisation: organisationPick.name, organisation_id: organisationPick.organisationId });
    else parsed.values.organisation_id = null; // "create new": organisationFor creates it in the consultation's transaction
    const outcome =
      id === null
        ? await createConsultation(app.db, parsed.values, request.account!.id, forRequest ? { requestId: forRequest.id, baseUrl: app.settings.baseUrl } : undefined)
        : await updateConsultation(app.db, id, parsed.values, request.account!.id);
    if (outcome === null) throw new HttpProblem(404, 'notFound');
    if (!outcome.ok && outcome.problem === 'requestClosed') return reply.redirect(`/consultations/requests/${input.request_id}?done=alreadyClosed`, 303);
    if (!outcome.ok && outcome.problem === 'notInPool') return showForm(request, reply, { id, input, errors: [{ field: 'referral_expert_id', code: 'notInPool' }], current, requestNote });
    if (!outcome.ok) return showForm(request, reply, { id, input, errors: [{ field: 'consulted_on', code: 'duplicate' }], current, requestNote });
    const done = id === null ? 'created' : 'saved';
    return reply.redirect(`/consultations/${outcome.id}?done=${done}${outcome.createdOrganisation ? '&newOrganisation=1' : ''}`, 303);
  }

  app.get('/consultations/new', { config: staffOnly, schema: { querystring: newQuery, hide: true } }, async (request, reply) => {
    const organisationId = positiveId.safeParse(request.query.organisation);
    const organisation = organisationId.success
      ? await app.db.selectFrom('organisation').select(['id', 'name']).where('id', '=', organisationId.data).executeTakeFirst()
      : undefined;
    const input: FormInput = { consulted_on: todayInBerlin(), ...(organisation ? { organisation: organisation.name, organisation_id: String(organisation.id) } : {}) };
    // "Als Beratung erfassen" from the request queue: the form filled from the request
    const requestId = request.query.request;
    if (requestId !== undefined) {
      const open = await openRequest(requestId);
      if (open === null) return reply.redirect(`/consultations/requests/${encodeURIComponent(requestId)}?done=alreadyClosed`, 303);
      const offered = offeredTopics(await listTopics(app.db)).map((topic) => topic.key);
      Object.assign(input, {
        organisation: open.organisationName,
        organisation_id: String(open.organisationId),
        persons: open.requesterName,
        channel: open.channel,
        topics: open.topics.filter((key) => offered.includes(key)),
        request_id: String(open.id),
      });
      return showForm(request, reply, { id: null, input, errors: [], requestNote: requestNoteOf(request, open) });
    }
    return showForm(request, reply, { id: null, input, errors: [] });
  });

  app.post('/consultations/new', { config: staffOnly, schema: { hide: true } }, async (request, reply) => save(request, reply, null));

  async function showDetail(request: FastifyRequest, reply: FastifyReply, consultation: ConsultationRecord, error?: string) {
    const { done, newOrganisation } = detailQuery.parse(request.query ?? {});
    const notices = [
      ...(done ? [request.t(`consultations.detail.done.${done}`)] : []),
      ...(newOrganisation ? [request.t('consultations.detail.createdOrganisation', { name: consultation.organisationName })] : []),
    ];
    return renderPage(request, reply, {
      title: request.t('consultations.detail.title', { date: dateOf(request.language, consultation.consultedOn) }),
      body: DetailPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, consultation, topics: await listTopics(app.db), notices, error, wegweiserService: await referredService(app.db, consultation.wegweiserServiceId) }),
    });
  }

  app.get('/consultations/:id', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const consultation = await found(parseId(request));
    await auditRead(app.db, request.account!.id, 'consultation', consultation.id);
    return showDetail(request, reply, consultation);
  });

  app.get('/consultations/:id/edit', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const consultation = await found(parseId(request));
    const input = { ...inputOf(consultation), ...referralInputOf(await referredService(app.db, consultation.wegweiserServiceId)) };
    return showForm(request, reply, { id: consultation.id, input, errors: [], current: consultation.topics });
  });

  app.post('/consultations/:id/edit', { config: staffOnly, schema: { hide: true } }, async (request, reply) => save(request, reply, parseId(request)));

  app.post('/consultations/:id/follow-up-done', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const consultation = await found(parseId(request));
    await markFollowUpDone(app.db, consultation.id, request.account!.id);
    return reply.redirect(`/consultations/${consultation.id}?done=followUpDone`, 303);
  });

  app.post('/consultations/:id/referral', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const consultation = await found(parseId(request));
    const form = referralForm.safeParse(request.body ?? {});
    if (form.success && (await decideReferral(app.db, consultation.id, form.data.decision, request.account!.id))) {
      return reply.redirect(`/consultations/${consultation.id}?done=${form.data.decision}`, 303);
    }
    reply.code(400);
    return showDetail(request, reply, consultation, request.t('consultations.detail.noReferral'));
  });
}
