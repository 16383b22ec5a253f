import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../db/tables.js';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields, formTexts } from '../../http/validation.js';
import type { Translate } from '../../i18n/index.js';
import { fieldsOfActivity, legalForms, orientations } from '../names/index.js';
import { directoryDistricts, directoryScopeOf, inScope, searchOrganisations, type DirectoryQuery } from './directory.js';
import { DirectoryPageView, type DirectoryForm } from './directory-views.js';
import { addLink, createOrganisation, loadProfile, removeLink, updateOrganisation, type SaveOutcome } from './profile.js';
import { linkKinds, parseProfileForm, representativeFields, representativeInput, type FormInput } from './profile-form.js';
import { inputOf, ProfileFormPage } from './profile-form-views.js';
import { ProfilePage } from './profile-views.js';
import { organisationTimeline } from './timeline.js';
import { candidateCount, organisationCandidates } from './pick.js';
import { auditRead } from '../identity/index.js';
import { registeredModules } from '../registry.js';

/**
 * The organisation directory and profiles. Centre staff see and edit every
 * organisation; municipal coordinators read those of their districts (a
 * profile outside them is "not found", so its existence is not revealed).
 * Association representatives read and edit the profiles of their own
 * organisations only (account_scope), with the fields of
 * representativeFields, and never see staff notes.
 */

export const directoryReaders: readonly Role[] = [...centreStaff, 'coordinator'];
export const profileReaders: readonly Role[] = [...directoryReaders, 'representative'];
export const profileEditors: readonly Role[] = [...centreStaff, 'representative'];
const isRepresentative = (request: FastifyRequest) => request.account!.role === 'representative';

const pageSize = 25;
const timelineSize = 20;
const organisationId = z.coerce.number().int().positive().max(2_147_483_647);
const idParams = z.object({ id: z.string() });

const pageQuery = z.object({
  q: z.string().max(200).catch(''),
  district: z.string().max(200).catch(''),
  legalForm: z.union([z.literal(''), z.enum(legalForms)]).catch(''),
  orientation: z.union([z.literal(''), z.enum(orientations)]).catch(''),
  field: z.union([z.literal(''), z.enum(fieldsOfActivity)]).catch(''),
  needsReview: z.enum(['', 'yes', 'no']).catch(''),
  grantYear: z.string().regex(/^\d{4}$/).catch(''),
  sort: z.enum(['relevance', 'name']).catch('relevance'),
  page: z.coerce.number().int().positive().max(100_000).catch(1),
});

const apiQuery = z.object({
  q: z.string().max(200).optional().describe('Name or alias; tolerant of typos, umlauts and legal-form tokens'),
  district: z.string().max(200).optional(),
  legalForm: z.enum(legalForms).optional(),
  orientation: z.enum(orientations).optional(),
  field: z.enum(fieldsOfActivity).optional().describe('Field of activity'),
  needsReview: z.enum(['true', 'false']).optional(),
  grantYear: z.coerce.number().int().min(2000).max(2100).optional().describe('Only organisations with a grant approved in this year'),
  sort: z.enum(['relevance', 'name']).default('relevance').describe('relevance needs q; without q the list is sorted by name'),
  limit: z.coerce.number().int().min(1).max(200).default(pageSize),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const apiResponse = z.object({
  total: z.number().int().describe('Matching organisations the account may see'),
  totalIsLowerBound: z.boolean().describe('True when the search matched more names than it ranked: total is then "at least"'),
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      matchedName: z.string().nullable().describe('The name or alias that matched the search best'),
      legalForm: z.string().nullable(),
      orientation: z.string().nullable(),
      municipality: z.string().nullable(),
      district: z.string().nullable(),
      fields: z.array(z.string()),
      needsReview: z.boolean(),
      score: z.number().nullable().describe('Relevance: 2 exact name, 1 prefix, plus trigram similarity; null without q'),
    }),
  ),
});

