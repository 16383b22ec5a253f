import { z } from 'zod';
import { concernStates, entryKinds, needStates, sourceKinds, translatedLanguages } from './tables.js';
import { concernTopics } from './vocabulary.js';

/**
 * What an entry is made of, one Zod schema shared by the staff form, the
 * workshop results page, and recordNeed (other modules: the evaluator's
 * observations, the self-check). Messages are i18n keys under
 * concerns.errors; each names its field.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dateInvalid').refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'dateInvalid');

export const sourceInput = z.object({
  kind: z.enum(sourceKinds),
  eventId: z.number().int().positive().nullable().default(null),
  feedbackResponseId: z.number().int().positive().nullable().default(null),
  feedbackQuestionId: z.number().int().positive().nullable().default(null),
  consultationId: z.number().int().positive().nullable().default(null),
  note: z.string().trim().max(500, 'noteTooLong').default(''),
});
export type SourceInput = z.infer<typeof sourceInput>;

export const entryInput = z.object({
  kind: z.enum(entryKinds, { message: 'kindMissing' }),
  title: z.string().trim().min(1, 'titleMissing').max(300, 'titleTooLong'),
  /** The title in other languages, from another module (the Vereins-Check's item); the staff forms send none. */
  titleTranslations: z.partialRecord(z.enum(translatedLanguages), z.string().trim().min(1, 'titleMissing').max(300, 'titleTooLong')).default({}),
  description: z.string().trim().max(5000, 'descriptionTooLong').default(''),
  topic: z.enum(concernTopics, { message: 'topicMissing' }),
  raisedOn: day,
  district: z.string().trim().max(100).nullable().default(null),
  organisationIds: z.array(z.number().int().positive()).max(500).default([]),
  source: sourceInput,
  isPublic: z.boolean().default(false),
  publicWording: z.string().trim().max(2000, 'publicWordingTooLong').default(''),
});
export type EntryInput = z.infer<typeof entryInput>;
export type EntryInputDraft = z.input<typeof entryInput>;

export const stateValues = [...needStates, ...concernStates] as const;

/** A concern's next step on its way (the state form and the minutes). */
export const stateInput = z.object({
  state: z.enum(concernStates, { message: 'stateMissing' }),
  forwardedOn: day.nullable().default(null),
  meetingId: z.number().int().positive().nullable().default(null),
  answer: z.string().trim().max(5000, 'answerTooLong').optional(),
  note: z.string().trim().max(2000, 'noteTooLong').default(''),
});
export type StateInput = z.infer<typeof stateInput>;

export interface FieldProblem {
  field: string;
  code: string;
  /** The row of a list (workshop results), 1-based. */
  row?: number;
}

/** Zod issues as field problems; the message is the i18n code. */
export function problemsOf(error: z.ZodError, row?: number): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || 'form', code: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid', row }));
}
