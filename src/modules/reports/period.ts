import { impactQuerySchema, type ImpactQuery } from './schemas.js';
import { normaliseDay } from '../../ui/dates.js';

/**
 * The reporting period the dashboard opens with: the period of the evaluation
 * report, summer 2017 to summer 2019, which the demo data reproduces.
 */
export const demoReportingPeriod: ImpactQuery = { from: '2017-09-01', to: '2019-08-31' };

export type PeriodProblem = 'fromInvalid' | 'toInvalid' | 'order';

export interface PeriodField {
  field: 'from' | 'to';
  problem: PeriodProblem;
}

export type PeriodChoice =
  | { ok: true; period: ImpactQuery }
  | { ok: false; values: { from: string; to: string }; problems: PeriodField[] };

/**
 * The period of a dashboard request: the default when neither day is given,
 * otherwise both checked by the same schema as the API and the command line.
 */
export function choosePeriod(query: Record<string, unknown>): PeriodChoice {
  if (query.from === undefined && query.to === undefined) return { ok: true, period: demoReportingPeriod };
  const values = { from: String(query.from ?? '').trim(), to: String(query.to ?? '').trim() };
  // days typed as 31.08.2019 or 31/08/2019 count as picked ones (src/ui/dates.ts)
  const parsed = impactQuerySchema.safeParse({ from: normaliseDay(values.from), to: normaliseDay(values.to) });
  if (parsed.success) return { ok: true, period: parsed.data };
  const problems: PeriodField[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'from' ? 'from' : 'to';
    const problem: PeriodProblem = (issue as { params?: { code?: string } }).params?.code === 'period_order' ? 'order' : field === 'from' ? 'fromInvalid' : 'toInvalid';
    if (!problems.some((known) => known.field === field)) problems.push({ field, problem });
  }
  return { ok: false, values, problems };
}

/** The query string of a period, for links to exports. */
export const periodQuery = (period: ImpactQuery) => `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
