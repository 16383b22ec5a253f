import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { cutoffOf, listRules, retentionKinds, runRetention, updateRules, type RuleResult } from './retention.js';

/*
 * Each retention rule with a record just before its cutoff (goes) and one just
 * after (stays), at a fixed "now". A dry run counts without changing anything.
 */

const now = new Date('2026-06-15T12:00:00Z');
const at = (iso: string) => new Date(iso);
let database: TestDatabase;
let dryRun: RuleResult[];
let ids: Record<string, number>;

const tables = ['person', 'consultation', 'consultation_request', 'registration', 'registration_group', 'participation', 'mail_outbox', 'import_upload', 'session', 'password_token', 'audit_log'];
async function snapshot() {
  const result: Record<string, unknown> = {};
  for (const table of tables) result[table] = (await sql`select * from ${sql.table(table)} order by 1`.execute(database.db)).rows;
  return JSON.stringify(result);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const one = async (query: ReturnType<typeof sql>) => ((await query.execute(db)).rows[0] as { id: number }).id;
  const account = await one(sql`insert into account (email, role) values ('a@example.org', 'staff') returning id`);
  const organisation = await one(sql`insert into organisation (name) values ('Verein') returning id`);
  ids = {
    oldPerson: await one(sql`insert into person (full_name, email, last_activity_at, updated_at, created_at) values ('Alt Person', 'alt@example.org', ${at('2021-06-15T11:59:00Z')}, ${at('2021-06-15T11:59:00Z')}, ${at('2020-01-01T00:00:00Z')}) returning id`),
    newPerson: await one(sql`insert into person (full_name, email, last_activity_at, updated_at, created_at) values ('Neu Person', 'neu@example.org', ${at('2021-06-15T12:01:00Z')}, ${at('2021-06-15T12:01:00Z')}, ${at('2020-01-01T00:00:00Z')}) returning id`),
    oldConsultation: await one(sql`insert into consultation (consulted_on, organisation_id, channel, topic, persons, notes, outcome) values ('2023-06-14', ${organisation}, 'phone', 'a', 'P', 'N', 'O') returning id`),
    newConsultation: await one(sql`insert into consultation (consulted_on, organisation_id, channel, topic, persons, notes, outcome) values ('2023-06-15', ${organisation}, 'phone', 'b', 'P', 'N', 'O') returning id`),
  };
  for (const [closed, status] of [['2023-06-15T11:00:00Z', 'done'], ['2023-06-15T13:00:00Z', 'done'], [null, 'open']] as const) {
    await sql`insert into consultation_request (organisation_id, requester_name, topics, channel, contact_email, status, closed_at)
      values (${organisation}, 'R', array['other'], 'phone', 'r@example.org', ${status}, ${closed ? at(closed) : null})`.execute(db);
  }
  for (const [key, day] of [['old', '2025-06-14'], ['new', '2025-06-15']]) {
    const event = await one(sql`insert into event (event_key, title, format, start_date) values (${key}, 'E', 'other', ${day}) returning id`);
    const group = await one(sql`insert into registration_group (event_id, contact_email, manage_token_hash) values (${event}, ${`${key}@example.org`}, ${key}) returning id`);
    await sql`insert into registration (event_id, group_id, person_name, person_key, email, status) values (${event}, ${group}, 'X', 'x', ${`${key}@example.org`}, 'registered')`.execute(db);
    await sql`insert into participation (event_id, person_name, person_key, email) values (${event}, 'X', 'x', ${`${key}@example.org`})`.execute(db);
  }
  for (const [status, sent] of [['sent', '2026-03-17T11:59:00Z'], ['sent', '2026-03-17T12:01:00Z'], ['queued', null]] as const) {
    await sql`insert into mail_outbox (kind, to_address, subject, text_body, status, sent_at, created_at)
      values ('k', ${`${status}@example.org`}, 's', 't', ${status}, ${sent ? at(sent) : null}, ${at('2026-01-01T00:00:00Z')})`.execute(db);
  }
  for (const [id, created] of [['u-old', '2026-06-14T11:59:00Z'], ['u-new', '2026-06-14T12:01:00Z']]) {
    await sql`insert into import_upload (id, kind, file_name, content, created_at) values (${id}, 'participants', ${`${id}.csv`}, '\\x00', ${at(created)})`.execute(db);
  }
  for (const [id, expires] of [['s-old', '2026-06-15T11:59:00Z'], ['s-new', '2026-06-15T12:01:00Z']]) {
    await sql`insert into session (id, account_id, csrf_token, expires_at) values (${id}, ${account}, 'c', ${at(expires)})`.execute(db);
  }
  for (const [id, expires, used] of [['t-used', '2026-06-16T00:00:00Z', '2026-06-15T11:00:00Z'], ['t-open', '2026-06-15T13:00:00Z', null], ['t-expired', '2026-06-15T11:59:00Z', null]] as const) {
    await sql`insert into password_token (id, account_id, expires_at, used_at) values (${id}, ${account}, ${at(expires)}, ${used ? at(used) : null})`.execute(db);
  }
  for (const [action, when] of [['person.read', '2024-06-15T11:59:00Z'], ['person.read', '2024-06-15T12:01:00Z'], ['person.update', '2024-06-15T11:59:00Z'], ['person.update', '2016-06-15T11:59:00Z'], ['person.update', '2016-06-15T12:01:00Z']]) {
    await sql`insert into audit_log (action, subject_type, at) values (${action}, 'person', ${at(when)})`.execute(db);
  }
  const before = await snapshot();
  dryRun = await runRetention(db, { now, dryRun: true, actorId: null });
  expect(await snapshot()).toBe(before);
});
afterAll(async () => database?.close());

