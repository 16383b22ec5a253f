import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../db/tables.js';
import { HttpProblem } from '../../http/errors.js';
import { fieldsOf } from '../../http/validation.js';
import { renderPage } from '../../http/render.js';
import { berlinDay } from '../../ui/dates.js';
import { DomainError } from '../domain-error.js';
import { writeAudit } from '../identity/index.js';
import { currentTime } from './clock.js';
import { saveEndDate, saveGuide, saveInterview, withdrawConsent } from './commands/interviews.js';
import { removeObservation, saveObservation } from './commands/observations.js';
import { saveReflection } from './commands/reflections.js';
import { formBody, parseGuide, parseInterview, parseObservation, parseReflection, parseSettings, parseWithdrawal, type FormBody, type FormProblem } from './input.js';
import { methodsQuerySchema, methodsTable } from './methods.js';
import { pseudonymiserFor } from './pseudonyms.js';
import { workspaceWorkbook } from './workspace-export.js';
import { agendaSince, evaluationEnd, openConcernsForAgenda, guides, interviews, observableEvents, previousFollowups, protocolOf, reflections } from './workspace-queries.js';
import { GuideForm, GuidesPage, InterviewForm, InterviewsPage } from './views/interviews.js';
import { MethodsPage, SettingsPage } from './views/methods.js';
import { ObservationsPage, ProtocolPage } from './views/observations.js';
import type { FieldError } from './views/parts.js';
import { agendaText, ReflectionForm, ReflectionsPage } from './views/reflections.js';

/**
 * The evaluator's workspace (issue 15): observations, interviews and their
 * guides, reflection meetings, the methods table, the evaluation's end date
 * and the export. Interviews, protocols and meetings are the evaluator's
 * own working material, written under the interviewees' consent "only for
 * the evaluation": evaluators only. The methods table holds no personal data:
 * admins and staff may read it too. Every id is looked up before the body is
 * read (an unknown id answers 404 whatever is sent).
 */

export const workspaceWriters: readonly Role[] = ['evaluator'];
export const methodsReaders: readonly Role[] = ['admin', 'staff', 'evaluator'];
export const settingsEditors: readonly Role[] = ['admin', 'evaluator'];

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const noticeQuery = z.object({ saved: z.string().optional() }).passthrough();

