import type { EventFormat } from '../../db/tables.js';
import { centreEvents, type DemoEvent } from './events.js';
import { Random, check } from './random.js';

/**
 * Which organisation attends which of the centre's events. The evaluation
 * report fixes totals (123 organisations, 177 organisation participations,
 * 1 → 90, 2 → 18, 3 → 11, 4 → 2, 5 → 2 events), per-format distinct counts
 * and what the 42 holders of 2019 attended; this allocation meets all of them
 * at once. Each organisation gets a pattern of formats (one letter per
 * participation, a letter twice for two events of that format); the patterns
 * are then spread over the events of each format so that every event gets
 * exactly its number of organisations. Every figure is asserted below, so a
 * wrong count fails when the dataset is built, not when someone reads it.
 */

export type Letter = 'S' | 'R' | 'A' | 'W' | 'I' | 'P' | 'X';
export const formatOf: Record<Letter, EventFormat> = {
  S: 'state_network_meeting',
  R: 'regional_network_meeting',
  A: 'training_application',
  W: 'writing_workshop',
  I: 'training_implementation',
  P: 'training_reporting',
  X: 'pr_training',
};

/** The 34 grant holders of 2019 who took part (chapter 5.5): 66 participations. */
export const holderPatterns: [count: number, pattern: string][] = [
  [1, 'SRAIP'], [1, 'SAIP'], [4, 'SIP'], [2, 'RAI'], [10, 'AI'], [3, 'SW'], [11, 'S'], [2, 'R'],
];

/** The other 89 organisations reached ("SS": both state-wide meetings, "RR": two regional meetings). */
export const otherPatterns: [count: number, pattern: string][] = [
  [1, 'SSRRA'], [1, 'SSRR'], [2, 'SSA'], [2, 'RRI'], [1, 'SRA'],
  [1, 'SA'], [1, 'SX'], [1, 'RA'], [1, 'AI'], [1, 'AP'],
  [23, 'S'], [23, 'R'], [9, 'A'], [8, 'W'], [11, 'I'], [3, 'P'],
];

export interface PlannedOrganisation {
  /** Position in the plan: 0–33 holders of 2019 reached, 34–122 others reached. */
  index: number;
  holder2019: boolean;
  pattern: string;
  /** The centre events it attends, in date order. */
  events: DemoEvent[];
}

export function planParticipation(random: Random): PlannedOrganisation[] {
  const organisations: PlannedOrganisation[] = [];
  for (const [holder2019, patterns] of [[true, holderPatterns], [false, otherPatterns]] as const) {
    for (const [count, pattern] of patterns) {
      for (let i = 0; i < count; i += 1) organisations.push({ index: organisations.length, holder2019, pattern, events: [] });
    }
  }
  for (const letter of Object.keys(formatOf) as Letter[]) allocate(random, organisations, letter);
  for (const organisation of organisations) organisation.events.sort((a, b) => a.date.localeCompare(b.date));
  checkPlan(organisations);
  return organisations;
}

const slotsOf = (pattern: string, letter: Letter) => [...pattern].filter((item) => item === letter).length;

/**
 * Spreads the organisations needing this format over its events: those with
 * two slots first (they need two different events), each slot to the event
 * with the most places left. Ends with every event exactly full.
 */
function allocate(random: Random, organisations: PlannedOrganisation[], letter: Letter) {
  const events = centreEvents.filter((item) => item.format === formatOf[letter]);
  const left = new Map(events.map((item) => [item.key, item.organisations]));
  const needing = random
    .shuffle(organisations.filter((organisation) => slotsOf(organisation.pattern, letter) > 0))
    .sort((a, b) => slotsOf(b.pattern, letter) - slotsOf(a.pattern, letter));
  for (const organisation of needing) {
    for (let slot = 0; slot < slotsOf(organisation.pattern, letter); slot += 1) {
      const free = events.filter((item) => left.get(item.key)! > 0 && !organisation.events.includes(item));
      check(free.length > 0, `no place left at a ${formatOf[letter]} event for pattern ${organisation.pattern}`);
      const most = Math.max(...free.map((item) => left.get(item.key)!));
      const chosen = random.pick(free.filter((item) => left.get(item.key) === most));
      left.set(chosen.key, most - 1);
      organisation.events.push(chosen);
    }
  }
  for (const [key, places] of left) check(places === 0, `${key} has ${places} organisation places unfilled`);
}

/** The figures of reference/figures.md marked [R] that the allocation alone decides. */
function checkPlan(organisations: PlannedOrganisation[]) {
  const participations = organisations.reduce((sum, organisation) => sum + organisation.events.length, 0);
  check(organisations.length === 123, `123 organisations reached, not ${organisations.length}`);
  check(participations === 177, `177 organisation participations, not ${participations}`);
  const byCount = new Map<number, number>();
  for (const organisation of organisations) byCount.set(organisation.events.length, (byCount.get(organisation.events.length) ?? 0) + 1);
  for (const [events, expected] of [[1, 90], [2, 18], [3, 11], [4, 2], [5, 2]]) {
    check(byCount.get(events) === expected, `${expected} organisations at ${events} events, not ${byCount.get(events)}`);
  }
  const persons = centreEvents.reduce((sum, item) => sum + item.persons, 0);
  check(centreEvents.length === 24 && persons === 244, `24 centre events with 244 persons, not ${centreEvents.length} with ${persons}`);
  for (const item of centreEvents) {
    const attending = organisations.filter((organisation) => organisation.events.includes(item)).length;
    check(attending === item.organisations, `${item.key}: ${item.organisations} organisations, not ${attending}`);
    check(item.persons - item.individuals >= item.organisations, `${item.key}: fewer persons than organisations`);
  }
  const attendingFormat = (letter: Letter, among = organisations) => among.filter((organisation) => organisation.events.some((item) => item.format === formatOf[letter]));
  check(attendingFormat('R').length === 34, 'regional meetings: 34 distinct organisations');
  check(attendingFormat('S').length === 50, 'state-wide meetings: 50 distinct organisations');
  check(organisations.filter((organisation) => slotsOf(organisation.pattern, 'S') === 2).length === 4, 'state-wide meetings: 4 at both');
  check(attendingFormat('A').length === 31, 'application trainings: 31 organisations');

  const holders = organisations.filter((organisation) => organisation.holder2019);
  const holderParticipations = holders.reduce((sum, organisation) => sum + organisation.events.length, 0);
  check(holders.length === 34 && holderParticipations === 66, `34 holders of 2019 with 66 participations, not ${holders.length} with ${holderParticipations}`);
  const expected: [Letter, number][] = [['S', 20], ['R', 5], ['A', 14], ['W', 3], ['I', 18], ['P', 6]];
  for (const [letter, count] of expected) {
    check(attendingFormat(letter, holders).length === count, `${count} holders of 2019 at ${formatOf[letter]}`);
  }
  const applicationOrWriting = holders.filter((organisation) => /[AW]/.test(organisation.pattern)).length;
  check(applicationOrWriting === 17, 'holders of 2019: 17 at an application training or a writing workshop');
}
