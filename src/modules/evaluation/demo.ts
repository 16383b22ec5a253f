import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { ConcernTopic } from '../concerns/index.js';
import { logNeed } from './commands/observations.js';
import './tables.js';

/**
 * The evaluation's part of the demo: the 10 observed events of report 4.1
 * (4 of the centre's regional meetings, both state-wide meetings, 3
 * application trainings, 1 implementation training: 10 of 25, 40 %), with a
 * short protocol each and the needs raised (in the needs log of the concerns
 * module, as a saved protocol's needs are, with a topic each); two interview guides (the one
 * for associations in two versions); the 13 interviews of report 4 (nine
 * representatives of seven associations, four municipal experts) with their
 * consent; two reflection meetings with follow-ups. Nothing names anyone.
 */

/** A need noted in a demo protocol, with the needs log's topic the evaluator chose for it. */
type DemoNeed = [text: string, topic: ConcernTopic];

const observed: { key: string; needs: DemoNeed[]; workshops?: string[] }[] = [
  { key: 'ev-2017-09-30', needs: [['Räume für Vereinstreffen', 'rooms'], ['Kontakt zur Kommune', 'participation']] },
  { key: 'ev-2017-11-25', needs: [['Hilfe beim ersten Antrag', 'application']] },
  { key: 'ev-2017-12-08', needs: [['Beispiele gelungener Anträge', 'application']] },
  { key: 'ev-2018-03-24', needs: [['Vernetzung im ländlichen Raum', 'networking']] },
  { key: 'ev-2018-04-14', needs: [['Kosten- und Finanzierungsplan verstehen', 'application']] },
  { key: 'ev-2018-08-24', needs: [['Nachwuchs für den Vorstand', 'volunteering']], workshops: ['Workshop Öffentlichkeitsarbeit', 'Workshop Vereinsrecht', 'Workshop Fördermittel'] },
  { key: 'ev-2018-09-10', needs: [['Belege richtig sammeln', 'funding_rules']] },
  { key: 'ev-2018-10-26', needs: [['Fristen im Blick behalten', 'application']] },
  { key: 'ev-2018-11-15', needs: [['Ansprechpersonen in der Verwaltung', 'referral']] },
  { key: 'ev-2019-06-01', needs: [['Demokratiebildung für Jugendliche', 'participation']], workshops: ['Workshop Beteiligung', 'Workshop Jugendarbeit'] },
];

/** Each workshop's need; no topic chosen, so staff sort it in the log. */
const workshopNeed: DemoNeed = ['Austausch mit anderen Vereinen fortsetzen', 'other'];

