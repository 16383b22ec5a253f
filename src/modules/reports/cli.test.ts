import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { runCli } from '../../cli.js';
import { openDatabase } from '../../db/connection.js';
import { importRecords } from '../imports/index.js';
import { impactReportSchema } from './schemas.js';

/*
 * `mosaik report impact` end to end: the command opens the database the way
 * an operator's shell would (DATABASE_URL, else MOSAIK_DATA_DIR).
 */

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (text: string) => out.push(text), err: (text: string) => err.push(text) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('mosaik report impact', () => {
  let dataDir: string | undefined;
  let database: TestDatabase | undefined;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, MOSAIK_DATA_DIR: process.env.MOSAIK_DATA_DIR };

  beforeAll(async () => {
    let handle;
    if (testEngine === 'postgres') {
      database = await createTestDatabase();
      process.env.DATABASE_URL = database.url;
      handle = database;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'mosaik-report-'));
      delete process.env.DATABASE_URL;
      process.env.MOSAIK_DATA_DIR = dataDir;
      handle = await openDatabase({ dataDir });
    }
    const lists = {
      organizations: [{ org_key: 'a', name: 'Afrika Forum Kassel' }],
      events: [
        { event_key: 'rv-1', title: 'Regionales Vernetzungstreffen', format: 'regional_network_meeting', start_date: '2019-03-01' },
        { event_key: 'sa-1', title: 'Schulung Antragstellung', format: 'training_application', start_date: '2019-04-01' },
      ],
      participants: [
        { event_key: 'rv-1', organization: 'Afrika Forum Kassel', person: 'Amina Diallo' },
        { event_key: 'sa-1', organization: 'Afrika Forum Kassel', person: 'Amina Diallo' },
        { event_key: 'sa-1', organization: '', person: 'Hans Müller' },
      ],
      grants: [{ year: 2019, organization: 'Afrika Forum Kassel', application_type: 'new', status: 'approved' }],
      feedback: [{ event_key: 'rv-1', response_key: '1', q1: 1, q2: 2 }],
    } as const;
    for (const [kind, records] of Object.entries(lists)) {
      const outcome = await importRecords(handle.db, kind as keyof typeof lists, records as unknown as Record<string, string | number>[]);
      expect(outcome.problems).toEqual([]);
    }
    if (testEngine === 'pglite') await handle.close();
  });

  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints exactly one JSON document that matches the schema', async () => {
    const result = await run('report', 'impact', '--from', '2019-01-01', '--to', '2019-12-31', '--format', 'json');
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    const report = impactReportSchema.parse(JSON.parse(result.out));
    expect(report.period).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    expect(report.reach).toMatchObject({ events: 2, organizations: 1, organization_participations: 2, person_participations: 3, mean_events_per_organization: 2 });
    expect(report.grants).toHaveLength(1);
    expect(report.grants[0]).toMatchObject({ year: 2019, approved: 1, reached: 1, reached_participations: 2, supported: 1 });
    expect(report.feedback[0].questions[0]).toEqual({ position: 1, n: 1, no_answer: 0, mean: 1 });
  });

  it('prints the German summary by default (--name=value works too)', async () => {
    const result = await run('report', 'impact', '--from=2019-01-01', '--to=2019-12-31');
    expect(result.status).toBe(0);
    expect(result.out).toContain('Mit 2 Veranstaltungen des Kompetenzzentrums wurde 1 Organisation erreicht.');
    expect(result.out).toContain('Organisationen');
    expect(result.out).toContain('Regionales Vernetzungstreffen (Regionale Vernetzungstreffen), 01.03.2019: 1 Bogen (N < 5)');
  });

  it('refuses bad arguments with exit status 2, naming the option and the fix', async () => {
    const badDate = await run('report', 'impact', '--from', '31.02.2019', '--to', '2019-12-31');
    expect(badDate.status).toBe(2);
    expect(badDate.out).toBe('');
    expect(badDate.err).toContain('--from: from muss der erste Tag des Zeitraums als gültiges Datum JJJJ-MM-TT sein');
    expect(badDate.err).toContain('from must be the first day of the period as a valid date YYYY-MM-DD');

    const swapped = await run('report', 'impact', '--from', '2019-12-31', '--to', '2019-01-01');
    expect(swapped.status).toBe(2);
    expect(swapped.err).toContain('vertauschen Sie die Daten');

    const missing = await run('report', 'impact', '--from', '2019-01-01');
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('Die Option --to fehlt');
    expect(missing.err).toContain('The option --to is missing');

    const format = await run('report', 'impact', '--from', '2019-01-01', '--to', '2019-12-31', '--format', 'pdf');
    expect(format.status).toBe(2);
    expect(format.err).toContain('--format text oder --format json');

    const unknown = await run('report', 'impact', '--from', '2019-01-01', '--to', '2019-12-31', '--year', '2019');
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('Die Option --year gibt es nicht');

    const noValue = await run('report', 'impact', '--from', '--to', '2019-12-31');
    expect(noValue.status).toBe(2);
    expect(noValue.err).toContain('Nach --from fehlt der Wert');

    const report = await run('report', 'finances');
    expect(report.status).toBe(2);
    expect(report.err).toContain('Unbekannter Bericht „finances“');
  });
});
