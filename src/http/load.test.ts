import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { readSettings } from '../config.js';
import { fontsForPage } from '../ui/fonts.js';
import { heavyRoutePrefixes, heavyWork, isHeavyRoute, registerLoadProtection, retryAfterSeconds } from './load.js';

const kernCss = readFileSync(new URL('../../node_modules/@kern-ux/native/dist/kern.min.css', import.meta.url));

/**
 * What a browser fetches on a first visit: the page, its stylesheets and
 * scripts, the fonts it preloads, and every font face its stylesheets declare
 * in a weight KERN uses (400, 500, 600, upright) whose unicode-range covers a
 * character of the page. Bytes as transferred (compressed when the server
 * compresses).
 */
async function firstVisit(app: FastifyInstance, url: string) {
  const get = (path: string) => app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'br, gzip' } });
  const page = await get(url);
  expect(page.statusCode, url).toBe(200);
  const decoded = (response: typeof page) => (response.headers['content-encoding'] === 'br' ? brotliDecompressSync(response.rawPayload).toString() : response.body);
  const html = decoded(page);
  const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script[^>]* src)="([^"]+)"/g)].map((match) => match[1]);
  const preloaded = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)].map((match) => match[1]);
  const files: { path: string; bytes: number; encoding?: string }[] = [{ path: url, bytes: page.rawPayload.length, encoding: page.headers['content-encoding'] as string }];
  const fonts = new Set<string>(preloaded);
  for (const path of assets) {
    const response = await get(path);
    expect(response.statusCode, path).toBe(200);
    files.push({ path, bytes: response.rawPayload.length, encoding: response.headers['content-encoding'] as string });
    for (const font of fontsForPage(html, decoded(response), path)) fonts.add(font);
  }
  const fontFiles = [];
  for (const path of fonts) {
    const response = await get(path);
    expect(response.statusCode, path).toBe(200);
    fontFiles.push({ path, bytes: response.rawPayload.length, encoding: response.headers['content-encoding'] as string });
  }
  const sum = (list: { bytes: number }[]) => list.reduce((total, file) => total + file.bytes, 0);
  return { files, fontFiles, withoutFonts: sum(files), fonts: sum(fontFiles), total: sum(files) + sum(fontFiles) };
}

