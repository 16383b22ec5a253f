import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../reports/schemas.js';
import { secondarySuppression, smallCountPaths, suppressReport, thresholdFor } from './suppression.js';

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

  it('hides organisation counts from 1 to threshold − 1, what protects them and what is computed from them, never zeros or person counts', () => {
    const hidden = smallCountPaths(report, 3);
    expect([...hidden].sort()).toEqual([
      'conversion.pr_training.approved.2018',
      'conversion.pr_training.approved.2019',
      'conversion.pr_training.organizations',
      'formats.pr_training.organization_participations', // the only format: equals the hidden total
      'formats.pr_training.organizations',
      'grants[0].approved',
      'grants[0].new',
      'grants[1].change', // 2 → 6: the previous year is small
      'grants[1].reached_by_format.pr_training',
      'reach.mean_events_per_organization',
      'reach.organization_participations', // 2 organisations × 2 events: would give the hidden 2 away
      'reach.organizations',
      'reach.organizations_by_event_count.2',
    ]);
    expect([...hidden.secondary].sort()).toEqual(['formats.pr_training.organization_participations', 'reach.organization_participations']);
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
    expect(suppressed.suppressed).toHaveLength(13);
    expect(report.reach.organizations).toBe(2); // the original is untouched
  });
});

describe('secondary suppression', () => {
  // A table with a total column:    a   b   c | total
  //                          row 1  2   5   9 |  16
  //                          row 2  4   6   3 |  13
  // and a total row                 6  11  12 |  29
  const values = new Map(Object.entries({ a1: 2, b1: 5, c1: 9, t1: 16, a2: 4, b2: 6, c2: 3, t2: 13, ta: 6, tb: 11, tc: 12, t: 29 }));
  const relations = [
    ['t1', 'a1', 'b1', 'c1'],
    ['t2', 'a2', 'b2', 'c2'],
    ['ta', 'a1', 'a2'],
    ['tb', 'b1', 'b2'],
    ['tc', 'c1', 'c2'],
    ['t', 't1', 't2'],
    ['t', 'ta', 'tb', 'tc'],
  ];
  const recoverable = (hidden: Set<string>) =>
    relations.filter((relation) => relation.filter((path) => hidden.has(path)).length === 1).map((relation) => relation.join('+'));

  it('hides the next smallest cell of every row and column with a single hidden cell, until none is left', () => {
    const added = secondarySuppression(values, relations, new Set(['a1']));
    // row 1 → b1 (5); column a → a2 (4); column b → b2 (6); row 2 holds a2 and b2 now
    expect(added).toEqual(['b1', 'a2', 'b2']);
    expect(recoverable(new Set(['a1', ...added]))).toEqual([]);
  });

  it('leaves a table alone when nothing or at least two cells per line are hidden, and never hides zeros', () => {
    expect(secondarySuppression(values, relations, new Set())).toEqual([]);
    expect(secondarySuppression(values, relations, new Set(['a1', 'b1', 'a2', 'b2']))).toEqual([]);
    const withZero = new Map(Object.entries({ total: 7, x: 2, y: 0, z: 5 }));
    expect(secondarySuppression(withZero, [['total', 'x', 'y', 'z']], new Set(['x']))).toEqual(['z']);
  });

  it('falls back to the total when every other part is zero', () => {
    const values = new Map(Object.entries({ total: 2, x: 2, y: 0 }));
    expect(secondarySuppression(values, [['total', 'x', 'y']], new Set(['x']))).toEqual(['total']);
  });

  it('protects a hidden count of the dashboard: approvals are new plus follow-up applications', () => {
    const year = { ...report.grants[1], approved: 9, new: 7, follow_up: 2 };
    const hidden = smallCountPaths({ ...report, grants: [report.grants[0], year] }, 3);
    expect(hidden.has('grants[1].follow_up')).toBe(true);
    expect(hidden.secondary.has('grants[1].new')).toBe(true);
    expect(hidden.has('grants[1].approved')).toBe(false);
  });
});
