import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { multipartCsrfMatches } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { parseDay } from '../../ui/dates.js';
import type { FieldError } from '../../ui/forms.js';
import { DomainError } from '../domain-error.js';
import { representedOrganisations } from '../identity/index.js';
import { releasePortrait, savePortrait, withdrawPortrait } from './commands.js';
import { readPortraitForm } from './form.js';
import { mayEditPortrait, representativeRoles, type PortraitActor } from './policy.js';
import { editablePortrait, portraitsForStaff, portraitsOfRepresentative } from './queries.js';
import { EditPortraitPage, MyPortraitsPage, StaffPortraitsPage, type Done } from './views/edit.js';

/**
 * Writing and releasing portraits: representatives under /my/portraits (their
 * own associations only; another's is "not found"), centre staff under
 * /staff/portraits (any association; release on a paper consent).
 */

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const doneQuery = z.object({ done: z.enum(['saved', 'released', 'withdrawn']).optional().catch(undefined) });
const searchQuery = z.object({ q: z.string().trim().max(200).catch('').default('') });

async function actorOf(app: FastifyInstance, request: FastifyRequest): Promise<PortraitActor> {
  const account = request.account!;
  const represents = account.role === 'representative' ? (await representedOrganisations(app.db, account.id)).map((organisation) => organisation.id) : [];
  return { id: account.id, role: account.role, represents };
}

export async function editPortraitRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  for (const area of ['my', 'staff'] as const) {
    const access = area === 'my' ? representativeRoles : centreStaff;
    const base = `/${area}/portraits`;
    const staff = area === 'staff';

    async function allowed(request: FastifyRequest, organisationId: number) {
      const actor = await actorOf(app, request);
      if (!mayEditPortrait(actor, organisationId)) throw new HttpProblem(404, 'notFound');
      const portrait = await editablePortrait(app.db, organisationId);
      if (!portrait) throw new HttpProblem(404, 'notFound');
      return { actor, portrait };
    }

    async function show(request: FastifyRequest, reply: FastifyReply, organisationId: number, options: { errors?: FieldError[]; values?: Record<string, string>; done?: Done } = {}) {
      const { portrait } = await allowed(request, organisationId);
      const errors = options.errors ?? [];
      if (errors.length > 0) reply.code(400);
      const title = request.t('portraits.edit.title', { name: portrait.organisationName });
      return renderPage(request, reply, {
        title: errors.length > 0 ? request.t('portraits.edit.errorPrefix', { title }) : title,
        body: <EditPortraitPage t={request.t} language={request.language} csrfToken={request.csrfToken} portrait={portrait} base={`${base}/${organisationId}`} staff={staff} errors={errors} values={options.values} done={options.done} />,
      });
    }

    const fieldError = (request: FastifyRequest, error: DomainError): FieldError => ({ field: error.field ?? 'text', message: error.in(request.t) });

    app.get(base, { config: { access }, schema: { querystring: searchQuery, hide: true } }, async (request, reply) => {
      if (staff) {
        const rows = await portraitsForStaff(app.db, request.query.q);
        return renderPage(request, reply, { title: request.t('portraits.staff.title'), body: <StaffPortraitsPage t={request.t} rows={rows} search={request.query.q} /> });
      }
      const actor = await actorOf(app, request);
      const rows = await portraitsOfRepresentative(app.db, actor.represents);
      return renderPage(request, reply, { title: request.t('portraits.my.title'), body: <MyPortraitsPage t={request.t} rows={rows} /> });
    });

    app.get(`${base}/:id`, { config: { access }, schema: { params: idParams, querystring: doneQuery, hide: true } }, async (request, reply) =>
      show(request, reply, request.params.id, { done: request.query.done }),
    );

    // the editor's preview of the photo, released or not
    app.get(`${base}/:id/photo`, { config: { access }, schema: { params: idParams, hide: true } }, async (request, reply) => {
      await allowed(request, request.params.id);
      const row = await app.db.selectFrom('portrait').select(['photo', 'photo_type']).where('organisation_id', '=', request.params.id).executeTakeFirst();
      if (!row?.photo || !row.photo_type) throw new HttpProblem(404, 'notFound');
      return reply.type(row.photo_type).header('x-content-type-options', 'nosniff').send(Buffer.from(row.photo));
    });

    app.post(`${base}/:id`, { config: { access, csrfInMultipart: true }, schema: { params: idParams, hide: true } }, async (request, reply) => {
      const organisationId = request.params.id;
      const { actor } = await allowed(request, organisationId);
      const form = await readPortraitForm(request);
      if (!form.notMultipart && !multipartCsrfMatches(request, form.fields._csrf)) throw new HttpProblem(403, 'csrf');
      if (form.errors.length > 0) return show(request, reply, organisationId, { errors: form.errors, values: form.fields });
      try {
        await savePortrait(app.db, actor, form.input!(organisationId));
      } catch (error) {
        if (error instanceof DomainError) return show(request, reply, organisationId, { errors: [fieldError(request, error)], values: form.fields });
        throw error;
      }
      return reply.redirect(`${base}/${organisationId}?done=saved`, 303);
    });

    app.post(`${base}/:id/release`, { config: { access }, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
      const organisationId = request.params.id;
      const { actor } = await allowed(request, organisationId);
      const body = request.body;
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim().slice(0, 200) : '');
      const values = { paper_consent_by: text('paper_consent_by'), paper_consent_on: text('paper_consent_on') };
      if (!staff && body.consent !== 'yes') return show(request, reply, organisationId, { errors: [{ field: 'consent', message: request.t('portraits.errors.consentMissing') }] });
      const consentOn = values.paper_consent_on ? parseDay(values.paper_consent_on) : null;
      if (staff && values.paper_consent_on && !consentOn) {
        return show(request, reply, organisationId, { errors: [{ field: 'paper_consent_on', message: request.t('portraits.errors.consentOnMissing') }], values });
      }
      try {
        await releasePortrait(app.db, actor, { organisationId, paperConsentBy: values.paper_consent_by || undefined, paperConsentOn: consentOn ?? undefined });
      } catch (error) {
        if (error instanceof DomainError) return show(request, reply, organisationId, { errors: [fieldError(request, error)], values });
        throw error;
      }
      return reply.redirect(`${base}/${organisationId}?done=released`, 303);
    });

    app.post(`${base}/:id/withdraw`, { config: { access }, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
      const { actor } = await allowed(request, request.params.id);
      await withdrawPortrait(app.db, actor, request.params.id);
      return reply.redirect(`${base}/${request.params.id}?done=withdrawn`, 303);
    });
  }
}
