import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { saveYearRule } from './commands/keeping.js';
import { createProject, updateProject } from './commands/projects.js';
import { formInputOf, parseProjectForm, parseYearRuleForm, type FormError, type FormInput } from './form.js';
import { eurosForInput } from './money.js';
import { staffRoles } from './policy.js';
import { adviserChoices, contactsOf, earlierProjectsOf, findProject, grantRowsOf, listYearRules, organisationChoices, type ProjectRow } from './queries.js';
import { projectIdParams } from './routes.js';
import { ProjectFormPage } from './views/project-form.js';
import { YearRulesPage } from './views/rules.js';

/** The record of a project (new, edit) and the programme's rules per year: centre staff. */

const newQuery = z.object({ organisation: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) });
const doneQuery = z.object({ done: z.string().max(40).optional().catch(undefined) });

function inputOfProject(project: ProjectRow, contacts: { name: string; email: string; language: string }[], language: string): FormInput {
  const input: FormInput = {
    organisation_id: String(project.organisation_id), title: project.title, summary: project.summary, year: String(project.year), application_type: project.application_type,
    previous_project_id: project.previous_project_id ? String(project.previous_project_id) : '', grant_application_id: project.grant_application_id ? String(project.grant_application_id) : '',
    starts_on: project.starts_on ?? '', ends_on: project.ends_on ?? '', planned_project_costs: eurosForInput(project.planned_project_costs_cents, language),
    planned_minijob: eurosForInput(project.planned_minijob_cents, language), planned_tax_adviser: eurosForInput(project.planned_tax_adviser_cents, language),
    minijob_monthly_hours: project.minijob_monthly_hours ?? '', minijob_monthly_pay: eurosForInput(project.minijob_monthly_pay_cents, language),
    adviser_account_id: project.adviser_account_id ? String(project.adviser_account_id) : '', integration_office: project.integration_office,
  };
  contacts.forEach((contact, index) => {
    input[`contact_name_${index + 1}`] = contact.name;
    input[`contact_email_${index + 1}`] = contact.email;
    input[`contact_language_${index + 1}`] = contact.language;
  });
  return input;
}

export async function recordRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: staffRoles };

  async function showForm(request: FastifyRequest, reply: FastifyReply, options: { projectId: number | null; input: FormInput; errors: FormError[]; done?: string }) {
    const organisationId = Number(options.input.organisation_id) || 0;
    const [organisations, advisers, grants, earlier] = await Promise.all([
      organisationChoices(app.db), adviserChoices(app.db), organisationId ? grantRowsOf(app.db, organisationId) : [], organisationId ? earlierProjectsOf(app.db, organisationId) : [],
    ]);
    if (options.errors.length > 0) reply.code(400);
    const title = request.t(options.projectId ? 'microprojects.form.editTitle' : 'microprojects.form.newTitle');
    return renderPage(request, reply, {
      title: options.errors.length > 0 ? request.t('microprojects.form.errorPrefix', { title }) : title,
      body: ProjectFormPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, projectId: options.projectId, input: options.input, errors: options.errors, done: options.done,
        organisations, advisers, grants, earlier: earlier.filter((project) => project.id !== options.projectId),
      }),
    });
  }

  app.get('/microprojects/new', { config, schema: { querystring: newQuery, hide: true } }, async (request, reply) =>
    showForm(request, reply, { projectId: null, input: { organisation_id: request.query.organisation ? String(request.query.organisation) : '', year: '' }, errors: [] }),
  );

  app.post('/microprojects', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const input = formInputOf(request.body);
    const parsed = parseProjectForm(input);
    if (!parsed.ok) return showForm(request, reply, { projectId: null, input, errors: parsed.errors });
    const outcome = await createProject(app.db, request.account!.id, parsed.value);
    if (!outcome.ok) return showForm(request, reply, { projectId: null, input, errors: outcome.errors });
    return reply.redirect(`/microprojects/${outcome.value}?done=created`, 303);
  });

  app.get('/microprojects/:id/edit', { config, schema: { params: projectIdParams, querystring: doneQuery, hide: true } }, async (request, reply) => {
    const project = request.params.id > 0 ? await findProject(app.db, request.params.id) : undefined;
    if (!project) throw new HttpProblem(404, 'notFound');
    const contacts = await contactsOf(app.db, project.id);
    return showForm(request, reply, { projectId: project.id, input: inputOfProject(project, contacts, request.language), errors: [], done: request.query.done });
  });

  app.post('/microprojects/:id', { config, schema: { params: projectIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const project = request.params.id > 0 ? await findProject(app.db, request.params.id) : undefined;
    if (!project) throw new HttpProblem(404, 'notFound');
    const input = formInputOf(request.body);
    const parsed = parseProjectForm(input);
    if (!parsed.ok) return showForm(request, reply, { projectId: project.id, input, errors: parsed.errors });
    const outcome = await updateProject(app.db, request.account!.id, project.id, parsed.value);
    if (!outcome.ok) return showForm(request, reply, { projectId: project.id, input, errors: outcome.errors });
    return reply.redirect(`/microprojects/${project.id}?done=saved`, 303);
  });

  async function showRules(request: FastifyRequest, reply: FastifyReply, options: { input: FormInput; errors: FormError[]; done?: string }) {
    if (options.errors.length > 0) reply.code(400);
    const rules = await listYearRules(app.db);
    const title = request.t('microprojects.rules.title');
    return renderPage(request, reply, {
      title: options.errors.length > 0 ? request.t('microprojects.form.errorPrefix', { title }) : title,
      body: YearRulesPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, rules, input: options.input, errors: options.errors, done: options.done }),
    });
  }

  app.get('/microprojects/rules', { config, schema: { querystring: doneQuery, hide: true } }, async (request, reply) =>
    showRules(request, reply, { input: { proof_due_months: '6', overspend_tolerance_percent: '20' }, errors: [], done: request.query.done }),
  );

  app.post('/microprojects/rules', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const input = formInputOf(request.body);
    const parsed = parseYearRuleForm(input);
    if (!parsed.ok) return showRules(request, reply, { input, errors: parsed.errors });
    await saveYearRule(app.db, request.account!.id, parsed.value);
    return reply.redirect('/microprojects/rules?done=saved', 303);
  });
}
