import type { Area } from './items.js';
import type { GivenAnswer } from './queries.js';
import { answers, type Answer } from './tables.js';

/**
 * What a check's result shows: its profile across the areas (how many items
 * are done, in progress, not yet, not relevant), and what moved since the
 * previous check, item by item and per area. No score: the counts are what
 * the organisation said, and an item "not relevant for us" is its choice.
 */

export type Counts = Record<Answer, number>;
const zero = (): Counts => ({ done: 0, in_progress: 0, not_yet: 0, not_relevant: 0 });

export interface AreaProfile {
  area: Area;
  counts: Counts;
  total: number;
}

export function profileOf(areas: readonly Area[], given: readonly GivenAnswer[]): AreaProfile[] {
  return areas
    .map((area) => {
      const counts = zero();
      for (const entry of given) if (entry.item.areaKey === area.key) counts[entry.answer]++;
      return { area, counts, total: answers.reduce((sum, answer) => sum + counts[answer], 0) };
    })
    .filter((profile) => profile.total > 0);
}

/** Where an answer stands on the way to "done"; "not relevant" is off that way (a choice, not a step). */
const stepOf: Record<Answer, number | null> = { not_yet: 0, in_progress: 1, done: 2, not_relevant: null };

export type Movement = 'forward' | 'back' | 'same' | 'changed' | 'new' | 'gone';

export function movementOf(before: Answer | undefined, after: Answer | undefined): Movement {
  if (before === undefined) return 'new';
  if (after === undefined) return 'gone';
  if (before === after) return 'same';
  const [from, to] = [stepOf[before], stepOf[after]];
  if (from === null || to === null) return 'changed';
  return to > from ? 'forward' : 'back';
}

export interface ItemChange {
  itemKey: string;
  areaKey: string;
  /** The entry to show: the current one, or the earlier one for an item since retired. */
  current: GivenAnswer | null;
  previous: GivenAnswer | null;
  movement: Movement;
}

export interface AreaChange {
  area: Area;
  before: Counts;
  after: Counts;
  forward: number;
  back: number;
}

export interface Difference {
  items: ItemChange[];
  areas: AreaChange[];
  forward: number;
  back: number;
}

/** What moved from `previous` to `current`, item by item and per area. */
export function differenceOf(areas: readonly Area[], previous: readonly GivenAnswer[], current: readonly GivenAnswer[]): Difference {
  const before = new Map(previous.map((entry) => [entry.item.key, entry]));
  const after = new Map(current.map((entry) => [entry.item.key, entry]));
  const keys = [...after.keys(), ...[...before.keys()].filter((key) => !after.has(key))];
  const items: ItemChange[] = keys.map((key) => {
    const entry = after.get(key) ?? before.get(key)!;
    return { itemKey: key, areaKey: entry.item.areaKey, current: after.get(key) ?? null, previous: before.get(key) ?? null, movement: movementOf(before.get(key)?.answer, after.get(key)?.answer) };
  });
  const beforeProfile = new Map(profileOf(areas, previous).map((profile) => [profile.area.key, profile.counts]));
  const afterProfile = new Map(profileOf(areas, current).map((profile) => [profile.area.key, profile.counts]));
  const areaChanges = areas
    .filter((area) => beforeProfile.has(area.key) || afterProfile.has(area.key))
    .map((area) => {
      const inArea = items.filter((item) => item.areaKey === area.key);
      return {
        area, before: beforeProfile.get(area.key) ?? zero(), after: afterProfile.get(area.key) ?? zero(),
        forward: inArea.filter((item) => item.movement === 'forward').length, back: inArea.filter((item) => item.movement === 'back').length,
      };
    });
  return { items, areas: areaChanges, forward: items.filter((item) => item.movement === 'forward').length, back: items.filter((item) => item.movement === 'back').length };
}
