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
 */

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
 * 1 to threshold − 1, and the values computed from them (the mean number of
 * events per organisation, the change in approvals from one year to the next).
 */
export function smallCountPaths(report: ImpactReport, threshold: number | null): Set<string> {
  const hidden = new Set<string>();
  if (threshold === null) return hidden;
  for (const [path, value] of organisationCountPaths(report)) if (value > 0 && value < threshold) hidden.add(path);
  if (hidden.has('reach.organizations') || hidden.has('reach.organization_participations')) hidden.add('reach.mean_events_per_organization');
  report.grants.forEach((year, index) => {
    const previous = report.grants.findIndex((other) => other.year === year.year - 1);
    if (year.change !== null && (hidden.has(`grants[${index}].approved`) || hidden.has(`grants[${previous}].approved`))) hidden.add(`grants[${index}].change`);
  });
  return hidden;
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
