import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import type { Dossier } from './dossier.js';
import { formInputOf, type FormError } from './form.js';
import { keeperRoles, mayKeep, projectRoles, type Viewer } from './policy.js';
import { baseVersionOf, findReport, parseReportForm, saveReport, typedSections, type SavedReport } from './report.js';
import { keepableDossier, projectIdParams, readableDossier } from './routes.js';
import { sachberichtHeader, sachberichtSections, type ReportSections } from './sachbericht.js';
import { ReportPage } from './views/report.js';

/**
 * The Sachbericht of a project: read by everyone who reads the project,
 * completed and saved by the association's representative and the adviser
 * (policy.ts, as the receipts). The first time the form holds Mosaik's
 * draft; a save names the version it was edited from, and a save of an
 * outdated version is refused (409) with the typed text kept in the form.
 */

const reportQuery = z.object({ done: z.string().max(40).optional().catch(undefined), lang: z.string().optional() });

interface Shown {
  sections?: ReportSections;
  version?: number;
  errors?: FormError[];
  conflict?: SavedReport;
  done?: string;
}

export async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function showReport(request: FastifyRequest, reply: FastifyReply, viewer: Viewer, dossier: Dossier, shown: Shown = {}) {
    if (shown.errors?.length) reply.code(400);
    if (shown.conflict) reply.code(409);
    const saved = shown.conflict ?? (await findReport(app.db, dossier.project.id));
    const title = request.t('microprojects.sachbericht.pageTitle');
    return renderPage(request, reply, {
      title: shown.errors?.length || shown.conflict ? request.t('microprojects.form.errorPrefix', { title }) : title,
      body: ReportPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, dossier,
        header: sachberichtHeader(request.t, request.language, dossier),
        sections: shown.sections ?? saved?.sections ?? sachberichtSections(request.t, request.language, dossier),
        saved, version: shown.version ?? saved?.version ?? 0, errors: shown.errors ?? [], conflict: shown.conflict, done: shown.done,
        mayKeep: mayKeep(viewer, { organisationId: dossier.project.organisation_id, district: dossier.project.district }),
      }),
    });
  }

  app.get('/microprojects/:id/sachbericht', { config: { access: projectRoles }, schema: { params: projectIdParams, querystring: reportQuery, hide: true } }, async (request, reply) => {
    const { viewer, dossier } = await readableDossier(request, request.params.id);
    return showReport(request, reply, viewer, dossier, { done: request.query.done });
  });

  app.post('/microprojects/:id/sachbericht', { config: { access: keeperRoles }, schema: { params: projectIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const { viewer, dossier } = await keepableDossier(request, request.params.id);
    const input = formInputOf(request.body);
    const parsed = parseReportForm(input);
    if (!parsed.ok) return showReport(request, reply, viewer, dossier, { sections: typedSections(input), version: baseVersionOf(input), errors: parsed.errors });
    const outcome = await saveReport(app.db, request.account!.id, dossier.project.id, parsed.value);
    // the typed text stays in the form, now based on the version saved meanwhile: saving again overwrites it knowingly
    if (!outcome.ok) return showReport(request, reply, viewer, dossier, { sections: parsed.value.sections, version: outcome.current.version, conflict: outcome.current });
    return reply.redirect(`/microprojects/${dossier.project.id}/sachbericht?done=report`, 303);
  });
}
