import { sql, type Kysely } from 'kysely';
import type { Database, EventFormat, QuestionKind } from '../../db/tables.js';

/**
 * The default feedback form of every event format, with the question texts of
 * the evaluation report's annex (reference/figures.md, "Feedback forms").
 * Ratings are school grades 1 (sehr gut) to 4. Rating questions come first
 * (positions 1..n, the import's q1..qn), then yes/no, then the open questions
 * the import names comment_more and comment_improve.
 */

export interface QuestionTemplate {
  kind: QuestionKind;
  key: string | null;
  texts: { de: string; en: string };
}

const rating = (de: string, en: string): QuestionTemplate => ({ kind: 'rating', key: null, texts: { de, en } });
const open = (key: 'comment_more' | 'comment_improve', de: string, en: string): QuestionTemplate => ({ kind: 'open', key, texts: { de, en } });

const mood = rating('Wie fanden Sie die Stimmung heute?', 'How did you find the atmosphere today?');
const improveCould = open('comment_improve', 'Was hat Ihnen nicht so gut gefallen? Was könnten wir verbessern?', 'What did you not like so much? What could we improve?');

/** Trainings share four questions; the fourth is a self-assessment specific to the format. */
function training(selfAssessment: QuestionTemplate, event = { de: 'die Schulung', en: 'the training' }): QuestionTemplate[] {
  return [
    rating(`Wie hat Ihnen ${event.de} gefallen?`, `How did you like ${event.en}?`),
    rating('Waren die Referentinnen gut vorbereitet?', 'Were the trainers well prepared?'),
    rating('Konnten Sie Ihre Themen gut einbringen und Ihre Fragen stellen?', 'Could you bring in your topics and ask your questions?'),
    selfAssessment,
    mood,
    open('comment_more', 'Was möchten Sie noch sagen?', 'What else would you like to say?'),
    improveCould,
  ];
}

export const defaultQuestions: Record<EventFormat, QuestionTemplate[]> = {
  regional_network_meeting: [
    rating('Wie hat Ihnen das Netzwerktreffen gefallen?', 'How did you like the network meeting?'),
    rating('Waren die Mitarbeiterinnen gut vorbereitet?', 'Were the staff well prepared?'),
    rating('Konnten Sie Ihre Themen und Ideen gut vorstellen?', 'Could you present your topics and ideas well?'),
    mood,
    open('comment_more', 'Was ist Ihnen wichtig in der gemeinsamen Zusammenarbeit?', 'What matters to you in working together?'),
    improveCould,
  ],
  state_network_meeting: [
    rating('Wie hat Ihnen die Veranstaltung gefallen?', 'How did you like the event?'),
    rating('Wie fanden Sie die Redebeiträge / den Vortrag?', 'How did you find the speeches / the talk?'),
    rating('Wie wichtig fanden Sie die Themen für die Workshops?', 'How important did you find the topics of the workshops?'),
    rating('Konnten Sie in dem Workshop Ihre Themen gut einbringen?', 'Could you bring in your topics in the workshop?'),
    mood,
    {
      kind: 'yes_no',
      key: 'wants_regular_meetings',
      texts: { de: 'Wünschen Sie sich in Zukunft regelmäßige Vernetzungstreffen?', en: 'Would you like regular network meetings in the future?' },
    },
    open('comment_more', 'Was möchten Sie uns noch sagen?', 'What else would you like to tell us?'),
    open('comment_improve', 'Was hat Ihnen nicht so gut gefallen? Was können wir verbessern?', 'What did you not like so much? What can we improve?'),
  ],
  training_application: training(
    rating('Sind Sie jetzt in der Lage, eigenständig einen Projektantrag zu stellen?', 'Are you now able to submit a project application on your own?'),
  ),
  training_implementation: training(
    rating('Fühlen Sie sich jetzt besser vorbereitet, das Mikroprojekt umzusetzen?', 'Do you now feel better prepared to carry out the micro-project?'),
  ),
  training_reporting: training(
    rating(
      'Fühlen Sie sich jetzt besser vorbereitet, den Sachbericht und den Verwendungsnachweis zu erstellen?',
      'Do you now feel better prepared to write the project report (Sachbericht) and the proof of use of funds (Verwendungsnachweis)?',
    ),
  ),
  writing_workshop: training(rating('Wie hat sich Ihre Schreibkompetenz verbessert?', 'How has your writing improved?')),
  pr_training: training(rating('Fühlen Sie sich jetzt sicherer in der Öffentlichkeitsarbeit?', 'Do you now feel more confident in public relations work?')),
  // issue 15 (report 7): the forum between a municipal administration and associations
  dialogue_forum: [
    rating('Wie hat Ihnen das Dialogforum gefallen?', 'How did you like the dialogue forum?'),
    rating('Hat die Moderation allen das Wort gegeben?', 'Did the moderation give everyone a say?'),
    rating('Konnten Sie Ihre Anliegen gegenüber der Verwaltung gut einbringen?', 'Could you bring your concerns to the administration?'),
    mood,
    open('comment_more', 'Welche Vereinbarung ist Ihnen am wichtigsten?', 'Which agreement matters most to you?'),
    improveCould,
  ],
  other: training(
    rating('Können Sie das Gelernte in Ihrer Vereinsarbeit nutzen?', 'Can you use what you learned in the work of your association?'),
    { de: 'die Veranstaltung', en: 'the event' },
  ),
};

