import { setClockForTests } from './clock.js';

/** Fixes the micro-projects' clock for a test file; call with null in afterAll. */
export const fixMicroprojectClock = (at: Date | null) => setClockForTests(at);
