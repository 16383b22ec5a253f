import { isIP } from 'node:net';
import { z } from 'zod';
import { addressMessage, addressProblem } from './modules/mail/index.js';

/**
 * Every setting Mosaik reads from the environment, validated once at start.
 * docs/operations.md lists them for operators; keep both in step.
 */
const settingsSchema = z.object({
  /** PostgreSQL server URL; when empty the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded database (PGlite). */
  MOSAIK_DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public address of this installation, used in e-mails and links. */
  MOSAIK_BASE_URL: z.string().url().optional(),
  /**
   * The fictional demo: loaded into an empty database, its accounts (published password) kept only on a
   * database that holds the demo alone (src/modules/demo/startup.ts). Default: on for a development start
   * on PGlite (`npm start`), off in production (NODE_ENV=production or DATABASE_URL set); 'false' disables
   * the demo accounts at the next start.
   */
  MOSAIK_DEMO: z.enum(['true', 'false']).optional(),
  /** Cookies only over HTTPS. Defaults to true in production. */
  MOSAIK_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /** Sign-in attempts allowed per address and minute, all accounts together (a workshop on one Wi-Fi shares an address). */
  MOSAIK_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  /** Wrong passwords for one account from one address within 15 minutes before it is blocked there (15 min, then doubling). */
  MOSAIK_SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma separated; empty trusts none. */
  MOSAIK_TRUST_PROXY: z.string().default('').transform(parseProxyList),
  /** Session lifetime in hours. */
  MOSAIK_SESSION_HOURS: z.coerce.number().int().min(1).default(12),
  /** Cells below this count are hidden in tables for funder, evaluator and public. */
  MOSAIK_SMALL_NUMBER_THRESHOLD: z.coerce.number().int().min(0).default(3),
  /** SMTP server for outgoing mail (smtp://user:pass@host:587); without it mails stay in the outbox. */
  /** Key of the evaluator's stable pseudonyms (src/modules/evaluation/pseudonyms.ts); generated and stored in the database when unset. */
  MOSAIK_PSEUDONYM_SECRET: z.string().trim().min(32).optional(),
  MOSAIK_SMTP_URL: z.string().url().optional(),
  /** Sender of outgoing mail. */
  MOSAIK_MAIL_FROM: z.string().default('Mosaik <noreply@mosaik.example>'),
  /** Heavy requests (dashboard, annex, report API, exports; src/http/load.ts) computed at once; the rest get 503 with Retry-After. */
  MOSAIK_HEAVY_CONCURRENCY: z.coerce
    .number({ message: 'MOSAIK_HEAVY_CONCURRENCY muss eine ganze Zahl ab 1 sein / must be a whole number of at least 1' })
    .int({ message: 'MOSAIK_HEAVY_CONCURRENCY muss eine ganze Zahl ab 1 sein / must be a whole number of at least 1' })
    .min(1, { message: 'MOSAIK_HEAVY_CONCURRENCY muss eine ganze Zahl ab 1 sein / must be a whole number of at least 1' })
    .default(2),
  /**
   * Mean event loop delay (ms) above which requests other than /health and /assets are answered 503 at once
   * (src/http/load.ts). Default 1000 in production, off (0) elsewhere: a loaded test or development machine
   * must not turn every slow moment into refusals.
   */
  MOSAIK_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).optional(),
  /** Where replies to Mosaik's mails go: an address the centre reads (the sender is unattended). */
  MOSAIK_MAIL_REPLY_TO: z
    .string()
    .trim()
    .optional()
    .superRefine((value, context) => {
      const problem = value === undefined ? null : addressProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: addressMessage(problem, { de: 'Die Antwortadresse', en: 'The reply-to address' }) });
    }),
  /** Weeks within which a barrier reported on the accessibility statement must be answered (src/modules/portal/barriers.ts). */
  MOSAIK_BARRIER_ANSWER_WEEKS: z.coerce.number().int().min(1).max(52).default(6),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

/** "10.0.0.5, 10.1.0.0/16, ::1" → the list; an entry that is no address or range is a configuration error. */
function parseProxyList(value: string, context: z.RefinementCtx): string[] {
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const version = isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (version === 0 || !prefixOk || extra !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `"${entry}" is no IP address or CIDR range; write e.g. 10.0.0.5 or 10.0.0.0/24 / "${entry}" ist keine IP-Adresse und kein CIDR-Bereich; z. B. 10.0.0.5 oder 10.0.0.0/24`,
      });
    }
  }
  return entries;
}

export type Settings = Omit<z.infer<typeof settingsSchema>, 'MOSAIK_DEMO'> & { MOSAIK_DEMO: boolean; secureCookies: boolean; baseUrl: string; maxEventLoopDelayMs: number };


export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = settingsSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const settings = parsed.data;
  // links in mails must reach the installation; a production guess of localhost would send dead links
  if (settings.NODE_ENV === 'production' && !settings.MOSAIK_BASE_URL) {
    throw new Error(
      'Invalid configuration:\nMOSAIK_BASE_URL: set the public address of this installation (e.g. https://mosaik.example.org); links in e-mails use it. / ' +
        'MOSAIK_BASE_URL: Bitte die öffentliche Adresse dieser Installation setzen (z. B. https://mosaik.example.org); Links in E-Mails verwenden sie.',
    );
  }
  return {
    ...settings,
    // production never gets the demo unless asked for it by name (issue 8, finding 3)
    MOSAIK_DEMO: settings.MOSAIK_DEMO ? settings.MOSAIK_DEMO === 'true' : settings.NODE_ENV !== 'production' && !settings.DATABASE_URL,
    secureCookies: settings.MOSAIK_SECURE_COOKIES
      ? settings.MOSAIK_SECURE_COOKIES === 'true'
      : settings.NODE_ENV === 'production',
    // without the trailing slash: links are built as `${baseUrl}/path`
    baseUrl: (settings.MOSAIK_BASE_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ''),
    maxEventLoopDelayMs: settings.MOSAIK_MAX_EVENT_LOOP_DELAY_MS ?? (settings.NODE_ENV === 'production' ? 1000 : 0),
  };
}
