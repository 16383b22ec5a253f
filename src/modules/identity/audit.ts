import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

export interface AuditEntry {
  /** Who did it; null for the system (command line, scheduled jobs). */
  accountId: number | null;
  /** What happened, as a dotted verb: 'organisation.merge', 'person.export', 'import.run'. */
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  /** Facts needed to understand the entry later; never personal data beyond ids. */
  details?: Record<string, unknown>;
}

/** Writes one audit log entry, inside the caller's transaction when given one. */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      account_id: entry.accountId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId == null ? null : String(entry.subjectId),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * Records that an account read a personal record (a person, an organisation's
 * profile with its contacts, a consultation, an export). Reads are audited
 * like changes so that a data protection officer can answer "who looked at
 * this person?" (admin audit view).
 */
export async function auditRead(
  db: Kysely<Database>,
  accountId: number | null,
  subjectType: string,
  subjectId: string | number,
  details?: Record<string, unknown>,
): Promise<void> {
  await writeAudit(db, { accountId, action: `${subjectType}.read`, subjectType, subjectId, details });
}
