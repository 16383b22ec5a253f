import { sql, type Kysely } from 'kysely';
import { readSettings } from '../../config.js';
import type { Database } from '../../db/tables.js';
import { formatDay, berlinDay } from '../../ui/dates.js';
import { isLanguage } from '../../i18n/index.js';
import { enqueueMail } from '../mail/index.js';
import { postLink } from './commands/posts.js';
import { pinboardMail } from './mails.js';
import { readPinboardSettings } from './settings.js';

/**
 * The pinboard's timer (a `jobs` entry, `now` passed in): a reminder to renew
 * goes to the author `reminderDays` before a post expires, once per expiry
 * date — `reminder_sent_for` holds the date it was sent for, set in the same
 * statement that claims the post, so two runs (or two servers) send it once;
 * renewing moves the date and allows the next reminder. A post whose time has
 * run out becomes `expired` (searches already leave it out at its hour).
 */
export async function runPinboardTimer(db: Kysely<Database>, now: Date, baseUrl = readSettings().baseUrl): Promise<{ reminded: number; expired: number }> {
  const { reminderDays } = await readPinboardSettings(db);
  const horizon = new Date(now.getTime() + reminderDays * 86_400_000);
  let reminded = 0;
  const due = await db
    .selectFrom('pinboard_post')
    .select('id')
    .where('state', '=', 'published')
    .where('expires_at', '>', now)
    .where('expires_at', '<=', horizon)
    .where(sql<boolean>`reminder_sent_for is distinct from expires_at`)
    .execute();
  for (const { id } of due) {
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('pinboard_post')
        .set({ reminder_sent_for: sql`expires_at` })
        .where('id', '=', id)
        .where('state', '=', 'published')
        .where(sql<boolean>`reminder_sent_for is distinct from expires_at`)
        .returning(['id', 'title', 'expires_at', 'author_account_id'])
        .executeTakeFirst();
      if (!claimed?.expires_at || claimed.author_account_id === null) return false;
      const author = await trx.selectFrom('account').select(['email', 'locale']).where('id', '=', claimed.author_account_id).where('disabled_at', 'is', null).executeTakeFirst();
      if (!author) return false;
      const language = isLanguage(author.locale) ? author.locale : 'de';
      const days = Math.max(1, Math.ceil((claimed.expires_at.getTime() - now.getTime()) / 86_400_000));
      await enqueueMail(trx, pinboardMail({
        kind: 'reminder', to: author.email, language,
        values: { title: claimed.title, link: `${postLink(claimed.id, baseUrl)}#renew`, days, until: formatDay(berlinDay(claimed.expires_at), language, 'long') },
      }));
      return true;
    });
    if (sent) reminded += 1;
  }
  const expired = await db.updateTable('pinboard_post').set({ state: 'expired', updated_at: now }).where('state', '=', 'published').where('expires_at', '<=', now).executeTakeFirst();
  return { reminded, expired: Number(expired.numUpdatedRows) };
}
