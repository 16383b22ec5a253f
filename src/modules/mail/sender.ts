import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Settings } from '../../config.js';
import type { Database } from '../../db/tables.js';

/**
 * Delivers the outbox. Due mails are claimed with "for update skip locked"
 * (two servers never send the same mail), sent outside any transaction, then
 * marked sent, or retried later with exponential back-off, or given up on.
 * A permanent refusal (SMTP 5xx: no such mailbox, address refused) is final
 * at once: retrying it for hours would only let the person believe they had
 * been reached. The server's reply is kept in last_error for the outbox page.
 */

/** What the sender needs of a nodemailer transporter (a test passes a fake). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string; replyTo?: string; headers?: Record<string, string> }): Promise<unknown>;
}

export interface DeliveryOptions {
  from?: string;
  /** Where replies go (MOSAIK_MAIL_REPLY_TO): the centre, not the unattended sender. */
  replyTo?: string;
  now?: Date;
  /** Mails per call. */
  limit?: number;
  /** After this many failed attempts a mail is marked failed. */
  maxAttempts?: number;
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
  /** Marked outbox_only because no transport is configured. */
  keptInOutbox: number;
}

const defaultFrom = 'Mosaik <noreply@mosaik.example>';
const firstRetryMs = 60_000;
const longestRetryMs = 6 * 60 * 60_000;
// a claimed mail whose sender died is tried again after this lease
const claimLeaseMs = 10 * 60_000;

/** Delay before attempt n+1 after n failed attempts: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, failedAttempts - 1), longestRetryMs);
}

/**
 * A refusal the server means for good: SMTP reply codes 5xx (nodemailer's
 * error.responseCode). 4xx (mailbox busy, greylisting) and network errors
 * have no 5xx code and are retried.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code <= 599;
}

/** The server's own words where there are some ("550 5.1.1 User unknown"), else the error message. */
function replyOf(error: unknown): string {
  const response = (error as { response?: unknown } | null)?.response;
  const text = typeof response === 'string' && response.trim() !== '' ? response : error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

/** The SMTP transport of the settings, or null when no mail server is configured. */
export function createMailTransport(settings: Pick<Settings, 'MOSAIK_SMTP_URL'>): MailTransport | null {
  return settings.MOSAIK_SMTP_URL ? nodemailer.createTransport(settings.MOSAIK_SMTP_URL) : null;
}

export async function deliverPending(
  db: Kysely<Database>,
  transport: MailTransport | null,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0, keptInOutbox: 0 };
  if (!transport) {
    // demo and development: the outbox page shows what would have been sent
    const kept = await db
      .updateTable('mail_outbox')
      .set({ status: 'outbox_only' })
      .where('status', '=', 'queued')
      .executeTakeFirst();
    result.keptInOutbox = Number(kept.numUpdatedRows);
    return result;
  }
  const maxAttempts = options.maxAttempts ?? 10;
  for (const mail of await claimDueMails(db, now, options.limit ?? 50)) {
    try {
      await transport.sendMail({
        from: options.from ?? defaultFrom,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        ...(mail.html_body ? { html: mail.html_body } : {}),
        ...(options.replyTo ? { replyTo: options.replyTo } : {}),
        // every outbox mail is sent by the system: no out-of-office replies back (RFC 3834)
        headers: { ...headersOf(mail.headers), 'Auto-Submitted': 'auto-generated' },
      });
      await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: new Date(), last_error: null }).where('id', '=', mail.id).execute();
      result.sent++;
    } catch (error) {
      const giveUp = isPermanentRefusal(error) || mail.attempts >= maxAttempts;
      await db
        .updateTable('mail_outbox')
        .set({
          status: giveUp ? 'failed' : 'queued',
          next_attempt_at: new Date(now.getTime() + retryDelayMs(mail.attempts)),
          last_error: replyOf(error),
        })
        .where('id', '=', mail.id)
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

/** The mail's own header lines (jsonb: an object from PostgreSQL and PGlite alike, a string should a driver not parse it). */
function headersOf(stored: unknown): Record<string, string> {
  if (stored === null || stored === undefined) return {};
  const value = typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, text]) => [name, String(text)]));
}

/** Takes due mails and counts the attempt; the lease keeps others off them meanwhile. */
async function claimDueMails(db: Kysely<Database>, now: Date, limit: number) {
  const { rows } = await sql<{ id: number; to_address: string; subject: string; text_body: string; html_body: string | null; headers: unknown; attempts: number }>`
    update mail_outbox
    set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + claimLeaseMs)}
    where id in (
      select id from mail_outbox
      where status = 'queued' and next_attempt_at <= ${now}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning id, to_address, subject, text_body, html_body, headers, attempts`.execute(db);
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/**
 * Runs deliverPending every interval until stopped; for the server's
 * composition root. Errors are logged, never thrown: the next round retries.
 */
export function startMailSender(
  db: Kysely<Database>,
  settings: Pick<Settings, 'MOSAIK_SMTP_URL' | 'MOSAIK_MAIL_FROM' | 'MOSAIK_MAIL_REPLY_TO'>,
  log: { error(object: unknown, message?: string): void },
  intervalMs = 30_000,
): () => void {
  const transport = createMailTransport(settings);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverPending(db, transport, { from: settings.MOSAIK_MAIL_FROM, replyTo: settings.MOSAIK_MAIL_REPLY_TO });
    } catch (error) {
      log.error({ err: error }, 'mail delivery failed');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
