import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import './tables.js';

/** The installation's newsletter settings (one row, 111_newsletter.sql). */
export async function newsletterSettings(db: Kysely<Database>) {
  const row = await db.selectFrom('newsletter_setting').select(['record_confirm_ip', 'mails_per_minute']).where('id', '=', 1).executeTakeFirst();
  return { recordConfirmIp: row?.record_confirm_ip ?? false, mailsPerMinute: row?.mails_per_minute ?? 120 };
}

export type NewsletterSettings = Awaited<ReturnType<typeof newsletterSettings>>;

/** An admin changes them; audit-logged, since recording IP addresses is a privacy decision. */
export async function changeNewsletterSettings(db: Kysely<Database>, actor: { accountId: number }, settings: NewsletterSettings) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('newsletter_setting')
      .values({ id: 1, record_confirm_ip: settings.recordConfirmIp, mails_per_minute: settings.mailsPerMinute, updated_at: new Date() })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ record_confirm_ip: settings.recordConfirmIp, mails_per_minute: settings.mailsPerMinute, updated_at: new Date() }))
      .execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'newsletter.settings', subjectType: 'newsletter_setting', subjectId: 1, details: settings });
  });
}
