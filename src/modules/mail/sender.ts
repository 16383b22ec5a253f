import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Settings } from '../../config.js';
import type { Database } from '../../db/tables.js';

/**
 * Delivers the outbox. Due mails are claimed with "for update skip locked"
 * (two servers never send the same mail), sent outside any transaction, then
 * marked sent, or retried later with exponential back-off, or given up on.
 */

/** What the sender needs of a nodemailer transporter (a test passes a fake). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string }): Promise<unknown>;
}

export interface DeliveryOptions {
  from?: string;
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
      });
      await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: new Date(), last_error: null }).where('id', '=', mail.id).execute();
      result.sent++;
    } catch (error) {
      const giveUp = mail.attempts >= maxAttempts;
      await db
        .updateTable('mail_outbox')
        .set({
          status: giveUp ? 'failed' : 'queued',
          next_attempt_at: new Date(now.getTime() + retryDelayMs(mail.attempts)),
          last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
        })
        .where('id', '=', mail.id)
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

/** Takes due mails and counts the attempt; the lease keeps others off them meanwhile. */
async function claimDueMails(db: Kysely<Database>, now: Date, limit: number) {
  const { rows } = await sql<{ id: number; to_address: string; subject: string; text_body: string; html_body: string | null; attempts: number }>`
    update mail_outbox
    set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + claimLeaseMs)}
    where id in (
      select id from mail_outbox
      where status = 'queued' and next_attempt_at <= ${now}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning id, to_address, subject, text_body, html_body, attempts`.execute(db);
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/**
 * Runs deliverPending every interval until stopped; for the server's
 * composition root. Errors are logged, never thrown: the next round retries.
 */
export function startMailSender(
  db: Kysely<Database>,
  settings: Pick<Settings, 'MOSAIK_SMTP_URL' | 'MOSAIK_MAIL_FROM'>,
  log: { error(object: unknown, message?: string): void },
  intervalMs = 30_000,
): () => void {
  const transport = createMailTransport(settings);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverPending(db, transport, { from: settings.MOSAIK_MAIL_FROM });
    } catch (error) {
      log.error({ err: error }, 'mail delivery failed');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
