import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../reports/schemas.js';
import { smallCountPaths, suppressReport, thresholdFor } from './suppression.js';

const report: ImpactReport = {
  period: { from: '2019-01-01', to: '2019-12-31' },
  reach: { events: 2, organizations: 2, organization_participations: 4, person_participations: 9, mean_events_per_organization: 2, organizations_by_event_count: { '2': 2 } },
  formats: { pr_training: { events: 2, organizations: 2, organization_participations: 4, person_participations: 9 } },
  grants: [
    { year: 2018, approved: 2, new: 2, follow_up: 0, reached: 0, reached_participations: 0, reached_by_format: { pr_training: 0 }, consulted: 0, supported: 0, change: null },
    { year: 2019, approved: 6, new: 6, follow_up: 0, reached: 5, reached_participations: 4, reached_by_format: { pr_training: 2 }, consulted: 3, supported: 5, change: 2 },
  ],
  conversion: { pr_training: { organizations: 2, approved: { '2018': 2, '2019': 2 } } },
  feedback: [{ event_key: 'e', title: 'E', start_date: '2019-02-01', format: 'pr_training', responses: 1, questions: [{ position: 1, n: 1, no_answer: 0, mean: 1 }] }],
};

describe('small-number suppression', () => {
  it('applies to funder and evaluator only, and only with a threshold above 1', () => {
    expect(thresholdFor('funder', 3)).toBe(3);
    expect(thresholdFor('evaluator', 5)).toBe(5);
    for (const role of ['admin', 'staff', 'coordinator'] as const) expect(thresholdFor(role, 3)).toBeNull();
    expect(thresholdFor('funder', 1)).toBeNull();
  });

  it('hides organisation counts from 1 to threshold − 1 and what is computed from them, never zeros or person counts', () => {
    const hidden = smallCountPaths(report, 3);
    expect([...hidden].sort()).toEqual([
      'conversion.pr_training.approved.2018',
      'conversion.pr_training.approved.2019',
      'conversion.pr_training.organizations',
      'formats.pr_training.organizations',
      'grants[0].approved',
      'grants[0].new',
      'grants[1].change', // 2 → 6: the previous year is small
      'grants[1].reached_by_format.pr_training',
      'reach.mean_events_per_organization',
      'reach.organizations',
      'reach.organizations_by_event_count.2',
    ]);
    expect(smallCountPaths(report, null).size).toBe(0);
  });

  it('replaces hidden values in a copy that lists them', () => {
    const suppressed = suppressReport(report, smallCountPaths(report, 3));
    expect(suppressed.reach.organizations).toBe(0);
    expect(suppressed.reach.mean_events_per_organization).toBe(0);
    expect(suppressed.grants[1].change).toBeNull();
    expect(suppressed.grants[1].reached_by_format.pr_training).toBe(0);
    expect(suppressed.conversion.pr_training!.approved['2019']).toBe(0);
    expect(suppressed.reach.person_participations).toBe(9);
    expect(suppressed.suppressed).toHaveLength(11);
    expect(report.reach.organizations).toBe(2); // the original is untouched
  });
});
