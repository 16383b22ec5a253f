import { monthsCovered } from './days.js';
import { budgetLines, type BudgetLine } from './tables.js';

/**
 * The money checks of a project, as the proof of use needs them: planned
 * against actual per budget line, with the tolerance of overspending one line
 * while another saves (a rule of the year, default 20 %, ANBest-P); the
 * mini-job's pay against the year's minimum wage, monthly ceiling and the
 * programme's mini-job limit. All amounts in cents; the limits come from the
 * year's rules (microproject_year_rule), never from here.
 */

export interface YearLimits {
  projectLimitCents: number;
  minijobLimitCents: number;
  minimumWageCents: number;
  minijobMonthlyCeilingCents: number;
  overspendTolerancePercent: number;
}

export interface MoneyPlan {
  planned: Record<BudgetLine, number>;
  /** The sums of the receipts per line. */
  actual: Record<BudgetLine, number>;
  minijobMonthlyHours: number | null;
  minijobMonthlyPayCents: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

export type LineVerdict = 'within' | 'withinTolerance' | 'overspent';

export interface LineCheck {
  line: BudgetLine;
  planned: number;
  actual: number;
  /** actual − planned: negative when the line saves. */
  difference: number;
  verdict: LineVerdict;
}

/** A plain warning: its i18n key (microprojects.warnings.<code>) and the amounts it names. */
export interface MoneyWarning {
  code: 'projectLimit' | 'minijobLimit' | 'minimumWage' | 'monthlyCeiling' | 'minijobYear' | 'lineOverspent' | 'totalOverspent';
  values: Record<string, number | string>;
}

export interface MoneyCheck {
  lines: LineCheck[];
  plannedTotal: number;
  actualTotal: number;
  warnings: MoneyWarning[];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function checkMoney(plan: MoneyPlan, limits: YearLimits | null): MoneyCheck {
  const plannedTotal = sum(budgetLines.map((line) => plan.planned[line]));
  const actualTotal = sum(budgetLines.map((line) => plan.actual[line]));
  const tolerance = limits?.overspendTolerancePercent ?? 20;
  const lines = budgetLines.map((line): LineCheck => {
    const planned = plan.planned[line];
    const actual = plan.actual[line];
    const difference = actual - planned;
    // overspending a line is covered when it stays within the tolerance and the whole plan holds
    const allowed = Math.floor((planned * (100 + tolerance)) / 100);
    const verdict: LineVerdict = difference <= 0 ? 'within' : actual <= allowed && actualTotal <= plannedTotal ? 'withinTolerance' : 'overspent';
    return { line, planned, actual, difference, verdict };
  });
  const warnings: MoneyWarning[] = [];
  for (const line of lines) {
    if (line.verdict === 'overspent') warnings.push({ code: 'lineOverspent', values: { line: line.line, planned: line.planned, actual: line.actual, tolerance } });
  }
  if (actualTotal > plannedTotal) warnings.push({ code: 'totalOverspent', values: { planned: plannedTotal, actual: actualTotal } });
  if (limits) warnings.push(...limitWarnings(plan, limits));
  return { lines, plannedTotal, actualTotal, warnings };
}

/** The plan against the year's limits: project costs (with the tax adviser, eligible since 2018, 5.4) and the mini-job. */
export function limitWarnings(plan: Pick<MoneyPlan, 'planned' | 'minijobMonthlyHours' | 'minijobMonthlyPayCents' | 'startsOn' | 'endsOn'>, limits: YearLimits): MoneyWarning[] {
  const warnings: MoneyWarning[] = [];
  const projectCosts = plan.planned.project_costs + plan.planned.tax_adviser;
  if (projectCosts > limits.projectLimitCents) warnings.push({ code: 'projectLimit', values: { planned: projectCosts, limit: limits.projectLimitCents } });
  if (plan.planned.minijob > limits.minijobLimitCents) warnings.push({ code: 'minijobLimit', values: { planned: plan.planned.minijob, limit: limits.minijobLimitCents } });
  const pay = plan.minijobMonthlyPayCents;
  const hours = plan.minijobMonthlyHours;
  if (pay !== null && hours !== null && hours > 0) {
    const hourly = Math.floor(pay / hours);
    if (hourly < limits.minimumWageCents) warnings.push({ code: 'minimumWage', values: { hourly, minimum: limits.minimumWageCents, hours: String(hours), pay } });
  }
  if (pay !== null && pay > limits.minijobMonthlyCeilingCents) warnings.push({ code: 'monthlyCeiling', values: { pay, ceiling: limits.minijobMonthlyCeilingCents } });
  if (pay !== null && plan.startsOn && plan.endsOn) {
    // the limit is per year: twelve months at the ceiling can exceed it before the employer's levies (wave2.md)
    const months = Math.min(12, monthsCovered(plan.startsOn, plan.endsOn));
    if (pay * months > limits.minijobLimitCents) warnings.push({ code: 'minijobYear', values: { months, total: pay * months, limit: limits.minijobLimitCents } });
  }
  return warnings;
}

/** Euros as typed in a form ("1.234,56", "1234.56", "450") → cents; null when it is not an amount. */
export function parseEuros(input: string): number | null {
  let text = input.trim().replace(/\s|€/g, '');
  if (text === '') return null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(text)) text = text.replace(/,/g, '');
  else text = text.replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/** Cents as a form shows them again: "1234,56" / "1234.56". */
export const eurosForInput = (cents: number | null, language: string) => (cents === null ? '' : (cents / 100).toFixed(2).replace('.', language === 'en' ? '.' : ','));
