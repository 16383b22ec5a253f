import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields, fieldsOf } from '../../http/validation.js';
import { auditRead, randomToken } from '../identity/index.js';
import { currentDay, currentTime } from './clock.js';
import { discardDraft, saveAnswers, startCheck, submitCheck } from './commands/checks.js';
import { carriableItemsOf } from './commands/needs.js';
import { idOf, parseAreaAnswers, wantsEasy, type FieldProblem } from './form.js';
import { currentChecklist } from './items.js';
import { fillerOf, fillerRoles, mayFillFor, type Filler } from './policy.js';
import { differenceOf, profileOf } from './present.js';
import { consultationOf, loadCheck, loadCheckHead, organisationHistory, organisationOf, previousCheckId, type CheckHead } from './queries.js';
import { nextStepsFor } from './recommendations.js';
import { staffStartPage } from './routes-staff.js';
import { AreaPage, DraftPage, easyQuery, givenMap, StartPage } from './views/fill.js';
import { ResultPage } from './views/result.js';

/**
 * The Vereins-Check as the association fills it in: the start page, one area
 * per page, the overview with submit, the result with its next steps. The
 * adviser (staff) may open every organisation's check; a representative
 * only their organisations' (others answer 404).
 */

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0) });
const areaParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).catch(0), area: z.string().max(40) });
const pageQuery = z.object({ done: z.string().max(20).optional().catch(undefined), lang: z.string().optional(), easy: z.string().optional() });
const startBody = z.object({
  organisation_id: z.coerce.number().int().positive().max(2_147_483_647).catch(0),
  token: z.string().min(16).max(100).catch(''),
  with_adviser: z.string().optional(),
  consultation_id: z.string().optional(),
});

export async function fillerOrFail(request: FastifyRequest): Promise<Filler> {
  const filler = await fillerOf(request.server.db, request.account!);
  if (!filler) throw new HttpProblem(403, 'forbidden');
  return filler;
}

/** The check's head, or 404 when it does not exist or is another organisation's. */
async function readableCheck(request: FastifyRequest, id: number): Promise<{ filler: Filler; head: CheckHead }> {
  const filler = await fillerOrFail(request);
  const head = id > 0 ? await loadCheckHead(request.server.db, id) : null;
  if (!head || !mayFillFor(filler, head.organisationId)) throw new HttpProblem(404, 'notFound');
  if (filler.kind === 'staff') await auditRead(request.server.db, filler.accountId, 'selfcheck', id);
  return { filler, head };
}

const errorsOf = (request: FastifyRequest, problems: FieldProblem[]) => problems.map((problem) => ({ field: idOf(problem.field), message: request.t(`selfcheck.errors.${problem.code}`) }));

