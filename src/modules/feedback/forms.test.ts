import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';
import { csv } from '../../../test/fixtures/imports/helpers.js';
import type { EventFormat } from '../../db/tables.js';
import { importFile } from '../imports/index.js';
import { assignDefaultForm, defaultQuestions, ensureTemplateForm, ensureTemplateForms } from './forms.js';

const formats = Object.keys(defaultQuestions) as EventFormat[];
const ratingTexts = (format: EventFormat) => defaultQuestions[format].filter((question) => question.kind === 'rating').map((question) => question.texts.de);
const openKeys = (format: EventFormat) => defaultQuestions[format].filter((question) => question.kind === 'open').map((question) => question.key);

describe('default feedback forms (spec/exchange.md; reference/figures.md, "Feedback forms")', () => {
  it('give regional networking meetings 4 rating questions, dialogue forums (a meeting too, not a training) 4, and every other format 5', () => {
    expect(ratingTexts('regional_network_meeting')).toHaveLength(4);
    expect(ratingTexts('dialogue_forum')).toHaveLength(4);
    const meetings: string[] = ['regional_network_meeting', 'dialogue_forum'];
    for (const format of formats.filter((format) => !meetings.includes(format))) expect(ratingTexts(format), format).toHaveLength(5);
  });

  it('end with the open questions comment_more and comment_improve, after the rating questions', () => {
    for (const format of formats) {
      expect(openKeys(format), format).toEqual(['comment_more', 'comment_improve']);
      const kinds = defaultQuestions[format].map((question) => question.kind);
      expect(kinds.lastIndexOf('rating'), format).toBeLessThan(kinds.indexOf('open'));
      for (const question of defaultQuestions[format]) expect(question.texts.en.length, format).toBeGreaterThan(0);
    }
  });

  it('ask the questions of the evaluation report', () => {
    expect(ratingTexts('regional_network_meeting')).toEqual([
      'Wie hat Ihnen das Netzwerktreffen gefallen?',
      'Waren die Mitarbeiterinnen gut vorbereitet?',
      'Konnten Sie Ihre Themen und Ideen gut vorstellen?',
      'Wie fanden Sie die Stimmung heute?',
    ]);
    expect(defaultQuestions.regional_network_meeting.filter((question) => question.kind === 'open').map((question) => question.texts.de)).toEqual([
      'Was ist Ihnen wichtig in der gemeinsamen Zusammenarbeit?',
      'Was hat Ihnen nicht so gut gefallen? Was könnten wir verbessern?',
    ]);
    expect(ratingTexts('state_network_meeting')).toEqual([
      'Wie hat Ihnen die Veranstaltung gefallen?',
      'Wie fanden Sie die Redebeiträge / den Vortrag?',
      'Wie wichtig fanden Sie die Themen für die Workshops?',
      'Konnten Sie in dem Workshop Ihre Themen gut einbringen?',
      'Wie fanden Sie die Stimmung heute?',
    ]);
    expect(defaultQuestions.state_network_meeting.filter((question) => question.kind !== 'rating').map((question) => question.texts.de)).toEqual([
      'Wünschen Sie sich in Zukunft regelmäßige Vernetzungstreffen?',
      'Was möchten Sie uns noch sagen?',
      'Was hat Ihnen nicht so gut gefallen? Was können wir verbessern?',
    ]);
    const trainingStart = ['Wie hat Ihnen die Schulung gefallen?', 'Waren die Referentinnen gut vorbereitet?', 'Konnten Sie Ihre Themen gut einbringen und Ihre Fragen stellen?'];
    const selfAssessment: Partial<Record<EventFormat, string>> = {
      training_application: 'Sind Sie jetzt in der Lage, eigenständig einen Projektantrag zu stellen?',
      training_implementation: 'Fühlen Sie sich jetzt besser vorbereitet, das Mikroprojekt umzusetzen?',
      training_reporting: 'Fühlen Sie sich jetzt besser vorbereitet, den Sachbericht und den Verwendungsnachweis zu erstellen?',
      writing_workshop: 'Wie hat sich Ihre Schreibkompetenz verbessert?',
    };
    for (const [format, fourth] of Object.entries(selfAssessment) as [EventFormat, string][]) {
      expect(ratingTexts(format), format).toEqual([...trainingStart, fourth, 'Wie fanden Sie die Stimmung heute?']);
      expect(defaultQuestions[format].filter((question) => question.kind === 'open').map((question) => question.texts.de), format).toEqual([
        'Was möchten Sie noch sagen?',
        'Was hat Ihnen nicht so gut gefallen? Was könnten wir verbessern?',
      ]);
    }
  });
});