const result = (kind: string) => dryRun.find((rule) => rule.kind === kind)!;
const count = async (query: ReturnType<typeof sql>) => ((await query.execute(database.db)).rows[0] as { n: number }).n;

describe('retention rules', () => {
  it('are seeded with the documented defaults', async () => {
    const rules = await listRules(database.db);
    expect(rules.map((rule) => rule.kind)).toEqual([...retentionKinds]);
    expect(rules.map((rule) => `${rule.kind} ${rule.amount} ${rule.unit}`)).toEqual([
      'inactive_persons 5 years', 'consultation_texts 3 years', 'registration_contacts 1 years', 'sent_mails 90 days',
      'import_uploads 1 days', 'sessions_tokens 0 days', 'audit_reads 2 years', 'audit_log 10 years',
      'evaluation_interview_notes 6 months',
    ]);
  });

  it('compute cutoffs in calendar units', () => {
    expect(cutoffOf(now, 5, 'years').toISOString()).toBe('2021-06-15T12:00:00.000Z');
    expect(cutoffOf(now, 90, 'days').toISOString()).toBe('2026-03-17T12:00:00.000Z');
    expect(cutoffOf(now, 3, 'months').toISOString()).toBe('2026-03-15T12:00:00.000Z');
  });

  it('count in a dry run exactly the records before each cutoff, with examples', () => {
    expect(Object.fromEntries(dryRun.map((rule) => [rule.kind, rule.count]))).toEqual({
      inactive_persons: 1, consultation_texts: 2, registration_contacts: 3, sent_mails: 1, import_uploads: 1, sessions_tokens: 3, audit_reads: 1, audit_log: 1,
      // no evaluation end date is set here: interview notes are kept (src/modules/evaluation/workspace.test.ts deletes them with a fixed clock)
      evaluation_interview_notes: 0,
    });
    expect(result('inactive_persons').examples).toEqual(['#' + ids.oldPerson + ' Alt Person (2021-06-15)']);
    expect(result('import_uploads').examples[0]).toContain('u-old.csv');
    expect(dryRun.every((rule) => rule.applied === 0)).toBe(true);
  });

  it('skip a disabled rule and apply the others', async () => {
    const rules = await listRules(database.db);
    const account = (await database.db.selectFrom('account').select('id').executeTakeFirstOrThrow()).id;
    await updateRules(database.db, rules.map((rule) => ({ kind: rule.kind, amount: rule.amount, unit: rule.unit, enabled: rule.kind !== 'audit_log' })), account);
    const run = await runRetention(database.db, { now, dryRun: false, actorId: account });
    expect(run.find((rule) => rule.kind === 'audit_log')).toMatchObject({ enabled: false, count: 1, applied: 0 });
    expect(await count(sql`select count(*)::integer as n from audit_log where at < '2016-06-15T12:00:00Z'`)).toBe(1);
    const entry = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.run').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ account_id: account, details: { applied: expect.objectContaining({ inactive_persons: 1, sent_mails: 1 }) } });
  });

  it('erased the inactive person only', async () => {
    const persons = await database.db.selectFrom('person').select(['id', 'full_name', 'erased_at']).orderBy('id').execute();
    expect(persons.map((p) => [p.id, p.full_name, p.erased_at !== null])).toEqual([[ids.oldPerson, 'Gelöschte Person', true], [ids.newPerson, 'Neu Person', false]]);
  });

  it('emptied old consultation texts and deleted old closed requests', async () => {
    const rows = await database.db.selectFrom('consultation').select(['id', 'persons', 'notes', 'outcome']).orderBy('id').execute();
    expect(rows).toEqual([{ id: ids.oldConsultation, persons: null, notes: null, outcome: null }, { id: ids.newConsultation, persons: 'P', notes: 'N', outcome: 'O' }]);
    expect(await count(sql`select count(*)::integer as n from consultation_request`)).toBe(2);
  });

  it('removed contact addresses of events older than a year only', async () => {
    expect(await count(sql`select count(*)::integer as n from registration where email is not null`)).toBe(1);
    expect(await count(sql`select count(*)::integer as n from participation where email = 'new@example.org'`)).toBe(1);
    expect(await count(sql`select count(*)::integer as n from participation where email is null`)).toBe(1);
    expect(await count(sql`select count(*)::integer as n from registration_group where contact_email = ''`)).toBe(1);
  });

  it('deleted sent mails, uploads, sessions, tokens and read entries past their time', async () => {
    expect((await database.db.selectFrom('mail_outbox').select('status').orderBy('id').execute()).map((m) => m.status)).toEqual(['sent', 'queued']);
    expect((await database.db.selectFrom('import_upload').select('id').execute()).map((u) => u.id)).toEqual(['u-new']);
    expect((await database.db.selectFrom('session').select('id').execute()).map((s) => s.id)).toEqual(['s-new']);
    expect((await database.db.selectFrom('password_token').select('id').execute()).map((t) => t.id)).toEqual(['t-open']);
    expect(await count(sql`select count(*)::integer as n from audit_log where action = 'person.read'`)).toBe(1);
    expect(await count(sql`select count(*)::integer as n from audit_log where action = 'person.update'`)).toBe(3);
  });
});
