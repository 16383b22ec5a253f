import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { statusOf } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { confirmOrganisation, describeMerge, markDistinct, mergeOrganisations, ReviewError, reviewQueue } from './review.js';
import { MergeConfirmPage, ReviewProblemPage, ReviewQueuePage, type DoneMessage } from './views.js';

/**
 * The review queue for staff: pages that work without JavaScript (every
 * change is a POST with the CSRF token, then a redirect to the queue with a
 * success message), and the same queue as JSON for the API.
 */

const pageSize = 20;
const organisationId = z.coerce.number().int().positive().max(2_147_483_647);

const queuePageQuery = z.object({
  page: z.coerce.number().int().positive().max(100_000).catch(1),
  done: z.enum(['merged', 'distinct', 'confirmed']).optional().catch(undefined),
});
const mergeForm = z.object({ from: organisationId, into: organisationId });
const distinctForm = z.object({ id: organisationId, other: organisationId });
const confirmForm = z.object({ id: organisationId });

const apiQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(pageSize),
  offset: z.coerce.number().int().min(0).default(0),
});
const namesSchema = z.array(z.object({ name: z.string(), isAlias: z.boolean() }));
const recordsSchema = z.object({ participations: z.number().int(), consultations: z.number().int(), grants: z.number().int() });
const apiQueue = z.object({
  total: z.number().int().describe('Organisations waiting for review'),
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      names: namesSchema.describe('Its name first, then its aliases'),
      createdFrom: z.enum(['staff', 'import', 'registration', 'demo']),
      createdAt: z.iso.datetime().describe('ISO 8601 instant (UTC)'),
      records: recordsSchema.describe('Rows that reference the organisation'),
      duplicates: z
        .array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            orgKey: z.string().nullable(),
            needsReview: z.boolean(),
            matchedName: z.string().describe('The name or alias of the other organisation that came closest'),
            similarity: z.number().min(0).max(1).describe('Trigram similarity of the normalised names'),
          }),
        )
        .describe('Likely duplicates, most similar first (at most 5; pairs marked distinct are left out)'),
    }),
  ),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; field: string };

function parseForm<T extends z.ZodObject>(schema: T, input: unknown): Parsed<z.infer<T>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, field: String(result.error.issues[0]?.path[0] ?? 'id') };
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  reply.code(status);
  return renderPage(request, reply, { title: request.t('organisations.errors.title'), body: ReviewProblemPage({ t: request.t, message }) });
}

const badId = (request: FastifyRequest, reply: FastifyReply, field: string) => refuse(request, reply, 400, request.t('organisations.errors.badId', { field }));

/** Runs a review decision; a refused one becomes a page saying why, in the user's language. */
async function decide(request: FastifyRequest, reply: FastifyReply, action: () => Promise<unknown>, done: DoneMessage) {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ReviewError)) throw error;
    return refuse(request, reply, statusOf(error), error.in(request.t));
  }
  return reply.redirect(`/organisations/review?done=${done}`, 303);
}

export async function organisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staffOnly = { access: centreStaff };

  app.get('/organisations/review', { config: staffOnly, schema: { querystring: queuePageQuery, hide: true } }, async (request, reply) => {
    const { page, done } = request.query;
    const queue = await reviewQueue(app.db, { limit: pageSize, offset: (page - 1) * pageSize });
    return renderPage(request, reply, {
      title: request.t('organisations.review.title'),
      body: ReviewQueuePage({ t: request.t, language: request.language, csrfToken: request.csrfToken, queue, page, pageSize, done }),
    });
  });

  app.get('/organisations/review/merge', { config: staffOnly, schema: { querystring: anyFields, hide: true } }, async (request, reply) => {
    const form = parseForm(mergeForm, request.query);
    if (!form.ok) return badId(request, reply, form.field);
    try {
      const preview = await describeMerge(app.db, { survivorId: form.value.into, mergedId: form.value.from });
      return renderPage(request, reply, { title: request.t('organisations.merge.title'), body: MergeConfirmPage({ t: request.t, csrfToken: request.csrfToken, preview }) });
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      return refuse(request, reply, statusOf(error), error.in(request.t));
    }
  });

  app.post('/organisations/review/merge', { config: staffOnly, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const form = parseForm(mergeForm, request.body);
    if (!form.ok) return badId(request, reply, form.field);
    const { from, into } = form.value;
    return decide(request, reply, () => mergeOrganisations(app.db, { survivorId: into, mergedId: from, accountId: request.account!.id }), 'merged');
  });

  app.post('/organisations/review/distinct', { config: staffOnly, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const form = parseForm(distinctForm, request.body);
    if (!form.ok) return badId(request, reply, form.field);
    return decide(request, reply, () => markDistinct(app.db, form.value.id, form.value.other, request.account!.id), 'distinct');
  });

  app.post('/organisations/review/confirm', { config: staffOnly, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const form = parseForm(confirmForm, request.body);
    if (!form.ok) return badId(request, reply, form.field);
    return decide(request, reply, () => confirmOrganisation(app.db, form.value.id, request.account!.id), 'confirmed');
  });

  app.get(
    '/api/v1/organisations/review',
    {
      config: staffOnly,
      schema: {
        tags: ['organisations'],
        summary: 'Organisations waiting for review, with their likely duplicates',
        querystring: apiQuery,
        response: { 200: apiQueue },
      },
    },
    async (request) => {
      const query = request.query;
      return reviewQueue(app.db, query);
    },
  );
}
