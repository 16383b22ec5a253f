import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminsOnly, centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { fieldsOf, pageText } from '../../http/validation.js';
import type { FieldError } from '../../ui/forms.js';
import { erasePerson, planPersonErasure } from './erasure.js';
import { OrganisationErasePage, PersonErasePage } from './erasure-views.js';
import { exportOwnData, exportPerson, type PersonExport } from './export.js';
import { ExportPage } from './export-views.js';
import { eraseOrganisation, planOrganisationErasure } from './organisation-erasure.js';
import { generateRecord } from './record.js';
import { listRules, retentionKinds, retentionUnits, runRetention, updateRules, type RetentionKind, type RetentionUnit } from './retention.js';
import { PrivacyHub, RetentionPage, RetentionResultsPage } from './retention-views.js';

/**
 * Data protection: per-person export (Art. 15/20) for staff and for every
 * account's own data, erasure of a person or an organisation (admins, with a
 * confirmation page and a typed reason), the retention rules with dry run,
 * and the record of processing activities.
 */

const positiveId = z.coerce.number().int().positive().max(2_147_483_647);
const doneQuery = z.object({ done: pageText });
const parseId = (request: FastifyRequest) => {
  const parsed = z.object({ id: positiveId }).safeParse(request.params);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data.id;
};
const formOf = (request: FastifyRequest) =>
  Object.fromEntries(Object.entries(fieldsOf(request.body)).map(([key, value]) => [key, String(Array.isArray(value) ? value[0] : value ?? '')]));

/** The reason an admin types for an erasure: required, 5 to 500 characters. */
function reasonError(request: FastifyRequest, reason: string): string | undefined {
  if (reason.length < 5) return request.t('privacy.erase.reasonMissing');
  if (reason.length > 500) return request.t('privacy.erase.reasonTooLong');
  return undefined;
}

function sendJson(reply: FastifyReply, result: PersonExport, fileName: string) {
  return reply
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(result, null, 2));
}

