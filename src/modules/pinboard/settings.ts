import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';

/** The pinboard's settings (one row, kept by staff on /staff/pinboard/settings). */
export interface PinboardSettings {
  expiryDays: number;
  reminderDays: number;
  messagesPerAccountHour: number;
  messagesPerPostDay: number;
}

export const defaultSettings: PinboardSettings = { expiryDays: 60, reminderDays: 7, messagesPerAccountHour: 5, messagesPerPostDay: 20 };

export async function readPinboardSettings(db: Kysely<Database>): Promise<PinboardSettings> {
  const row = await db.selectFrom('pinboard_setting').selectAll().executeTakeFirst();
  if (!row) return defaultSettings;
  return { expiryDays: row.expiry_days, reminderDays: row.reminder_days, messagesPerAccountHour: row.messages_per_account_hour, messagesPerPostDay: row.messages_per_post_day };
}

export async function savePinboardSettings(db: Kysely<Database>, actorId: number | null, settings: PinboardSettings): Promise<void> {
  const values = {
    expiry_days: settings.expiryDays, reminder_days: settings.reminderDays,
    messages_per_account_hour: settings.messagesPerAccountHour, messages_per_post_day: settings.messagesPerPostDay,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('pinboard_setting').values({ id: true, ...values }).onConflict((oc) => oc.column('id').doUpdateSet({ ...values, updated_at: new Date() })).execute();
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.settings', subjectType: 'pinboard_setting', subjectId: 1, details: values });
  });
}
