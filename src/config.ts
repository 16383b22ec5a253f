import { z } from 'zod';

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
  /** Load the fictional demo dataset when the database is empty (npm start does). */
  MOSAIK_DEMO: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** Cookies only over HTTPS. Defaults to true in production. */
  MOSAIK_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /** Sign-in attempts allowed per address and minute. */
  MOSAIK_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Settings = z.infer<typeof settingsSchema> & { secureCookies: boolean; baseUrl: string };

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = settingsSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const settings = parsed.data;
  return {
    ...settings,
    secureCookies: settings.MOSAIK_SECURE_COOKIES
      ? settings.MOSAIK_SECURE_COOKIES === 'true'
      : settings.NODE_ENV === 'production',
    baseUrl: settings.MOSAIK_BASE_URL ?? `http://localhost:${settings.PORT}`,
  };
}
