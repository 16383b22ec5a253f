/**
 * The server under load (bench/http-load.ts): a child process, so that
 * autocannon's own work and memory do not count as the server's. It opens the
 * prepared database, builds the app as production does, listens on a free
 * port and answers the parent's questions (memory, heavy requests) by IPC.
 */
import { fork } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { readSettings } from '../src/config.js';
import { openDatabase, type Engine } from '../src/db/connection.js';
import { buildApp } from '../src/http/app.js';

async function serve(engine: Engine, location: string) {
  const handle = engine === 'postgres' ? await openDatabase({ databaseUrl: location }) : await openDatabase({ dataDir: location });
  // the bench is the trusted proxy (MOSAIK_TRUST_PROXY), so each simulated visitor has an address of its
  // own (X-Forwarded-For) and the registration form's rate limit (30 per address and minute) applies per visitor
  const settings = readSettings({ MOSAIK_DEMO: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'production', MOSAIK_TRUST_PROXY: '127.0.0.1', MOSAIK_BASE_URL: 'http://127.0.0.1', MOSAIK_SECURE_COOKIES: 'false', ...(engine === 'postgres' ? { DATABASE_URL: location } : { MOSAIK_DATA_DIR: location }) });
  const app = await buildApp({ db: handle.db, settings });
  const staticDir = mkdtempSync(join(tmpdir(), 'mosaik-bench-static-'));

  // the static floor: a file of a given size, served from disk as a static file is
  app.get('/bench/static/:bytes', { config: { access: 'public' } }, async (request, reply) => {
    const bytes = Number((request.params as { bytes: string }).bytes);
    const file = join(staticDir, `${bytes}.html`);
    try {
      readFileSync(file, { flag: 'r' });
    } catch {
      // HTML-like text of that size (compressible as a page is)
      const row = '<tr><td>Regionales Netzwerktreffen</td><td class="kern-number">42</td><td>4,3</td></tr>\n';
      writeFileSync(file, row.repeat(Math.ceil(bytes / row.length)).slice(0, bytes));
    }
    return reply.type('text/html; charset=utf-8').send(createReadStream(file));
  });

  // a change to a table the figures read (a no-op update of one event): the data version
  // moves, so the next dashboard request computes its figures again (figures-cache.ts)
  app.get('/bench/touch', { config: { access: 'public' } }, async () => {
    await sql`update event set title = title where id = (select min(id) from event)`.execute(handle.db);
    return { touched: true };
  });

  // the registration floor: the form's fields, one transaction, a row lock, a count, an insert
  app.post('/bench/floor/register/:id', { config: { access: 'public' } }, async (request, reply) => {
    const eventId = Number((request.params as { id: string }).id);
    const body = request.body as Record<string, string>;
    const status = await handle.db.transaction().execute(async (trx) => {
      const event = await sql<{ capacity: number }>`select capacity from event where id = ${eventId} for update`.execute(trx);
      const held = await sql<{ n: number }>`select count(*)::int as n from bench_floor_registration where event_id = ${eventId} and status = 'registered'`.execute(trx);
      const seat = held.rows[0].n < event.rows[0].capacity ? 'registered' : 'waitlisted';
      await sql`insert into bench_floor_registration (event_id, organisation, email, name, status)
                values (${eventId}, ${body.organisation ?? null}, ${body.email ?? null}, ${body.person_0 ?? ''}, ${seat})`.execute(trx);
      return seat;
    });
    return reply.redirect(`/bench/floor/done?status=${status}`, 303);
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  process.on('message', (message: { type: string }) => {
    if (message.type === 'rss') process.send!({ type: 'rss', rss: process.memoryUsage().rss, heavy: app.heavyRequestsRunning() });
    // where the memory is (issue 16): V8's heap, buffers outside it, and what a full collection gives back
    if (message.type === 'memory') {
      const before = process.memoryUsage();
      (globalThis as { gc?: () => void }).gc?.();
      const afterGc = process.memoryUsage();
      process.send!({ type: 'memory', rss: before.rss, heavy: app.heavyRequestsRunning(), before, afterGc });
    }
    if (message.type === 'stop') void app.close().then(() => handle.close()).then(() => process.exit(0));
  });
  process.send!({ type: 'listening', port: address.port });
}


export interface Server {
  base: string;
  ask(type: string): Promise<{ rss: number; heavy: number; before?: NodeJS.MemoryUsage; afterGc?: NodeJS.MemoryUsage }>;
  stop(): Promise<void>;
}


/** Starts this file as the server on a prepared database; resolves when it listens. */
export function startServer(engine: Engine, location: string): Promise<Server> {
  // MOSAIK_BENCH_SERVER_FLAGS: extra Node flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its time goes
  const extra = (process.env.MOSAIK_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = fork(fileURLToPath(import.meta.url), ['--engine', engine, '--location', location], { execArgv: ['--import', 'tsx', '--expose-gc', ...extra], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message: { type: string; port: number }) => {
      resolve({
        base: `http://127.0.0.1:${message.port}`,
        ask: (type) => new Promise((answer) => {
          child.once('message', answer as never);
          child.send({ type });
        }),
        stop: () => new Promise((done) => {
          child.once('exit', () => done());
          child.send({ type: 'stop' });
        }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { engine: { type: 'string' }, location: { type: 'string' } }, strict: false });
  await serve(values.engine as Engine, values.location as string);
}
