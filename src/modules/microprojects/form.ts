import { isLanguage } from '../../i18n/index.js';
import { isIsoDay, parseDay } from '../../ui/dates.js';
import { isDeliverableAddress } from '../mail/index.js';
import { longestEnd } from './days.js';
import { parseEuros } from './money.js';
import { budgetLines, type BudgetLine } from './tables.js';

/**
 * The forms of the micro-projects: the project record, a receipt and a
 * year's rules. Each reader returns the input as typed (to show it again)
 * and either the values or every problem with its field, so that a page names
 * the field and the fix and nothing is stored half.
 */

export interface FormError {
  field: string;
  /** microprojects.errors.<code> */
  code: string;
  values?: Record<string, string | number>;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };
export type FormInput = Record<string, string>;

/** The texts of a submitted form (a repeated field counts once: its first value). */
export function formInputOf(body: Record<string, unknown>): FormInput {
  const input: FormInput = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') input[key] = first;
  }
  return input;
}

/** The longest the programme funds (5.4: up to 24 months). */
export const longestPeriodMonths = 24;
/** Above this a single receipt is surely a typing error (the whole project is a few thousand euros). */
export const largestReceiptCents = 2_000_000;

class Reader {
  errors: FormError[] = [];
  constructor(readonly input: FormInput) {}
  text(field: string, options: { required?: boolean; max?: number } = {}): string {
    const value = (this.input[field] ?? '').trim();
    if (options.required && value === '') this.errors.push({ field, code: 'required' });
    else if (value.length > (options.max ?? 200)) this.errors.push({ field, code: 'tooLong', values: { max: options.max ?? 200 } });
    return value;
  }
  day(field: string, options: { required?: boolean } = {}): string | null {
    const raw = (this.input[field] ?? '').trim();
    if (raw === '') {
      if (options.required) this.errors.push({ field, code: 'required' });
      return null;
    }
    const day = parseDay(raw);
    if (!day || !isIsoDay(day)) {
      this.errors.push({ field, code: 'date' });
      return null;
    }
    return day;
  }
  euros(field: string, options: { required?: boolean; max?: number } = {}): number | null {
    const raw = (this.input[field] ?? '').trim();
    if (raw === '') {
      if (options.required) this.errors.push({ field, code: 'required' });
      return null;
    }
    const cents = parseEuros(raw);
    if (cents === null) this.errors.push({ field, code: 'amount' });
    else if (cents < 0) this.errors.push({ field, code: 'negative' });
    else if (cents > (options.max ?? largestReceiptCents)) this.errors.push({ field, code: 'tooLarge', values: { max: (options.max ?? largestReceiptCents) / 100 } });
    else return cents;
    return null;
  }
  integer(field: string, min: number, max: number, options: { required?: boolean } = {}): number | null {
    const raw = (this.input[field] ?? '').trim();
    if (raw === '') {
      if (options.required) this.errors.push({ field, code: 'required' });
      return null;
    }
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.errors.push({ field, code: 'range', values: { min, max } });
      return null;
    }
    return Number(raw);
  }
  result<T>(value: T): Parsed<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

export interface ContactInput {
  name: string;
  email: string;
  language: string;
}

export interface ProjectInput {
  organisationId: number;
  title: string;
  summary: string;
  year: number;
  applicationType: 'new' | 'follow_up';
  previousProjectId: number | null;
  grantApplicationId: number | null;
  startsOn: string | null;
  endsOn: string | null;
  plannedProjectCostsCents: number;
  plannedMinijobCents: number;
  plannedTaxAdviserCents: number;
  minijobMonthlyHours: number | null;
  minijobMonthlyPayCents: number | null;
  adviserAccountId: number | null;
  integrationOffice: string;
  contacts: ContactInput[];
}

/** Contact rows on the form (the association's contact persons). */
export const contactSlots = [1, 2] as const;

