import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { districtsOfHessen } from '../places/index.js';
import { answerInConversation, writeToAuthor, type ContactOutcome } from './commands/contact.js';
import { reportPost } from './commands/moderation.js';
import { contactSchema, formInputOf, parseWith, reportSchema, type FormError, type FormInput } from './form.js';
import { authorRoles, boardRoles, isOwn, mayContact, mayRead, mayReport, viewerOf, type Viewer } from './policy.js';
import { conversationsOf, findConversation, findPost, messagesOf, pageSize, postImage, searchPosts, type Post } from './queries.js';
import { postKinds, topics } from './vocabulary.js';
import { BoardPage, FairPage } from './views/board.js';
import { ConversationPage, PostPage } from './views/post.js';

/**
 * The board as associations use it: the search, the Vereinsmesse, one post
 * (with the forms to write to its author and to report it) and the relayed
 * conversations. The author's own pages are in routes-author.tsx, the staff's
 * in routes-staff.tsx.
 */

export const postIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const searchQuery = z.object({
  kind: z.enum(postKinds).optional().catch(undefined),
  district: z.string().max(120).optional().catch(undefined),
  topic: z.enum(topics).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  done: z.string().max(40).optional().catch(undefined),
  lang: z.string().optional(),
});
const noticeQuery = z.object({ done: z.string().max(40).optional().catch(undefined), lang: z.string().optional() });

// sorted once (the search form lists them on every page of the board); the list never changes while the server runs
let sortedDistricts: readonly string[] | undefined;
export const districtNames = (): readonly string[] => (sortedDistricts ??= districtsOfHessen().map((district) => district.name).sort((a, b) => a.localeCompare(b, 'de')));

export async function viewerOrFail(request: FastifyRequest): Promise<Viewer> {
  const viewer = await viewerOf(request.server.db, request.account!);
  if (!viewer) throw new HttpProblem(403, 'forbidden');
  return viewer;
}

/** The post, or 404 when it does not exist or the account may not read it (another organisation's draft is "not found"). */
export async function readablePost(request: FastifyRequest, id: number): Promise<{ viewer: Viewer; post: Post }> {
  const viewer = await viewerOrFail(request);
  const post = await findPost(request.server.db, id);
  if (!post || !mayRead(viewer, post)) throw new HttpProblem(404, 'notFound');
  return { viewer, post };
}

export async function showPost(request: FastifyRequest, reply: FastifyReply, viewer: Viewer, post: Post, options: { input?: FormInput; errors?: FormError[]; done?: string; status?: number } = {}) {
  const own = isOwn(viewer, post);
  if (options.status) reply.code(options.status);
  else if (options.errors?.length) reply.code(400);
  const conversations = await conversationsOf(request.server.db, viewer, post, own);
  const writeFor = viewer.kind === 'representative' ? viewer.organisations.filter((organisation) => organisation.id !== post.organisation_id) : [];
  return renderPage(request, reply, {
    title: options.errors?.length ? request.t('pinboard.errorPrefix', { title: post.title }) : post.title,
    body: PostPage({
      t: request.t, language: request.language, csrfToken: request.csrfToken, post, own, isStaff: viewer.kind === 'staff',
      mayContact: mayContact(viewer, post) && writeFor.length > 0, mayReport: mayReport(viewer, post),
      conversations, writeFor, input: options.input ?? {}, errors: options.errors ?? [], done: options.done,
    }),
  });
}

/** A refused relay message as a form error: the limit, said with its number; the text stays in the form. */
export function contactProblem(outcome: Extract<ContactOutcome, { ok: false }>): { status: number; errors: FormError[] } {
  if (outcome.code === 'rateAccount' || outcome.code === 'ratePost') return { status: 429, errors: [{ field: 'message', code: outcome.code, values: { limit: outcome.limit ?? 0 } }] };
  if (outcome.code === 'notFound') throw new HttpProblem(404, 'notFound');
  return { status: 409, errors: [{ field: 'message', code: 'notOpen' }] };
}

