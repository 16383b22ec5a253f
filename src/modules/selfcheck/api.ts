import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { itemAggregate, minimumOrganisations, shownAggregate, thresholdOf } from './aggregate.js';
import { currentChecklist } from './items.js';
import { aggregateRoles, aggregateScopeOf } from './policy.js';
import { answers } from './tables.js';

/**
 * The staff aggregate of the Vereins-Check as JSON (docs/selfcheck.md, "API"):
 * the same figures, roles and small-number rule as /selfcheck/overview —
 * exact for centre staff; for coordinators (their districts) and the funder a
 * count of 1–4 is "small", the next smallest of the item "withheld", and a
 * selection of fewer than 5 organisations shows no counts at all. Never an
 * organisation, never a note.
 */

const shown = z.union([z.number().int(), z.enum(['small', 'withheld'])]);
const aggregateQuery = z.object({
  district: z.string().max(200).optional().describe('Only organisations of this district (a coordinator: one of theirs; another is ignored, see `district` in the answer)'),
  orientation: z.string().max(40).optional().describe('Only organisations of this orientation (the directory\'s key)'),
});
const aggregateResponse = z.object({
  district: z.string().nullable().describe('The district filter that was applied (null: none)'),
  orientation: z.string().nullable().describe('The orientation filter that was applied (null: none)'),
  organisations: shown.describe("Organisations counted (each with its latest check); 'small' below 5 for roles other than staff"),
  tooFew: z.boolean().describe('True when the selection has too few organisations to show any count (items is then empty)'),
  items: z.array(z.object({
    itemKey: z.string(),
    areaKey: z.string(),
    counts: z.object(Object.fromEntries(answers.map((answer) => [answer, shown])) as Record<(typeof answers)[number], typeof shown>)
      .describe(`How many answered done / in progress / not yet / not relevant; 'small': 1 to ${minimumOrganisations - 1}, 'withheld': hidden so that a small count cannot be worked out`),
  })).describe('Sorted by "not yet", then "in progress": what to plan the next trainings for'),
});

export async function selfcheckApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/selfcheck/aggregate',
    {
      config: { access: aggregateRoles },
      schema: {
        tags: ['selfcheck'],
        summary: "The Vereins-Check's aggregate over every organisation's latest check, with small numbers hidden for every role but staff",
        querystring: aggregateQuery,
        response: { 200: aggregateResponse },
      },
    },
    async (request) => {
      const account = request.account!;
      const scope = await aggregateScopeOf(app.db, account);
      const { orientations } = await import('../names/index.js');
      const wanted = request.query.orientation;
    const orientation = wanted && (orientations as readonly string[]).includes(wanted) ? wanted : undefined;
      const district = request.query.district && (scope === null || scope.includes(request.query.district)) ? request.query.district : undefined;
      const aggregate = await itemAggregate(app.db, { district, orientation, withinDistricts: scope ?? undefined });
      const [visible, checklist] = await Promise.all([shownAggregate(aggregate, thresholdOf(account.role)), currentChecklist(app.db, { includeInactive: true })]);
      const areaOf = new Map(checklist.items.map((item) => [item.key, item.areaKey]));
      return {
        district: district ?? null, orientation: orientation ?? null, organisations: visible.organisations, tooFew: visible.tooFew,
        items: visible.items.map((item) => ({ itemKey: item.itemKey, areaKey: areaOf.get(item.itemKey) ?? '', counts: item.counts })),
      };
    },
  );
}
