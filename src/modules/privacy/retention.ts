import { sql, type RawBuilder } from 'kysely';
import { writeAudit } from '../identity/index.js';
import { erasePerson } from './erasure.js';
import type { Db } from './subject.js';

/**
 * Retention rules (Art. 5 Abs. 1 lit. e GDPR, storage limitation): per kind of
 * personal data, how long it is kept. The periods live in retention_rule
 * (035_privacy.sql), editable by admins; what each kind removes is below.
 * A run is a dry run (counts and examples, nothing changed) or real (audited).
 * Data older than the cutoff goes: "older than 1 year" on 2026-11-25 means
 * before 2025-11-25; a record of exactly the cutoff stays.
 */

export const retentionKinds = ['inactive_persons', 'consultation_texts', 'registration_contacts', 'sent_mails', 'import_uploads', 'sessions_tokens', 'audit_reads', 'audit_log', 'evaluation_interview_notes'] as const;
export type RetentionKind = (typeof retentionKinds)[number];
export const retentionUnits = ['days', 'months', 'years'] as const;
export type RetentionUnit = (typeof retentionUnits)[number];

export interface RetentionRule {
  kind: RetentionKind;
  amount: number;
  unit: RetentionUnit;
  enabled: boolean;
  updatedAt: Date;
}

export interface RuleResult {
  kind: RetentionKind;
  enabled: boolean;
  /** Instants before this go; calendar days (event, consultation dates) before its day. */
  cutoff: string;
  count: number;
  examples: string[];
  /** Rows changed or deleted (0 in a dry run or when the rule is disabled). */
  applied: number;
}

export function cutoffOf(now: Date, amount: number, unit: RetentionUnit): Date {
  const cutoff = new Date(now);
  if (unit === 'days') cutoff.setUTCDate(cutoff.getUTCDate() - amount);
  else cutoff.setUTCMonth(cutoff.getUTCMonth() - amount * (unit === 'years' ? 12 : 1));
  return cutoff;
}

export async function listRules(db: Db): Promise<RetentionRule[]> {
  const rows = await db.selectFrom('retention_rule').selectAll().execute();
  return retentionKinds.flatMap((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return row ? [{ kind, amount: row.amount, unit: row.unit, enabled: row.enabled, updatedAt: row.updated_at }] : [];
  });
}

export async function updateRules(db: Db, rules: { kind: RetentionKind; amount: number; unit: RetentionUnit; enabled: boolean }[], actorId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const rule of rules) {
      await trx.updateTable('retention_rule').set({ amount: rule.amount, unit: rule.unit, enabled: rule.enabled, updated_by: actorId, updated_at: new Date() }).where('kind', '=', rule.kind).execute();
    }
    await writeAudit(trx, { accountId: actorId, action: 'retention.update', subjectType: 'retention_rule', details: { rules } });
  });
}

interface Found {
  count: number;
  examples: string[];
}
interface KindRule {
  find(db: Db, cutoff: Date): Promise<Found>;
  apply(db: Db, cutoff: Date, actorId: number | null): Promise<number>;
}

const exampleLimit = 5;
const day = (instant: Date) => instant.toISOString().slice(0, 10);
async function counted(db: Db, query: RawBuilder<unknown>, total: RawBuilder<unknown>): Promise<Found> {
  const examples = (await query.execute(db)).rows as { example: string }[];
  const counts = (await total.execute(db)).rows as { count: number }[];
  return { count: counts.reduce((sum, row) => sum + Number(row.count), 0), examples: examples.map((row) => row.example) };
}
const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0);

const inactivePersons = (cutoff: Date) => sql`erased_at is null and greatest(last_activity_at, updated_at) < ${cutoff}`;
const oldEvents = (cutoff: Date) => sql`select id from event where start_date < ${day(cutoff)}::date`;
const doneMails = (cutoff: Date) => sql`status <> 'queued' and coalesce(sent_at, created_at) < ${cutoff}`;