export async function loadEvaluationDemo(db: Kysely<Database>): Promise<void> {
  const events = await db.selectFrom('event').select(['id', 'event_key', sql<string>`to_char(start_date, 'YYYY-MM-DD')`.as('start_date')]).where('event_key', 'in', observed.map((item) => item.key)).execute();
  for (const item of observed) {
    const event = events.find((row) => row.event_key === item.key);
    if (!event) continue;
    // the protocol with its needs, each passed to the needs log as saving a protocol does (logNeed), all or nothing
    await db.transaction().execute(async (trx) => {
      const observation = await trx
        .insertInto('evaluation_observation')
        .values({
          event_id: event.id,
          course: 'Begrüßung, Input der Referentin, Arbeit in Kleingruppen, Austausch im Plenum.',
          topics: 'Fragen zur Förderung, zur Vereinsarbeit und zur Zusammenarbeit mit der Kommune.',
          worked: 'Die Arbeit in Kleingruppen; die Beispiele aus der Praxis.',
          suggestions: 'Mehr Zeit für Fragen; Unterlagen vorab verschicken.',
        })
        .onConflict((conflict) => conflict.column('event_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!observation) return; // loaded before
      const needs: { workshopId: number | null; need: DemoNeed }[] = item.needs.map((need) => ({ workshopId: null, need }));
      for (const [index, title] of (item.workshops ?? []).entries()) {
        const row = await trx.insertInto('evaluation_observation_workshop').values({ observation_id: observation.id, position: index + 1, title, notes: 'Rege Beteiligung; viele Fragen aus der Praxis.' }).returning('id').executeTakeFirstOrThrow();
        needs.push({ workshopId: row.id, need: workshopNeed });
      }
      for (const [index, { workshopId, need: [text, topic] }] of needs.entries()) {
        const entryId = await logNeed(trx, null, event.id, event.start_date, text, topic);
        await trx.insertInto('observation_need').values({ observation_id: observation.id, workshop_id: workshopId, position: index + 1, text, topic, concern_entry_id: entryId }).execute();
      }
    });
  }

  // interview guides: the association guide in two versions, the municipal one in one
  const guide = async (guide_key: string, version: number, kind: 'association' | 'municipal', title: string, questions: string) =>
    (await db.insertInto('evaluation_interview_guide').values({ guide_key, version, kind, title, questions }).onConflict((c) => c.columns(['guide_key', 'version']).doNothing()).returning('id').executeTakeFirst())?.id;
  const v1 = await guide('demo-association', 1, 'association', 'Leitfaden Vereinsvertretungen', '1. Wie sind Sie auf das Kompetenzzentrum aufmerksam geworden?\n2. Welche Angebote haben Sie genutzt?\n3. Was hat sich für Ihren Verein verändert?');
  const v2 = await guide('demo-association', 2, 'association', 'Leitfaden Vereinsvertretungen', '1. Wie sind Sie auf das Kompetenzzentrum aufmerksam geworden?\n2. Welche Angebote haben Sie genutzt?\n3. Was hat sich für Ihren Verein verändert?\n4. Was wünschen Sie sich von der Kommune?');
  const municipal = await guide('demo-municipal', 1, 'municipal', 'Leitfaden kommunale Fachleute', '1. Wie arbeiten Sie mit Migrantenorganisationen zusammen?\n2. Welche Wirkung sehen Sie?\n3. Was braucht es für eine Zusammenarbeit auf Augenhöhe?');
  if (!v1 || !v2 || !municipal) return; // loaded before

  // nine representatives of seven associations: seven organisations, two of them twice
  const organisations = (await db.selectFrom('organisation').select('id').where('created_from', '=', 'demo').orderBy('id').limit(7).execute()).map((row) => row.id);
  const associationDays = ['2018-05-14', '2018-05-22', '2018-06-04', '2018-06-11', '2018-09-03', '2018-09-17', '2019-02-11', '2019-02-25', '2019-03-11'];
  for (const [index, held_on] of associationDays.entries()) {
    await db
      .insertInto('evaluation_interview')
      .values({
        held_on,
        kind: 'association',
        channel: index % 3 === 2 ? 'phone' : 'in_person',
        duration_minutes: 45 + (index % 4) * 10,
        guide_id: index < 5 ? v1 : v2,
        organisation_id: organisations[index % 7] ?? null,
        consent_signed_on: held_on,
        consent_version: 'EW-2018-1',
        consent_scope: 'evaluation_only',
        notes: 'Der Verein nutzt die Schulungen und die Beratung; der Kontakt zur Kommune ist gewachsen.',
        portrait: index < 7 ? 'Ein ehrenamtlich geführter Verein, der Kinder- und Jugendarbeit anbietet und seit der Schulung zur Antragstellung ein erstes Mikroprojekt umgesetzt hat.' : '',
      })
      .execute();
  }
  for (const [index, held_on] of ['2018-07-02', '2018-07-16', '2019-01-21', '2019-04-08'].entries()) {
    await db
      .insertInto('evaluation_interview')
      .values({ held_on, kind: 'municipal', channel: index === 2 ? 'video' : 'phone', duration_minutes: 40, guide_id: municipal, consent_signed_on: held_on, consent_version: 'EW-2018-1', consent_scope: 'evaluation_only', notes: 'Die Verwaltung sieht die Vereine stärker als Partner.' })
      .execute();
  }

  // two reflection meetings, the second asking what came of the first's follow-ups
  const first = await db.insertInto('evaluation_reflection').values({ held_on: '2018-06-15', agenda: 'Rückblick auf die Schulungen im Frühjahr', decisions: 'Unterlagen der Schulungen vorab verschicken.' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('evaluation_followup').values({ reflection_id: first.id, position: 1, task: 'Unterlagen vorab verschicken', owner: 'Projektleitung', due_on: '2018-08-01', status: 'done', outcome: 'Seit der Schulung im September umgesetzt.' }).execute();
  const second = await db.insertInto('evaluation_reflection').values({ held_on: '2018-08-10', agenda: 'Vorbereitung des hessenweiten Treffens', decisions: 'Workshops parallel anbieten.' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('evaluation_followup').values({ reflection_id: second.id, position: 1, task: 'Moderation der Workshops klären', owner: 'Projektleitung', due_on: '2018-08-20' }).execute();
  await sql`select 1`.execute(db);
}
