import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { queueReminderMail } from './mails.js';
import { expectedSql } from './statuses.js';

type Db = Kysely<Database>;

const reminderWindowHours = 48;

/**
 * Queues a reminder for every person holding a seat at an event that starts
 * within two days, once per registration (a reminder already in the outbox
 * counts). Run it regularly; an advisory lock keeps two runs from doubling.
 * Event times are the centre's local time (Europe/Berlin).
 */
export async function queueReminders(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(4712)`.execute(trx);
    const { rows } = await sql<{
      id: number; person_name: string; language: string; email: string;
      event_id: number; title: string; start_date: string; starts_at: string | null; place: string | null;
    }>`
      select r.id, r.person_name, r.language, coalesce(r.email, g.contact_email) as email,
             e.id as event_id, e.title, e.start_date, e.starts_at::text as starts_at, e.place
      from registration r
      join registration_group g on g.id = r.group_id
      join event e on e.id = r.event_id
      where r.status in ${expectedSql}
        and e.cancelled_at is null
        and ((e.start_date + coalesce(e.starts_at, time '00:00')) at time zone 'Europe/Berlin')
            between ${now} and ${now}::timestamptz + make_interval(hours => ${reminderWindowHours})
        and coalesce(r.email, g.contact_email) <> ''
        and not exists (select 1 from mail_outbox m where m.registration_id = r.id and m.kind = 'registration.reminder')
      order by r.id`.execute(trx);
    for (const row of rows) {
      const event = { id: row.event_id, title: row.title, start_date: row.start_date, starts_at: row.starts_at, place: row.place };
      await queueReminderMail(trx, event, { to: row.email, language: row.language }, { id: row.id, name: row.person_name });
    }
    return rows.length;
  });
}
