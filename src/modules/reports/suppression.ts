import type { Role } from '../../db/tables.js';
import type { ImpactReport } from './schemas.js';

/**
 * Small-number suppression: the one rule of every page and export that shows
 * figures to funder and evaluator (dashboard, report JSON, feedback pages and
 * annex, evaluation pages and their CSV files; docs/privacy.md).
 *
 * A handful of associations of one community in one district can reveal who
 * they are, and with them their members' ethnic origin. So the rule hides
 * only cells that break a figure down by a *sensitive dimension* —
 * district, municipality, orientation, community, language, or a
 * combination of them (a row of one organisation described by district and
 * orientation is such a combination) — when they count 1 to threshold − 1
 * (MOSAIK_SMALL_NUMBER_THRESHOLD). It never hides:
 *  - the report's period totals (reach, and its figures per format and year:
 *    a format or a year names no place and no community),
 *  - the distribution of organisations by number of events attended,
 *  - means, which are shown with their N as the evaluation report prints them.
 * Open answers never reach funder and evaluator at all
 * (src/modules/feedback/policy.ts). Centre staff, admins and coordinators
 * see exact figures.
 *
 * The API: describe each cell by what it is broken down by (`FigureCell.by`);
 * `suppressBreakdown(cells, threshold, relations)` returns the cells to hide.
 * A cell without a sensitive dimension (`isBreakdown` false) is a total and
 * is never returned. A count of 0 stays visible: an empty group describes
 * nobody.
 *
 * Secondary suppression: where breakdown cells add up to a total shown beside
 * them (relations), one hidden cell could be recomputed as the total minus
 * the others; so whenever such a relation holds exactly one hidden cell, its
 * next smallest visible breakdown cell is hidden too. Totals themselves are
 * never chosen. Those cells are at least the threshold, so they read as "x"
 * (secondaryMark), never as "< N" (docs/decisions.md).
 */

/** How a count hidden by secondary suppression reads: its value is not small, only withheld. */
export const secondaryMark = 'x';

/** The hidden paths, and among them those hidden only to protect another (secondary). */
export class HiddenPaths extends Set<string> {
  readonly secondary = new Set<string>();
}

export const suppressedRoles: readonly Role[] = ['funder', 'evaluator'];

/** The dimensions that could single out an association or reveal its community. */
export const sensitiveDimensions = ['district', 'municipality', 'orientation', 'community', 'language'] as const;
export type SensitiveDimension = (typeof sensitiveDimensions)[number];
/** What else a figure may be broken down by; none of these alone hides a cell. */
export type Dimension = SensitiveDimension | 'format' | 'year' | 'event_count' | 'event' | 'question' | 'grade' | 'channel' | 'organisation' | 'measure';

export interface FigureCell {
  path: string;
  value: number;
  /** What the cell breaks its figure down by; [] for a period total. */
  by: readonly Dimension[];
}

/** A cell the rule may hide: one broken down by at least one sensitive dimension. */
export const isBreakdown = (by: readonly Dimension[]) => by.some((dimension) => (sensitiveDimensions as readonly string[]).includes(dimension));

/** The threshold that applies to an account, or null when it sees exact figures. */
export function thresholdFor(role: Role | undefined | null, threshold: number): number | null {
  if (!role || !suppressedRoles.includes(role) || threshold <= 1) return null;
  return threshold;
}

/** Whether one count, broken down by `by`, is hidden for this threshold (no relations to protect). */
export const hidesCount = (value: number, by: readonly Dimension[], threshold: number | null) => threshold !== null && isBreakdown(by) && value > 0 && value < threshold;

/**
 * The cells to hide: breakdown cells from 1 to threshold − 1, and the
 * breakdown cells hidden to protect them in `relations` (secondary). Totals,
 * distributions and means are never hidden, whatever their value.
 */
export function suppressBreakdown(cells: readonly FigureCell[], threshold: number | null, relations: readonly string[][] = []): HiddenPaths {
  const hidden = new HiddenPaths();
  if (threshold === null) return hidden;
  for (const cell of cells) if (hidesCount(cell.value, cell.by, threshold)) hidden.add(cell.path);
  if (hidden.size === 0) return hidden;
  const breakdown = new Map(cells.filter((cell) => isBreakdown(cell.by)).map((cell) => [cell.path, cell.value]));
  const all = new Map(cells.map((cell) => [cell.path, cell.value]));
  for (const path of secondarySuppression(all, relations, hidden, (candidate) => breakdown.has(candidate))) {
    hidden.add(path);
    hidden.secondary.add(path);
  }
  return hidden;
}

/**
 * Every count of the impact report with what it is broken down by. The report
 * breaks figures down by format and year only, so none of them is a
 * breakdown in the rule's sense: funder and evaluator see the report as
 * staff do (the ministry's chapter 5 must be reproducible from it). A future
 * figure by district or community is listed here with its dimension and is
 * hidden by the same rule.
 */
