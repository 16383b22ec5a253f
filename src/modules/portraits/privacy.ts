import { sql, type Transaction } from 'kysely';
import type { MergeMoves, OrganisationMerge } from '../module.js';
import type { Database } from '../../db/tables.js';
import { normalisePersonName } from '../names/index.js';
import { erasedName, redact, textNames, type CatalogueEntry, type DataSubject, type Row as PrivacyRow } from '../catalogue.js';

/**
 * The portrait table in the personal-data catalogue, and what a merge of two
 * organisations does to it. A portrait's text may name persons, its photo may
 * show them, the paper consent names who signed it, and released_by is an
 * account.
 */


/** The person signed the paper consent of one of their organisations (as the organisation entry of the catalogue matches its consent). */
const matchesConsent = (subject: DataSubject, row: PrivacyRow) =>
  subject.organisationIds.includes(Number(row.organisation_id)) && !!row.paper_consent_by && normalisePersonName(String(row.paper_consent_by)) === subject.nameKey;

export const portraitCatalogue: CatalogueEntry[] = [
  {
    table: 'portrait', personal: true, columns: ['text', 'photo', 'photo_alt', 'paper_consent_by', 'released_by'], categories: ['free_text', 'technical'],
    subjects: 'Personen, die ein Vereinsporträt nennt oder zeigt; wer die Einwilligung unterschrieben oder das Porträt freigegeben hat',
    purpose: 'Öffentliches Porträt eines Vereins auf der Webseite und der Karte, nur nach dessen Freigabe',
    legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung des Vereins; Abgebildete willigen beim Verein ein)',
    recipients: 'Öffentlich, solange freigegeben; sonst Mitarbeitende des Zentrums und die Vertretung des Vereins',
    retention: 'bis der Verein das Porträt löscht oder die Organisation gelöscht wird; eine Rücknahme nimmt es sofort aus der Öffentlichkeit',
    finds: 'in ihren Organisationen: Einwilligende = die Person oder der Text nennt sie; überall: ihr Konto hat freigegeben',
    find: async (db, s) => {
      const { rows } = await sql<PrivacyRow>`select organisation_id, text, photo_alt, photo_type, paper_consent_by, paper_consent_on, released_by, released_at, withdrawn_at
        from portrait order by organisation_id`.execute(db);
      return rows.filter((row) => matchesConsent(s, row) || (s.accountId !== null && row.released_by === s.accountId)
        || (s.organisationIds.includes(Number(row.organisation_id)) && (textNames(s, row.text) || textNames(s, row.photo_alt))));
    },
    erasure: 'Einwilligende → „Gelöschte Person“; Name im Text ersetzt und das Foto entfernt, wenn der Text die Person nennt; freigebendes Konto → null',
    erase: async (db, s, found) => {
      for (const row of found) {
        const named = textNames(s, row.text) || textNames(s, row.photo_alt);
        const consentBy = matchesConsent(s, row) ? erasedName : row.paper_consent_by;
        const releasedBy = s.accountId !== null && row.released_by === s.accountId ? null : row.released_by;
        await sql`update portrait set text = ${redact(s, String(row.text)) ?? ''}, paper_consent_by = ${consentBy}, released_by = ${releasedBy},
          photo = ${named ? null : sql`photo`}, photo_type = ${named ? null : sql`photo_type`}, photo_alt = ${named ? null : sql`photo_alt`}, updated_at = now()
          where organisation_id = ${row.organisation_id}`.execute(db);
      }
    },
    hidden: ['photo'],
    sample: async (db, fixture) => {
      const { rows } = await sql<{ display_name: string }>`select display_name from account where id = ${fixture.accountId}`.execute(db);
      await sql`insert into portrait (organisation_id, text, released_at, released_by, release_basis, paper_consent_by, paper_consent_on)
        values (${fixture.organisationId}, ${`Unsere Vorsitzende ${rows[0]?.display_name ?? ''} gründete den Verein.`}, now(), ${fixture.accountId}, 'paper_consent', ${rows[0]?.display_name ?? ''}, '2026-01-15')`.execute(db);
    },
  },
];

/** On a merge the survivor keeps its own portrait; the merged organisation's moves over only if the survivor has none. */
export async function mergePortraits(trx: Transaction<Database>, { survivorId, mergedId }: OrganisationMerge): Promise<MergeMoves> {
  const survivorHas = await trx.selectFrom('portrait').select('organisation_id').where('organisation_id', '=', survivorId).executeTakeFirst();
  if (survivorHas) {
    const removed = await trx.deleteFrom('portrait').where('organisation_id', '=', mergedId).executeTakeFirst();
    return { moved: { portrait: 0 }, dropped: { portrait: Number(removed.numDeletedRows) } };
  }
  const moved = await trx.updateTable('portrait').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: { portrait: Number(moved.numUpdatedRows) }, dropped: { portrait: 0 } };
}


/** An erased organisation has no portrait: text, photo and release go at once. */
export async function erasePortraitOfOrganisation(trx: Transaction<Database>, organisationId: number): Promise<void> {
  await trx.deleteFrom('portrait').where('organisation_id', '=', organisationId).execute();
}
