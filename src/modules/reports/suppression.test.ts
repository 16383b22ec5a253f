import { describe, expect, it } from 'vitest';
import type { ImpactReport } from './schemas.js';
import { isBreakdown, reportCells, secondarySuppression, smallCountPaths, suppressBreakdown, suppressReport, thresholdFor, type FigureCell } from './suppression.js';

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

  it('hides cells broken down by district, municipality, orientation, community or language from 1 to threshold − 1, never zeros', () => {
    const cells: FigureCell[] = [
      { path: 'kassel', value: 2, by: ['district'] },
      { path: 'fulda', value: 0, by: ['district'] },
      { path: 'baunatal', value: 1, by: ['municipality'] },
      { path: 'kurdish', value: 2, by: ['orientation', 'year'] },
      { path: 'eritrean', value: 1, by: ['community'] },
      { path: 'tigrinya', value: 1, by: ['language'] },
      { path: 'large', value: 3, by: ['district', 'orientation'] },
    ];
    const hidden = suppressBreakdown(cells, 3);
    expect([...hidden].sort()).toEqual(['baunatal', 'eritrean', 'kassel', 'kurdish', 'tigrinya']);
    expect(suppressBreakdown(cells, null).size).toBe(0);
    expect(isBreakdown(['format', 'year'])).toBe(false);
    expect(isBreakdown(['year', 'district'])).toBe(true);
  });

  it('never hides a period total, a figure by format or year alone, or the distribution by number of events', () => {
    const cells: FigureCell[] = [
      { path: 'organisations', value: 1, by: [] },
      { path: 'training', value: 2, by: ['format'] },
      { path: '2019', value: 1, by: ['year'] },
      { path: 'attended 3', value: 2, by: ['event_count'] },
    ];
    expect(suppressBreakdown(cells, 3).size).toBe(0);
  });

  it('never picks a total for secondary suppression, only another breakdown cell', () => {
    const cells: FigureCell[] = [
      { path: 'total', value: 9, by: [] },
      { path: 'kassel', value: 2, by: ['district'] },
      { path: 'fulda', value: 7, by: ['district'] },
    ];
    const hidden = suppressBreakdown(cells, 3, [['total', 'kassel', 'fulda']]);
    expect([...hidden].sort()).toEqual(['fulda', 'kassel']);
    expect([...hidden.secondary]).toEqual(['fulda']);
    // with no other breakdown cell to hide, the total still stays
    const alone = suppressBreakdown(cells.slice(0, 2), 3, [['total', 'kassel']]);
    expect([...alone]).toEqual(['kassel']);
  });

  it('shows funder and evaluator the whole impact report: its headline figures, distribution and mean, however small', () => {
    // the ministry's case: cells of 2 in the distribution hid the participations ("x") and the mean ("–")
    const hidden = smallCountPaths(report, 3);
    expect([...hidden]).toEqual([]);
    const served = suppressReport(report, hidden);
    expect(served.reach.organization_participations).toBe(4);
    expect(served.reach.mean_events_per_organization).toBe(2);
    expect(served.reach.organizations_by_event_count['2']).toBe(2);
    expect(served.grants[0].approved).toBe(2);
    expect(served.suppressed).toEqual([]);
  });

  it('lists every count of the report with its dimensions, none of them sensitive', () => {
    const cells = reportCells(report);
    expect(cells.map((cell) => cell.path)).toEqual(expect.arrayContaining(['reach.organizations', 'reach.organizations_by_event_count.2', 'formats.pr_training.organizations', 'grants[1].reached_by_format.pr_training', 'conversion.pr_training.approved.2019']));
    expect(cells.filter((cell) => isBreakdown(cell.by))).toEqual([]);
  });

  it('replaces hidden values in a copy that lists them', () => {
    const suppressed = suppressReport(report, new Set(['grants[1].change', 'conversion.pr_training.approved.2019']));
    expect(suppressed.grants[1].change).toBeNull();
    expect(suppressed.conversion.pr_training!.approved['2019']).toBe(0);
    expect(suppressed.suppressed).toEqual(['conversion.pr_training.approved.2019', 'grants[1].change']);
    expect(report.conversion.pr_training!.approved['2019']).toBe(2); // the original is untouched
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

  it('a mayHide filter keeps cells out of the choice', () => {
    const values = new Map(Object.entries({ total: 9, x: 2, y: 3, z: 4 }));
    expect(secondarySuppression(values, [['total', 'x', 'y', 'z']], new Set(['x']), (path) => path !== 'y')).toEqual(['z']);
  });
});
