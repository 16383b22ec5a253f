import type { Role } from '../../db/tables.js';
import type { ImpactReport } from '../reports/schemas.js';

/**
 * Small-number suppression. A handful of associations of one community in one
 * format or year can reveal who they are, and with it their members' ethnic
 * origin; so funder and evaluator see counts of organisations below the
 * threshold (MOSAIK_SMALL_NUMBER_THRESHOLD) only as "< N". Centre staff, admins
 * and coordinators see exact figures.
 *
 * The rule works on the JSON document: smallCountPaths names every value to
 * hide by its path ("grants[1].reached"); the dashboard's tables and exports
 * mask the cells built from those paths (and shares or means computed from
 * them), the API replaces them in the document it serves.
 * A count of 0 stays visible: an empty group describes nobody.
 *
 * Secondary suppression: where counts add up to a total shown beside them
 * (totalRelations), one hidden cell could be recomputed as the total minus
 * the others; so whenever such a relation holds exactly one hidden count, the
 * next smallest visible count of it is hidden too, until no relation has a
 * single hidden cell. Those cells are at least the threshold, so they read as
 * "x" (secondaryMark), never as "< N" (docs/decisions.md).
 */

/** How a count hidden by secondary suppression reads: its value is not small, only withheld. */
export const secondaryMark = 'x';

/** The hidden paths, and among them those hidden only to protect another (secondary). */
export class HiddenPaths extends Set<string> {
  readonly secondary = new Set<string>();
}

export const suppressedRoles: readonly Role[] = ['funder', 'evaluator'];

/** The threshold that applies to an account, or null when it sees exact figures. */
export function thresholdFor(role: Role | undefined | null, threshold: number): number | null {
  if (!role || !suppressedRoles.includes(role) || threshold <= 1) return null;
  return threshold;
}

/** Paths of the values that count organisations (or their participations) in the report. */
export function organisationCountPaths(report: ImpactReport): [string, number][] {
  const counts: [string, number][] = [
    ['reach.organizations', report.reach.organizations],
    ['reach.organization_participations', report.reach.organization_participations],
  ];
  for (const [k, value] of Object.entries(report.reach.organizations_by_event_count)) counts.push([`reach.organizations_by_event_count.${k}`, value]);
  for (const [format, entry] of Object.entries(report.formats)) {
    counts.push([`formats.${format}.organizations`, entry!.organizations], [`formats.${format}.organization_participations`, entry!.organization_participations]);
  }
  report.grants.forEach((year, index) => {
    for (const field of ['approved', 'new', 'follow_up', 'reached', 'reached_participations', 'consulted', 'supported'] as const) {
      counts.push([`grants[${index}].${field}`, year[field]]);
    }
    for (const [format, value] of Object.entries(year.reached_by_format)) counts.push([`grants[${index}].reached_by_format.${format}`, value!]);
  });
  for (const [format, entry] of Object.entries(report.conversion)) {
    counts.push([`conversion.${format}.organizations`, entry!.organizations]);
    for (const [year, value] of Object.entries(entry!.approved)) counts.push([`conversion.${format}.approved.${year}`, value]);
  }
  return counts;
}

/**
 * Every path to hide for this threshold (null: none): organisation counts from
 * 1 to threshold − 1, the counts hidden to protect them (secondary
 * suppression), and the values computed from any of them (the mean number of
 * events per organisation, the change in approvals from one year to the next).
 */
export function smallCountPaths(report: ImpactReport, threshold: number | null): HiddenPaths {
  const hidden = new HiddenPaths();
  if (threshold === null) return hidden;
  const counts = organisationCountPaths(report);
  for (const [path, value] of counts) if (value > 0 && value < threshold) hidden.add(path);
  const secondary = (path: string) => {
    hidden.add(path);
    hidden.secondary.add(path);
  };
  // Participations are the organisations by event count weighted by that count: with the
  // plain sum of the same cells that makes two equations, enough to solve for two hidden
  // cells, so the participations total goes as soon as any of them is hidden.
  const byEventCount = Object.keys(report.reach.organizations_by_event_count).map((k) => `reach.organizations_by_event_count.${k}`);
  if (byEventCount.some((path) => hidden.has(path)) && report.reach.organization_participations > 0 && !hidden.has('reach.organization_participations')) {
    secondary('reach.organization_participations');
  }
  for (const path of secondarySuppression(new Map(counts), totalRelations(report), hidden)) secondary(path);
  if (hidden.has('reach.organizations') || hidden.has('reach.organization_participations')) hidden.add('reach.mean_events_per_organization');
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
 * its smallest visible non-zero cell as well. Returns the newly hidden paths,
 * in the order they were chosen; `hidden` itself is not changed.
 */
export function secondarySuppression(values: ReadonlyMap<string, number>, relations: readonly string[][], hidden: ReadonlySet<string>): string[] {
  const all = new Set(hidden);
  const added: string[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const cells = [...new Set(relation)].filter((path) => values.has(path));
      if (cells.filter((path) => all.has(path)).length !== 1) continue;
      const candidates = cells.filter((path) => !all.has(path) && values.get(path)! > 0);
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
