/**
 * When an entry is due for a re-check, and what that means for the public
 * (issue 12, "Freshness"). Plain date arithmetic on ISO days (YYYY-MM-DD,
 * the centre's calendar in Europe/Berlin), with `today` passed in, so that
 * tests run with a fixed clock in any time zone.
 *
 *  fresh      confirmed within its cycle
 *  due        the cycle is over: the assurer gets a mail
 *  overdue    due for longer than the grace period: "nicht bestätigt seit …", sorted last
 *  hidden     overdue for longer still: out of the public view until confirmed
 *  unconfirmed never confirmed: staff see it, the public does not
 */

export const defaultRecheckMonths = 6;
/** Months after the due day before an entry is marked and sorted last. */
export const graceMonths = 2;
/** Months after the due day before an entry leaves the public view. */
export const hideAfterMonths = 6;
/** Days an assurer's link stays valid. */
export const linkValidDays = 30;
/** Days before another reminder goes to an assurer who has not answered. */
export const reminderEveryDays = 14;

export type FreshnessState = 'fresh' | 'due' | 'overdue' | 'hidden' | 'unconfirmed';

/** Adds months to an ISO day, keeping the day of the month where it exists (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

export interface FreshnessInput {
  assured_date: string | null;
  recheck_months: number;
}

/** The day the next confirmation is due; null when never confirmed. */
export const dueDay = (service: FreshnessInput): string | null => (service.assured_date ? addMonths(service.assured_date, service.recheck_months) : null);

export function freshnessOf(service: FreshnessInput, today: string): FreshnessState {
  const due = dueDay(service);
  if (due === null) return 'unconfirmed';
  if (today < due) return 'fresh';
  if (today < addMonths(due, graceMonths)) return 'due';
  if (today < addMonths(due, hideAfterMonths)) return 'overdue';
  return 'hidden';
}

/** Whether the public (pages, API, export, brochure) may see the entry. */
export const isPublicState = (state: FreshnessState) => state === 'fresh' || state === 'due' || state === 'overdue';

/** The calendar day in Berlin of an instant: the centre's "today". */
export function berlinDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * SQL for the public rule, on wegweiser_service as `s` and the Berlin day
 * `today` ($1): published, confirmed, not hidden. Kept next to freshnessOf so
 * both change together (freshness.test.ts checks they agree).
 */
export const publicDueLimitMonths = hideAfterMonths;