const kinds: Record<RetentionKind, KindRule> = {
  inactive_persons: {
    find: (db, cutoff) => counted(db,
      sql`select '#' || id || ' ' || full_name || ' (' || to_char(greatest(last_activity_at, updated_at), 'YYYY-MM-DD') || ')' as example from person where ${inactivePersons(cutoff)} order by id limit ${exampleLimit}`,
      sql`select count(*)::integer as count from person where ${inactivePersons(cutoff)}`),
    apply: async (db, cutoff, actorId) => {
      const { rows } = await sql<{ id: number }>`select id from person where ${inactivePersons(cutoff)} order by id`.execute(db);
      // each person in their own transaction, as an erasure by hand
      for (const { id } of rows) await erasePerson(db, id, { actorId, reason: 'retention: inactive_persons' });
      return rows.length;
    },
  },
  consultation_texts: {
    find: (db, cutoff) => counted(db,
      sql`select 'Beratung #' || id || ' (' || to_char(consulted_on, 'YYYY-MM-DD') || ')' as example from consultation
        where consulted_on < ${day(cutoff)}::date and (persons is not null or notes is not null or outcome is not null) order by consulted_on, id limit ${exampleLimit}`,
      sql`select count(*)::integer as count from consultation where consulted_on < ${day(cutoff)}::date and (persons is not null or notes is not null or outcome is not null)
        union all select count(*)::integer from consultation_request where closed_at < ${cutoff}`),
    apply: async (db, cutoff) => {
      const texts = await sql`update consultation set persons = null, notes = null, outcome = null
        where consulted_on < ${day(cutoff)}::date and (persons is not null or notes is not null or outcome is not null)`.execute(db);
      const requests = await sql`delete from consultation_request where closed_at < ${cutoff}`.execute(db);
      return affected(texts) + affected(requests);
    },
  },
  registration_contacts: {
    find: (db, cutoff) => counted(db,
      sql`select 'Anmeldung #' || r.id || ' (' || to_char(e.start_date, 'YYYY-MM-DD') || ')' as example from registration r join event e on e.id = r.event_id
        where r.email is not null and e.start_date < ${day(cutoff)}::date order by e.start_date, r.id limit ${exampleLimit}`,
      sql`select count(*)::integer as count from registration where email is not null and event_id in (${oldEvents(cutoff)})
        union all select count(*)::integer from registration_group where contact_email <> '' and event_id in (${oldEvents(cutoff)})
        union all select count(*)::integer from participation where email is not null and event_id in (${oldEvents(cutoff)})`),
    apply: async (db, cutoff) => {
      const a = await sql`update registration set email = null where email is not null and event_id in (${oldEvents(cutoff)})`.execute(db);
      const b = await sql`update registration_group set contact_email = '' where contact_email <> '' and event_id in (${oldEvents(cutoff)})`.execute(db);
      const c = await sql`update participation set email = null where email is not null and event_id in (${oldEvents(cutoff)})`.execute(db);
      return affected(a) + affected(b) + affected(c);
    },
  },
  sent_mails: {
    find: (db, cutoff) => counted(db,
      sql`select 'E-Mail #' || id || ' ' || kind || ' (' || to_char(coalesce(sent_at, created_at), 'YYYY-MM-DD') || ')' as example from mail_outbox where ${doneMails(cutoff)} order by id limit ${exampleLimit}`,
      sql`select count(*)::integer as count from mail_outbox where ${doneMails(cutoff)}`),
    apply: async (db, cutoff) => affected(await sql`delete from mail_outbox where ${doneMails(cutoff)}`.execute(db)),
  },
  import_uploads: {
    find: (db, cutoff) => counted(db,
      sql`select file_name || ' (' || to_char(created_at, 'YYYY-MM-DD HH24:MI') || ')' as example from import_upload where created_at < ${cutoff} order by created_at limit ${exampleLimit}`,
      sql`select count(*)::integer as count from import_upload where created_at < ${cutoff}`),
    apply: async (db, cutoff) => affected(await sql`delete from import_upload where created_at < ${cutoff}`.execute(db)),
  },
  sessions_tokens: {
    find: (db, cutoff) => counted(db,
      sql`select 'Sitzung von Konto #' || account_id || ' (bis ' || to_char(expires_at, 'YYYY-MM-DD') || ')' as example from session where expires_at < ${cutoff} order by expires_at limit ${exampleLimit}`,
      sql`select count(*)::integer as count from session where expires_at < ${cutoff}
        union all select count(*)::integer from password_token where used_at < ${cutoff} or expires_at < ${cutoff}`),
    apply: async (db, cutoff) => {
      const sessions = await sql`delete from session where expires_at < ${cutoff}`.execute(db);
      const tokens = await sql`delete from password_token where used_at < ${cutoff} or expires_at < ${cutoff}`.execute(db);
      return affected(sessions) + affected(tokens);
    },
  },
  audit_reads: {
    find: (db, cutoff) => counted(db,
      sql`select action || ' ' || subject_type || ' #' || coalesce(subject_id, '') || ' (' || to_char(at, 'YYYY-MM-DD') || ')' as example from audit_log where action like '%.read' and at < ${cutoff} order by id limit ${exampleLimit}`,
      sql`select count(*)::integer as count from audit_log where action like '%.read' and at < ${cutoff}`),
    apply: async (db, cutoff) => affected(await sql`delete from audit_log where action like '%.read' and at < ${cutoff}`.execute(db)),
  },
  audit_log: {
    find: (db, cutoff) => counted(db,
      sql`select action || ' ' || subject_type || ' #' || coalesce(subject_id, '') || ' (' || to_char(at, 'YYYY-MM-DD') || ')' as example from audit_log where at < ${cutoff} order by id limit ${exampleLimit}`,
      sql`select count(*)::integer as count from audit_log where at < ${cutoff}`),
    apply: async (db, cutoff) => affected(await sql`delete from audit_log where at < ${cutoff}`.execute(db)),
  },
  // the evaluation's interview notes, a period after the evaluation's end (src/modules/evaluation/retention.ts)
  evaluation_interview_notes: {
    find: async (db, cutoff) => (await import('../evaluation/index.js')).findExpiredInterviewNotes(db, cutoff),
    apply: async (db, cutoff) => (await import('../evaluation/index.js')).eraseExpiredInterviewNotes(db, cutoff),
  },
};

