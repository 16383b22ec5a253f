import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { person } from '../../../test/factories.js';
import { importRecords } from '../imports/index.js';
import { demoAccounts, demoPassword, ensureDemoAccount } from './demo-account.js';
import { findAccountByCredentials } from './accounts.js';

describe('the demo accounts', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_DEMO: 'true' } });
    const db = test.database.db;
    await importRecords(db, 'organizations', [
      { org_key: 'a', name: 'Verein A', district: 'Kassel' },
      { org_key: 'b', name: 'Verein B', district: 'Gießen' },
      { org_key: 'c', name: 'Verein C', district: 'Gießen' },
    ]);
    const c = await db.selectFrom('organisation').select('id').where('org_key', '=', 'c').executeTakeFirstOrThrow();
    await person(db, { organisationId: c.id, name: 'Demo Person', role: 'board' });
    await ensureDemoAccount(db);
    await ensureDemoAccount(db); // a second start adds nothing
  });
  afterAll(() => test.close());

  it('gives every role one account with the demo password and a sensible scope', async () => {
    const db = test.database.db;
    const accounts = await db.selectFrom('account').select(['email', 'role']).orderBy('email').execute();
    expect(accounts).toHaveLength(demoAccounts.length);
    expect(new Set(accounts.map((account) => account.role))).toEqual(new Set(['admin', 'staff', 'coordinator', 'representative', 'funder', 'evaluator']));
    for (const account of demoAccounts) expect(await findAccountByCredentials(db, account.email, demoPassword), account.email).toBeTruthy();
    const scopes = await db
      .selectFrom('account_scope')
      .innerJoin('account', 'account.id', 'account_scope.account_id')
      .leftJoin('organisation', 'organisation.id', 'account_scope.organisation_id')
      .select(['account.role', 'account_scope.district', 'organisation.org_key'])
      .execute();
    expect(scopes).toEqual(
      expect.arrayContaining([
        { role: 'coordinator', district: 'Gießen', org_key: null },
        { role: 'representative', district: null, org_key: 'c' },
      ]),
    );
    expect(scopes).toHaveLength(2);
  });

  it('lists them on the sign-in page of a demo installation', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    for (const account of demoAccounts) expect(page.body).toContain(account.email);
    expect(page.body).toContain('Externe Evaluation (pseudonymisiert): evaluation@mosaik.example');
  });
});
