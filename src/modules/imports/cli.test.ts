import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli.js';
import { openDatabase } from '../../db/connection.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { count } from '../../../test/fixtures/imports/helpers.js';

/**
 * `mosaik import KIND FILE` (spec/exchange.md, "Command line"). On PGlite the
 * command opens the folder MOSAIK_DATA_DIR; on PostgreSQL it uses DATABASE_URL.
 */

let folder: string;
let postgres: TestDatabase | undefined;
const saved = { DATABASE_URL: process.env.DATABASE_URL, MOSAIK_DATA_DIR: process.env.MOSAIK_DATA_DIR };

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'mosaik-cli-'));
  process.env.MOSAIK_DATA_DIR = join(folder, 'data');
  delete process.env.DATABASE_URL;
  if (testEngine === 'postgres') {
    postgres = await createTestDatabase();
    process.env.DATABASE_URL = postgres.url;
  }
  writeFileSync(join(folder, 'events.csv'), 'event_key,title,format,start_date\nev-1,Netzwerktreffen Kassel,regional_network_meeting,25.11.2017\n');
  writeFileSync(join(folder, 'teilnahme.csv'), 'event_key;organization;person;email\nev-1;DTKV Gießen;Ayşe;ayse@example.org\nev-1;Afrika Forum Kassel;Yonas;\n');
  writeFileSync(join(folder, 'kaputt.csv'), 'event_key;organization;person;email\nev-1;DTKV Gießen;Ayşe;ayse-at-example.org\nev-2;Afrika Forum Kassel;Yonas;\n');
}, 120_000);

afterAll(async () => {
  await postgres?.close();
  rmSync(folder, { recursive: true, force: true });
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function mosaik(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(...text.split('\n')) });
  return { status, out: out.join('\n'), err };
}

/** How many participations the database holds (opened after the command has closed it). */
async function participations(): Promise<number> {
  const handle = postgres ?? (await openDatabase({ dataDir: process.env.MOSAIK_DATA_DIR }));
  try {
    return await count(handle.db, 'participation');
  } finally {
    if (!postgres) await handle.close();
  }
}

describe(`mosaik import on ${testEngine}`, () => {
  it('stores a good file and prints a summary (exit 0)', async () => {
    const events = await mosaik('import', 'events', join(folder, 'events.csv'));
    expect(events.err).toEqual([]);
    expect(events.status).toBe(0);
    expect(events.out).toContain('events.csv: 1 Zeilen / rows');
    expect(events.out).toContain('neu / created: 1');
  });

  it('checks without storing on --dry-run', async () => {
    const dry = await mosaik('import', 'participants', join(folder, 'teilnahme.csv'), '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.out).toContain('Probelauf, nichts gespeichert / dry run, nothing stored');
    expect(dry.out).toContain('neu / created: 2');
    expect(dry.out).toContain('neue Organisationen zur Prüfung / new organisations to review: 2');
    expect(await participations()).toBe(0);

    const real = await mosaik('import', 'participants', join(folder, 'teilnahme.csv'));
    expect(real.status).toBe(0);
    expect(real.out).toContain('gespeichert / stored');
    expect(await participations()).toBe(2);
    const again = await mosaik('import', 'participants', join(folder, 'teilnahme.csv'));
    expect(again.out).toContain('neu / created: 0, geändert / updated: 0, unverändert / unchanged: 2');
  });

  it('refuses a bad file with every problem as file:line:column in German and English (exit 1)', async () => {
    const result = await mosaik('import', 'participants', join(folder, 'kaputt.csv'));
    expect(result.status).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toEqual([
      'kaputt.csv:2:email: „ayse-at-example.org“ ist keine E-Mail-Adresse. Korrigieren Sie sie (name@beispiel.de) oder lassen Sie die Zelle leer.',
      'kaputt.csv:2:email: "ayse-at-example.org" is not an e-mail address. Correct it (name@example.org) or leave the cell empty.',
      expect.stringMatching(/^kaputt\.csv:3:event_key: Eine Veranstaltung „ev-2“ gibt es nicht\./),
      expect.stringMatching(/^kaputt\.csv:3:event_key: There is no event "ev-2"\./),
      'kaputt.csv: nichts gespeichert / nothing stored.',
    ]);
    expect(await participations()).toBe(2);
  });

  it('names a file it cannot read (exit 1) and an unknown kind (exit 2)', async () => {
    const missing = await mosaik('import', 'participants', join(folder, 'fehlt.csv'));
    expect(missing.status).toBe(1);
    expect(missing.err[0]).toContain('fehlt.csv: Die Datei lässt sich nicht öffnen');
    const unknown = await mosaik('import', 'people', join(folder, 'teilnahme.csv'));
    expect(unknown.status).toBe(2);
    expect(unknown.err[0]).toBe('Unbekannte Listenart „people“. / Unknown kind of list "people".');
    expect(unknown.err.join('\n')).toContain('organizations|events|participants|feedback|consultations|grants');
    expect((await mosaik('import', 'participants')).status).toBe(2);
  });

  it('refuses an unreadable file as a whole (exit 1)', async () => {
    writeFileSync(join(folder, 'alt.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const result = await mosaik('import', 'participants', join(folder, 'alt.xls'));
    expect(result.status).toBe(1);
    expect(result.err[0]).toMatch(/^alt\.xls: Das alte Excel-Format \(\.xls\) wird nicht gelesen/);
    expect(result.err[1]).toMatch(/^alt\.xls: The old Excel format \(\.xls\) cannot be read/);
  });
});