export async function privacyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = { access: centreStaff };
  const admins = { access: adminsOnly };
  const signedIn = { access: 'signedIn' as const };

  // Export -------------------------------------------------------------------
  app.get('/people/:id/export', { config: staff, schema: { hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const result = await exportPerson(app.db, id, request.account!.id, 'page');
    if (!result) throw new HttpProblem(404, 'notFound');
    reply.header('cache-control', 'no-store');
    return renderPage(request, reply, {
      title: request.t('privacy.export.title', { name: result.subject.name }),
      body: ExportPage({ t: request.t, language: request.language, result, jsonHref: `/people/${id}/export.json`, backHref: `/people/${id}` }),
    });
  });

  app.get('/people/:id/export.json', { config: staff, schema: { hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const result = await exportPerson(app.db, id, request.account!.id, 'json');
    if (!result) throw new HttpProblem(404, 'notFound');
    return sendJson(reply, result, `person-${id}-export.json`);
  });

  app.get('/my/data', { config: signedIn, schema: { hide: true } }, async (request, reply) => {
    const result = await exportOwnData(app.db, request.account!.id, 'page');
    if (!result) throw new HttpProblem(404, 'notFound');
    reply.header('cache-control', 'no-store');
    return renderPage(request, reply, {
      title: request.t('privacy.export.ownTitle'),
      body: ExportPage({ t: request.t, language: request.language, result, jsonHref: '/my/data.json', backHref: request.account!.role === 'representative' ? '/my' : '/account' }),
    });
  });

  app.get('/my/data.json', { config: signedIn, schema: { hide: true } }, async (request, reply) => {
    const result = await exportOwnData(app.db, request.account!.id, 'json');
    if (!result) throw new HttpProblem(404, 'notFound');
    return sendJson(reply, result, 'my-data.json');
  });

  // Erasure of a person --------------------------------------------------------
  async function showPersonErasure(request: FastifyRequest, reply: FastifyReply, id: number, form: { reason: string; error?: string; done: boolean }) {
    const plan = await planPersonErasure(app.db, id);
    if (!plan) throw new HttpProblem(404, 'notFound');
    if (form.error) reply.code(400);
    const title = request.t('privacy.erase.personTitle', { name: plan.name });
    return renderPage(request, reply, {
      title: form.error ? request.t('privacy.erase.errorPrefix', { title }) : title,
      body: PersonErasePage({ t: request.t, csrfToken: request.csrfToken, plan, ...form }),
    });
  }

  app.get('/people/:id/erase', { config: admins, schema: { querystring: doneQuery, hide: true } }, async (request, reply) =>
    showPersonErasure(request, reply, parseId(request), { reason: '', done: request.query.done === '1' }));

  app.post('/people/:id/erase', { config: admins, schema: { hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const reason = (formOf(request).reason ?? '').trim();
    const error = reasonError(request, reason);
    if (error) return showPersonErasure(request, reply, id, { reason, error, done: false });
    const outcome = await erasePerson(app.db, id, { actorId: request.account!.id, reason });
    if (!outcome) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/people/${id}/erase?done=1`, 303);
  });

  // Erasure of an organisation -------------------------------------------------
  async function showOrganisationErasure(request: FastifyRequest, reply: FastifyReply, id: number, form: { reason: string; error?: string; done: boolean }) {
    const plan = await planOrganisationErasure(app.db, id);
    if (!plan) throw new HttpProblem(404, 'notFound');
    const persons = await app.db
      .selectFrom('person_role').innerJoin('person', 'person.id', 'person_role.person_id')
      .select(['person.id', 'person.full_name as fullName']).distinct()
      .where('person_role.organisation_id', '=', id).where('person.erased_at', 'is', null).orderBy('person.full_name').execute();
    if (form.error) reply.code(400);
    const title = request.t('privacy.erase.organisationTitle', { name: plan.name });
    return renderPage(request, reply, {
      title: form.error ? request.t('privacy.erase.errorPrefix', { title }) : title,
      body: OrganisationErasePage({ t: request.t, csrfToken: request.csrfToken, plan, persons, ...form }),
    });
  }

  app.get('/organisations/:id/erase', { config: admins, schema: { querystring: doneQuery, hide: true } }, async (request, reply) =>
    showOrganisationErasure(request, reply, parseId(request), { reason: '', done: request.query.done === '1' }));

  app.post('/organisations/:id/erase', { config: admins, schema: { hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const reason = (formOf(request).reason ?? '').trim();
    const error = reasonError(request, reason);
    if (error) return showOrganisationErasure(request, reply, id, { reason, error, done: false });
    if (!(await eraseOrganisation(app.db, id, { actorId: request.account!.id, reason }))) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/organisations/${id}/erase?done=1`, 303);
  });

  // Hub, record, retention -------------------------------------------------------
  app.get('/privacy', { config: admins, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('privacy.hub.title'), body: PrivacyHub({ t: request.t }) }));

  app.get('/privacy/record.md', { config: admins, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/markdown; charset=utf-8').send(await generateRecord(app.db)));

  async function showRetention(request: FastifyRequest, reply: FastifyReply, options: { input?: Record<string, string>; errors?: FieldError[]; notice?: 'saved' | 'confirm' }) {
    const errors = options.notice === 'confirm' ? [{ field: 'confirm', message: request.t('privacy.retention.confirmMissing') }] : options.errors ?? [];
    if (errors.length > 0) reply.code(400);
    const title = request.t('privacy.retention.title');
    return renderPage(request, reply, {
      title: errors.length > 0 ? request.t('privacy.erase.errorPrefix', { title }) : title,
      body: RetentionPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, rules: await listRules(app.db), input: options.input, errors, notice: options.notice }),
    });
  }

  app.get('/privacy/retention', { config: admins, schema: { querystring: z.object({ saved: pageText }), hide: true } }, async (request, reply) =>
    showRetention(request, reply, { notice: request.query.saved === '1' ? 'saved' : undefined }));

  app.post('/privacy/retention', { config: admins, schema: { hide: true } }, async (request, reply) => {
    const input = formOf(request);
    const errors: FieldError[] = [];
    const rules: { kind: RetentionKind; amount: number; unit: RetentionUnit; enabled: boolean }[] = [];
    for (const kind of retentionKinds) {
      const amount = z.coerce.number().int().min(0).max(1200).safeParse((input[`${kind}.amount`] ?? '').trim() || 'x');
      const unit = z.enum(retentionUnits).safeParse(input[`${kind}.unit`]);
      const label = request.t(`privacy.retention.kinds.${kind}.label`);
      if (!amount.success) errors.push({ field: `${kind}.amount`, message: request.t('privacy.retention.amountInvalid', { kind: label }) });
      else if (!unit.success) errors.push({ field: `${kind}.amount`, message: request.t('privacy.retention.unitInvalid', { kind: label }) });
      else rules.push({ kind, amount: amount.data, unit: unit.data, enabled: input[`${kind}.enabled`] === 'on' });
    }
    if (errors.length > 0) return showRetention(request, reply, { input, errors });
    await updateRules(app.db, rules, request.account!.id);
    return reply.redirect('/privacy/retention?saved=1', 303);
  });

  app.get('/privacy/retention/dry-run', { config: admins, schema: { hide: true } }, async (request, reply) => {
    const results = await runRetention(app.db, { dryRun: true, actorId: request.account!.id });
    return renderPage(request, reply, {
      title: request.t('privacy.retention.dryRunTitle'),
      body: RetentionResultsPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, results, dryRun: true }),
    });
  });

  app.post('/privacy/retention/run', { config: admins, schema: { hide: true } }, async (request, reply) => {
    if (formOf(request).confirm !== 'yes') return showRetention(request, reply, { notice: 'confirm' });
    const results = await runRetention(app.db, { dryRun: false, actorId: request.account!.id });
    return renderPage(request, reply, {
      title: request.t('privacy.retention.runDoneTitle'),
      body: RetentionResultsPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, results, dryRun: false }),
    });
  });
}