describe('compression (issue 16)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => testApp.close());

  it('sends a public page and the KERN stylesheet with brotli when asked, unchanged after decompression', async () => {
    const page = await testApp.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<!doctype html>');

    const css = await testApp.app.inject({ method: 'GET', url: '/assets/kern/kern.min.css', headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.rawPayload.length).toBeLessThan(kernCss.length / 5);
    expect(brotliDecompressSync(css.rawPayload).equals(kernCss)).toBe(true);

    const gzip = await testApp.app.inject({ method: 'GET', url: '/assets/kern/kern.min.css', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await testApp.app.inject({ method: 'GET', url: '/assets/kern/kern.min.css' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(kernCss)).toBe(true);
  });

  it('a first visit to a public page transfers under 150 KB, fonts included, in every public language', async () => {
    const event = await testApp.database.db
      .insertInto('event')
      .values({ event_key: 'first-visit', title: 'Netzwerktreffen Gießen – Çalıştay, Встреча', format: 'regional_network_meeting', start_date: '2030-05-04', capacity: 20, per_org_limit: null, feedback_form_id: null, municipality: 'Gießen', district: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report: string[] = [];
    for (const path of ['/', '/calendar', `/calendar/${event.id}`, `/events/${event.id}/register`]) {
      for (const lang of ['de', 'en', 'tr', 'ar', 'ru', 'uk']) {
        const url = `${path}?lang=${lang}`;
        const visit = await firstVisit(testApp.app, url);
        report.push(`${url}: ${visit.total} bytes (${visit.fontFiles.length} fonts, ${visit.fonts} bytes)`);
        expect(visit.files.map((file) => file.path)).toContain('/assets/kern/kern.min.css');
        // KERN's own font stylesheet (18 faces of 130 KB) is replaced by the subset (public/fonts/fira-sans.css)
        expect(visit.files.map((file) => file.path)).not.toContain('/assets/kern/fonts/fira-sans.css');
        expect(visit.files.filter((file) => file.bytes > 1024).every((file) => file.encoding === 'br'), url).toBe(true);
        // woff2 is compressed already: sent as it is, each subset small
        expect(visit.fontFiles.every((file) => file.encoding === undefined && file.bytes < 40_000), url).toBe(true);
        expect(visit.total, `${url}: ${JSON.stringify([...visit.files, ...visit.fontFiles])}`).toBeLessThan(150 * 1024);
        // the page's own script is among the fonts: Latin always (digits, spaces), Cyrillic in Russian and Ukrainian
        const fonts = visit.fontFiles.map((file) => file.path).join(' ');
        expect(fonts).toContain('fira-sans-400-latin.woff2');
        if (lang === 'ru' || lang === 'uk') expect(fonts).toContain('fira-sans-400-cyrillic.woff2');
      }
    }
    // the measured sizes, for BENCHMARKS.md and anyone reading a failed run
    console.log(report.join('\n'));
  });

  it('every heavy prefix matches a registered route, and light routes are not heavy', () => {
    const urls = testApp.app.registeredRoutes.map((route) => route.url);
    for (const prefix of heavyRoutePrefixes) expect(urls.some((url) => url.startsWith(prefix)), prefix).toBe(true);
    for (const url of ['/health', '/', '/calendar', '/events/1/register', '/assets/kern/kern.min.css', '/api/v1/organisations']) expect(isHeavyRoute(url), url).toBe(false);
    expect(isHeavyRoute('/dashboard?from=2023-01-01&to=2024-12-31')).toBe(true);
    expect(isHeavyRoute('/feedback/annex.pdf')).toBe(true);
  });

  it('refuses a bad MOSAIK_HEAVY_CONCURRENCY in German and English, naming the setting', () => {
    expect(() => readSettings({ MOSAIK_HEAVY_CONCURRENCY: '0' })).toThrow(/MOSAIK_HEAVY_CONCURRENCY.*muss.*must/);
    expect(readSettings({}).MOSAIK_HEAVY_CONCURRENCY).toBe(2);
    // the event-loop check guards production; a loaded test or development machine is not refused
    expect(readSettings({}).maxEventLoopDelayMs).toBe(0);
    expect(readSettings({ NODE_ENV: 'production', MOSAIK_BASE_URL: 'https://mosaik.example.org' }).maxEventLoopDelayMs).toBe(1000);
    expect(readSettings({ MOSAIK_MAX_EVENT_LOOP_DELAY_MS: '250' }).maxEventLoopDelayMs).toBe(250);
  });
});

/** A bare app with the load protection and stand-ins for a heavy report route and /health. */
async function appWithSlowReport(options: { maxEventLoopDelayMs?: number } = {}) {
  const app = Fastify();
  await registerLoadProtection(app, readSettings({ MOSAIK_HEAVY_CONCURRENCY: '1' }), options);
  const state = { computed: 0, release: () => {}, arrived: [] as FastifyRequest[], admit: () => {} };
  let gate = new Promise<void>((resolve) => (state.release = resolve));
  let waiting = new Promise<void>((resolve) => (state.admit = resolve));
  // like the session lookup waiting for a pool connection: before the heavy work's turn
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/dashboard/slow-start')) return;
    state.arrived.push(request);
    await waiting;
  });
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/', async () => 'home');
  const report = async () => {
    state.computed++;
    await gate;
    return { report: 'done' };
  };
  app.get('/dashboard', report);
  app.get('/dashboard/slow-start', report);
  app.get('/api/v1/reports/impact', report);
  await app.ready();
  return {
    app,
    state,
    reset() {
      gate = new Promise<void>((resolve) => (state.release = resolve));
      waiting = new Promise<void>((resolve) => (state.admit = resolve));
    },
  };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
};

describe('heavy requests (issue 16)', () => {
  it('with the limit at 1, a second concurrent heavy request gets 503 with Retry-After while /health answers 200', async () => {
    const { app, state } = await appWithSlowReport();
    try {
      const first = app.inject({ method: 'GET', url: '/dashboard' });
      await until(() => state.computed === 1);
      expect(app.heavyRequestsRunning()).toBe(1);

      const second = await app.inject({ method: 'GET', url: '/dashboard?from=2023-01-01' });
      expect(second.statusCode).toBe(503);
      expect(second.headers['retry-after']).toBe(String(retryAfterSeconds));
      expect(second.body).toContain('ausgelastet');
      expect(second.body).toContain('busy');
      const api = await app.inject({ method: 'GET', url: '/api/v1/reports/impact' });
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ error: 'busy', message: expect.stringContaining('ausgelastet'), message_en: expect.stringContaining('busy') });

      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
      expect(state.computed).toBe(1);

      state.release();
      expect((await first).statusCode).toBe(200);
      // the slot is free again
      expect(app.heavyRequestsRunning()).toBe(0);
      expect((await app.inject({ method: 'GET', url: '/dashboard' })).statusCode).toBe(200);
      expect(state.computed).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('a heavy request whose client disconnected before its turn is not computed', async () => {
    const { app, state } = await appWithSlowReport();
    try {
      state.release(); // reports finish at once
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      const client = httpRequest({ host: '127.0.0.1', port, path: '/dashboard/slow-start' });
      client.on('error', () => {}); // we hang up ourselves
      client.end();
      await until(() => state.arrived.length === 1);
      client.destroy();
      const serverSide = state.arrived[0];
      await until(() => serverSide.raw.socket.destroyed);
      state.admit();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(state.computed).toBe(0);
      expect(app.heavyRequestsRunning()).toBe(0);

      // a client that stays is computed
      const answer = await fetch(`http://127.0.0.1:${port}/dashboard`);
      expect(answer.status).toBe(200);
      expect(state.computed).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('while the event loop is blocked, requests other than /health get 503', async () => {
    // a low threshold so that a few 150 ms blocks are enough in a test
    const { app, state } = await appWithSlowReport({ maxEventLoopDelayMs: 50 });
    try {
      state.release();
      const block = (ms: number) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
      };
      // block the loop in 150 ms slices for about 3 s (the sampling interval is
      // 1 s; samples within 2 s of the start are ignored)
      for (let i = 0; i < 20; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        block(150);
      }
      await until(() => app.memoryUsage().eventLoopDelay > 50);
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe(String(retryAfterSeconds));
      expect(page.body).toContain('Busy right now');
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
    } finally {
      await app.close();
    }
  });
});

describe('figures from the cache are not heavy (issue 16)', () => {
  it('with every heavy slot taken, a dashboard, annex or report the cache holds is served; one that must be computed gets 503', async () => {
    const testApp = await createTestApp({ env: { MOSAIK_HEAVY_CONCURRENCY: '1' } });
    try {
      const { app } = testApp;
      const staff = await testApp.signIn('staff');
      const get = (url: string, accept = 'text/html') => app.inject({ method: 'GET', url, headers: { cookie: staff.cookie, accept } });
      const period = 'from=2017-01-01&to=2019-12-31';
      // computed once (taking the slot for the computation only), then kept
      expect((await get(`/dashboard?${period}`)).statusCode).toBe(200);
      expect((await get(`/feedback/annex?${period}`)).statusCode).toBe(200);
      expect(app.heavyRequestsRunning()).toBe(0);

      // another reader's computation holds the only slot
      let release!: () => void;
      const holder = { server: app, raw: { aborted: false, socket: { destroyed: false } } } as unknown as FastifyRequest;
      const held = heavyWork(holder, () => new Promise<void>((resolve) => (release = resolve)));
      expect(app.heavyRequestsRunning()).toBe(1);

      expect((await get(`/dashboard?${period}`)).statusCode).toBe(200);
      expect((await get(`/feedback/annex?${period}`)).statusCode).toBe(200);
      // the dashboard's computation kept the impact report of the period too
      expect((await get(`/api/v1/reports/impact?${period}`, 'application/json')).statusCode).toBe(200);

      const uncached = await get('/dashboard?from=2016-01-01&to=2016-12-31');
      expect(uncached.statusCode).toBe(503);
      expect(uncached.headers['retry-after']).toBe(String(retryAfterSeconds));
      expect(uncached.body).toContain('ausgelastet');
      const api = await get('/api/v1/reports/impact?from=2016-01-01&to=2016-12-31', 'application/json');
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ error: 'busy' });

      release();
      await held;
      expect(app.heavyRequestsRunning()).toBe(0);
      expect((await get('/dashboard?from=2016-01-01&to=2016-12-31')).statusCode).toBe(200);
      expect(app.heavyRequestsRunning()).toBe(0);
    } finally {
      await testApp.close();
    }
  });
});
