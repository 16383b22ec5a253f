/**
 * The time the workspace judges "has this event happened yet?" by: the real
 * clock, unless a test fixes it, so that the same test passes on any day and
 * in any time zone (CI runs with TZ=Pacific/Kiritimati). Commands take `now`
 * as a parameter; only routes read this.
 */
let fixed: Date | null = null;

export const currentTime = (): Date => fixed ?? new Date();

/** For tests only; null returns to the real clock. */
export function setEvaluationClockForTests(at: Date | null) {
  fixed = at;
}
