import { sql, type RawBuilder } from 'kysely';
import { accountMatches, redact, textMayName, textNames, type CatalogueEntry, type Db, type Row } from '../catalogue.js';

/**
 * The Vereins-Check's part of the personal-data catalogue: every table of
 * migrations/160_selfcheck.sql, with how one person's rows are found and
 * erased, and a sample for the export and erasure tests. A check describes an
 * association, not a person; but who filled it in, who changed an item's
 * wording and what a note says about someone are personal, and an
 * association's answers can hint at its members' origin, so only the
 * association and the centre's advisers read single checks (policy.ts).
 */

const rows = async (db: Db, query: RawBuilder<unknown>) => (await query.execute(db)).rows as Row[];
const publicTask = 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Förderauftrag des Zentrums (Beratung und Professionalisierung der Vereine)';
const readers = 'die Vertretungen der Organisation; Beraterinnen und Berater des Zentrums (admin, staff); Koordinierende und Förderer nur als Summen, kleine Zahlen (< 5) verborgen';

async function sampleCheck(db: Db, organisationId: number, accountId: number | null): Promise<number> {
  const row = (await sql<{ id: number }>`
    insert into selfcheck (organisation_id, started_by, start_token, state, submitted_at, submitted_on, submitted_by)
    values (${organisationId}, ${accountId}, ${`sample-${organisationId}-${Math.random().toString(36).slice(2)}`}, 'submitted', '2019-05-02T10:00:00Z', '2019-05-02', ${accountId}) returning id`.execute(db)).rows[0]!;
  return row.id;
}

export const selfcheckPersonalData: CatalogueEntry[] = [
  { table: 'selfcheck_area', personal: false, why: 'Die Bereiche des Vereins-Checks (Überschriften in sechs Sprachen): keine Personen' },
  { table: 'selfcheck_item', personal: false, why: 'Die Punkte der Checkliste und ihre Reihenfolge: keine Personen' },
  {
    table: 'selfcheck_item_version', personal: true, columns: ['created_by'], categories: ['technical'],
    subjects: 'Mitarbeitende des Zentrums, die einen Punkt umformuliert haben (Konto-Referenz)', purpose: 'Nachvollziehen, wer Wortlaut und Zuordnung eines Punkts geändert hat',
    legalBasis: publicTask, recipients: 'Mitarbeitende des Zentrums (admin, staff)', retention: 'solange der Punkt besteht',
    finds: 'created_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from selfcheck_item_version where ${accountMatches(s, 'created_by')} order by id`),
    erasure: 'Konto-Referenz geleert (der Wortlaut bleibt)',
    erase: async (db, s) => { if (s.accountId !== null) await sql`update selfcheck_item_version set created_by = null where created_by = ${s.accountId}`.execute(db); },
    sample: async (db, f) => { await sql`insert into selfcheck_item_version (item_key, version, texts, created_by) values ('pr.members', 99, '{"de": "Mitglieder"}'::jsonb, ${f.accountId})`.execute(db); },
  },
  {
    table: 'selfcheck', personal: true, columns: ['started_by', 'submitted_by'], categories: ['technical'],
    subjects: 'Vertretungen der Vereine und Beratende, die einen Vereins-Check begonnen oder abgeschickt haben (Konto-Referenz)',
    purpose: 'Die Selbsteinschätzung eines Vereins mit Datum, damit der nächste Check zeigt, was sich bewegt hat', legalBasis: publicTask,
    recipients: readers, retention: 'mit der Organisation; ein Entwurf, bis er abgeschickt oder verworfen wird',
    finds: 'started_by oder submitted_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from selfcheck where ${accountMatches(s, 'started_by')} or ${accountMatches(s, 'submitted_by')} order by id`),
    erasure: 'Konto-Referenzen geleert (der Check des Vereins bleibt)',
    erase: async (db, s) => {
      if (s.accountId === null) return;
      await sql`update selfcheck set started_by = null where started_by = ${s.accountId}`.execute(db);
      await sql`update selfcheck set submitted_by = null where submitted_by = ${s.accountId}`.execute(db);
    },
    hidden: ['start_token'],
    sample: async (db, f) => { await sampleCheck(db, f.organisationId, f.accountId); },
  },
  {
    table: 'selfcheck_answer', personal: true, columns: ['note'], categories: ['free_text'],
    subjects: 'Personen, die ein Verein in einer Notiz zu einem Punkt nennt', purpose: 'Notizen des Vereins zu seinen Antworten, für die Beratung', legalBasis: publicTask,
    recipients: readers, retention: 'mit dem Check; Notizen werden mit der Organisation gelöscht',
    finds: 'die Notiz nennt Name (als ganze Wörter) oder E-Mail der Person',
    find: async (db, s) => (await rows(db, sql`select * from selfcheck_answer where ${textMayName(s, 'note')} order by selfcheck_id, item_key`)).filter((row) => textNames(s, row.note)),
    erasure: 'Name und E-Mail in der Notiz ersetzt',
    erase: async (db, s, found) => {
      for (const row of found) await sql`update selfcheck_answer set note = ${redact(s, row.note as string)} where selfcheck_id = ${row.selfcheck_id} and item_key = ${row.item_key}`.execute(db);
    },
    sample: async (db, f) => {
      const person = await db.selectFrom('person').select(['full_name', 'email']).where('id', '=', f.personId).executeTakeFirstOrThrow();
      const checkId = await sampleCheck(db, f.organisationId, null);
      const version = (await sql<{ id: number }>`select id from selfcheck_item_version where item_key = 'funding.writing' order by version limit 1`.execute(db)).rows[0]!;
      await sql`insert into selfcheck_answer (selfcheck_id, item_key, item_version_id, organisation_id, answer, note)
        values (${checkId}, 'funding.writing', ${version.id}, ${f.organisationId}, 'in_progress', ${`${person.full_name} schreibt den Antrag (${person.email ?? ''})`})`.execute(db);
    },
  },
];
