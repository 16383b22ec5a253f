import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formTexts } from '../../http/validation.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { DomainError } from '../domain-error.js';
import { linkNeedToEvent } from './commands/links.js';
import { mergeEntries } from './commands/merge.js';
import { EntryProblems } from './commands/record.js';
import { changeConcernState } from './commands/update.js';
import { idOf, text, type FormBody } from './form.js';
import { listMeetings } from './meeting-queries.js';
import { editorRoles, readerRoles, scopeOf, seesNames } from './policy.js';
import { eventChoices, findEntry, listEntries, mergedInto, mergeTargets, type ListFilters } from './queries.js';
import { entryKinds, needStates, concernStates, titleIn } from './tables.js';
import { concernTopics } from './vocabulary.js';
import { EntryList, EntryPage } from './views/staff.js';
import { fieldErrors } from './views/shared.js';

/** The log of needs and concerns and an entry's page: staff edit, coordinators read their districts, the funder reads what reached the ministry. */

const readers = { access: readerRoles };
const editors = { access: editorRoles };
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const listQuery = z.object({
  kind: z.enum(entryKinds).optional().catch(undefined),
  state: z.enum([...needStates, ...concernStates]).optional().catch(undefined),
  topic: z.enum(concernTopics).optional().catch(undefined),
  saved: z.string().optional(),
});
const entryQuery = z.object({ saved: z.string().max(20).optional() });

export async function concernRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/concerns', { config: readers, schema: { querystring: listQuery, hide: true } }, async (request, reply) => {
    const scope = await scopeOf(app.db, request.account!);
    const filters: ListFilters = { kind: request.query.kind, state: request.query.state, topic: request.query.topic };
    return renderPage(request, reply, {
      title: request.t('concerns.staff.title'),
      body: <EntryList t={request.t} language={request.language} entries={await listEntries(app.db, scope, filters)} filters={filters} canEdit={scope.kind === 'all'} names={seesNames(scope)} notice={request.query.saved ? request.t('concerns.notices.saved') : undefined} />,
    });
  });

  /** An entry's page; `problems` and `status` when a step or a merge was refused. */
  async function showEntry(request: FastifyRequest, reply: FastifyReply, id: number, options: { problems?: { field: string; message: string }[]; notice?: string } = {}) {
    const scope = await scopeOf(app.db, request.account!);
    const entry = await findEntry(app.db, scope, id);
    if (!entry) {
      const survivor = scope.kind === 'all' ? await mergedInto(app.db, id) : null;
      if (survivor !== null) return reply.redirect(`/concerns/${survivor}`, 303);
      throw new HttpProblem(404, 'notFound');
    }
    if (entry.merged_into !== null) return reply.redirect(`/concerns/${entry.merged_into}`, 303);
    const canEdit = scope.kind === 'all';
    const [events, meetings, targets] = canEdit ? await Promise.all([eventChoices(app.db), listMeetings(app.db), mergeTargets(app.db, id, entry.kind)]) : [[], [], []];
    return renderPage(request, reply, {
      title: titleIn(entry, request.language),
      body: <EntryPage t={request.t} language={request.language} csrfToken={request.csrfToken} entry={entry} canEdit={canEdit} names={seesNames(scope)} events={events} meetings={meetings} mergeTargets={targets} notice={options.notice} errors={options.problems ?? []} />,
    });
  }

  app.get('/concerns/:id', { config: readers, schema: { params: idParams, querystring: entryQuery, hide: true } }, async (request, reply) =>
    showEntry(request, reply, request.params.id, { notice: request.query.saved ? request.t(`concerns.notices.${request.query.saved === 'merged' ? 'merged' : 'saved'}`) : undefined }),
  );

  /** Looks the entry up first (404 for what the account may not see, whatever is sent), then runs the change; a refused change shows the page again with its message. */
  async function change(request: FastifyRequest, reply: FastifyReply, id: number, run: () => Promise<string>) {
    const scope = await scopeOf(app.db, request.account!);
    if (!(await findEntry(app.db, scope, id))) throw new HttpProblem(404, 'notFound');
    try {
      return reply.redirect(await run(), 303);
    } catch (error) {
      if (error instanceof EntryProblems) {
        reply.code(400);
        return showEntry(request, reply, id, { problems: fieldErrors(request.t, error.problems) });
      }
      if (error instanceof DomainError && error.code !== 'notFound') {
        reply.code(error.code === 'stale' || error.code === 'merged' ? 409 : 400);
        return showEntry(request, reply, id, { problems: [{ field: error.field ?? 'state', message: error.in(request.t) }] });
      }
      if (error instanceof DomainError) throw new HttpProblem(404, 'notFound');
      throw error;
    }
  }
  const versionOf = (body: FormBody) => idOf(text(body, 'version')) ?? 0;

  app.post('/concerns/:id/state', { config: editors, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, async () => {
      const body = request.body;
      await changeConcernState(app.db, request.account!.id, request.params.id, versionOf(body), {
        state: text(body, 'state'), forwardedOn: text(body, 'forwardedOn') || null, meetingId: idOf(text(body, 'meetingId')), answer: text(body, 'answer'), note: text(body, 'note'),
      });
      return `/concerns/${request.params.id}?saved=1`;
    }),
  );

  app.post('/concerns/:id/merge', { config: editors, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, async () => {
      const body = request.body;
      const into = idOf(text(body, 'into'));
      if (into === null) throw new DomainError('concerns', 'mergeTargetGone', 'into');
      await mergeEntries(app.db, request.account!.id, request.params.id, versionOf(body), into);
      return `/concerns/${into}?saved=merged`;
    }),
  );

  app.post('/concerns/:id/events', { config: editors, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, async () => {
      const body = request.body;
      const eventId = idOf(text(body, 'eventId'));
      if (eventId === null) throw new DomainError('concerns', 'eventUnknown', 'eventId');
      await linkNeedToEvent(app.db, request.account!.id, request.params.id, eventId, text(body, 'linked') !== 'no');
      return `/concerns/${request.params.id}?saved=1#events-title`;
    }),
  );
}
