import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { currentTime } from './clock.js';
import { markChecked, reviewProposal } from './commands/checks.js';
import { saveService } from './commands/save-service.js';
import { decideSuggestion, decisionNoteMax, openSuggestion, openSuggestions } from './commands/suggestions.js';
import { saveTopics } from './commands/topics.js';
import { berlinDay } from './freshness.js';
import { formValuesOf, formValuesOfBody, parseServiceForm, serviceFormBody } from './form.js';
import { hessianDistricts, isHessianDistrict } from './geography.js';
import { editorRoles, mayDecideSuggestions, mayEditService, scopeOf, staffRoles, type Actor } from './policy.js';
import { problemMessages } from './public-routes.js';
import { listTopics, serviceDistricts } from './queries.js';
import { snapshotService } from './snapshot.js';
import { freshnessOverview, serviceHistory, staffServices } from './staff-queries.js';
import { TopicsPage, SuggestionsPage } from './views/moderation.js';
import { FreshnessPage, ServiceForm, StaffList } from './views/staff.js';

/**
 * The staff side of the Wegweiser (de/en): entries, freshness, topics and
 * suggestions. Staff maintain every entry, coordinators those serving their
 * districts (policy.ts); an entry outside them is "not found".
 */

const idParams = z.object({ id: z.string().uuid() });
const numberParams = z.object({ id: z.coerce.number().int().positive() });
const noticeQuery = z.object({ saved: z.string().optional(), lang: z.string().optional() });
const decisionBody = z.object({ decision: z.enum(['accept', 'reject', 'added', 'declined']), note: z.string().max(decisionNoteMax).optional(), _csrf: z.string().optional() });
// a new entry made from a suggestion (the queue's "Als Eintrag anlegen")
const newQuery = z.object({ suggestion: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) });
const suggestionIdOf = (body: Record<string, unknown>) => {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(body.suggestion_id);
  return parsed.success ? parsed.data : undefined;
};
const topicsBody = z.record(z.string(), z.string().max(300));

const sortedDistricts = () => hessianDistricts();

