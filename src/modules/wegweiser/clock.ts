/**
 * The time the Wegweiser's pages and API judge freshness by. The real clock,
 * unless a test fixes it (clock.test-support.ts), so that "due", "overdue"
 * and "hidden" come out the same on any day and in any time zone.
 */
let fixed: Date | null = null;

export const currentTime = (): Date => fixed ?? new Date();

/** For tests only (see clock.test-support.ts); null returns to the real clock. */
export function setClockForTests(at: Date | null) {
  fixed = at;
}
