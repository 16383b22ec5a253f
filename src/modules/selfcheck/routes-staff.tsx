import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields, fieldsOf } from '../../http/validation.js';
import { itemAggregate, minimumOrganisations, shownAggregate, thresholdOf } from './aggregate.js';
import { saveItemVersion } from './commands/items.js';
import { parseItemForm, type FieldProblem } from './form.js';
import { currentChecklist, findItem, type ItemVersion } from './items.js';
import { aggregateRoles, aggregateScopeOf, staffRoles } from './policy.js';
import { textLanguages } from './tables.js';
import { ItemFormPage, ItemsPage, OverviewPage, StaffStartPage } from './views/staff.js';

/**
 * The staff's side of the Vereins-Check: the start page (find an
 * organisation, the latest checks), the aggregate (also coordinators, for
 * their districts, and the funder, both with small numbers hidden), and the
 * items' wording and mapping.
 */

const overviewQuery = z.object({ district: z.string().max(200).optional().catch(undefined), orientation: z.string().max(40).optional().catch(undefined) });
const itemParams = z.object({ key: z.string().max(100) });
const searchQuery = z.object({ q: z.string().max(200).optional().catch(undefined) });

/** GET /selfcheck for staff: find an organisation to check with, and the checks submitted last. */
export async function staffStartPage(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db;
  const q = (searchQuery.parse(fieldsOf(request.query)).q ?? '').trim();
  const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = q === '' ? [] : await db.selectFrom('organisation').select(['id', 'name', 'district']).where(sql<boolean>`lower(name) like ${like}`).orderBy('name').limit(20).execute();
  const recent = await db.selectFrom('selfcheck as c').innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.organisation_id', 'o.name', sql<string>`to_char(c.submitted_on, 'YYYY-MM-DD')`.as('submitted_on')])
    .where('c.state', '=', 'submitted').orderBy('c.submitted_at', 'desc').orderBy('c.id', 'desc').limit(20).execute();
  return renderPage(request, reply, {
    title: request.t('selfcheck.staff.title'),
    body: StaffStartPage({ t: request.t, q, found, recent: recent.map((row) => ({ id: row.id, organisationId: row.organisation_id, name: row.name, submittedOn: row.submitted_on })) }),
  });
}

const valuesOf = (item: ItemVersion): Record<string, string> => ({
  ...Object.fromEntries(textLanguages.map((language) => [`text_${language}`, item.texts[language] ?? ''])),
  event_formats: item.eventFormats.join(','), wegweiser_topics: item.wegweiserTopics.join(', '), consultation_topic: item.consultationTopic ?? '', pinboard_kinds: item.pinboardKinds.join(','), active: item.active ? '1' : '',
});

export async function selfcheckStaffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/selfcheck/overview', { config: { access: aggregateRoles }, schema: { querystring: anyFields, hide: true } }, async (request, reply) => {
    const account = request.account!;
    const scope = await aggregateScopeOf(app.db, account);
    const query = overviewQuery.parse(fieldsOf(request.query));
    const { orientations } = await import('../names/index.js');
    const orientation = (orientations as readonly string[]).includes(query.orientation ?? '') ? query.orientation : undefined;
    const allDistricts = (await app.db.selectFrom('organisation').select('district').distinct().where('district', 'is not', null).orderBy('district').execute()).map((row) => row.district!);
    const districts = scope === null ? allDistricts : allDistricts.filter((district) => scope.includes(district));
    const district = query.district && districts.includes(query.district) ? query.district : undefined;
    const threshold = thresholdOf(account.role);
    const aggregate = await itemAggregate(app.db, { district, orientation, withinDistricts: scope ?? undefined });
    const [shown, checklist] = await Promise.all([shownAggregate(aggregate, threshold), currentChecklist(app.db, { includeInactive: true })]);
    return renderPage(request, reply, {
      title: request.t('selfcheck.overview.title'),
      body: OverviewPage({ t: request.t, language: request.language, shown, items: checklist.items, areas: checklist.areas, districts, orientations, filter: { district, orientation }, suppressed: threshold !== null, threshold: threshold ?? minimumOrganisations }),
    });
  });

  app.get('/selfcheck/items', { config: { access: staffRoles }, schema: { querystring: anyFields, hide: true } }, async (request, reply) => {
    const checklist = await currentChecklist(app.db, { includeInactive: true });
    return renderPage(request, reply, {
      title: request.t('selfcheck.items.title'),
      body: ItemsPage({ t: request.t, language: request.language, items: checklist.items, areas: checklist.areas, done: fieldsOf(request.query).done === 'saved' ? 'saved' : undefined }),
    });
  });

  async function known() {
    const { listTopics } = await import('../consultations/index.js');
    // the Wegweiser's topic codes (read only; its face offers no list of them yet)
    const [codes, consultationTopics] = await Promise.all([app.db.selectFrom('wegweiser_taxonomy_term').select('code').orderBy('position').execute(), listTopics(app.db)]);
    const wegweiserTopics = codes.map((row) => row.code);
    const { postKinds } = await import('../pinboard/index.js');
    return { wegweiserTopics, consultationTopics, pinboardKinds: postKinds };
  }

  async function showItem(request: FastifyRequest, reply: FastifyReply, item: ItemVersion, values: Record<string, string>, problems: FieldProblem[]) {
    const { wegweiserTopics, consultationTopics, pinboardKinds } = await known();
    if (problems.length > 0) reply.code(400);
    const { topicLabel } = await import('../consultations/index.js');
    return renderPage(request, reply, {
      title: request.t('selfcheck.items.editTitle'),
      body: ItemFormPage({
        t: request.t, language: request.language, csrfToken: request.csrfToken, item, values, wegweiserTopics, pinboardKinds,
        consultationTopics: consultationTopics.map((topic) => ({ key: topic.key, label: topicLabel(consultationTopics, request.language, topic.key) })),
        errors: problems.map((problem) => ({ field: problem.field, message: request.t(`selfcheck.errors.${problem.code}`) })),
      }),
    });
  }

  app.get('/selfcheck/items/:key', { config: { access: staffRoles }, schema: { params: itemParams, hide: true } }, async (request, reply) => {
    const item = await findItem(app.db, request.params.key);
    if (!item) throw new HttpProblem(404, 'notFound');
    return showItem(request, reply, item, valuesOf(item), []);
  });

  app.post('/selfcheck/items/:key', { config: { access: staffRoles }, schema: { params: itemParams, body: anyFields, hide: true } }, async (request, reply) => {
    const item = await findItem(app.db, request.params.key);
    if (!item) throw new HttpProblem(404, 'notFound');
    const body = fieldsOf(request.body);
    const { wegweiserTopics, consultationTopics, pinboardKinds } = await known();
    const parsed = parseItemForm(body, { wegweiserTopics, consultationTopics: consultationTopics.map((topic) => topic.key), pinboardKinds });
    if (!parsed.ok) {
      const values = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, Array.isArray(value) ? value.map(String).join(',') : String(value ?? '')]));
      return showItem(request, reply, item, values, parsed.errors);
    }
    await saveItemVersion(app.db, request.account!.id, item.key, parsed.values);
    return reply.redirect('/selfcheck/items?done=saved', 303);
  });
}
