/**
 * Calendar days as YYYY-MM-DD strings, computed in UTC so that no machine's
 * time zone moves a due date (CI runs in Pacific/Kiritimati). "Today" is
 * always passed in: the centre's day in Europe/Berlin (berlinDay of src/ui/dates.ts).
 */

/*
 * The arithmetic works on whole numbers, not on Date objects: the adviser
 * overview computes about a thousand due dates per page of 50 projects, and
 * parsing, shifting and printing a Date for each took a few milliseconds of
 * the server's single thread per request (bench/microprojects.ts). A day is
 * its number counted from 1970-01-01 (days_from_civil / civil_from_days of
 * H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", proleptic
 * Gregorian calendar, the same days Date.UTC gives).
 */

/** The day number of year-month-day (month 1–12). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Year, month (1–12) and day of a day number. */
function civil(number: number): [number, number, number] {
  const z = number + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const parts = (day: string): [number, number, number] => [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
const two = (value: number) => (value < 10 ? `0${value}` : String(value));
const format = (year: number, month: number, day: number) => `${year}-${two(month)}-${two(day)}`;
const numberOf = (day: string) => dayNumber(...parts(day));
const lastDayOfMonth = (year: number, month: number) => (month === 12 ? 31 : dayNumber(year, month + 1, 1) - dayNumber(year, month, 1));

/*
 * The projects of a page share most of their dates (a year's deadline, the usual
 * start), so the results are remembered; the memory is emptied when it grows
 * past a few thousand, which a page never reaches.
 */
const remembered = new Map<string, string>();
function remember(key: string, compute: () => string): string {
  let value = remembered.get(key);
  if (value === undefined) {
    if (remembered.size >= 5000) remembered.clear();
    value = compute();
    remembered.set(key, value);
  }
  return value;
}

export function addDays(day: string, days: number): string {
  return remember(`${day}+${days}d`, () => format(...civil(numberOf(day) + days)));
}

/** The same day n months later; the month's last day when it has fewer days (31.08. + 6 months = 28./29.02.). */
export function addMonths(day: string, months: number): string {
  return remember(`${day}+${months}m`, () => shiftMonths(day, months));
}

function shiftMonths(day: string, months: number): string {
  const [year, month, wanted] = parts(day);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(wanted, lastDayOfMonth(targetYear, targetMonth)));
}

export const daysBetween = (from: string, to: string) => numberOf(to) - numberOf(from);

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
