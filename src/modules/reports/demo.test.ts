import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { loadDemo } from '../demo/index.js';

/*
 * The demo reproduces the evaluation report; the dashboard, opened without a
 * period, shows its figures as the report prints them (chapter 5 and 7).
 */
describe('the dashboard on the demo data', () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    await loadDemo(test.database.db);
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());

  it('shows the report’s figures for the default period', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    const keyFigures = [...page.body.matchAll(/<dd class="kern-heading-large">([^<]+)<\/dd>/g)].map((match) => match[1]);
    expect(keyFigures).toEqual(['24', '123', '177', '244', '1,44']);
    expect(page.body).toContain('Zeitraum 01.09.2017 bis 31.08.2019');
    expect(page.body).toContain('+31\u00a0%'); // 32 → 42 approvals
    expect(page.body).toContain('81\u00a0%'); // 34 of 42 holders took part
  });
});