export async function selfcheckRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: fillerRoles };

  app.get('/selfcheck', { config, schema: { querystring: anyFields, hide: true } }, async (request, reply) => {
    const filler = await fillerOrFail(request);
    if (filler.kind === 'staff') return staffStartPage(request, reply);
    const done = pageQuery.parse(request.query).done;
    const organisations = await Promise.all(filler.organisationIds.map(async (id) => {
      const [organisation, history] = await Promise.all([organisationOf(app.db, id), organisationHistory(app.db, id)]);
      const latest = history.checks[0];
      return { id, name: organisation?.name ?? '', draftId: history.draftId, latest: latest ? { id: latest.head.id, submittedOn: latest.head.submittedOn! } : null };
    }));
    return renderPage(request, reply, {
      title: request.t('selfcheck.start.title'),
      body: StartPage({ t: request.t, csrfToken: request.csrfToken, token: randomToken(), organisations: organisations.sort((a, b) => a.name.localeCompare(b.name)), done }),
    });
  });

  app.post('/selfcheck/start', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const filler = await fillerOrFail(request);
    const body = startBody.parse(fieldsOf(request.body));
    // the organisation is looked up and scope-checked before anything else is read
    const organisation = body.organisation_id > 0 ? await organisationOf(app.db, body.organisation_id) : undefined;
    if (!organisation || !mayFillFor(filler, organisation.id)) throw new HttpProblem(404, 'notFound');
    if (body.token === '') throw new HttpProblem(400, 'badRequest');
    const consultationId = filler.kind === 'staff' && /^\d{1,9}$/.test(body.consultation_id ?? '') ? Number(body.consultation_id) : null;
    const consultation = consultationId === null ? null : await consultationOf(app.db, consultationId, organisation.id);
    const { id } = await startCheck(app.db, {
      organisationId: organisation.id, accountId: request.account!.id, token: body.token,
      withAdviser: filler.kind === 'staff', consultationId: consultation?.id ?? null,
    });
    return reply.redirect(`/selfcheck/checks/${id}`, 303);
  });

  app.get('/selfcheck/checks/:id', { config, schema: { params: idParams, querystring: anyFields, hide: true } }, async (request, reply) => {
    const { filler, head } = await readableCheck(request, request.params.id);
    const { done } = pageQuery.parse(request.query);
    return head.state === 'draft' ? showDraft(request, reply, head, [], done) : showResult(request, reply, filler, head, done);
  });

  async function showDraft(request: FastifyRequest, reply: FastifyReply, head: CheckHead, unanswered: string[], done?: string) {
    const [checklist, detail] = await Promise.all([currentChecklist(app.db), loadCheck(app.db, head.id)]);
    const answered = new Set(detail!.answers.map((entry) => entry.item.key));
    const areas = checklist.areas
      .map((area) => {
        const items = checklist.items.filter((item) => item.areaKey === area.key);
        return { area, items: items.length, answered: items.filter((item) => answered.has(item.key)).length };
      })
      .filter((entry) => entry.items > 0);
    if (unanswered.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('selfcheck.draft.title', { organisation: head.organisationName }),
      body: DraftPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, head, areas, unanswered, easy: wantsEasy(request), done }),
    });
  }

  async function showResult(request: FastifyRequest, reply: FastifyReply, filler: Filler, head: CheckHead, done?: string) {
    const detail = (await loadCheck(app.db, head.id))!;
    const previousId = await previousCheckId(app.db, head);
    const previous = previousId ? await loadCheck(app.db, previousId) : null;
    const steps = await nextStepsFor(app.db, detail.answers, { today: currentDay(), language: request.language, organisationId: head.organisationId });
    // staff carry the open items into the needs log (routes-needs.tsx); done=needs-<recorded>-<already>
    const carried = /^needs-(\d{1,4})-(\d{1,4})$/.exec(done ?? '');
    const needs = filler.kind === 'staff' && head.latest
      ? { csrfToken: request.csrfToken, items: await carriableItemsOf(app.db, head), done: carried ? { recorded: Number(carried[1]), already: Number(carried[2]) } : undefined }
      : null;
    return renderPage(request, reply, {
      title: request.t('selfcheck.result.title', { organisation: head.organisationName, date: head.submittedOn }),
      body: ResultPage({
        t: request.t, language: request.language, head, previous: previous?.head ?? null, profile: profileOf(detail.areas, detail.answers),
        difference: previous ? differenceOf(detail.areas, previous.answers, detail.answers) : null, given: detail.answers, steps, areas: detail.areas,
        mayRequest: filler.kind === 'representative', easy: wantsEasy(request), done, needs,
      }),
    });
  }

  async function areaOf(head: CheckHead, areaKey: string) {
    const checklist = await currentChecklist(app.db);
    const areas = checklist.areas.filter((area) => checklist.items.some((item) => item.areaKey === area.key));
    const index = areas.findIndex((area) => area.key === areaKey);
    if (index < 0 || head.state !== 'draft') return null;
    return { area: areas[index], index, areas, items: checklist.items.filter((item) => item.areaKey === areaKey) };
  }

  app.get('/selfcheck/checks/:id/areas/:area', { config, schema: { params: areaParams, querystring: anyFields, hide: true } }, async (request, reply) => {
    const { head } = await readableCheck(request, request.params.id);
    if (head.state !== 'draft') return reply.redirect(`/selfcheck/checks/${head.id}`, 303);
    const found = await areaOf(head, request.params.area);
    if (!found) throw new HttpProblem(404, 'notFound');
    const detail = (await loadCheck(app.db, head.id))!;
    return renderPage(request, reply, {
      title: request.t('selfcheck.area.title', { position: found.index + 1, count: found.areas.length }),
      body: AreaPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, head, area: found.area, position: found.index + 1, areaCount: found.areas.length, items: found.items, given: givenMap(detail.answers), errors: [], easy: wantsEasy(request) }),
    });
  });

  app.post('/selfcheck/checks/:id/areas/:area', { config, schema: { params: areaParams, querystring: anyFields, body: anyFields, hide: true } }, async (request, reply) => {
    const { head } = await readableCheck(request, request.params.id);
    if (head.state !== 'draft') return reply.redirect(`/selfcheck/checks/${head.id}`, 303);
    const found = await areaOf(head, request.params.area);
    if (!found) throw new HttpProblem(404, 'notFound');
    const body = fieldsOf(request.body);
    const easy = wantsEasy(request);
    const parsed = parseAreaAnswers(body, found.items.map((item) => item.key));
    if (!parsed.ok) {
      reply.code(400);
      const title = request.t('selfcheck.area.title', { position: found.index + 1, count: found.areas.length });
      return renderPage(request, reply, {
        title: request.t('selfcheck.errors.prefix', { title }),
        body: AreaPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, head, area: found.area, position: found.index + 1, areaCount: found.areas.length, items: found.items, given: new Map(parsed.values.map((value) => [value.itemKey, value])), errors: errorsOf(request, parsed.errors), easy }),
      });
    }
    const outcome = await saveAnswers(app.db, head.id, parsed.values);
    if (!outcome.ok) return reply.redirect(`/selfcheck/checks/${head.id}`, 303);
    const next = found.areas[found.index + 1];
    if (body.then === 'next' && next) return reply.redirect(`/selfcheck/checks/${head.id}/areas/${next.key}${easyQuery(easy)}`, 303);
    return reply.redirect(`/selfcheck/checks/${head.id}?done=saved${easyQuery(easy, false)}`, 303);
  });

  app.post('/selfcheck/checks/:id/submit', { config, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { head } = await readableCheck(request, request.params.id);
    const outcome = await submitCheck(app.db, head.id, request.account!.id, currentTime(), currentDay());
    if (!outcome.ok && outcome.reason === 'unanswered') return showDraft(request, reply, head, outcome.areas);
    if (!outcome.ok) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/selfcheck/checks/${head.id}${outcome.already ? '' : '?done=submitted'}`, 303);
  });

  app.post('/selfcheck/checks/:id/discard', { config, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { head } = await readableCheck(request, request.params.id);
    await discardDraft(app.db, head.id);
    return reply.redirect(head.state === 'draft' ? '/selfcheck?done=discarded' : `/selfcheck/checks/${head.id}`, 303);
  });
}
