import { berlinDay } from '../../ui/dates.js';

/**
 * The time the Vereins-Check dates a submitted check by and looks for
 * upcoming events from. The real clock, unless a test fixes it
 * (clock.test-support.ts), so that results read the same on any day and in
 * any time zone.
 */
let fixed: Date | null = null;

export const currentTime = (): Date => fixed ?? new Date();
/** The centre's day (Berlin). */
export const currentDay = (): string => berlinDay(currentTime());

/** For tests only (see clock.test-support.ts); null returns to the real clock. */
export function setClockForTests(at: Date | null) {
  fixed = at;
}