const suggestionsQuery = z.object({ q: z.string().max(200).default('').describe('What was typed so far: part of a name or alias') });
const suggestionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      matchedName: z.string().nullable().describe('The alias that matched, when it is not the name'),
      municipality: z.string().nullable(),
    }),
  ),
});

const linkForm = z.object({
  name: z.string().trim().min(1).max(300),
  kind: z.enum(linkKinds),
  since: z.string().trim().regex(/^(\d{4})?$/).transform((value) => (value ? Number(value) : null)).pipe(z.number().int().min(1800).max(2100).nullable()),
});
const unlinkForm = z.object({ to: organisationId, kind: z.enum(linkKinds) });
const profileQuery = z.object({
  timeline: z.coerce.number().int().positive().max(100_000).catch(1),
  done: z.enum(['saved', 'created', 'linked', 'unlinked']).optional().catch(undefined),
});

function toQuery(form: DirectoryForm, limit: number, offset: number): DirectoryQuery {
  return {
    q: form.q,
    district: form.district || undefined,
    legalForm: form.legalForm || undefined,
    orientation: form.orientation || undefined,
    field: form.field || undefined,
    needsReview: form.needsReview === '' ? undefined : form.needsReview === 'yes',
    grantYear: form.grantYear ? Number(form.grantYear) : undefined,
    sort: form.sort,
    limit,
    offset,
  };
}

const parseId = (request: FastifyRequest) => {
  const parsed = organisationId.safeParse(idParams.parse(request.params).id);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data;
};

