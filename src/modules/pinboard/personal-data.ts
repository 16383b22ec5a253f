import { sql } from 'kysely';
import { accountMatches, accountNullRows, redact, rows, textMayName, textNames, type CatalogueEntry, type Db } from '../catalogue.js';

/**
 * The pinboard's part of the personal-data catalogue (src/modules/privacy):
 * posts (an organisation's, written by a representative, whose account is
 * referenced), reports (by an account), conversations and relayed messages.
 * A post reveals that someone represents an association, which can reveal
 * ethnic origin: the board is only for signed-in associations and staff.
 */

const basis = 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Auftrag des Zentrums, Vereine zu vernetzen (Bericht 6.3); Art. 9 Abs. 2 lit. a DSGVO (Einwilligung), soweit die Vereinszugehörigkeit die ethnische Herkunft erkennen lässt';
const board = 'angemeldete Vertretungen anderer Vereine (veröffentlichte Beiträge, ohne Adressen); Mitarbeitende des Zentrums (Moderation)';

async function samplePost(db: Db, organisationId: number, accountId: number, body = 'Wir teilen unseren Vereinsraum, dienstags frei.'): Promise<number> {
  const row = (await sql<{ id: number }>`insert into pinboard_post (organisation_id, author_account_id, kind, lang, title, body, district)
    values (${organisationId}, ${accountId}, 'room_offered', 'de', 'Raum zu teilen', ${body}, 'Kassel') returning id`.execute(db)).rows[0]!;
  return row.id;
}

export const pinboardPersonalData: CatalogueEntry[] = [
  { table: 'pinboard_setting', personal: false, why: 'Einstellungen der Pinnwand (Laufzeit, Erinnerung, Grenzen): keine Personen' },
  {
    table: 'pinboard_post', personal: true, columns: ['author_account_id', 'title', 'body', 'image', 'moderated_by'], categories: ['free_text', 'technical', 'special'],
    subjects: 'Vertretungen, die für ihren Verein einen Beitrag schrieben; im Text genannte Personen; Mitarbeitende, die moderierten',
    purpose: 'Vernetzung der Vereine: Räume, Know-how, Partner für gemeinsame Anträge, die Vereinsmesse', legalBasis: basis, recipients: board,
    retention: 'bis der Verein den Beitrag zurückzieht oder die Organisation gelöscht wird; abgelaufene Beiträge sieht nur der Verein',
    finds: 'author_account_id oder moderated_by = Konto der Person, oder Titel/Text nennen Name oder E-Mail',
    find: async (db, s) =>
      (await rows(db, sql`select id, organisation_id, author_account_id, kind, state, lang, title, body, district, moderated_by, created_at from pinboard_post
        where ${accountMatches(s, 'author_account_id')} or ${accountMatches(s, 'moderated_by')} or ${textMayName(s, 'title')} or ${textMayName(s, 'body')} order by id`))
        .filter((p) => p.author_account_id === s.accountId || p.moderated_by === s.accountId || textNames(s, p.title) || textNames(s, p.body)),
    erasure: 'Name und E-Mail in Titel und Text ersetzt; Konto-Referenzen geleert (der Beitrag gehört dem Verein)',
    erase: async (db, s, found) => {
      for (const p of found) await sql`update pinboard_post set title = ${redact(s, p.title as string) ?? ''}, body = ${redact(s, p.body as string) ?? ''} where id = ${p.id}`.execute(db);
      await accountNullRows('pinboard_post', ['author_account_id', 'moderated_by'])(db, s);
    },
    hidden: ['image'],
    sample: async (db, f) => { await samplePost(db, f.organisationId, f.accountId, 'Raum frei, bitte bei Zeynep Kaya-Yıldız melden.'); },
  },
  {
    table: 'pinboard_report', personal: true, columns: ['account_id', 'note'], categories: ['technical', 'free_text'],
    subjects: 'Angemeldete, die einen Beitrag meldeten', purpose: 'Meldungen prüfen; nach drei Meldungen ist ein Beitrag verborgen, bis das Zentrum entscheidet',
    legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO (Schutz der Nutzenden vor missbräuchlichen Beiträgen)', recipients: 'Mitarbeitende des Zentrums (admin, staff); nie der Verein des Beitrags',
    retention: 'mit dem Beitrag', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from pinboard_report where ${accountMatches(s, 'account_id')}`),
    erasure: 'Konto-Referenz geleert (die Meldung zählt weiter)', erase: accountNullRows('pinboard_report', ['account_id']),
    sample: async (db, f) => {
      const postId = await samplePost(db, f.otherOrganisationId, f.accountId);
      await sql`insert into pinboard_report (post_id, account_id, reason) values (${postId}, ${f.accountId}, 'spam')`.execute(db);
    },
  },
  {
    table: 'pinboard_conversation', personal: true, columns: ['reader_account_id', 'reader_organisation_id'], categories: ['technical', 'special'],
    subjects: 'Vertretungen, die einem Verein über einen Beitrag schrieben', purpose: 'Nachrichten zwischen zwei Vereinen weiterleiten, ohne Adressen zu zeigen',
    legalBasis: basis, recipients: 'die beiden beteiligten Vereine; Mitarbeitende des Zentrums nur bei Missbrauch', retention: 'mit dem Beitrag',
    finds: 'reader_account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from pinboard_conversation where ${accountMatches(s, 'reader_account_id')}`),
    erasure: 'Konto-Referenz geleert (der Verein bleibt Gesprächspartner)', erase: accountNullRows('pinboard_conversation', ['reader_account_id']),
    sample: async (db, f) => {
      const postId = await samplePost(db, f.otherOrganisationId, f.accountId);
      await sql`insert into pinboard_conversation (post_id, reader_account_id, reader_organisation_id) values (${postId}, ${f.accountId}, ${f.organisationId})`.execute(db);
    },
  },
  {
    table: 'pinboard_message', personal: true, columns: ['sender_account_id', 'body'], categories: ['free_text', 'technical'],
    subjects: 'Vertretungen, die über die Pinnwand schrieben; in Nachrichten genannte Personen', purpose: 'Weitergeleitete Nachrichten zwischen zwei Vereinen',
    legalBasis: basis, recipients: 'die beiden beteiligten Vereine (per Mail, ohne Adresse der anderen Seite)', retention: 'mit dem Beitrag',
    finds: 'sender_account_id = Konto der Person, oder der Text nennt Name oder E-Mail',
    find: async (db, s) => (await rows(db, sql`select * from pinboard_message where ${accountMatches(s, 'sender_account_id')} or ${textMayName(s, 'body')} order by id`))
      .filter((m) => m.sender_account_id === s.accountId || textNames(s, m.body)),
    erasure: 'Name und E-Mail im Text ersetzt; Konto-Referenz geleert',
    erase: async (db, s, found) => {
      for (const m of found) await sql`update pinboard_message set body = ${redact(s, m.body as string) ?? ''} where id = ${m.id}`.execute(db);
      await accountNullRows('pinboard_message', ['sender_account_id'])(db, s);
    },
    sample: async (db, f) => {
      const postId = await samplePost(db, f.otherOrganisationId, f.accountId);
      const conversation = (await sql<{ id: number }>`insert into pinboard_conversation (post_id, reader_account_id, reader_organisation_id) values (${postId}, ${f.accountId}, ${f.organisationId}) returning id`.execute(db)).rows[0]!;
      await sql`insert into pinboard_message (conversation_id, sender_account_id, from_author, body) values (${conversation.id}, ${f.accountId}, false, 'Hier schreibt Zeynep Kaya-Yıldız')`.execute(db);
    },
  },
];