export async function workspaceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const own = { access: workspaceWriters };
  const threshold = app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD > 1 ? app.settings.MOSAIK_SMALL_NUMBER_THRESHOLD : null;
  const messages = (request: FastifyRequest, problems: FormProblem[]): FieldError[] =>
    problems.map((problem) => {
      const parameters = { ...(problem.parameters ?? {}) };
      // the portrait check names what would reveal the organisation by kind, never by value
      if (problem.code === 'portraitReveals') parameters.what = String(parameters.what ?? '').split(',').map((kind) => request.t(`evaluation.portrait.kinds.${kind}`)).join(', ');
      return { field: problem.field, message: request.t(`evaluation.errors.${problem.code}`, parameters) };
    });
  const domainProblem = (error: unknown): FormProblem | null =>
    error instanceof DomainError && error.module === 'evaluation' && error.code !== 'notFound' ? { field: error.field ?? 'form', code: error.code, parameters: error.parameters } : null;
  const saved = (request: FastifyRequest) => (fieldsOf(request.query).saved === '1' ? request.t('evaluation.workspace.saved') : undefined);

  // observations
  app.get('/evaluation/observations', { config: own, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) =>
    renderPage(request, reply, {
      title: request.t('evaluation.observations.title'),
      body: <ObservationsPage t={request.t} language={request.language} events={await observableEvents(app.db)} today={berlinDay(currentTime())} notice={saved(request)} />,
    }),
  );

  async function protocolPage(request: FastifyRequest, reply: FastifyReply, id: number, values?: FormBody, problems: FormProblem[] = []) {
    const protocol = await protocolOf(app.db, id);
    if (!protocol) throw new HttpProblem(404, 'notFound');
    if (problems.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('evaluation.observations.protocolTitle', { title: protocol.event.title }),
      body: <ProtocolPage t={request.t} language={request.language} csrfToken={request.csrfToken} protocol={protocol} values={values} errors={messages(request, problems)} notice={saved(request)} />,
    });
  }

  app.get('/evaluation/observations/:id', { config: own, schema: { params: idParams, querystring: noticeQuery, hide: true } }, async (request, reply) => protocolPage(request, reply, request.params.id));

  app.post('/evaluation/observations/:id', { config: own, schema: { params: idParams, body: formBody, hide: true } }, async (request, reply) => {
    if (!(await protocolOf(app.db, request.params.id))) throw new HttpProblem(404, 'notFound');
    const body = formBody.parse(request.body ?? {});
    const { input, problems } = parseObservation(body);
    if (problems.length > 0) return protocolPage(request, reply, request.params.id, body, problems);
    try {
      await saveObservation(app.db, request.account!.id, request.params.id, input, currentTime());
    } catch (error) {
      const problem = domainProblem(error);
      if (problem) return protocolPage(request, reply, request.params.id, body, [problem]);
      throw error;
    }
    return reply.redirect(`/evaluation/observations/${request.params.id}?saved=1`, 303);
  });

  app.post('/evaluation/observations/:id/remove', { config: own, schema: { params: idParams, body: formBody, hide: true } }, async (request, reply) => {
    try {
      await removeObservation(app.db, request.account!.id, request.params.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'notFound') throw new HttpProblem(404, 'notFound');
      throw error;
    }
    return reply.redirect('/evaluation/observations?saved=1', 303);
  });

  // interviews
  app.get('/evaluation/interviews', { config: own, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) => {
    await writeAudit(app.db, { accountId: request.account!.id, action: 'evaluation.interview.read', subjectType: 'evaluation_interview' });
    return renderPage(request, reply, {
      title: request.t('evaluation.interviews.title'),
      body: <InterviewsPage t={request.t} language={request.language} rows={await interviews(app.db, await pseudonymiserFor(app.db))} notice={saved(request)} />,
    });
  });

  async function interviewPage(request: FastifyRequest, reply: FastifyReply, id?: number, values?: FormBody, problems: FormProblem[] = [], warnings: Awaited<ReturnType<typeof saveInterview>>['warnings'] = []) {
    const interview = id === undefined ? undefined : (await interviews(app.db, await pseudonymiserFor(app.db), id))[0];
    if (id !== undefined && !interview) throw new HttpProblem(404, 'notFound');
    if (problems.length > 0) reply.code(400);
    const title = request.t(interview ? 'evaluation.interviews.editTitle' : 'evaluation.interviews.newTitle');
    return renderPage(request, reply, {
      title,
      body: <InterviewForm t={request.t} language={request.language} csrfToken={request.csrfToken} guides={await guides(app.db)} interview={interview} values={values} errors={messages(request, problems)} warnings={warnings} notice={saved(request)} />,
    });
  }

  async function postInterview(request: FastifyRequest, reply: FastifyReply, id?: number) {
    if (id !== undefined && (await interviews(app.db, await pseudonymiserFor(app.db), id)).length === 0) throw new HttpProblem(404, 'notFound');
    const body = formBody.parse(request.body ?? {});
    const { input, problems } = parseInterview(body);
    if (problems.length > 0) return interviewPage(request, reply, id, body, problems);
    try {
      const result = await saveInterview(app.db, request.account!.id, input, id);
      // warnings are shown on the saved interview: the evaluator decides
      if (result.warnings.length > 0) return interviewPage(request, reply, result.id, undefined, [], result.warnings);
      return reply.redirect(`/evaluation/interviews/${result.id}?saved=1`, 303);
    } catch (error) {
      const problem = domainProblem(error);
      if (problem) return interviewPage(request, reply, id, body, [problem]);
      throw error;
    }
  }

  app.get('/evaluation/interviews/new', { config: own, schema: { hide: true } }, async (request, reply) => interviewPage(request, reply));
  app.post('/evaluation/interviews', { config: own, schema: { body: formBody, hide: true } }, async (request, reply) => postInterview(request, reply));
  app.get('/evaluation/interviews/:id', { config: own, schema: { params: idParams, querystring: noticeQuery, hide: true } }, async (request, reply) => {
    await writeAudit(app.db, { accountId: request.account!.id, action: 'evaluation.interview.read', subjectType: 'evaluation_interview', subjectId: request.params.id });
    return interviewPage(request, reply, request.params.id);
  });
  app.post('/evaluation/interviews/:id', { config: own, schema: { params: idParams, body: formBody, hide: true } }, async (request, reply) => postInterview(request, reply, request.params.id));

  // the interviewee withdrew the consent: the content goes at once
  app.post('/evaluation/interviews/:id/withdraw', { config: own, schema: { params: idParams, body: formBody, hide: true } }, async (request, reply) => {
    if ((await interviews(app.db, await pseudonymiserFor(app.db), request.params.id)).length === 0) throw new HttpProblem(404, 'notFound');
    const body = formBody.parse(request.body ?? {});
    const { withdrawnOn, problems } = parseWithdrawal(body);
    if (problems.length > 0 || withdrawnOn === null) return interviewPage(request, reply, request.params.id, body, problems);
    try {
      await withdrawConsent(app.db, request.account!.id, request.params.id, withdrawnOn);
    } catch (error) {
      const problem = domainProblem(error);
      if (problem) return interviewPage(request, reply, request.params.id, body, [problem]);
      throw error;
    }
    return reply.redirect(`/evaluation/interviews/${request.params.id}?saved=1`, 303);
  });

  // interview guides
  app.get('/evaluation/guides', { config: own, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('evaluation.guides.title'), body: <GuidesPage t={request.t} language={request.language} rows={await guides(app.db)} notice={saved(request)} /> }),
  );

  async function guidePage(request: FastifyRequest, reply: FastifyReply, id?: number, values?: FormBody, problems: FormProblem[] = []) {
    const guide = id === undefined ? undefined : (await guides(app.db)).find((row) => row.id === id);
    if (id !== undefined && !guide) throw new HttpProblem(404, 'notFound');
    if (problems.length > 0) reply.code(400);
    return renderPage(request, reply, { title: request.t('evaluation.guides.title'), body: <GuideForm t={request.t} csrfToken={request.csrfToken} guide={guide} values={values} errors={messages(request, problems)} /> });
  }

  async function postGuide(request: FastifyRequest, reply: FastifyReply, id?: number) {
    if (id !== undefined && !(await guides(app.db)).some((row) => row.id === id)) throw new HttpProblem(404, 'notFound');
    const body = formBody.parse(request.body ?? {});
    const { input, problems } = parseGuide(body);
    if (problems.length > 0) return guidePage(request, reply, id, body, problems);
    await saveGuide(app.db, request.account!.id, input, id);
    return reply.redirect('/evaluation/guides?saved=1', 303);
  }

  app.get('/evaluation/guides/new', { config: own, schema: { hide: true } }, async (request, reply) => guidePage(request, reply));
  app.post('/evaluation/guides', { config: own, schema: { body: formBody, hide: true } }, async (request, reply) => postGuide(request, reply));
  app.get('/evaluation/guides/:id', { config: own, schema: { params: idParams, hide: true } }, async (request, reply) => guidePage(request, reply, request.params.id));
  app.post('/evaluation/guides/:id', { config: own, schema: { params: idParams, body: formBody, hide: true } }, async (request, reply) => postGuide(request, reply, request.params.id));

  // reflection meetings
  app.get('/evaluation/reflections', { config: own, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('evaluation.reflections.title'), body: <ReflectionsPage t={request.t} language={request.language} rows={await reflections(app.db)} notice={saved(request)} /> }),
  );

  async function reflectionPage(request: FastifyRequest, reply: FastifyReply, id?: number, values?: FormBody, problems: FormProblem[] = []) {
    const all = await reflections(app.db);
    const reflection = id === undefined ? undefined : all.find((row) => row.id === id);
    if (id !== undefined && !reflection) throw new HttpProblem(404, 'notFound');
    const query = fieldsOf(request.query);
    // agendaFor: the page's own prefill form; heldOn: a link with the meeting's day
    const asked = query.agendaFor ?? query.heldOn;
    const heldOn = reflection?.heldOn ?? (typeof asked === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : berlinDay(currentTime()));
    const previous = previousFollowups(all, heldOn, reflection?.id);
    let agenda = reflection?.agenda ?? '';
    if (!reflection) {
      const last = all.find((row) => row.heldOn < heldOn);
      const since = last?.heldOn ?? null;
      agenda = agendaText(request.t, request.language, since, await agendaSince(app.db, since, heldOn), previous.filter((followup) => followup.status === 'open'), await openConcernsForAgenda(app.db, since));
    }
    if (problems.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('evaluation.reflections.title'),
      body: <ReflectionForm t={request.t} language={request.language} csrfToken={request.csrfToken} reflection={reflection} heldOn={heldOn} agenda={agenda} previous={previous} values={values} errors={messages(request, problems)} notice={saved(request)} />,
    });
  }

  async function postReflection(request: FastifyRequest, reply: FastifyReply, id?: number) {
    if (id !== undefined && !(await reflections(app.db)).some((row) => row.id === id)) throw new HttpProblem(404, 'notFound');
    const body = formBody.parse(request.body ?? {});
    const { input, problems } = parseReflection(body);
    if (problems.length > 0) return reflectionPage(request, reply, id, body, problems);
    const savedId = await saveReflection(app.db, request.account!.id, input, id);
    return reply.redirect(`/evaluation/reflections/${savedId}?saved=1`, 303);
  }

  app.get('/evaluation/reflections/new', { config: own, schema: { querystring: z.object({ heldOn: z.string().optional(), agendaFor: z.string().optional() }), hide: true } }, async (request, reply) => reflectionPage(request, reply));
  app.post('/evaluation/reflections', { config: own, schema: { body: formBody, hide: true } }, async (request, reply) => postReflection(request, reply));
  app.get('/evaluation/reflections/:id', { config: own, schema: { params: idParams, querystring: noticeQuery, hide: true } }, async (request, reply) => reflectionPage(request, reply, request.params.id));
  app.post('/evaluation/reflections/:id', { config: own, schema: { params: idParams, body: formBody, hide: true } }, async (request, reply) => postReflection(request, reply, request.params.id));

  // the methods table of 4.1
  app.get('/evaluation/methods', { config: { access: methodsReaders }, schema: { querystring: z.object({ from: z.string().optional(), to: z.string().optional() }), hide: true } }, async (request, reply) => {
    const from = request.query.from ?? '2017-09-01';
    const to = request.query.to ?? berlinDay(currentTime());
    const period = methodsQuerySchema.safeParse({ from, to });
    const errors = period.success ? [] : period.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'from'), message: request.language === 'de' ? issue.message.split(' / ')[0] : (issue.message.split(' / ')[1] ?? issue.message) }));
    if (!period.success) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('evaluation.methods.title'),
      body: <MethodsPage t={request.t} language={request.language} table={period.success ? await methodsTable(app.db, period.data) : null} from={from} to={to} errors={errors} />,
    });
  });

  // settings and the export
  async function settingsPage(request: FastifyRequest, reply: FastifyReply, values?: FormBody, problems: FormProblem[] = []) {
    const rule = await app.db.selectFrom('retention_rule').select(['amount', 'unit']).where('kind', '=', 'evaluation_interview_notes').executeTakeFirst();
    if (problems.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('evaluation.settings.title'),
      body: (
        <SettingsPage
          t={request.t}
          language={request.language}
          csrfToken={request.csrfToken}
          endsOn={await evaluationEnd(app.db)}
          rule={rule ? `${rule.amount} ${request.t(`privacy.retention.units.${rule.unit}`)}` : '–'}
          values={values}
          errors={messages(request, problems)}
          notice={saved(request)}
        />
      ),
    });
  }
  app.get('/evaluation/settings', { config: { access: settingsEditors }, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) => settingsPage(request, reply));
  app.post('/evaluation/settings', { config: { access: settingsEditors }, schema: { body: formBody, hide: true } }, async (request, reply) => {
    const body = formBody.parse(request.body ?? {});
    const { endsOn, problems } = parseSettings(body);
    if (problems.length > 0) return settingsPage(request, reply, body, problems);
    await saveEndDate(app.db, request.account!.id, endsOn);
    return reply.redirect('/evaluation/settings?saved=1', 303);
  });

  app.get('/evaluation/export.xlsx', { config: own, schema: { hide: true } }, async (request, reply) => {
    await writeAudit(app.db, { accountId: request.account!.id, action: 'evaluation.export', subjectType: 'evaluation', details: { list: 'workspace' } });
    const file = await workspaceWorkbook(app.db, await pseudonymiserFor(app.db), threshold);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mosaik-evaluation-workspace.xlsx"')
      .send(file);
  });
}
