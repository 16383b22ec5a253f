import { setClockForTests } from './clock.js';

/** Fixes the Vereins-Check's clock for a test file; call with null in afterAll. */
export const fixSelfcheckClock = (at: Date | null) => setClockForTests(at);
