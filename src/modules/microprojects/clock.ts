import { berlinDay } from '../../ui/dates.js';

/**
 * The time the micro-project pages compute due and overdue from, and date
 * their calendar files by. The real clock, unless a test fixes it
 * (clock.test-support.ts), so that a project's path through its stages can
 * be tested on fixed days in any time zone. The reminders job and the
 * section on "Mein Bereich" are given their `now` and do not read this.
 */
let fixed: Date | null = null;

export const currentTime = (): Date => fixed ?? new Date();
/** The centre's day (Berlin). */
export const currentDay = (): string => berlinDay(currentTime());

/** For tests only (see clock.test-support.ts); null returns to the real clock. */
export function setClockForTests(at: Date | null) {
  fixed = at;
}
