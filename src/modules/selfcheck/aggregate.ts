import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { answers, type Answer } from './tables.js';

/**
 * The staff aggregate: over every organisation's latest check, how many
 * answered each item "done", "in progress", "not yet", "not relevant" —
 * sorted by "not yet", to plan the next trainings — filtered by district and
 * orientation (the organisations' fields).
 *
 * Small numbers: a handful of associations of one community in one district
 * can reveal who they are (docs/privacy.md). Every role that is not centre
 * staff (coordinators, the funder) sees a count of 1 to 4 as "fewer than 5",
 * and when one count of an item is hidden the next smallest of the same item
 * is hidden too (the four add up to the organisations counted, which the page
 * shows); with fewer than 5 organisations in the selection no count is shown
 * at all. The rule for one cell is the reports module's `hidesCount`.
 */

type Db = Kysely<Database>;

/** The minimum number of organisations a count must reach to be shown to a role that is not staff. */
export const minimumOrganisations = 5;

export interface AggregateFilter {
  district?: string;
  orientation?: string;
  /** A coordinator's scope: only organisations in these districts. */
  withinDistricts?: string[];
}

export interface ItemCounts {
  itemKey: string;
  counts: Record<Answer, number>;
}

export interface Aggregate {
  organisations: number;
  items: ItemCounts[];
}

const conditionsOf = (filter: AggregateFilter) => {
  const conditions = [sql`true`];
  if (filter.district) conditions.push(sql`o.district = ${filter.district}`);
  if (filter.orientation) conditions.push(sql`o.orientation = ${filter.orientation}`);
  if (filter.withinDistricts) conditions.push(filter.withinDistricts.length === 0 ? sql`false` : sql`o.district in (${sql.join(filter.withinDistricts)})`);
  return sql.join(conditions, sql` and `);
};

/**
 * Counts per item and answer over the latest answers (index
 * selfcheck_answer_latest_organisation, 232: an index-only scan of all of
 * them, or of the selected organisations' entries only); unfiltered, the
 * organisations are not joined at all.
 */
export async function itemAggregate(db: Db, filter: AggregateFilter): Promise<Aggregate> {
  const filtered = Boolean(filter.district || filter.orientation || filter.withinDistricts);
  const [rows, total] = await Promise.all([
    filtered
      ? sql<{ item_key: string; answer: Answer; n: number }>`
          select an.item_key, an.answer, count(*)::int as n
          from selfcheck_answer an join organisation o on o.id = an.organisation_id
          where an.latest and ${conditionsOf(filter)}
          group by an.item_key, an.answer`.execute(db)
      : sql<{ item_key: string; answer: Answer; n: number }>`
          select an.item_key, an.answer, count(*)::int as n from selfcheck_answer an where an.latest group by an.item_key, an.answer`.execute(db),
    filtered
      ? sql<{ n: number }>`select count(*)::int as n from selfcheck c join organisation o on o.id = c.organisation_id where c.latest and ${conditionsOf(filter)}`.execute(db)
      : sql<{ n: number }>`select count(*)::int as n from selfcheck c where c.latest`.execute(db),
  ]);
  const byItem = new Map<string, ItemCounts>();
  for (const row of rows.rows) {
    const entry = byItem.get(row.item_key) ?? { itemKey: row.item_key, counts: { done: 0, in_progress: 0, not_yet: 0, not_relevant: 0 } };
    entry.counts[row.answer] = Number(row.n);
    byItem.set(row.item_key, entry);
  }
  const items = [...byItem.values()].sort((a, b) => b.counts.not_yet - a.counts.not_yet || b.counts.in_progress - a.counts.in_progress || a.itemKey.localeCompare(b.itemKey));
  return { organisations: Number(total.rows[0]?.n ?? 0), items };
}

/** Staff and admins see exact counts; every other role has the threshold. */
export const thresholdOf = (role: Role): number | null => (role === 'admin' || role === 'staff' ? null : minimumOrganisations);

export type Shown = number | 'small' | 'withheld';

export interface ShownAggregate {
  organisations: Shown;
  /** True when the selection has too few organisations to show any count. */
  tooFew: boolean;
  items: { itemKey: string; counts: Record<Answer, Shown> }[];
}

/** The aggregate as a role may see it. */
export async function shownAggregate(aggregate: Aggregate, threshold: number | null): Promise<ShownAggregate> {
  if (threshold === null) return { organisations: aggregate.organisations, tooFew: false, items: aggregate.items.map((item) => ({ itemKey: item.itemKey, counts: { ...item.counts } })) };
  const { hidesCount } = await import('../reports/index.js');
  // every count here describes organisations of a district or community: a breakdown in the reports' sense
  const hides = (value: number) => hidesCount(value, ['organisation', 'district'], threshold);
  if (aggregate.organisations < threshold) {
    return { organisations: aggregate.organisations === 0 ? 0 : 'small', tooFew: aggregate.organisations > 0, items: [] };
  }
  return {
    organisations: aggregate.organisations,
    tooFew: false,
    items: aggregate.items.map((item) => {
      const counts = {} as Record<Answer, Shown>;
      const hidden = answers.filter((answer) => hides(item.counts[answer]));
      for (const answer of answers) counts[answer] = hidden.includes(answer) ? 'small' : item.counts[answer];
      // the four counts add up to the organisations shown: one hidden count could be worked out from the others
      if (hidden.length === 1) {
        const next = answers.filter((answer) => !hidden.includes(answer) && item.counts[answer] > 0).sort((a, b) => item.counts[a] - item.counts[b])[0];
        if (next) counts[next] = 'withheld';
      }
      return { itemKey: item.itemKey, counts };
    }),
  };
}
