import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import './tables.js';

/**
 * The retention of interview notes (retention rule
 * `evaluation_interview_notes`, run by the privacy module with every other
 * rule): once the evaluation has ended (the setting ends_on) and the rule's
 * period has passed since — ends_on before the rule's cutoff — every
 * interview's notes are emptied and the day noted. The record of the
 * interview itself (date, kind, guide, consent) and the published portrait
 * stay. Without an end date nothing goes.
 */

const day = (instant: Date) => instant.toISOString().slice(0, 10);
const ended = (cutoff: Date) => sql`exists (select 1 from evaluation_setting s where s.name = 'ends_on' and s.value < ${day(cutoff)})`;

export async function findExpiredInterviewNotes(db: Kysely<Database>, cutoff: Date): Promise<{ count: number; examples: string[] }> {
  const { rows } = await sql<{ id: number; held_on: string }>`
    select id, to_char(held_on, 'YYYY-MM-DD') as held_on from evaluation_interview
    where notes is not null and ${ended(cutoff)} order by held_on, id`.execute(db);
  return { count: rows.length, examples: rows.slice(0, 5).map((row) => `Interview #${row.id} (${row.held_on})`) };
}

export async function eraseExpiredInterviewNotes(db: Kysely<Database>, cutoff: Date, now: Date = new Date()): Promise<number> {
  const result = await sql`update evaluation_interview set notes = null, notes_erased_at = ${now} where notes is not null and ${ended(cutoff)}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