export async function directoryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const readers = { access: directoryReaders };
  const staffOnly = { access: centreStaff };

  /** The profile, or 404 when it does not exist or lies outside the account's districts (or a representative's organisations). */
  async function visibleProfile(request: FastifyRequest, id: number) {
    if (isRepresentative(request)) {
      const own = await app.db.selectFrom('account_scope').select('organisation_id').where('account_id', '=', request.account!.id).where('organisation_id', '=', id).executeTakeFirst();
      const profile = own ? await loadProfile(app.db, id) : null;
      if (!profile) throw new HttpProblem(404, 'notFound');
      // what staff note about the organisation, and the review queue's hints, are theirs alone
      return { ...profile, organisation: { ...profile.organisation, notes: null, needs_review: false }, likelyDuplicates: 0 };
    }
    const profile = await loadProfile(app.db, id);
    const scope = await directoryScopeOf(app.db, request.account!);
    if (!profile || !inScope(scope, profile.organisation.district)) throw new HttpProblem(404, 'notFound');
    return profile;
  }

  /** The edit form as the account may use it: every field for staff, representativeFields for representatives. */
  const formOptions = (request: FastifyRequest) =>
    isRepresentative(request) ? { fields: representativeFields, intro: request.t('accounts.profile.representativeIntro') } : {};

  app.get('/organisations', { config: readers, schema: { querystring: pageQuery, hide: true } }, async (request, reply) => {
    const form = request.query;
    const scope = await directoryScopeOf(app.db, request.account!);
    const [result, districts] = await Promise.all([
      searchOrganisations(app.db, scope, toQuery(form, pageSize, (form.page - 1) * pageSize)),
      directoryDistricts(app.db, scope),
    ]);
    return renderPage(request, reply, {
      title: request.t('organisations.directory.title'),
      body: DirectoryPageView({ t: request.t, language: request.language, form, result, districts, pageSize, canCreate: centreStaff.includes(request.account!.role) }),
    });
  });

  app.get(
    '/api/v1/organisations',
    {
      config: readers,
      schema: { tags: ['organisations'], summary: 'Search the organisation directory (coordinators: their districts only)', querystring: apiQuery, response: { 200: apiResponse } },
    },
    async (request) => {
      const query = request.query;
      const scope = await directoryScopeOf(app.db, request.account!);
      return searchOrganisations(app.db, scope, { ...query, needsReview: query.needsReview === undefined ? undefined : query.needsReview === 'true' });
    },
  );

  // The pick list's live suggestions (src/ui/pick-list.tsx): the nearest names only, within the account's districts.
  app.get(
    '/api/v1/organisations/suggestions',
    {
      config: readers,
      schema: { tags: ['organisations'], summary: 'Suggest organisations for a name being typed (coordinators: their districts only)', querystring: suggestionsQuery, response: { 200: suggestionsResponse } },
    },
    async (request) => {
      const { q } = request.query;
      const scope = await directoryScopeOf(app.db, request.account!);
      return { items: await organisationCandidates(app.db, scope, q, candidateCount) };
    },
  );

  const emptyForm = (t: (key: string) => string) => ({ title: t('organisations.profileForm.createTitle'), input: {} as FormInput });

  app.get('/organisations/new', { config: staffOnly, schema: { hide: true } }, async (request, reply) => {
    const { title, input } = emptyForm(request.t);
    return renderPage(request, reply, { title, body: ProfileFormPage({ t: request.t, csrfToken: request.csrfToken, id: null, title, input, errors: [], conflicts: [] }) });
  });

  app.post('/organisations/new', { config: staffOnly, schema: { body: formTexts, hide: true } }, async (request, reply) => {
    const input: FormInput = request.body;
    const parsed = parseProfileForm(input);
    const outcome: SaveOutcome | null = parsed.ok ? await createOrganisation(app.db, parsed.values, request.account!.id) : null;
    if (outcome?.ok) return reply.redirect(`/organisations/${outcome.id}?done=created`, 303);
    const title = request.t('organisations.profileForm.createTitle');
    reply.code(400);
    return renderPage(request, reply, {
      title: request.t('organisations.profileForm.errorPrefix', { title }),
      body: ProfileFormPage({ t: request.t, csrfToken: request.csrfToken, id: null, title, input, errors: parsed.ok ? [] : parsed.errors, conflicts: outcome?.conflicts ?? [] }),
    });
  });

  app.get('/organisations/:id', { config: { access: profileReaders }, schema: { params: idParams, querystring: profileQuery, hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const { timeline: timelinePage, done } = request.query;
    const profile = await visibleProfile(request, id);
    await auditRead(app.db, request.account!.id, 'organisation', id);
    const timeline = await organisationTimeline(app.db, id, { limit: timelineSize, offset: (timelinePage - 1) * timelineSize });
    const page = ProfilePage({
      t: request.t,
      language: request.language,
      csrfToken: request.csrfToken,
      profile,
      timeline,
      timelinePage,
      canEdit: centreStaff.includes(request.account!.role),
      showPeople: !isRepresentative(request),
      canErase: request.account!.role === 'admin',
      done,
    });
    if (isRepresentative(request)) return renderPage(request, reply, { title: profile.organisation.name, body: [<RepresentativeLinks t={request.t} id={id} />, page] });
    // what other modules keep about the organisation for the centre (the brochure's postal consent)
    const context = { organisationId: id, t: request.t, language: request.language, csrfToken: request.csrfToken };
    const sections = centreStaff.includes(request.account!.role) ? await Promise.all(registeredModules().map((module) => module.organisationSection?.(app.db, context) ?? null)) : [];
    return renderPage(request, reply, { title: profile.organisation.name, body: [page, ...sections.filter((section) => section !== null)] });
  });

  const storedInput = (profile: NonNullable<Awaited<ReturnType<typeof loadProfile>>>) =>
    inputOf(profile.organisation as unknown as Record<string, unknown>, profile.names.filter((name) => name.isAlias).map((name) => name.name));

  /**
   * A representative's form carries only their fields; the others keep what
   * staff stored (notes included), read unfiltered after the scope check.
   */
  async function formInputOf(request: FastifyRequest, id: number, submitted: FormInput): Promise<FormInput> {
    if (!isRepresentative(request)) return submitted;
    await visibleProfile(request, id);
    const stored = await loadProfile(app.db, id);
    if (!stored) throw new HttpProblem(404, 'notFound');
    return representativeInput(storedInput(stored), submitted);
  }

  app.get('/organisations/:id/edit', { config: { access: profileEditors }, schema: { params: idParams, hide: true } }, async (request, reply) => {
    const profile = await visibleProfile(request, parseId(request));
    const { organisation } = profile;
    const title = request.t('organisations.profileForm.editTitle', { name: organisation.name });
    return renderPage(request, reply, {
      title,
      body: ProfileFormPage({ t: request.t, csrfToken: request.csrfToken, id: organisation.id, title, input: storedInput(profile), errors: [], conflicts: [], ...formOptions(request) }),
    });
  });

  app.post('/organisations/:id/edit', { config: { access: profileEditors }, schema: { params: idParams, body: formTexts, hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const submitted: FormInput = request.body;
    const input = await formInputOf(request, id, submitted);
    const parsed = parseProfileForm(input);
    const outcome = parsed.ok ? await updateOrganisation(app.db, id, parsed.values, request.account!.id) : undefined;
    if (outcome === null) throw new HttpProblem(404, 'notFound');
    if (outcome?.ok) return reply.redirect(`/organisations/${id}?done=saved`, 303);
    const profile = await visibleProfile(request, id);
    const title = request.t('organisations.profileForm.editTitle', { name: profile.organisation.name });
    reply.code(400);
    return renderPage(request, reply, {
      title: request.t('organisations.profileForm.errorPrefix', { title }),
      body: ProfileFormPage({ t: request.t, csrfToken: request.csrfToken, id, title, input: isRepresentative(request) ? submitted : input, errors: parsed.ok ? [] : parsed.errors, conflicts: outcome?.conflicts ?? [], ...formOptions(request) }),
    });
  });

  app.post('/organisations/:id/links', { config: staffOnly, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const profile = await visibleProfile(request, id);
    const form = linkForm.safeParse(request.body);
    const problem = !form.success
      ? String(form.error.issues[0]?.path[0]) === 'since' ? 'linkSince' : 'linkName'
      : await addLink(app.db, { fromId: id, toName: form.data.name, kind: form.data.kind, sinceYear: form.data.since, accountId: request.account!.id }).then((outcome) =>
          outcome.ok ? null : outcome.problem === 'self' ? 'linkSelf' : 'linkUnknown',
        );
    if (!problem) return reply.redirect(`/organisations/${id}?done=linked#section-links`, 303);
    return showProfileWithError(request, reply, profile, request.t(`organisations.profile.errors.${problem}`, { name: form.success ? form.data.name : '' }));
  });

  app.post('/organisations/:id/links/remove', { config: staffOnly, schema: { params: idParams, body: anyFields, hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const profile = await visibleProfile(request, id);
    const form = unlinkForm.safeParse(request.body);
    const removed = form.success && (await removeLink(app.db, { fromId: id, toId: form.data.to, kind: form.data.kind, accountId: request.account!.id }));
    if (removed) return reply.redirect(`/organisations/${id}?done=unlinked#section-links`, 303);
    return showProfileWithError(request, reply, profile, request.t('organisations.profile.errors.unlink'));
  });

  async function showProfileWithError(request: FastifyRequest, reply: FastifyReply, profile: NonNullable<Awaited<ReturnType<typeof loadProfile>>>, linkError: string) {
    const timeline = await organisationTimeline(app.db, profile.organisation.id, { limit: timelineSize, offset: 0 });
    reply.code(400);
    return renderPage(request, reply, {
      title: profile.organisation.name,
      body: ProfilePage({ t: request.t, language: request.language, csrfToken: request.csrfToken, profile, timeline, timelinePage: 1, canEdit: true, linkError }),
    });
  }
}

/** Above a representative's view of their profile: back to their area, and the edit form. */
function RepresentativeLinks({ t, id }: { t: Translate; id: number }) {
  return (
    <nav aria-label={t('accounts.my.title')} class="mosaik-inline-form">
      <a class="kern-link" href="/my">
        {t('accounts.profile.backToMy')}
      </a>{' '}
      <a class="kern-link" href={`/organisations/${id}/edit`}>
        {t('accounts.profile.edit')}
      </a>
    </nav>
  );
}
