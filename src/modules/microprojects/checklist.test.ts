import { describe, expect, it } from 'vitest';
import { checklistOf, nextTask, type ChecklistDates } from './checklist.js';
import { addDays, addMonths, daysBetween, longestEnd, monthsCovered } from './days.js';

/** Due dates computed from the project's dates, for every stage, with a fixed "today". */

const dates: ChecklistDates = {
  stage: 'idea', applicationDeadline: '2018-12-31', approvedOn: null, startsOn: null, endsOn: null, proofDueMonths: 6, hasMinijob: true, hasTaxAdviser: false,
};
const dueOf = (tasks: ReturnType<typeof checklistOf>) => Object.fromEntries(tasks.map((task) => [task.key, task.due]));
const stateOf = (tasks: ReturnType<typeof checklistOf>) => Object.fromEntries(tasks.map((task) => [task.key, task.state]));

describe('the checklist of a micro-project', () => {
  it('counts the application tasks back from the year’s deadline while the project is an idea', () => {
    const tasks = checklistOf(dates, new Set(), '2018-12-10');
    expect(dueOf(tasks)).toEqual({ concept: '2018-12-03', financePlan: '2018-12-10', integrationOfficeLetter: '2018-12-17', submitApplication: '2018-12-31' });
    expect(stateOf(tasks)).toEqual({ concept: 'overdue', financePlan: 'dueSoon', integrationOfficeLetter: 'dueSoon', submitApplication: 'open' });
    expect(nextTask(tasks)?.key).toBe('concept');
  });

  it('keeps the same tasks in consultation, and completes them once the application is submitted', () => {
    expect(checklistOf({ ...dates, stage: 'in_consultation' }, new Set(['concept']), '2018-12-10').map((task) => [task.key, task.done])).toEqual([
      ['concept', true], ['financePlan', false], ['integrationOfficeLetter', false], ['submitApplication', false],
    ]);
    const submitted = checklistOf({ ...dates, stage: 'application_submitted' }, new Set(), '2019-01-10');
    expect(submitted.every((task) => task.group === 'application' && task.done)).toBe(true);
  });

  it('brings the tasks after the notice and of the mini-job when approved, dated from the notice and the start', () => {
    const approved = { ...dates, stage: 'approved' as const, approvedOn: '2019-02-15', startsOn: '2019-03-01', endsOn: '2019-12-31' };
    const due = dueOf(checklistOf(approved, new Set(), '2019-02-20'));
    expect(due).toMatchObject({
      readNotice: '2019-03-01', visibility: '2019-03-31',
      personnelQuestionnaire: '2019-03-01', accidentInsurance: '2019-03-01', employerNumber: '2019-03-01', employmentContract: '2019-03-01',
      // § 17 MiLoG: records within seven days; Minijob-Zentrale: six weeks after the start
      workingTimeRecords: '2019-03-08', minijobRegistration: '2019-04-12', monthlyLevies: '2019-04-01', taxAdviser: '2019-03-01',
      interimCheck: '2019-07-31', receiptsKept: '2019-12-31',
      // ANBest-P: six months after the end (a rule of the year)
      sachbericht: '2020-06-30', numericalProof: '2020-06-30', submitProof: '2020-06-30',
    });
  });

  it('leaves the mini-job tasks out for a project without a mini-job, and keeps dates open that are not known', () => {
    const tasks = checklistOf({ ...dates, stage: 'running', hasMinijob: false, approvedOn: '2019-02-15', startsOn: null, endsOn: null }, new Set(), '2019-03-20');
    expect(tasks.some((task) => task.group === 'minijob')).toBe(false);
    expect(stateOf(tasks)).toMatchObject({ readNotice: 'overdue', visibility: 'overdue', interimCheck: 'undated', submitProof: 'undated' });
  });

  it('uses the proof period of the year and completes everything once the proof is submitted', () => {
    const running = { ...dates, stage: 'proof_due' as const, approvedOn: '2019-02-15', startsOn: '2019-03-01', endsOn: '2020-08-31', proofDueMonths: 3 };
    expect(dueOf(checklistOf(running, new Set(), '2020-09-01')).submitProof).toBe('2020-11-30');
    const submitted = checklistOf({ ...running, stage: 'proof_submitted' }, new Set(), '2020-12-01');
    expect(submitted.filter((task) => task.group === 'proof' || task.group === 'running').every((task) => task.done)).toBe(true);
  });

  it('shows only the application tasks of a rejected or withdrawn project', () => {
    for (const stage of ['rejected', 'withdrawn'] as const) {
      expect(new Set(checklistOf({ ...dates, stage, approvedOn: '2019-02-15', startsOn: '2019-03-01', endsOn: '2019-12-31' }, new Set(), '2019-03-01').map((task) => task.group))).toEqual(new Set(['application']));
    }
  });

  it('counts months and the longest period in calendar days', () => {
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
    expect(longestEnd('2019-03-01', 24)).toBe('2021-02-28');
    expect(monthsCovered('2019-03-01', '2019-08-31')).toBe(6);
    expect(monthsCovered('2026-01-01', '2026-12-31')).toBe(12);
  });

  it('shifts days and months as the calendar does, across month ends, leap days and centuries', () => {
    // the whole-number arithmetic of days.ts against Date.UTC, day by day over 1999–2004 (2000 a leap year) and 2098–2102 (2100 not)
    // the calendar day of a fixed instant at midnight UTC (Date.UTC below), never of the clock: no time zone is involved
    const iso = (time: number) => {
      const day = new Date(time);
      return `${String(day.getUTCFullYear()).padStart(4, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}`;
    };
    const start = Date.UTC(1999, 0, 1);
    const from2098 = (Date.UTC(2098, 0, 1) - start) / 86_400_000;
    for (const [first, last] of [[0, 2200], [from2098, from2098 + 1800]] as const) {
      for (let offset = first; offset < last; offset += 1) {
        const day = iso(start + offset * 86_400_000);
        for (const days of [-400, -28, -1, 1, 7, 42, 366]) expect(addDays(day, days)).toBe(iso(start + (offset + days) * 86_400_000));
        expect(daysBetween('1999-01-01', day)).toBe(offset);
      }
    }
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonths('2019-03-31', -1)).toBe('2019-02-28');
    expect(addMonths('2019-12-15', 1)).toBe('2020-01-15');
    expect(addMonths('2020-01-15', -13)).toBe('2018-12-15');
  });
});
