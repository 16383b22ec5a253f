import { z } from 'zod';
import { fieldsOf } from '../../http/validation.js';
import { eventFormats } from '../../db/tables.js';
import { answers, textLanguages, type Answer } from './tables.js';

/**
 * The Zod schemas of the Vereins-Check's forms, shared by the pages and the
 * tests: one area's answers, and the staff's edit of an item (wording and
 * mapping). An error names its field by the form's name for it, and a code
 * that selfcheck.errors.<code> turns into what to do (de and en).
 */

export interface FieldProblem {
  field: string;
  code: string;
}

/** The form names of an item's answer and note; ids replace the dots, so that a link #id works everywhere. */
export const answerName = (key: string) => `a.${key}`;
export const noteName = (key: string) => `n.${key}`;
export const idOf = (name: string) => name.replace(/\./g, '-');

/** Leichte Sprache (easy-to-read German) of the items: ?easy=1 on every page of the check. */
export const wantsEasy = (request: { query: unknown }) => fieldsOf(request.query).easy === '1';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (value: unknown) => (typeof first(value) === 'string' ? (first(value) as string) : '');

export const noteMax = 2000;
const answerSchema = z.enum(answers);

export interface AreaAnswer {
  itemKey: string;
  /** null: left open (not yet answered; saving a draft keeps it open). */
  answer: Answer | null;
  note: string | null;
}

/** One area's answers from the posted fields; every item of the area is read, unknown fields are ignored. */
export function parseAreaAnswers(body: Record<string, unknown>, itemKeys: readonly string[]): { ok: true; values: AreaAnswer[] } | { ok: false; errors: FieldProblem[]; values: AreaAnswer[] } {
  const errors: FieldProblem[] = [];
  const values: AreaAnswer[] = [];
  for (const itemKey of itemKeys) {
    const raw = text(body[answerName(itemKey)]).trim();
    const parsed = raw === '' ? null : answerSchema.safeParse(raw);
    if (parsed && !parsed.success) errors.push({ field: answerName(itemKey), code: 'answer' });
    const note = text(body[noteName(itemKey)]).trim();
    if (note.length > noteMax) errors.push({ field: noteName(itemKey), code: 'noteTooLong' });
    values.push({ itemKey, answer: parsed?.success ? parsed.data : null, note: note === '' ? null : note.slice(0, noteMax) });
  }
  return errors.length > 0 ? { ok: false, errors, values } : { ok: true, values };
}

const topicCode = z.string().trim().regex(/^[a-z0-9_-]{1,60}$/);
const listOf = (value: unknown) => text(value).split(/[\s,;]+/).map((part) => part.trim()).filter(Boolean);

export interface ItemInput {
  texts: Record<string, string>;
  eventFormats: string[];
  wegweiserTopics: string[];
  consultationTopic: string | null;
  pinboardKinds: string[];
  active: boolean;
}

/**
 * The staff's edit of an item: German, English and Leichte Sprache are
 * required (German is what the platform shows first; the other four fall
 * back to German when empty), the formats from the events' list, Wegweiser
 * and consultation topics among those that exist.
 */
export function parseItemForm(body: Record<string, unknown>, known: { wegweiserTopics: readonly string[]; consultationTopics: readonly string[]; pinboardKinds: readonly string[] }): { ok: true; values: ItemInput } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const texts: Record<string, string> = {};
  for (const language of textLanguages) {
    const value = text(body[`text_${language}`]).trim();
    if (value.length > 500) errors.push({ field: `text_${language}`, code: 'textTooLong' });
    else if (value === '' && ['de', 'en', 'easy'].includes(language)) errors.push({ field: `text_${language}`, code: 'textRequired' });
    else if (value !== '') texts[language] = value;
  }
  const formats = [body.event_formats].flat().flatMap(listOf);
  const unknownFormat = formats.find((format) => !(eventFormats as readonly string[]).includes(format));
  if (unknownFormat) errors.push({ field: 'event_formats', code: 'eventFormat' });
  const topics = listOf(body.wegweiser_topics);
  if (topics.some((topic) => !topicCode.safeParse(topic).success || !known.wegweiserTopics.includes(topic))) errors.push({ field: 'wegweiser_topics', code: 'wegweiserTopic' });
  const consultationTopic = text(body.consultation_topic).trim();
  if (consultationTopic !== '' && !known.consultationTopics.includes(consultationTopic)) errors.push({ field: 'consultation_topic', code: 'consultationTopic' });
  const pinboardKinds = [body.pinboard_kinds].flat().flatMap(listOf);
  if (pinboardKinds.some((kind) => !known.pinboardKinds.includes(kind))) errors.push({ field: 'pinboard_kinds', code: 'pinboardKind' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: { texts, eventFormats: [...new Set(formats)], wegweiserTopics: [...new Set(topics)], consultationTopic: consultationTopic || null, pinboardKinds: [...new Set(pinboardKinds)], active: text(body.active) === '1' },
  };
}
