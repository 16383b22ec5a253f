/**
 * The newsletter benchmark (issue 11): queueing one issue to 20,000
 * confirmed subscribers (target under 10 s), against a floor measured in the
 * same run: a plain insert … select of 20,000 rows into the outbox. Each run
 * also stops the queuer once half the issue is queued (as a kill would) and resumes
 * it, and checks that every subscriber got the issue exactly once.
 *
 *   npx tsx bench/newsletter.ts --engine postgres|pglite|both --subscribers 20000 --runs 3
 *   npm run bench -- --only newsletter
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../src/db/connection.js';
import type { Database } from '../src/db/tables.js';
import { createIssue } from '../src/modules/newsletter/index.js';
import { queueIssue, startSending } from '../src/modules/newsletter/index.js';
import { createBenchDatabase } from './engines.js';

export interface NewsletterBenchResult {
  engine: Engine;
  subscribers: number;
  /** Milliseconds per run. */
  floorMs: number[];
  queueMs: number[];
  /** Median queueing time / median floor time. */
  ratio: number;
  /** Every subscriber exactly once after a stop and resume. */
  onceEach: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

async function seedSubscribers(db: Kysely<Database>, count: number) {
  await sql`insert into newsletter_subscriber (email, language, topics, status, unsubscribe_token, confirmed_at)
    select 'bench-' || n || '@example.org', (array['de','en','tr','ar','ru','uk'])[1 + n % 6], '{events,funding}', 'confirmed', md5('bench' || n) || md5(n::text), now()
    from generate_series(1, ${count}) n`.execute(db);
}

/** The floor: the same number of outbox rows in one insert … select, texts built by the database. */
const floor = (db: Kysely<Database>) =>
  sql`insert into mail_outbox (kind, to_address, subject, text_body, headers)
    select 'bench.floor', email, 'Betreff', 'Text' || chr(10) || 'https://mosaik.example/newsletter/unsubscribe/' || unsubscribe_token,
      jsonb_build_object('List-Unsubscribe', '<https://mosaik.example/newsletter/unsubscribe/' || unsubscribe_token || '>')
    from newsletter_subscriber where status = 'confirmed'`.execute(db);

async function oneRun(db: Kysely<Database>, accountId: number, subscribers: number) {
  const issueId = await createIssue(db, { accountId }, { de: { subject: 'Ausgabe', body: 'Hallo,\n\nneue Termine: https://example.org' }, tr: { subject: 'Sayı', body: 'Merhaba' } });
  const now = new Date();
  const queueMs = await timed(async () => {
    await startSending(db, { accountId }, issueId, { topics: ['events'], languages: ['de', 'en', 'tr', 'ar', 'ru', 'uk'] }, now);
    await queueIssue(db, issueId, { baseUrl: 'https://mosaik.example', now, afterBatch: (queued) => { if (queued === 10000) throw new Error('stopped'); } }).catch(() => undefined);
    await queueIssue(db, issueId, { baseUrl: 'https://mosaik.example', now });
  });
  const { rows } = await sql<{ mails: string; addresses: string }>`
    select count(*) as mails, count(distinct to_address) as addresses from mail_outbox where kind = 'newsletter.issue'`.execute(db);
  const onceEach = Number(rows[0]!.mails) === subscribers && Number(rows[0]!.addresses) === subscribers;
  await sql`delete from mail_outbox`.execute(db);
  await sql`delete from newsletter_issue`.execute(db);
  return { queueMs, onceEach };
}

export async function runNewsletterBench({ engines, subscribers = 20_000, runs = 3 }: { engines: Engine[]; subscribers?: number; runs?: number }): Promise<NewsletterBenchResult[]> {
  const loadBefore = loadavg();
  const results: NewsletterBenchResult[] = [];
  for (const engine of engines) {
    const database = await createBenchDatabase(engine);
    try {
      const handle = await database.open();
      const db = handle.db;
      await seedSubscribers(db, subscribers);
      const { id: accountId } = await db.insertInto('account').values({ email: 'bench@example.org', display_name: 'Bench', role: 'staff' }).returning('id').executeTakeFirstOrThrow();
      const result: NewsletterBenchResult = { engine, subscribers, floorMs: [], queueMs: [], ratio: 0, onceEach: true };
      for (let run = 0; run < runs; run++) {
        result.floorMs.push(await timed(() => floor(db)));
        await sql`delete from mail_outbox`.execute(db);
        const { queueMs, onceEach } = await oneRun(db, accountId, subscribers);
        result.queueMs.push(queueMs);
        result.onceEach &&= onceEach;
      }
      result.ratio = median(result.queueMs) / median(result.floorMs);
      results.push(result);
      await handle.close();
    } finally {
      await database.drop();
    }
  }
  for (const r of results) {
    console.log(`| ${r.engine} | ${r.subscribers} subscribers | floor ${median(r.floorMs).toFixed(0)} ms | queue ${median(r.queueMs).toFixed(0)} ms | ratio ${r.ratio.toFixed(1)} | once each: ${r.onceEach} |`);
  }
  const document = { date: new Date().toISOString(), loadAverage: { before: loadBefore, after: loadavg() }, results };
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('results/newsletter.json', import.meta.url), JSON.stringify(document, null, 2) + '\n');
  console.log(`load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'both' }, subscribers: { type: 'string', default: '20000' }, runs: { type: 'string', default: '3' } } });
  const engines: Engine[] = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine];
  await runNewsletterBench({ engines, subscribers: Number(values.subscribers), runs: Number(values.runs) });
}
