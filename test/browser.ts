import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readSettings } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/*
 * Browser tests drive Debian's Chromium (a test tool's own browser download is
 * impossible here; .ci/run installs the package) against the app served on a
 * free local port, and run axe-core on every page they visit.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export interface BrowserTest {
  app: FastifyInstance;
  database: TestDatabase;
  browser: Browser;
  baseUrl: string;
  newPage(options?: { locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserTest(env: Record<string, string> = {}): Promise<BrowserTest> {
  if (!chromiumPath) throw new Error('Chromium not found: install it with `apt-get install -y chromium` (see .ci/run) or set CHROMIUM_PATH.');
  const database = await createTestDatabase();
  const app = await buildApp({ db: database.db, settings: readSettings({ MOSAIK_DEMO: 'false', ...env }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    app,
    database,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    // bypassCSP lets the test inject axe-core; the app's own pages never need it
    newPage: async (options = {}) => (await browser.newContext({ bypassCSP: true, locale: options.locale ?? 'de-DE' })).newPage(),
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** Signs in through the German sign-in form and waits until the app has left it. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in?lang=de`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core with the WCAG 2.1 A and AA rules; returns the violations. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target })) }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`).join('\n');
}
