import type { Kysely } from 'kysely';
import { readSettings } from '../../config.js';
import type { Database } from '../../db/tables.js';
import { berlinDay } from '../../ui/dates.js';
import { enqueueMail } from '../mail/index.js';
import { checklistOf, dueSoonDays, finishedStages } from './checklist.js';
import { addDays } from './days.js';
import { reminderMail } from './mails.js';

/**
 * The reminders of the checklists (a scheduled job, `now` passed in): to the
 * association's contact persons in their language and to the adviser, once
 * before a task's due date (from `dueSoonDays` before it) and once when it is
 * missed. "Once" is the primary key of microproject_reminder: the row and the
 * mail are written in one transaction, and a second run finds the row.
 * A task missed longer than `missedWindowDays` ago sends nothing: a project
 * entered late must not flood the board with old dates.
 */

export const missedWindowDays = 30;

type Db = Kysely<Database>;

export async function sendReminders(db: Db, now: Date, baseUrl = readSettings().baseUrl): Promise<number> {
  const today = berlinDay(now);
  const projects = await db
    .selectFrom('microproject as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('microproject_year_rule as r', 'r.year', 'p.year')
    .leftJoin('account as a', 'a.id', 'p.adviser_account_id')
    .select([
      'p.id', 'p.title', 'p.stage', 'p.approved_on', 'p.starts_on', 'p.ends_on', 'p.planned_minijob_cents', 'p.planned_tax_adviser_cents',
      'o.name as organisation_name', 'r.application_deadline', 'r.proof_due_months', 'a.email as adviser_email', 'a.locale as adviser_locale', 'a.disabled_at as adviser_disabled_at',
    ])
    .where('p.stage', 'not in', [...finishedStages])
    .execute();
  if (projects.length === 0) return 0;
  const ids = projects.map((project) => project.id);
  const [ticked, contacts, sent] = await Promise.all([
    db.selectFrom('microproject_task_done').select(['project_id', 'task']).where('project_id', 'in', ids).execute(),
    db.selectFrom('microproject_contact').select(['project_id', 'email', 'language']).where('project_id', 'in', ids).execute(),
    db.selectFrom('microproject_reminder').select(['project_id', 'task', 'kind', 'recipient']).where('project_id', 'in', ids).execute(),
  ]);
  const alreadySent = new Set(sent.map((row) => `${row.project_id}|${row.task}|${row.kind}|${row.recipient}`));
  let queued = 0;
  for (const project of projects) {
    const tasks = checklistOf(
      {
        stage: project.stage, applicationDeadline: project.application_deadline ?? null, approvedOn: project.approved_on, startsOn: project.starts_on, endsOn: project.ends_on,
        proofDueMonths: project.proof_due_months ?? 6, hasMinijob: project.planned_minijob_cents > 0, hasTaxAdviser: project.planned_tax_adviser_cents > 0,
      },
      new Set(ticked.filter((row) => row.project_id === project.id).map((row) => row.task)),
      today,
    );
    const recipients = contacts.filter((contact) => contact.project_id === project.id).map((contact) => ({ email: contact.email, language: contact.language }));
    if (project.adviser_email && !project.adviser_disabled_at) recipients.push({ email: project.adviser_email, language: project.adviser_locale === 'en' ? 'en' : 'de' });
    for (const task of tasks) {
      if (task.done || task.due === null || task.optional) continue;
      const kind = task.due < today ? (task.due >= addDays(today, -missedWindowDays) ? 'missed' : null) : task.due <= addDays(today, dueSoonDays) ? 'before' : null;
      if (kind === null) continue;
      for (const recipient of recipients) {
        const key = `${project.id}|${task.key}|${kind}|${recipient.email.toLowerCase()}`;
        if (alreadySent.has(key)) continue;
        alreadySent.add(key);
        const mail = reminderMail({
          to: recipient.email, language: recipient.language, kind, task: task.key, due: task.due, projectTitle: project.title,
          organisationName: project.organisation_name, link: `${baseUrl}/microprojects/${project.id}`,
        });
        const wrote = await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('microproject_reminder')
            .values({ project_id: project.id, task: task.key, kind, recipient: recipient.email.toLowerCase() })
            .onConflict((oc) => oc.doNothing())
            .returning('project_id')
            .executeTakeFirst();
          if (row) await enqueueMail(trx, mail);
          return row !== undefined;
        });
        if (wrote) queued += 1;
      }
    }
  }
  return queued;
}
