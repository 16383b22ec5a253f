import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { sensitiveDimensions } from '../reports/index.js';
import { minimumGroupSize } from '../evaluation/index.js';
import { catalogue } from './personal-data.js';
import { generateRecord } from './record.js';

/*
 * docs/privacy.md is generated: the committed file must be what the
 * catalogue and the schema produce today, so the record of processing
 * activities never drifts from the data model.
 */

let database: TestDatabase;
let generated: string;

beforeAll(async () => {
  database = await createTestDatabase();
  generated = await generateRecord(database.db);
});
afterAll(async () => database?.close());

describe('docs/privacy.md', () => {
  it('is up to date with the catalogue and the schema', () => {
    const committed = readFileSync(new URL('../../../docs/privacy.md', import.meta.url), 'utf8');
    expect(committed === generated, 'docs/privacy.md is out of date: run npm run privacy:doc and commit the result').toBe(true);
  });

  it('names every table, the retention defaults and the measures', () => {
    for (const entry of catalogue()) expect(generated).toContain(`\`${entry.table}\``);
    expect(generated).toContain('| `inactive_persons` | 5 Jahre |');
    expect(generated).toContain('| `sent_mails` | 90 Tage |');
    expect(generated).toMatch(/argon2id/);
    expect(generated).toMatch(/Content-Security-Policy/);
    expect(generated).toMatch(/MOSAIK_SMALL_NUMBER_THRESHOLD/);
    expect(generated).toMatch(/pseudonymisiert/);
  });

  it('documents the one small-number rule, the feedback policy and the minimum group size', () => {
    const section = generated.slice(generated.indexOf('## 5a.'), generated.indexOf('## 6.'));
    for (const dimension of sensitiveDimensions) expect(section).toContain(`\`${dimension}\``);
    expect(section).toMatch(/Nie verborgen\*\* werden die Summen des Berichtszeitraums/);
    expect(section).toMatch(/Freitext-Antworten\*\* der Rückmeldebögen .* nie zu Fördergeber und Evaluation/);
    expect(section).toContain(`k = ${minimumGroupSize}`);
  });

  it('lists the columns of a personal table with their types', () => {
    expect(generated).toContain('| `full_name` | text, not null | ja |');
    expect(generated).toContain('| `erased_at` | timestamp with time zone |  |');
  });
});
