import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { organisation, person } from '../../../test/factories.js';
import { loadMicroprojectDemo } from './demo.js';
import { loadDossier } from './dossier.js';

/** The demo's project: of the organisation the demo representative gets, dated from the demo's today. */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  const { id: organisationId } = await organisation(database.db, { name: 'Kulturverein Anatolien' });
  await person(database.db, { organisationId, name: 'Demo Vorstand' });
  await loadMicroprojectDemo(database.db, { today: '2027-01-20' });
});
afterAll(async () => database?.close());

describe('the micro-projects of the demo', () => {
  it('holds the rules of the demo years, and of the project’s year with its source named', async () => {
    const rules = await database.db.selectFrom('microproject_year_rule').select(['year', 'minimum_wage_cents', 'source']).orderBy('year').execute();
    expect(rules.map((rule) => rule.year)).toEqual([2018, 2019, 2020, 2026]);
    expect(rules.find((rule) => rule.year === 2019)).toMatchObject({ minimum_wage_cents: 919 });
  });

  it('shows a running project with done, overdue and coming tasks and receipts inside the plan', async () => {
    const project = await database.db.selectFrom('microproject').select('id').executeTakeFirstOrThrow();
    const dossier = (await loadDossier(database.db, project.id, '2027-01-20'))!;
    expect(dossier.project).toMatchObject({ stage: 'running', year: 2026, starts_on: '2026-11-21', ends_on: '2027-09-20' });
    const states = new Set(dossier.tasks.map((task) => task.state));
    expect(states).toEqual(new Set(['done', 'overdue', 'open']));
    expect(dossier.receipts).toHaveLength(3);
    expect(dossier.money.warnings).toEqual([]);
  });
});
