import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readSettings } from '../src/config.js';
import type { Role } from '../src/db/tables.js';
import { buildApp } from '../src/http/app.js';
import { createAccount } from '../src/modules/identity/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Signs in a fresh account of that role; returns headers for app.inject. */
  signIn(role: Role): Promise<SignedIn>;
  close(): Promise<void>;
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  accountId: number;
}

let accountCounter = 0;

export async function createTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const settings = readSettings({ MOSAIK_DEMO: 'false', ...options.env });
  const app = await buildApp({ db: database.db, settings });
  await app.ready();

  async function signIn(role: Role): Promise<SignedIn> {
    const email = `${role}-${++accountCounter}-${Date.now()}@test.example`;
    const password = 'correct horse battery staple';
    const account = await createAccount(database.db, { email, role, password });
    const page = await app.inject({ method: 'GET', url: '/sign-in' });
    const anonymous = cookiesOf(page);
    const csrf = csrfFrom(page.body);
    const response = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: anonymous },
      payload: { email, password, _csrf: csrf },
    });
    if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode} ${response.body.slice(0, 300)}`);
    const cookie = cookiesOf(response);
    const dashboard = await app.inject({ method: 'GET', url: '/sign-in', headers: { cookie } });
    return { cookie, csrfToken: csrfFrom(dashboard.body), accountId: account.id };
  }

  return {
    app,
    database,
    signIn,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export function cookiesOf(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}