/**
 * Runs every rule: a dry run counts and shows examples; a real run applies the
 * enabled rules, each in its own transaction, and writes one audit entry.
 */
export async function runRetention(db: Db, options: { now?: Date; dryRun: boolean; actorId: number | null }): Promise<RuleResult[]> {
  const now = options.now ?? new Date();
  const results: RuleResult[] = [];
  for (const rule of await listRules(db)) {
    const cutoff = cutoffOf(now, rule.amount, rule.unit);
    const found = await kinds[rule.kind].find(db, cutoff);
    let applied = 0;
    if (!options.dryRun && rule.enabled && found.count > 0) {
      applied = rule.kind === 'inactive_persons'
        ? await kinds[rule.kind].apply(db, cutoff, options.actorId)
        : await db.transaction().execute((trx) => kinds[rule.kind].apply(trx, cutoff, options.actorId));
    }
    results.push({ kind: rule.kind, enabled: rule.enabled, cutoff: cutoff.toISOString(), count: found.count, examples: found.examples, applied });
  }
  if (!options.dryRun) {
    await writeAudit(db, {
      accountId: options.actorId,
      action: 'retention.run',
      subjectType: 'retention_rule',
      details: { applied: Object.fromEntries(results.filter((r) => r.applied > 0).map((r) => [r.kind, r.applied])) },
    });
  }
  return results;
}
