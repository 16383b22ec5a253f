/**
 * Calendar days as YYYY-MM-DD strings, computed in UTC so that no machine's
 * time zone moves a due date (CI runs in Pacific/Kiritimati). "Today" is
 * always passed in: the centre's day in Europe/Berlin (berlinDay of src/ui/dates.ts).
 */

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** The same day n months later; the month's last day when it has fewer days (31.08. + 6 months = 28./29.02.). */
export function addMonths(day: string, months: number): string {
  const date = toDate(day);
  const wanted = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(wanted, lastDay));
  return toDay(date);
}

export const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);

/** The day halfway between two days (rounded down). */
export const midpoint = (from: string, to: string) => addDays(from, Math.floor(daysBetween(from, to) / 2));

/** Whole or begun months a period covers: 01.03.–31.08. is 6, 15.03.–14.04. is 1. */
export function monthsCovered(from: string, to: string): number {
  let months = 0;
  let cursor = from;
  while (cursor <= to) {
    months += 1;
    cursor = addMonths(from, months);
  }
  return months;
}

/** The longest period the programme funds: up to 24 months (5.4), i.e. ends before the start plus 24 months. */
export const longestEnd = (start: string, months: number) => addDays(addMonths(start, months), -1);