/** Form names as staff see them (German; the interface translates from the format). */
export const formNames: Record<EventFormat, string> = {
  regional_network_meeting: 'Rückmeldebogen Regionales Vernetzungstreffen',
  state_network_meeting: 'Rückmeldebogen Hessenweites Vernetzungstreffen',
  training_application: 'Rückmeldebogen Schulung Antragstellung',
  training_implementation: 'Rückmeldebogen Schulung Umsetzung',
  training_reporting: 'Rückmeldebogen Schulung Sachbericht und Verwendungsnachweis',
  writing_workshop: 'Rückmeldebogen Schreibwerkstatt',
  pr_training: 'Rückmeldebogen Qualifizierung Öffentlichkeitsarbeit',
  dialogue_forum: 'Rückmeldebogen Dialogforum',
  other: 'Rückmeldebogen Veranstaltung',
};

const formats = Object.keys(defaultQuestions) as EventFormat[];

/** Creates the template form of every format that has none yet; returns the template id per format. */
export async function ensureTemplateForms(db: Kysely<Database>): Promise<Map<EventFormat, number>> {
  const ids = new Map<EventFormat, number>();
  for (const format of formats) ids.set(format, await ensureTemplateForm(db, format));
  return ids;
}

/** The template of one format, created with its questions when missing (safe to call concurrently). */
export async function ensureTemplateForm(db: Kysely<Database>, format: EventFormat): Promise<number> {
  const existing = await templateId(db, format);
  if (existing !== undefined) return existing;
  const { rows } = await sql<{ id: number }>`
    insert into feedback_form (format, is_template, name) values (${format}, true, ${formNames[format]})
    on conflict (format) where is_template do nothing
    returning id`.execute(db);
  // someone else created it in the meantime
  if (rows.length === 0) return (await templateId(db, format))!;
  const formId = rows[0].id;
  await db
    .insertInto('feedback_question')
    .values(defaultQuestions[format].map((question, index) => ({ form_id: formId, position: index + 1, kind: question.kind, key: question.key, texts: JSON.stringify(question.texts) })))
    .execute();
  return formId;
}

async function templateId(db: Kysely<Database>, format: EventFormat): Promise<number | undefined> {
  const row = await db.selectFrom('feedback_form').select('id').where('is_template', '=', true).where('format', '=', format).executeTakeFirst();
  return row?.id;
}

/**
 * The questions an event of this format would get from assignDefaultForm,
 * read only (an import's preview): the template's, or the defaults when the
 * template does not exist yet, then with ids below zero (nothing answers them).
 */
export async function defaultFormQuestions(db: Kysely<Database>, format: EventFormat): Promise<{ id: number; kind: string; key: string | null }[]> {
  const template = await templateId(db, format);
  if (template === undefined) return defaultQuestions[format].map((question, index) => ({ id: -(index + 1), kind: question.kind, key: question.key ?? null }));
  return db.selectFrom('feedback_question').select(['id', 'kind', 'key']).where('form_id', '=', template).orderBy('position').execute();
}

/**
 * Gives an event its own copy of its format's template, so that later changes
 * to the template never change the questions of forms already answered.
 * Returns the new form's id.
 */
export async function assignDefaultForm(db: Kysely<Database>, eventId: number, format: EventFormat): Promise<number> {
  const template = await ensureTemplateForm(db, format);
  const { rows } = await sql<{ id: number }>`
    insert into feedback_form (format, is_template, name)
    select format, false, name from feedback_form where id = ${template}
    returning id`.execute(db);
  const formId = rows[0].id;
  await sql`
    insert into feedback_question (form_id, position, kind, key, texts)
    select ${formId}, position, kind, key, texts from feedback_question where form_id = ${template}`.execute(db);
  await db.updateTable('event').set({ feedback_form_id: formId }).where('id', '=', eventId).execute();
  return formId;
}