export async function wegweiserStaffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: FastifyRequest): Actor & { id: number } => request.account!;

  async function editable(request: FastifyRequest, id: string) {
    const exists = await app.db.selectFrom('wegweiser_service').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists || !mayEditService(await scopeOf(app.db, actorOf(request)), await serviceDistricts(app.db, id))) throw new HttpProblem(404, 'notFound');
  }

  /** Only staff decide on suggestions (policy.ts); for anyone else a suggestion id is ignored. */
  const suggestionFor = async (request: FastifyRequest, id: number | undefined) =>
    id !== undefined && mayDecideSuggestions(actorOf(request)) ? openSuggestion(app.db, id) : undefined;

  async function formPage(request: FastifyRequest, options: {
    id?: string; values: Record<string, string>; chosen: { topics: string[]; areas: string[] }; errors: ReturnType<typeof problemMessages>;
    suggestion?: { id: number; name: string; contact: string | null };
  }) {
    const scope = await scopeOf(app.db, actorOf(request));
    const existing = options.id ? await app.db.selectFrom('wegweiser_service').select(['assured_date', 'assurer_email', 'easy_read_checked_at']).where('id', '=', options.id).executeTakeFirstOrThrow() : undefined;
    return (
      <ServiceForm t={request.t} language={request.language} csrfToken={request.csrfToken} action={options.id ? `/wegweiser/manage/${options.id}` : '/wegweiser/manage/new'}
        values={options.values} chosen={options.chosen} errors={options.errors} topics={await listTopics(app.db)} districts={scope.districts ?? sortedDistricts()} suggestion={options.suggestion}
        existing={options.id && existing ? { id: options.id, assuredDate: existing.assured_date, assurerEmail: existing.assurer_email, easyReadChecked: existing.easy_read_checked_at !== null, history: await serviceHistory(app.db, options.id) } : undefined} />
    );
  }

  app.get('/wegweiser/manage', { config: { access: editorRoles }, schema: { querystring: noticeQuery } }, async (request, reply) => {
    const rows = await staffServices(app.db, await scopeOf(app.db, actorOf(request)), berlinDay(currentTime()));
    return renderPage(request, reply, { title: request.t('wegweiser.staff.title'), body: <StaffList t={request.t} language={request.language} rows={rows} notice={request.query.saved ? request.t('wegweiser.staff.saved') : undefined} /> });
  });

  app.get('/wegweiser/manage/new', { config: { access: editorRoles }, schema: { querystring: newQuery } }, async (request, reply) => {
    const suggestion = await suggestionFor(request, request.query.suggestion);
    const values = { status: 'active', published: 'yes', recheck_months: '6', languages: 'de', ...(suggestion ? { name: suggestion.name, description: suggestion.description } : {}) };
    // the suggestion's district ticked when it names one of Hessen's as written
    const areas = suggestion?.district && isHessianDistrict(suggestion.district.trim()) ? [suggestion.district.trim()] : [];
    const body = await formPage(request, { values, chosen: { topics: [], areas }, errors: [], suggestion });
    return renderPage(request, reply, { title: request.t('wegweiser.staff.new'), body });
  });

  app.post('/wegweiser/manage/new', { config: { access: editorRoles }, schema: { body: serviceFormBody } }, async (request, reply) => {
    const input = parseServiceForm(request.body);
    const suggestionId = mayDecideSuggestions(actorOf(request)) ? suggestionIdOf(request.body) : undefined;
    const suggestion = await suggestionFor(request, suggestionId);
    // a suggestion decided since the form was opened: saveService refuses (suggestionDecided) and the form comes back without it
    const outcome = await saveService(app.db, actorOf(request), input, { now: currentTime(), fromSuggestion: suggestionId });
    if (!outcome.ok) {
      const body = await formPage(request, { values: formValuesOfBody(request.body), chosen: { topics: input.topics, areas: input.areas }, errors: problemMessages(request.t, outcome.problems), suggestion });
      return renderPage(request, reply.code(400), { title: request.t('wegweiser.staff.new'), body });
    }
    return reply.redirect('/wegweiser/manage?saved=1', 303);
  });

  app.get('/wegweiser/manage/:id', { config: { access: editorRoles }, schema: { params: idParams } }, async (request, reply) => {
    await editable(request, request.params.id);
    const snapshot = await snapshotService(app.db, request.params.id);
    const values = formValuesOf(snapshot);
    const body = await formPage(request, { id: request.params.id, values, chosen: { topics: snapshot.topics.split(', ').filter(Boolean), areas: snapshot.service_areas.split(', ').filter(Boolean) }, errors: [] });
    return renderPage(request, reply, { title: snapshot.name, body });
  });

  app.post('/wegweiser/manage/:id', { config: { access: editorRoles }, schema: { params: idParams, body: serviceFormBody } }, async (request, reply) => {
    await editable(request, request.params.id);
    const input = parseServiceForm(request.body);
    const outcome = await saveService(app.db, actorOf(request), input, { serviceId: request.params.id, now: currentTime() });
    if (!outcome.ok) {
      const body = await formPage(request, { id: request.params.id, values: formValuesOfBody(request.body), chosen: { topics: input.topics, areas: input.areas }, errors: problemMessages(request.t, outcome.problems) });
      return renderPage(request, reply.code(400), { title: input.name, body });
    }
    return reply.redirect('/wegweiser/manage?saved=1', 303);
  });

  app.post('/wegweiser/manage/:id/checked', { config: { access: editorRoles }, schema: { params: idParams } }, async (request, reply) => {
    await editable(request, request.params.id);
    await markChecked(app.db, actorOf(request), request.params.id, currentTime());
    return reply.redirect(`/wegweiser/manage/${request.params.id}`, 303);
  });

  app.get('/wegweiser/manage/freshness', { config: { access: editorRoles } }, async (request, reply) => {
    const overview = await freshnessOverview(app.db, await scopeOf(app.db, actorOf(request)), berlinDay(currentTime()));
    return renderPage(request, reply, { title: request.t('wegweiser.freshnessPage.title'), body: <FreshnessPage t={request.t} language={request.language} overview={overview} csrfToken={request.csrfToken} /> });
  });

  app.post('/wegweiser/manage/proposals/:id', { config: { access: editorRoles }, schema: { params: numberParams, body: z.record(z.string(), z.unknown()).optional() } }, async (request, reply) => {
    const check = await app.db.selectFrom('wegweiser_check').select('service_id').where('id', '=', request.params.id).executeTakeFirst();
    if (!check) throw new HttpProblem(404, 'notFound');
    await editable(request, check.service_id);
    // the decision is read after the scope check: another district's proposal answers 404 whatever is sent
    const body = decisionBody.safeParse(request.body ?? {});
    if (!body.success) throw new HttpProblem(400, 'badRequest', 'decision');
    await reviewProposal(app.db, actorOf(request), request.params.id, body.data.decision === 'accept', currentTime());
    return reply.redirect('/wegweiser/manage/freshness', 303);
  });

  app.get('/wegweiser/manage/topics', { config: { access: staffRoles }, schema: { querystring: noticeQuery } }, async (request, reply) => {
    return renderPage(request, reply, { title: request.t('wegweiser.topicsPage.title'), body: <TopicsPage t={request.t} csrfToken={request.csrfToken} topics={await listTopics(app.db)} errors={[]} saved={Boolean(request.query.saved)} /> });
  });

  app.post('/wegweiser/manage/topics', { config: { access: staffRoles }, schema: { body: topicsBody } }, async (request, reply) => {
    const body = request.body;
    const names = Object.fromEntries(Object.entries(body).filter(([key]) => key.startsWith('name_')).map(([key, value]) => [key.slice(5), value]));
    const problems = await saveTopics(app.db, actorOf(request), { names, newCode: body.new_code ?? '', newName: body.new_name ?? '' });
    if (problems.length > 0) {
      const topics = (await listTopics(app.db)).map((topic) => ({ ...topic, name: names[topic.code] ?? topic.name }));
      return renderPage(request, reply.code(400), { title: request.t('wegweiser.topicsPage.title'), body: <TopicsPage t={request.t} csrfToken={request.csrfToken} topics={topics} errors={problemMessages(request.t, problems)} saved={false} /> });
    }
    return reply.redirect('/wegweiser/manage/topics?saved=1', 303);
  });

  app.get('/wegweiser/manage/suggestions', { config: { access: staffRoles } }, async (request, reply) => {
    return renderPage(request, reply, { title: request.t('wegweiser.suggestionsPage.title'), body: <SuggestionsPage t={request.t} language={request.language} csrfToken={request.csrfToken} rows={await openSuggestions(app.db)} /> });
  });

  app.post('/wegweiser/manage/suggestions/:id', { config: { access: staffRoles }, schema: { params: numberParams, body: decisionBody } }, async (request, reply) => {
    const decision = request.body.decision === 'added' ? 'added' : 'declined';
    if (!(await decideSuggestion(app.db, actorOf(request), request.params.id, decision, currentTime(), request.body.note ?? null))) throw new HttpProblem(404, 'notFound');
    return reply.redirect('/wegweiser/manage/suggestions', 303);
  });
}
