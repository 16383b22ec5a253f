import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Database, Role } from '../../db/tables.js';
import { renderPage } from '../../http/render.js';
import { anyFields, pageText } from '../../http/validation.js';
import { representedOrganisations } from './scopes.js';
import { searchOrganisations } from '../organisations/index.js';
import { claimInputOf, parseClaimForm, type ClaimFormError, type ClaimInput } from './claim-form.js';
import { claimsOf, createClaim } from './claims.js';
import { ClaimPage, MyPage } from './my-views.js';
import { registeredModules } from '../registry.js';
import type { RepresentativeSectionContext } from '../module.js';

/**
 * "Mein Bereich" of an association representative: their organisations and
 * claims (/my), and claiming an organisation (/my/claim). The search shows
 * names and municipalities only: a representative sees no other
 * organisation's contacts before staff confirm the claim.
 */

export const representativesOnly: readonly Role[] = ['representative'];

const searchSize = 20;
const minimumSearch = 2;
const myQuery = z.object({ done: pageText });
const claimQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  organisation: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  propose: z.literal('1').optional().catch(undefined),
});

/**
 * What the other modules show a representative on /my (the hook
 * `representativeSection` of src/modules/module.ts: micro-projects,
 * Vereins-Check, pinboard, …), by their order. The registry is read at
 * request time, as organisations/directory-routes.tsx does for the staff's
 * organisation sections, so that the modules' faces load in any order.
 */
async function representativeSections(db: Kysely<Database>, context: RepresentativeSectionContext): Promise<VNode[]> {
  const offered = registeredModules()
    .flatMap((module) => (module.representativeSection ? [{ name: module.name, section: module.representativeSection }] : []))
    .sort((a, b) => a.section.order - b.section.order || a.name.localeCompare(b.name));
  const rendered = await Promise.all(offered.map(({ section }) => section.render(db, context)));
  return rendered.filter((section): section is VNode => section !== null);
}

export async function myRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: representativesOnly };

  app.get('/my', { config, schema: { querystring: myQuery, hide: true } }, async (request, reply) => {
    const accountId = request.account!.id;
    const [organisations, claims] = await Promise.all([representedOrganisations(app.db, accountId), claimsOf(app.db, accountId)]);
    const claimed = request.query.done === 'claimed';
    const sections = await representativeSections(app.db, { accountId, organisations, t: request.t, language: request.language, now: new Date(), csrfToken: request.csrfToken });
    return renderPage(request, reply, { title: request.t('accounts.my.title'), body: MyPage({ t: request.t, language: request.language, organisations, claims, claimed, sections }) });
  });

  async function showClaimPage(request: FastifyRequest, reply: FastifyReply, options: { q: string; organisationId?: number; propose: boolean; input?: ClaimInput; errors?: ClaimFormError[] }) {
    const tooShort = options.q.length > 0 && options.q.length < minimumSearch;
    const results =
      options.q.length >= minimumSearch
        ? (await searchOrganisations(app.db, { districts: null }, { q: options.q, limit: searchSize, offset: 0 })).items.map((item) => ({ id: item.id, name: item.name, municipality: item.municipality }))
        : null;
    const chosen =
      options.organisationId === undefined
        ? null
        : ((await app.db.selectFrom('organisation').select(['id', 'name', 'municipality']).where('id', '=', options.organisationId).executeTakeFirst()) ?? null);
    const errors = options.errors ?? [];
    if (errors.length > 0 || tooShort) reply.code(400);
    const title = request.t('accounts.claim.title');
    return renderPage(request, reply, {
      title: errors.length > 0 ? request.t('accounts.form.errorPrefix', { title }) : title,
      body: ClaimPage({
        t: request.t,
        csrfToken: request.csrfToken,
        q: options.q,
        results,
        tooShort,
        chosen,
        propose: options.propose || (options.organisationId === undefined && errors.length > 0),
        input: options.input ?? { proposed_name: options.q },
        errors,
      }),
    });
  }

  app.get('/my/claim', { config, schema: { querystring: claimQuery, hide: true } }, async (request, reply) => {
    const query = request.query;
    return showClaimPage(request, reply, { q: query.q, organisationId: query.organisation, propose: query.propose === '1' });
  });

  app.post('/my/claim', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const input = claimInputOf(request.body);
    const parsed = parseClaimForm(input);
    const organisationId = /^\d{1,9}$/.test(input.organisation_id ?? '') ? Number(input.organisation_id) : undefined;
    const again = (errors: ClaimFormError[]) => showClaimPage(request, reply, { q: '', organisationId, propose: organisationId === undefined, input, errors });
    if (!parsed.ok) return again(parsed.errors);
    const outcome = await createClaim(app.db, request.account!.id, parsed.claim);
    if (!outcome.ok) return again([{ field: 'organisation_id', code: outcome.problem }]);
    return reply.redirect('/my?done=claimed', 303);
  });
}
