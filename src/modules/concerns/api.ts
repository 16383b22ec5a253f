import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiCounts, apiEntries, type ApiEntryRow } from './api-queries.js';
import { readerRoles, scopeOf, seesNames, smallGroup } from './policy.js';
import { concernStates, entryKinds, needStates, outcomeOf } from './tables.js';
import { concernTopics } from './vocabulary.js';

/**
 * The JSON API of needs and concerns (docs/concerns.md, "API"), read-only,
 * for the same readers and scope as the log's page (policy.ts): staff all
 * entries, a coordinator those of their districts, the funder (the ministry)
 * the concerns that reached it. It never names an organisation or a person:
 * only how many organisations raised an entry, and for the funder not even
 * that below five ("fewer than 5", as on the pages), nor the district.
 */

const states = [...needStates, ...concernStates] as const;
const day = z.iso.date();

const listQuery = z.object({
  kind: z.enum(entryKinds).optional().describe('need: what associations need; concern: what they want the ministry to change'),
  state: z.enum(states).optional().describe('Needs: open, taken_up; concerns: collected, forwarded, changed, declined'),
  topic: z.enum(concernTopics).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const entrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(entryKinds),
  title: z.string(),
  topic: z.enum(concernTopics),
  state: z.enum(states),
  outcome: z.enum(['changed', 'declined', 'open']).describe('What came of it: changed, declined, or still open'),
  raisedOn: day,
  district: z.string().nullable().describe('null for the funder, and when the entry names none'),
  forwardedOn: day.nullable().describe('Concerns: when it was forwarded to the ministry'),
  forwardedInMeeting: z.object({ id: z.number().int(), heldOn: day }).nullable().describe('The Dialogtreffen it was forwarded in'),
  answer: z.string().describe("The ministry's answer, as staff recorded it"),
  organisations: z.object({
    count: z.number().int().nullable().describe('How many organisations raised it (0: anonymous); null when hidden'),
    fewerThan: z.number().int().nullable().describe(`Set (to ${smallGroup}) instead of count when fewer organisations raised it and the account sees no names`),
  }),
  takenUpByEvents: z.number().int().describe('Needs: how many events took it up'),
});
const listResponse = z.object({
  total: z.number().int().describe('Entries the account may read that match the filters'),
  counts: z.array(z.object({ kind: z.enum(entryKinds), state: z.enum(states), count: z.number().int() })).describe('All entries the account may read, by kind and state (without the filters)'),
  items: z.array(entrySchema),
});

function present(row: ApiEntryRow, names: boolean): z.infer<typeof entrySchema> {
  const hidden = !names && row.organisations > 0 && row.organisations < smallGroup;
  return {
    id: row.id, kind: row.kind, title: row.title, topic: row.topic as z.infer<typeof entrySchema>['topic'], state: row.state, outcome: outcomeOf(row.state),
    raisedOn: row.raised_on, district: names ? row.district : null, forwardedOn: row.forwarded_on,
    forwardedInMeeting: row.meeting_id !== null && row.meeting_held_on !== null ? { id: row.meeting_id, heldOn: row.meeting_held_on } : null,
    answer: row.answer, organisations: hidden ? { count: null, fewerThan: smallGroup } : { count: row.organisations, fewerThan: null }, takenUpByEvents: row.events,
  };
}

export async function concernsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/concerns',
    {
      config: { access: readerRoles },
      schema: {
        tags: ['concerns'],
        summary: 'Needs and concerns with their state and outcome, without names (coordinators: their districts; the funder: the concerns that reached the ministry)',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const scope = await scopeOf(app.db, request.account!);
      const { kind, state, topic, limit, offset } = request.query;
      const [rows, counts] = await Promise.all([apiEntries(app.db, scope, { kind, state, topic }, { limit, offset }), apiCounts(app.db, scope)]);
      return { total: rows[0]?.total ?? 0, counts, items: rows.map((row) => present(row, seesNames(scope))) };
    },
  );
}