describe(`feedback forms in the database on ${testEngine}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  const questionsOf = async (formId: number) =>
    (await database.db.selectFrom('feedback_question').select(['position', 'kind', 'key', 'texts']).where('form_id', '=', formId).orderBy('position').execute()).map((question) => ({
      ...question,
      texts: typeof question.texts === 'string' ? JSON.parse(question.texts) : question.texts,
    }));

  it('creates one template per format, also when asked twice at once', async () => {
    const [first, second] = await Promise.all([ensureTemplateForm(database.db, 'pr_training'), ensureTemplateForm(database.db, 'pr_training')]);
    expect(first).toBe(second);
    const templates = await ensureTemplateForms(database.db);
    expect(templates.size).toBe(formats.length);
    expect(templates.get('pr_training')).toBe(first);
    const { rows } = await sql<{ n: number }>`select count(*) as n from feedback_form where is_template`.execute(database.db);
    expect(rows[0].n).toBe(formats.length);
    expect((await questionsOf(templates.get('regional_network_meeting')!)).map((question) => question.kind)).toEqual(['rating', 'rating', 'rating', 'rating', 'open', 'open']);
  });

  it('gives every imported event its own copy of its format form', async () => {
    const outcome = await importFile(database.db, 'events', csv([
      'event_key,title,format,start_date',
      'ev-a,Netzwerktreffen Kassel,regional_network_meeting,25.11.2017',
      'ev-b,Netzwerktreffen Langen,regional_network_meeting,15.11.2018',
      'ev-c,Schulung Sachbericht,training_reporting,10.02.2018',
    ]));
    expect(outcome.stored).toBe(true);
    const events = await database.db.selectFrom('event').select(['event_key', 'format', 'feedback_form_id']).orderBy('event_key').execute();
    const formIds = events.map((event) => event.feedback_form_id!);
    expect(new Set(formIds).size).toBe(3);
    const templates = await ensureTemplateForms(database.db);
    for (const event of events) {
      const form = await database.db.selectFrom('feedback_form').selectAll().where('id', '=', event.feedback_form_id!).executeTakeFirstOrThrow();
      expect(form).toMatchObject({ is_template: false, format: event.format });
      const strip = (questions: Awaited<ReturnType<typeof questionsOf>>) => questions.map(({ position, kind, key, texts }) => ({ position, kind, key, texts }));
      expect(strip(await questionsOf(form.id))).toEqual(strip(await questionsOf(templates.get(event.format)!)));
    }
  });

  it('keeps an event form as it was when the template changes later', async () => {
    const template = await ensureTemplateForm(database.db, 'writing_workshop');
    const event = await makeEvent(database.db, { eventKey: 'ev-w', title: 'Schreibwerkstatt', format: 'writing_workshop', startDate: '2017-12-16', organizer: 'centre' });
    const own = await assignDefaultForm(database.db, event.id, 'writing_workshop');
    await database.db.updateTable('feedback_question').set({ texts: JSON.stringify({ de: 'Geändert', en: 'Changed' }) }).where('form_id', '=', template).where('position', '=', 1).execute();
    expect((await questionsOf(own))[0].texts.de).toBe('Wie hat Ihnen die Schulung gefallen?');
    const stored = await database.db.selectFrom('event').select('feedback_form_id').where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(stored.feedback_form_id).toBe(own);
  });
});
