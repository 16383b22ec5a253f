import { z } from 'zod';
import { publicLanguages } from '../../i18n/index.js';
import { faqStates, type FaqState } from './tables.js';
import { isFaqTopic } from './vocabulary.js';

/** What staff enter about an entry: topic, state, review date, order, and question and answer per language. */
export interface FaqEntryInput {
  topic: string;
  state: FaqState;
  reviewedOn: string | null;
  position: number;
  /** German is required; other languages have both question and answer, or neither. */
  translations: { language: string; question: string; answer: string }[];
}

export const faqBody = z.record(z.string(), z.string()).default({});

export interface FormProblem {
  field: string;
  code: string;
}

export function parseFaqForm(body: Record<string, string>): { input: FaqEntryInput; problems: FormProblem[] } {
  const text = (name: string) => (body[name] ?? '').trim();
  const problems: FormProblem[] = [];
  const state = faqStates.includes(text('state') as FaqState) ? (text('state') as FaqState) : 'draft';
  const reviewedOn = /^\d{4}-\d{2}-\d{2}$/.test(text('reviewedOn')) && !Number.isNaN(Date.parse(text('reviewedOn'))) ? text('reviewedOn') : null;
  if (text('reviewedOn') !== '' && reviewedOn === null) problems.push({ field: 'reviewedOn', code: 'dateInvalid' });
  if (!isFaqTopic(text('topic'))) problems.push({ field: 'topic', code: 'topicMissing' });
  if (state === 'published' && reviewedOn === null && text('reviewedOn') === '') problems.push({ field: 'reviewedOn', code: 'reviewBeforePublishing' });
  const position = Number.parseInt(text('position') || '0', 10);
  const translations: FaqEntryInput['translations'] = [];
  for (const language of publicLanguages) {
    const question = text(`question_${language}`).slice(0, 500);
    const answer = text(`answer_${language}`).slice(0, 10000);
    if (question && answer) translations.push({ language, question, answer });
    else if (language === 'de' || question || answer) problems.push({ field: question ? `answer_${language}` : `question_${language}`, code: question ? 'answerMissing' : 'questionMissing' });
  }
  return { input: { topic: text('topic'), state, reviewedOn, position: Number.isFinite(position) ? Math.max(0, Math.min(position, 10000)) : 0, translations }, problems };
}