export function parseProjectForm(input: FormInput): Parsed<ProjectInput> {
  const read = new Reader(input);
  const organisationId = read.integer('organisation_id', 1, 2_147_483_647, { required: true });
  const title = read.text('title', { required: true });
  const summary = read.text('summary', { max: 4000 });
  const year = read.integer('year', 2000, 2100, { required: true });
  const applicationType = input.application_type === 'follow_up' ? 'follow_up' : 'new';
  const previousProjectId = read.integer('previous_project_id', 1, 2_147_483_647);
  if (applicationType === 'follow_up' && previousProjectId === null && !read.errors.some((e) => e.field === 'previous_project_id')) read.errors.push({ field: 'previous_project_id', code: 'previousRequired' });
  const grantApplicationId = read.integer('grant_application_id', 1, 2_147_483_647);
  const startsOn = read.day('starts_on');
  const endsOn = read.day('ends_on');
  if (startsOn && endsOn && endsOn < startsOn) read.errors.push({ field: 'ends_on', code: 'endBeforeStart' });
  else if (startsOn && endsOn && endsOn > longestEnd(startsOn, longestPeriodMonths)) {
    read.errors.push({ field: 'ends_on', code: 'periodTooLong', values: { months: longestPeriodMonths, latest: longestEnd(startsOn, longestPeriodMonths) } });
  }
  if ((startsOn === null) !== (endsOn === null) && !read.errors.some((e) => e.field === 'starts_on' || e.field === 'ends_on')) {
    read.errors.push({ field: startsOn === null ? 'starts_on' : 'ends_on', code: 'periodBoth' });
  }
  const plannedProjectCostsCents = read.euros('planned_project_costs') ?? 0;
  const plannedMinijobCents = read.euros('planned_minijob') ?? 0;
  const plannedTaxAdviserCents = read.euros('planned_tax_adviser') ?? 0;
  const hoursText = (input.minijob_monthly_hours ?? '').trim().replace(',', '.');
  let minijobMonthlyHours: number | null = null;
  if (hoursText !== '') {
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(hoursText) || Number(hoursText) <= 0 || Number(hoursText) > 300) read.errors.push({ field: 'minijob_monthly_hours', code: 'hours' });
    else minijobMonthlyHours = Number(hoursText);
  }
  const minijobMonthlyPayCents = read.euros('minijob_monthly_pay');
  const adviserAccountId = read.integer('adviser_account_id', 1, 2_147_483_647);
  const integrationOffice = read.text('integration_office');
  const contacts: ContactInput[] = [];
  for (const slot of contactSlots) {
    const name = read.text(`contact_name_${slot}`);
    const emailText = (input[`contact_email_${slot}`] ?? '').trim();
    const language = input[`contact_language_${slot}`] ?? 'de';
    if (name === '' && emailText === '') continue;
    if (name === '') read.errors.push({ field: `contact_name_${slot}`, code: 'required' });
    if (!isDeliverableAddress(emailText)) read.errors.push({ field: `contact_email_${slot}`, code: 'email' });
    contacts.push({ name, email: emailText, language: isLanguage(language) ? language : 'de' });
  }
  return read.result({
    organisationId: organisationId ?? 0, title, summary, year: year ?? 0, applicationType, previousProjectId: applicationType === 'follow_up' ? previousProjectId : null,
    grantApplicationId, startsOn, endsOn, plannedProjectCostsCents, plannedMinijobCents, plannedTaxAdviserCents, minijobMonthlyHours, minijobMonthlyPayCents,
    adviserAccountId, integrationOffice, contacts,
  });
}

export interface ReceiptInput {
  paidOn: string;
  payee: string;
  purpose: string;
  budgetLine: BudgetLine;
  amountCents: number;
  kept: boolean;
  keptWhere: string;
}

/** A receipt, checked against the project's period (the proof of use counts only what was paid in it). */
export function parseReceiptForm(input: FormInput, period: { startsOn: string | null; endsOn: string | null }): Parsed<ReceiptInput> {
  const read = new Reader(input);
  const paidOn = read.day('paid_on', { required: true });
  if (paidOn && (!period.startsOn || !period.endsOn)) read.errors.push({ field: 'paid_on', code: 'noPeriod' });
  else if (paidOn && period.startsOn && period.endsOn && (paidOn < period.startsOn || paidOn > period.endsOn)) {
    read.errors.push({ field: 'paid_on', code: 'outsidePeriod', values: { from: period.startsOn, to: period.endsOn } });
  }
  const payee = read.text('payee', { required: true });
  const purpose = read.text('purpose', { required: true });
  const line = input.budget_line ?? '';
  if (!(budgetLines as readonly string[]).includes(line)) read.errors.push({ field: 'budget_line', code: 'budgetLine' });
  const amountCents = read.euros('amount', { required: true });
  if (amountCents === 0) read.errors.push({ field: 'amount', code: 'negative' });
  const kept = input.kept !== 'no';
  const keptWhere = read.text('kept_where');
  return read.result({ paidOn: paidOn ?? '', payee, purpose, budgetLine: line as BudgetLine, amountCents: amountCents ?? 0, kept, keptWhere });
}

export interface YearRuleInput {
  year: number;
  projectLimitCents: number;
  minijobLimitCents: number;
  applicationDeadline: string;
  minimumWageCents: number;
  minijobMonthlyCeilingCents: number;
  proofDueMonths: number;
  overspendTolerancePercent: number;
  source: string;
}

export function parseYearRuleForm(input: FormInput): Parsed<YearRuleInput> {
  const read = new Reader(input);
  const year = read.integer('year', 2000, 2100, { required: true });
  const projectLimitCents = read.euros('project_limit', { required: true, max: 100_000_000 });
  const minijobLimitCents = read.euros('minijob_limit', { required: true, max: 100_000_000 });
  const applicationDeadline = read.day('application_deadline', { required: true });
  const minimumWageCents = read.euros('minimum_wage', { required: true, max: 10_000 });
  const minijobMonthlyCeilingCents = read.euros('minijob_monthly_ceiling', { required: true, max: 1_000_000 });
  const proofDueMonths = read.integer('proof_due_months', 0, 24, { required: true });
  const overspendTolerancePercent = read.integer('overspend_tolerance_percent', 0, 100, { required: true });
  const source = read.text('source', { max: 500 });
  return read.result({
    year: year ?? 0, projectLimitCents: projectLimitCents ?? 0, minijobLimitCents: minijobLimitCents ?? 0, applicationDeadline: applicationDeadline ?? '',
    minimumWageCents: minimumWageCents ?? 0, minijobMonthlyCeilingCents: minijobMonthlyCeilingCents ?? 0, proofDueMonths: proofDueMonths ?? 6,
    overspendTolerancePercent: overspendTolerancePercent ?? 20, source,
  });
}

