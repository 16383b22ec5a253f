import { setClockForTests } from './clock.js';

/** Fixes the Wegweiser's clock for a test file; call with null in afterAll. */
export const fixWegweiserClock = (at: Date | null) => setClockForTests(at);
