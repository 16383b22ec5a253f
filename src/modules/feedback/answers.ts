import type { FormQuestion } from './queries.js';

/**
 * Reads the answers of one returned form from submitted fields, one field per
 * question named q<position>. Ratings are school grades 1 (sehr gut) to 4;
 * an empty field (or "none") is "keine Angabe". Anything else — the annex's
 * "16" — is refused with the question it belongs to, and nothing is stored.
 */

export interface Answer {
  question_id: number;
  rating: number | null;
  yes_no: boolean | null;
  text_value: string | null;
}

export type AnswerProblem = 'outOfScale' | 'yesNo' | 'tooLong';

export interface AnswerError {
  field: string;
  question: FormQuestion;
  problem: AnswerProblem;
  value: string;
}

export const maxTextLength = 2000;
export const fieldOf = (question: FormQuestion) => `q${question.position}`;

const yesWords = new Set(['yes', 'ja', 'j', 'y']);
const noWords = new Set(['no', 'nein', 'n']);

export function readAnswers(questions: FormQuestion[], fields: Record<string, unknown>): { answers: Answer[]; errors: AnswerError[]; values: Record<string, string> } {
  const answers: Answer[] = [];
  const errors: AnswerError[] = [];
  const values: Record<string, string> = {};
  for (const question of questions) {
    const field = fieldOf(question);
    const raw = fields[field];
    const value = (typeof raw === 'string' ? raw : '').trim();
    values[field] = value;
    if (value === '' || value === 'none') continue;
    const refuse = (problem: AnswerProblem) => errors.push({ field, question, problem, value });
    if (question.kind === 'rating') {
      if (/^[1-4]$/.test(value)) answers.push({ question_id: question.id, rating: Number(value), yes_no: null, text_value: null });
      else refuse('outOfScale');
    } else if (question.kind === 'yes_no') {
      const word = value.toLowerCase();
      if (yesWords.has(word)) answers.push({ question_id: question.id, rating: null, yes_no: true, text_value: null });
      else if (noWords.has(word)) answers.push({ question_id: question.id, rating: null, yes_no: false, text_value: null });
      else refuse('yesNo');
    } else if (value.length > maxTextLength) refuse('tooLong');
    else answers.push({ question_id: question.id, rating: null, yes_no: null, text_value: value });
  }
  return { answers, errors, values };
}