export function reportCells(report: ImpactReport): FigureCell[] {
  const cells: FigureCell[] = [
    { path: 'reach.organizations', value: report.reach.organizations, by: [] },
    { path: 'reach.organization_participations', value: report.reach.organization_participations, by: [] },
  ];
  for (const [k, value] of Object.entries(report.reach.organizations_by_event_count)) cells.push({ path: `reach.organizations_by_event_count.${k}`, value, by: ['event_count'] });
  for (const [format, entry] of Object.entries(report.formats)) {
    cells.push({ path: `formats.${format}.organizations`, value: entry!.organizations, by: ['format'] }, { path: `formats.${format}.organization_participations`, value: entry!.organization_participations, by: ['format'] });
  }
  report.grants.forEach((year, index) => {
    for (const field of ['approved', 'new', 'follow_up', 'reached', 'reached_participations', 'consulted', 'supported'] as const) {
      cells.push({ path: `grants[${index}].${field}`, value: year[field], by: ['year'] });
    }
    for (const [format, value] of Object.entries(year.reached_by_format)) cells.push({ path: `grants[${index}].reached_by_format.${format}`, value: value!, by: ['year', 'format'] });
  });
  for (const [format, entry] of Object.entries(report.conversion)) {
    cells.push({ path: `conversion.${format}.organizations`, value: entry!.organizations, by: ['format'] });
    for (const [year, value] of Object.entries(entry!.approved)) cells.push({ path: `conversion.${format}.approved.${year}`, value, by: ['format', 'year'] });
  }
  return cells;
}

/**
 * Every path of the report to hide for this threshold (null: none), by the
 * one rule; and the change in approvals from one year to the next where an
 * approval count it is computed from is hidden. Means are never hidden.
 */
export function smallCountPaths(report: ImpactReport, threshold: number | null): HiddenPaths {
  const hidden = suppressBreakdown(reportCells(report), threshold, totalRelations(report));
  report.grants.forEach((year, index) => {
    const previous = report.grants.findIndex((other) => other.year === year.year - 1);
    if (year.change !== null && (hidden.has(`grants[${index}].approved`) || hidden.has(`grants[${previous}].approved`))) hidden.add(`grants[${index}].change`);
  });
  return hidden;
}

/**
 * The sums among the report's organisation counts that a reader could solve
 * for one unknown cell: each lists a total and the parts that add up to it
 * (the rows and columns of the dashboard's tables with their totals).
 */
export function totalRelations(report: ImpactReport): string[][] {
  const byEventCount = Object.keys(report.reach.organizations_by_event_count).map((k) => `reach.organizations_by_event_count.${k}`);
  const formats = Object.keys(report.formats).map((format) => `formats.${format}.organization_participations`);
  return [
    // organisations by the number of events they attended add up to all reached organisations
    ['reach.organizations', ...byEventCount],
    // participations of organisations per format add up to all of them
    ['reach.organization_participations', ...formats],
    // approved applications are new ones plus follow-ups
    ...report.grants.map((_, index) => [`grants[${index}].approved`, `grants[${index}].new`, `grants[${index}].follow_up`]),
  ];
}

/**
 * Secondary suppression on any set of relations (a table's rows and columns
 * with their totals): while a relation holds exactly one hidden cell, hide
 * its smallest visible non-zero cell that `mayHide` allows (never a total of
 * the rule) as well. Returns the newly hidden paths,
 * in the order they were chosen; `hidden` itself is not changed.
 */
export function secondarySuppression(
  values: ReadonlyMap<string, number>,
  relations: readonly string[][],
  hidden: ReadonlySet<string>,
  mayHide: (path: string) => boolean = () => true,
): string[] {
  const all = new Set(hidden);
  const added: string[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const cells = [...new Set(relation)].filter((path) => values.has(path));
      if (cells.filter((path) => all.has(path)).length !== 1) continue;
      const candidates = cells.filter((path) => !all.has(path) && values.get(path)! > 0 && mayHide(path));
      // the smallest first; among equals the one listed first, so the choice is repeatable
      const next = candidates.sort((a, b) => values.get(a)! - values.get(b)!)[0];
      if (next === undefined) continue;
      all.add(next);
      added.push(next);
      changed = true;
    }
  }
  return added;
}

/**
 * The report with every hidden value replaced: counts by 0, the mean by 0 and
 * the change by null (values the schema allows), so that a client reading the
 * document sees no small number; `suppressed` lists the paths that were replaced.
 */
export function suppressReport(report: ImpactReport, hidden: Set<string>): ImpactReport & { suppressed: string[] } {
  const copy = structuredClone(report) as ImpactReport;
  for (const path of hidden) setPath(copy, path, path.endsWith('.change') ? null : 0);
  return { ...copy, suppressed: [...hidden].sort() };
}

function setPath(document: unknown, path: string, value: unknown) {
  const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
  let node = document as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}
