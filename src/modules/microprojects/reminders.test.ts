import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { accountRecords, organisation } from '../../../test/factories.js';
import { loadMicroprojectDemo } from './demo.js';
import { sendReminders } from './reminders.js';

/**
 * Reminders of the checklist with a fixed clock: before a due date and when
 * it is missed, to the association's contact in their language (German
 * below) and to the adviser, each sent once however often the job runs.
 */

let database: TestDatabase;
let projectId: number;

const mails = () => database.db.selectFrom('mail_outbox').select(['kind', 'to_address', 'subject', 'text_body']).where('kind', 'like', 'microprojects.%').orderBy('id').execute();
// 09:00 in Berlin; the machine's zone (CI: Pacific/Kiritimati, already the next day) plays no part
const at = (day: string) => new Date(`${day}T08:00:00Z`);

beforeAll(async () => {
  database = await createTestDatabase();
  await loadMicroprojectDemo(database.db);
  const { id: organisationId } = await organisation(database.db, { name: 'Frauenverein Gießen' });
  const [adviser] = await accountRecords(database.db, [{ email: 'beraterin@zentrum.example', role: 'staff' }]);
  const project = await database.db
    .insertInto('microproject')
    .values({ organisation_id: organisationId, title: 'Nähcafé', year: 2019, stage: 'running', approved_on: '2019-02-15', starts_on: '2019-03-01', ends_on: '2019-12-31', planned_minijob_cents: 405_000, adviser_account_id: adviser!.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  projectId = project.id;
  await database.db.insertInto('microproject_contact').values({ project_id: projectId, name: 'Ayşe Demir', email: 'ayse@example.org', language: 'tr' }).execute();
  // everything due by the start is done; the registration with the Minijob-Zentrale (due 12.04.) is not
  await database.db.insertInto('microproject_task_done').values(['readNotice', 'visibility', 'personnelQuestionnaire', 'accidentInsurance', 'employerNumber', 'employmentContract', 'workingTimeRecords', 'monthlyLevies'].map((task) => ({ project_id: projectId, task }))).execute();
});
afterAll(async () => database?.close());

describe('reminders of the checklist', () => {
  it('sends nothing while no open task is due soon', async () => {
    expect(await sendReminders(database.db, at('2019-03-20'), 'https://mosaik.example')).toBe(0);
  });

  it('reminds the contact in Turkish with German below, and the adviser in German, a week before', async () => {
    expect(await sendReminders(database.db, at('2019-04-06'), 'https://mosaik.example')).toBe(2);
    const [contact, adviser] = await mails();
    expect(contact).toMatchObject({ kind: 'microprojects.reminder.before', to_address: 'ayse@example.org', subject: "Yakında: Minijob-Zentrale'ye kayıt yaptırın (Nähcafé)" });
    expect(contact!.text_body).toContain('12 Nisan 2019');
    expect(contact!.text_body).toContain('— Deutsch —');
    expect(contact!.text_body).toContain('ist bis zum 12. April 2019 zu erledigen: Bei der Minijob-Zentrale anmelden.');
    expect(contact!.text_body).toContain('https://mosaik.example/microprojects/');
    expect(adviser).toMatchObject({ to_address: 'beraterin@zentrum.example', subject: 'Bald fällig: Bei der Minijob-Zentrale anmelden (Nähcafé)' });
    expect(adviser!.text_body).not.toContain('— Deutsch —');
  });

  it('sends each reminder once, however often the job runs', async () => {
    expect(await sendReminders(database.db, at('2019-04-07'), 'https://mosaik.example')).toBe(0);
    expect(await sendReminders(database.db, at('2019-04-12'), 'https://mosaik.example')).toBe(0);
    expect(await mails()).toHaveLength(2);
  });

  it('tells both when the date is missed, once, and nothing after the task is ticked', async () => {
    expect(await sendReminders(database.db, at('2019-04-13'), 'https://mosaik.example')).toBe(2);
    expect(await sendReminders(database.db, at('2019-04-14'), 'https://mosaik.example')).toBe(0);
    const missed = (await mails()).filter((mail) => mail.kind === 'microprojects.reminder.missed');
    expect(missed.map((mail) => mail.subject)).toEqual(["Süre kaçırıldı: Minijob-Zentrale'ye kayıt yaptırın (Nähcafé)", 'Frist verpasst: Bei der Minijob-Zentrale anmelden (Nähcafé)']);
    await database.db.insertInto('microproject_task_done').values({ project_id: projectId, task: 'minijobRegistration' }).execute();
    // the interim check (31.07.) is next: a week before it, one mail each again
    expect(await sendReminders(database.db, at('2019-07-25'), 'https://mosaik.example')).toBe(2);
  });
});