export async function boardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/pinboard', { config: { access: boardRoles }, schema: { querystring: searchQuery, hide: true } }, async (request, reply) => {
    const viewer = await viewerOrFail(request);
    const districts = districtNames();
    const query = request.query;
    const filters = { kind: query.kind, district: query.district && districts.includes(query.district) ? query.district : undefined, topic: query.topic, text: query.q || undefined, page: query.page };
    const { rows, total } = await searchPosts(app.db, filters, new Date());
    return renderPage(request, reply, {
      title: request.t('pinboard.title'),
      body: BoardPage({ t: request.t, language: request.language, filters, rows, total, pages: Math.max(1, Math.ceil(total / pageSize)), districts, mayPost: viewer.kind === 'representative' && viewer.organisations.length > 0, done: query.done }),
    });
  });

  app.get('/pinboard/fair', { config: { access: boardRoles }, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) => {
    await viewerOrFail(request);
    const fairs = new Map<string, Awaited<ReturnType<typeof searchPosts>>['rows']>();
    for (let page = 1; page <= 10; page++) {
      const { rows } = await searchPosts(app.db, { kind: 'fair_exhibitor', page }, new Date());
      for (const row of rows) fairs.set(row.fair_name ?? '—', [...(fairs.get(row.fair_name ?? '—') ?? []), row]);
      if (rows.length < pageSize) break;
    }
    const list = [...fairs.entries()].map(([name, exhibitors]) => ({ name, exhibitors: exhibitors.sort((a, b) => a.organisation_name.localeCompare(b.organisation_name, 'de')) }));
    return renderPage(request, reply, { title: request.t('pinboard.fair.title'), body: FairPage({ t: request.t, language: request.language, fairs: list.sort((a, b) => a.name.localeCompare(b.name, 'de')) }) });
  });

  app.get('/pinboard/:id', { config: { access: boardRoles }, schema: { params: postIdParams, querystring: noticeQuery, hide: true } }, async (request, reply) => {
    const { viewer, post } = await readablePost(request, request.params.id);
    return showPost(request, reply, viewer, post, { done: request.query.done });
  });

  app.get('/pinboard/:id/image', { config: { access: boardRoles }, schema: { params: postIdParams, hide: true } }, async (request, reply) => {
    const { post } = await readablePost(request, request.params.id);
    const image = await postImage(app.db, post.id);
    if (!image?.image || !image.image_type) throw new HttpProblem(404, 'notFound');
    return reply.type(image.image_type).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=300').send(Buffer.from(image.image));
  });

  app.post('/pinboard/:id/report', { config: { access: boardRoles }, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, post } = await readablePost(request, request.params.id);
    const input = formInputOf(request.body);
    if (!mayReport(viewer, post)) return showPost(request, reply, viewer, post, { input, errors: [{ field: 'reason', code: 'notOpen' }], status: 409 });
    const parsed = parseWith(reportSchema, input);
    if (!parsed.ok) return showPost(request, reply, viewer, post, { input, errors: parsed.errors });
    const outcome = await reportPost(app.db, viewer.accountId, post.id, parsed.value.reason, parsed.value.note);
    if (!outcome.ok) return showPost(request, reply, viewer, post, { input, errors: [{ field: 'reason', code: 'notOpen' }], status: 409 });
    // a hidden post is out of sight for the reporter too: back to the board
    return reply.redirect(outcome.hidden ? '/pinboard?done=reportedHidden' : `/pinboard/${post.id}?done=reported`, 303);
  });

  app.post('/pinboard/:id/contact', { config: { access: authorRoles }, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, post } = await readablePost(request, request.params.id);
    const input = formInputOf(request.body);
    const writeFor = viewer.kind === 'representative' ? viewer.organisations.filter((organisation) => organisation.id !== post.organisation_id) : [];
    if (!mayContact(viewer, post) || writeFor.length === 0) return showPost(request, reply, viewer, post, { input, errors: [{ field: 'message', code: 'notOpen' }], status: 409 });
    const sender = writeFor.find((organisation) => String(organisation.id) === input.organisation_id) ?? writeFor[0]!;
    const parsed = parseWith(contactSchema, input);
    if (!parsed.ok) return showPost(request, reply, viewer, post, { input, errors: parsed.errors });
    const outcome = await writeToAuthor(app.db, { accountId: viewer.accountId, organisationId: sender.id, organisationName: sender.name }, post.id, parsed.value.message, new Date());
    if (!outcome.ok) return showPost(request, reply, viewer, post, { input, ...contactProblem(outcome) });
    return reply.redirect(`/pinboard/conversations/${outcome.conversationId}?done=sent`, 303);
  });

  /** The conversation, or 404 unless the account is its reader or represents the post's organisation. */
  async function ownConversation(request: FastifyRequest, id: number) {
    const viewer = await viewerOrFail(request);
    const conversation = await findConversation(app.db, id);
    if (!conversation || viewer.kind !== 'representative') throw new HttpProblem(404, 'notFound');
    const viewerIsAuthor = isOwn(viewer, conversation);
    if (!viewerIsAuthor && conversation.reader_account_id !== viewer.accountId) throw new HttpProblem(404, 'notFound');
    return { viewer, conversation, viewerIsAuthor };
  }

  async function showConversation(request: FastifyRequest, reply: FastifyReply, id: number, options: { input?: FormInput; errors?: FormError[]; done?: string; status?: number } = {}) {
    const { conversation, viewerIsAuthor } = await ownConversation(request, id);
    if (options.status) reply.code(options.status);
    else if (options.errors?.length) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('pinboard.conversation.title', { organisation: viewerIsAuthor ? (conversation.reader_organisation_name ?? '—') : conversation.organisation_name }),
      body: ConversationPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, conversation, messages: await messagesOf(app.db, conversation.id), viewerIsAuthor,
        input: options.input ?? {}, errors: options.errors ?? [], done: options.done,
      }),
    });
  }

  app.get('/pinboard/conversations/:id', { config: { access: authorRoles }, schema: { params: postIdParams, querystring: noticeQuery, hide: true } }, async (request, reply) => {
    return showConversation(request, reply, request.params.id, { done: request.query.done });
  });

  app.post('/pinboard/conversations/:id', { config: { access: authorRoles }, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, conversation, viewerIsAuthor } = await ownConversation(request, request.params.id);
    const input = formInputOf(request.body);
    const parsed = parseWith(contactSchema, input);
    if (!parsed.ok) return showConversation(request, reply, conversation.id, { input, errors: parsed.errors });
    const organisationName = viewerIsAuthor ? conversation.organisation_name : (conversation.reader_organisation_name ?? (viewer.kind === 'representative' ? viewer.organisations[0]?.name ?? '' : ''));
    const outcome = await answerInConversation(app.db, { accountId: viewer.accountId, fromAuthor: viewerIsAuthor, organisationName }, conversation.id, parsed.value.message, new Date());
    if (!outcome.ok) return showConversation(request, reply, conversation.id, { input, ...contactProblem(outcome) });
    return reply.redirect(`/pinboard/conversations/${conversation.id}?done=sent`, 303);
  });
}
