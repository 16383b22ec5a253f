import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formTexts } from '../../http/validation.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { DomainError } from '../domain-error.js';
import { createMeeting, recordMinutes, setAgenda, type MinutesItem } from './commands/meeting.js';
import { EntryProblems } from './commands/record.js';
import { idOf, list, text, type FormBody } from './form.js';
import { findMeeting, listMeetings, openConcerns } from './meeting-queries.js';
import { editorRoles, meetingReaders, scopeOf, seesNames } from './policy.js';
import { MeetingList, MeetingPage } from './views/meetings.js';
import { fieldErrors } from './views/shared.js';

/** The Dialogtreffen with the ministry: staff plan and record it, the funder reads agenda and minutes. */

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const savedQuery = z.object({ saved: z.enum(['agenda', 'minutes', 'created']).optional().catch(undefined) });

export async function meetingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/concerns/dialog', { config: { access: meetingReaders }, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('concerns.meetings.title'), body: <MeetingList t={request.t} language={request.language} csrfToken={request.csrfToken} meetings={await listMeetings(app.db)} canEdit={editorRoles.includes(request.account!.role)} errors={[]} /> }),
  );

  app.post('/concerns/dialog', { config: { access: editorRoles }, schema: { body: formTexts, hide: true } }, async (request, reply) => {
    const body = request.body;
    try {
      const id = await createMeeting(app.db, request.account!.id, { heldOn: text(body, 'heldOn'), title: text(body, 'title'), place: text(body, 'place') || null });
      return reply.redirect(`/concerns/dialog/${id}?saved=created`, 303);
    } catch (error) {
      if (!(error instanceof EntryProblems)) throw error;
      reply.code(400);
      return renderPage(request, reply, { title: request.t('concerns.meetings.title'), body: <MeetingList t={request.t} language={request.language} csrfToken={request.csrfToken} meetings={await listMeetings(app.db)} canEdit errors={fieldErrors(request.t, error.problems)} /> });
    }
  });

  async function show(request: FastifyRequest, reply: FastifyReply, id: number, errors: { field: string; message: string }[] = [], notice?: string) {
    const meeting = await findMeeting(app.db, id);
    if (!meeting) throw new HttpProblem(404, 'notFound');
    const scope = await scopeOf(app.db, request.account!);
    const canEdit = scope.kind === 'all';
    return renderPage(request, reply, {
      title: meeting.title,
      body: <MeetingPage t={request.t} language={request.language} csrfToken={request.csrfToken} meeting={meeting} open={canEdit ? await openConcerns(app.db) : []} canEdit={canEdit} names={seesNames(scope)} errors={errors} notice={notice} />,
    });
  }

  app.get('/concerns/dialog/:id', { config: { access: meetingReaders }, schema: { params: idParams, querystring: savedQuery, hide: true } }, async (request, reply) =>
    show(request, reply, request.params.id, [], request.query.saved ? request.t(`concerns.notices.${request.query.saved}`) : undefined),
  );

  /** Looks the meeting up first (404 whatever is sent), then runs the change; a refused one shows the meeting again with its message. */
  async function change(request: FastifyRequest, reply: FastifyReply, id: number, run: () => Promise<string>) {
    if (!(await findMeeting(app.db, id))) throw new HttpProblem(404, 'notFound');
    try {
      return reply.redirect(await run(), 303);
    } catch (error) {
      if (error instanceof EntryProblems) {
        reply.code(400);
        return show(request, reply, id, fieldErrors(request.t, error.problems));
      }
      if (error instanceof DomainError && error.code !== 'notFound') {
        reply.code(409);
        return show(request, reply, id, [{ field: 'agenda-title', message: error.in(request.t) }]);
      }
      throw error;
    }
  }

  app.post('/concerns/dialog/:id/agenda', { config: { access: editorRoles }, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, async () => {
      const body = request.body;
      // the order staff gave (positions), then the order of the list for those without one
      const picked = list(body, 'entryId').map(idOf).filter((id): id is number => id !== null)
        .map((id, index) => ({ id, position: idOf(text(body, `position_${id}`)) ?? 1000 + index }))
        .sort((a, b) => a.position - b.position);
      await setAgenda(app.db, request.account!.id, request.params.id, picked.map((item) => item.id));
      return `/concerns/dialog/${request.params.id}?saved=agenda`;
    }),
  );

  app.post('/concerns/dialog/:id/minutes', { config: { access: editorRoles }, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, async () => {
      const body = request.body;
      const meeting = (await findMeeting(app.db, request.params.id))!;
      const items: MinutesItem[] = meeting.agenda.map((item) => {
        const state = text(body, `state_${item.id}`);
        return { entryId: item.id, minutes: text(body, `minutes_${item.id}`), state: state === 'changed' || state === 'declined' ? state : 'forwarded', version: idOf(text(body, `version_${item.id}`)) ?? undefined };
      });
      await recordMinutes(app.db, request.account!.id, request.params.id, items);
      return `/concerns/dialog/${request.params.id}?saved=minutes`;
    }),
  );
}
