import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { addOutcome, bookExpert, removeOutcome, unbookExpert } from './commands/forums.js';
import { readBooking, readOutcome, type FormError } from './form.js';
import { forumById, forumRecord, listForums, outcomesOfForum, proposalsFor, staffOfForum, type Forum } from './forum-queries.js';
import { districtsOf, mayStaffForum, poolReaders, type Viewer } from './policy.js';
import { viewerOrFail } from './routes-pool.js';
import { expertLanguages, expertTopics } from './tables.js';
import { ForumDocumentationPage } from './views/documentation.js';
import { ForumListPage, ForumPage } from './views/forum.js';

/**
 * The dialogue forums (events of the format dialogue_forum): the list, and
 * for one forum the staffing page that proposes moderators, association
 * experts and specialists from the pool by topic, language and district,
 * with their availability on the forum's day, and its outcomes. Staff for
 * every forum, coordinators for those in their districts; another district's
 * forum is 404 before anything sent is read.
 */

const forumParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const staffParams = forumParams.extend({ expertId: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const outcomeParams = forumParams.extend({ outcomeId: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const forumQuery = z.object({
  topic: z.enum(expertTopics).optional().catch(undefined),
  language: z.enum(expertLanguages).optional().catch(undefined),
  done: z.enum(['booked', 'unbooked', 'outcome', 'outcomeRemoved']).optional().catch(undefined),
});

async function staffableForum(request: FastifyRequest, id: number): Promise<{ viewer: Viewer; forum: Forum }> {
  const viewer = await viewerOrFail(request);
  const forum = id > 0 ? await forumById(request.server.db, id) : undefined;
  if (!forum || !mayStaffForum(viewer, forum)) throw new HttpProblem(404, 'notFound');
  return { viewer, forum };
}

interface Shown {
  wanted?: { topic?: string; language?: string };
  bookingErrors?: FormError[];
  busyWith?: string;
  awayUntil?: string;
  outcomeErrors?: FormError[];
  outcomeInput?: Record<string, string>;
  notice?: string;
}

async function showForum(request: FastifyRequest, reply: FastifyReply, forum: Forum, shown: Shown = {}) {
  const db = request.server.db;
  const wanted = shown.wanted ?? {};
  const proposals = await proposalsFor(db, forum, wanted);
  if (shown.bookingErrors?.length || shown.outcomeErrors?.length) reply.code(400);
  return renderPage(request, reply, {
    title: forum.title,
    body: ForumPage({
      t: request.t, language: request.language, csrfToken: request.csrfToken, forum, wanted,
      staff: await staffOfForum(db, forum.id), outcomes: await outcomesOfForum(db, forum.id),
      proposals: {
        moderators: proposals.filter((row) => row.kind === 'moderator'),
        experts: proposals.filter((row) => row.kind === 'association_expert'),
        specialists: proposals.filter((row) => row.kind === 'trainer' || row.kind === 'adviser'),
      },
      bookingErrors: shown.bookingErrors ?? [], busyWith: shown.busyWith, awayUntil: shown.awayUntil, outcomeErrors: shown.outcomeErrors ?? [], outcomeInput: shown.outcomeInput ?? {}, notice: shown.notice,
    }),
  });
}

const texts = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string')) as Record<string, string>;

export async function forumRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/experts/forums', { config: { access: poolReaders }, schema: { hide: true } }, async (request, reply) => {
    const viewer = await viewerOrFail(request);
    return renderPage(request, reply, { title: request.t('experts.forums.title'), body: ForumListPage({ t: request.t, language: request.language, forums: await listForums(app.db, districtsOf(viewer)) }) });
  });

  app.get('/experts/forums/:id', { config: { access: poolReaders }, schema: { params: forumParams, querystring: forumQuery, hide: true } }, async (request, reply) => {
    const { forum } = await staffableForum(request, request.params.id);
    const { done, ...wanted } = request.query;
    return showForum(request, reply, forum, { wanted, notice: done });
  });

  app.get('/experts/forums/:id/documentation', { config: { access: poolReaders }, schema: { params: forumParams, hide: true } }, async (request, reply) => {
    const { forum } = await staffableForum(request, request.params.id);
    return renderPage(request, reply, {
      title: request.t('experts.documentation.title', { title: forum.title }),
      body: ForumDocumentationPage({
        t: request.t, language: request.language, forum, record: await forumRecord(app.db, forum.id),
        staff: await staffOfForum(app.db, forum.id), outcomes: await outcomesOfForum(app.db, forum.id),
      }),
    });
  });

  app.post('/experts/forums/:id/staff', { config: { access: poolReaders }, schema: { params: forumParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { forum } = await staffableForum(request, request.params.id);
    const parsed = readBooking(request.body);
    if (!parsed.ok) return showForum(request, reply, forum, { bookingErrors: parsed.errors });
    const booked = await bookExpert(app.db, request.account!.id, forum, parsed.value.expert_id, parsed.value.role);
    if (!booked.ok) return showForum(request, reply, forum, { bookingErrors: booked.errors, busyWith: booked.busyWith, awayUntil: booked.awayUntil });
    return reply.redirect(`/experts/forums/${forum.id}?done=booked#staff`, 303);
  });

  app.post('/experts/forums/:id/staff/:expertId/remove', { config: { access: poolReaders }, schema: { params: staffParams, hide: true } }, async (request, reply) => {
    const { forum } = await staffableForum(request, request.params.id);
    if (!(await unbookExpert(app.db, request.account!.id, forum.id, request.params.expertId))) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/experts/forums/${forum.id}?done=unbooked#staff`, 303);
  });

  app.post('/experts/forums/:id/outcomes', { config: { access: poolReaders }, schema: { params: forumParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { forum } = await staffableForum(request, request.params.id);
    const parsed = readOutcome(request.body);
    if (!parsed.ok) return showForum(request, reply, forum, { outcomeErrors: parsed.errors, outcomeInput: texts(request.body) });
    await addOutcome(app.db, request.account!.id, forum.id, parsed.value);
    return reply.redirect(`/experts/forums/${forum.id}?done=outcome#outcomes`, 303);
  });

  app.post('/experts/forums/:id/outcomes/:outcomeId/remove', { config: { access: poolReaders }, schema: { params: outcomeParams, hide: true } }, async (request, reply) => {
    const { forum } = await staffableForum(request, request.params.id);
    if (!(await removeOutcome(app.db, forum.id, request.params.outcomeId))) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/experts/forums/${forum.id}?done=outcomeRemoved#outcomes`, 303);
  });
}
