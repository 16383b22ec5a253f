import { describe, expect, it } from 'vitest';
import { demoYearRules } from './demo.js';
import { limitsOf } from './dossier.js';
import { checkMoney, parseEuros, type MoneyPlan } from './money.js';

/** The money checks with the limits of the year they belong to (demo rules: 2019 and 2026). */

const rule = (year: number) => limitsOf({ ...demoYearRules.find((entry) => entry.year === year)!, proof_due_months: 6, overspend_tolerance_percent: 20, source: '', updated_at: new Date(0) });
const plan = (changes: Partial<MoneyPlan> = {}): MoneyPlan => ({
  planned: { project_costs: 250_000, minijob: 540_000, tax_adviser: 50_000 },
  actual: { project_costs: 0, minijob: 0, tax_adviser: 0 },
  minijobMonthlyHours: 40, minijobMonthlyPayCents: 45_000, startsOn: '2019-01-01', endsOn: '2019-12-31',
  ...changes,
});
const codes = (check: ReturnType<typeof checkMoney>) => check.warnings.map((warning) => warning.code);

describe('the money checks', () => {
  it('finds nothing wrong with a plan inside the limits of 2019', () => {
    const check = checkMoney(plan(), rule(2019));
    expect(codes(check)).toEqual([]);
    expect(check.plannedTotal).toBe(840_000);
  });

  it('warns when twelve months at the 2026 ceiling exceed the mini-job limit, though each month is fine', () => {
    const check = checkMoney(plan({ minijobMonthlyPayCents: 60_300, minijobMonthlyHours: 43, startsOn: '2026-01-01', endsOn: '2026-12-31' }), rule(2026));
    expect(codes(check)).toEqual(['minijobYear']);
    expect(check.warnings[0]!.values).toEqual({ months: 12, total: 723_600, limit: 720_000 });
    // the same pay is above the 2019 ceiling of €450
    expect(codes(checkMoney(plan({ minijobMonthlyPayCents: 60_300, minijobMonthlyHours: 43 }), rule(2019)))).toEqual(['monthlyCeiling', 'minijobYear']);
  });

  it('checks the hourly pay against the minimum wage of the year', () => {
    // €450 for 48 hours = €9.37: enough in 2019 (€9.19), not in 2026 (€13.90)
    expect(codes(checkMoney(plan({ minijobMonthlyHours: 48 }), rule(2019)))).toEqual([]);
    expect(codes(checkMoney(plan({ minijobMonthlyHours: 48, startsOn: '2026-01-01', endsOn: '2026-06-30' }), rule(2026)))).toEqual(['minimumWage']);
  });

  it('warns about project costs with the tax adviser above the programme limit', () => {
    expect(codes(checkMoney(plan({ planned: { project_costs: 280_000, minijob: 540_000, tax_adviser: 50_000 } }), rule(2019)))).toEqual(['projectLimit']);
  });

  it('lets one line overspend within the tolerance when another saves, and not beyond', () => {
    const covered = checkMoney(plan({ actual: { project_costs: 290_000, minijob: 480_000, tax_adviser: 50_000 } }), rule(2019));
    expect(covered.lines.map((line) => line.verdict)).toEqual(['withinTolerance', 'within', 'within']);
    expect(codes(covered)).toEqual([]);
    const beyond = checkMoney(plan({ actual: { project_costs: 310_000, minijob: 400_000, tax_adviser: 50_000 } }), rule(2019));
    expect(beyond.lines[0]!.verdict).toBe('overspent');
    expect(codes(beyond)).toEqual(['lineOverspent']);
    const noSavings = checkMoney(plan({ actual: { project_costs: 260_000, minijob: 540_000, tax_adviser: 50_000 } }), rule(2019));
    expect(codes(noSavings)).toEqual(['lineOverspent', 'totalOverspent']);
  });

  it('reads euros as people type them', () => {
    expect(parseEuros('1.234,56')).toBe(123_456);
    expect(parseEuros('1,234.56')).toBe(123_456);
    expect(parseEuros('49,9')).toBe(4_990);
    expect(parseEuros('450 €')).toBe(45_000);
    expect(parseEuros('-5')).toBe(-500);
    expect(parseEuros('zwölf')).toBeNull();
  });
});
