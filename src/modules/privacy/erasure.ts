import { sql } from 'kysely';
import { writeAudit } from '../identity/index.js';
import { findEverything } from './export.js';
import { personalTables } from './personal-data.js';
import { personSubject, type Db, type Row } from './subject.js';

/**
 * Erasure of a person (Art. 17 GDPR) by anonymisation: every row the
 * catalogue's finders attribute to the person is anonymised or deleted as its
 * entry says, in one transaction. Rows that count in a report (participations,
 * registrations, consultations) stay, with a placeholder name and a unique
 * key, so that every figure of the impact report stays the same.
 *
 * Consents are deleted; the audit entry of the erasure keeps only how many
 * were given and withdrawn (proof that consent was handled, without content).
 */

export interface ErasurePlanTable {
  table: string;
  erasure: string;
  count: number;
  /** A few rows as they are now, for the confirmation page (shown to admins only). */
  examples: Row[];
}

export interface ErasurePlan {
  personId: number;
  name: string;
  alreadyErased: boolean;
  tables: ErasurePlanTable[];
}

const exampleLimit = 3;

/** The dry run: what an erasure would change, table by table. Changes nothing. */
export async function planPersonErasure(db: Db, personId: number): Promise<ErasurePlan | null> {
  const subject = await personSubject(db, personId);
  if (!subject) return null;
  const person = await db.selectFrom('person').select(['erased_at']).where('id', '=', personId).executeTakeFirstOrThrow();
  const found = await findEverything(db, subject);
  return {
    personId,
    name: subject.name,
    alreadyErased: person.erased_at !== null,
    tables: personalTables()
      .map((entry) => ({ table: entry.table, erasure: entry.erasure, count: found.get(entry.table)?.length ?? 0, examples: (found.get(entry.table) ?? []).slice(0, exampleLimit) }))
      .filter((table) => table.count > 0),
  };
}

export interface ErasureOutcome {
  personId: number;
  counts: Record<string, number>;
}

/**
 * Erases the person; null when there is no such person. Finds everything
 * first, then erases table by table: an erasure never hides a row from the
 * finder of another table (a registration's e-mail leads to its mails).
 */
export async function erasePerson(db: Db, personId: number, options: { actorId: number | null; reason: string }): Promise<ErasureOutcome | null> {
  return db.transaction().execute(async (trx) => {
    // one erasure at a time for this person (a double click waits, then finds nothing left)
    await sql`select id from person where id = ${personId} for update`.execute(trx);
    const subject = await personSubject(trx, personId);
    if (!subject) return null;
    const found = await findEverything(trx, subject);
    const consents = found.get('consent') ?? [];
    for (const entry of personalTables()) {
      const rows = found.get(entry.table) ?? [];
      // tables found by the person or account id are erased even when empty: cheap, and safe against a row added meanwhile
      await entry.erase(trx, subject, rows);
    }
    const counts = Object.fromEntries([...found].filter(([, rows]) => rows.length > 0).map(([table, rows]) => [table, rows.length]));
    await writeAudit(trx, {
      accountId: options.actorId,
      action: 'person.erase',
      subjectType: 'person',
      subjectId: personId,
      details: {
        reason: options.reason,
        counts,
        consentsGiven: consents.filter((c) => c.person_id === personId).length,
        consentsWithdrawn: consents.filter((c) => c.person_id === personId && c.withdrawn_on !== null).length,
      },
    });
    return { personId, counts };
  });
}
