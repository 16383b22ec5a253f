import { z } from 'zod';
import { eventFormats } from '../../db/tables.js';
import { fieldsOfActivity, legalForms, orientations } from '../names/index.js';
import { amount, choice, date, email, foundedYear, integer, language, list, organisationName, organisationNames, postcode, rating, text } from './cells.js';

/**
 * One schema per list (spec/exchange.md, "Files"). Keys are the spec's column
 * names; a column missing from the file reads as empty cells. `required`
 * names the columns the header must have.
 */

export type ImportKind = 'organizations' | 'events' | 'participants' | 'feedback' | 'consultations' | 'grants';
export const importKinds: readonly ImportKind[] = ['organizations', 'events', 'participants', 'feedback', 'consultations', 'grants'];

// spec/exchange.md: the tokens of each enumeration, written exactly like this
export { fieldsOfActivity, legalForms, orientations }; // kept in names/vocabulary.ts, shared with organisations
export { eventFormats };
export const organizers = ['centre', 'partner'] as const;
export const consultationChannels = ['phone', 'in_person', 'email', 'video'] as const;
export const applicationTypes = ['new', 'follow_up'] as const;
export const grantStatuses = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;

const key = () => text({ required: true, max: 200 });

export const organizationsSchema = z.object({
  org_key: key(),
  name: organisationName({ required: true }),
  aliases: organisationNames(),
  legal_form: choice(legalForms),
  founded_year: foundedYear(),
  orientation: choice(orientations),
  municipality: text({ max: 200 }),
  district: text({ max: 200 }),
  postcode: postcode(),
  fields: list(fieldsOfActivity),
  email: email(),
  website: text({ max: 300 }),
  phone: text({ max: 100 }),
});

export const eventsSchema = z.object({
  event_key: key(),
  title: text({ required: true, max: 300 }),
  format: choice(eventFormats, { required: true }),
  start_date: date({ required: true }),
  organizer: choice(organizers).transform((value) => value ?? 'centre'),
  municipality: text({ max: 200 }),
  district: text({ max: 200 }),
  capacity: integer({ min: 0, max: 100_000 }),
  per_org_limit: integer({ min: 1, max: 100_000 }),
});

export const participantsSchema = z.object({
  event_key: key(),
  organization: organisationName(),
  person: text({ max: 200 }),
  email: email(),
});

/** q1 … q10: the form's rating questions in order. */
export const ratingColumns = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'] as const;
export const commentColumns = ['comment_more', 'comment_improve'] as const;

export const feedbackSchema = z.object({
  event_key: key(),
  response_key: key(),
  ...Object.fromEntries(ratingColumns.map((column) => [column, rating()])) as Record<(typeof ratingColumns)[number], ReturnType<typeof rating>>,
  comment_more: text({ max: 5000 }),
  comment_improve: text({ max: 5000 }),
  language: language(),
});

export const consultationsSchema = z.object({
  date: date({ required: true }),
  organization: organisationName({ required: true }),
  channel: choice(consultationChannels, { required: true }),
  topic: text({ max: 300 }).transform((value) => value ?? ''),
  duration_minutes: integer({ min: 0, max: 1440 }),
});

export const grantsSchema = z.object({
  year: integer({ min: 2000, max: 2100, required: true }),
  organization: organisationName({ required: true }),
  // spec: also Erstantrag / Folgeantrag, as the funder's list writes them
  application_type: choice(applicationTypes, { required: true, aliases: { Erstantrag: 'new', Folgeantrag: 'follow_up' } }),
  status: choice(grantStatuses, { required: true }),
  approved_on: date(),
  summary: text({ max: 5000 }),
  amount_eur: amount(),
  duration_months: integer({ min: 1, max: 24 }),
});

export const importSchemas = {
  organizations: { schema: organizationsSchema, required: ['org_key', 'name'] },
  events: { schema: eventsSchema, required: ['event_key', 'title', 'format', 'start_date'] },
  participants: { schema: participantsSchema, required: ['event_key'] },
  feedback: { schema: feedbackSchema, required: ['event_key', 'response_key'] },
  consultations: { schema: consultationsSchema, required: ['date', 'organization', 'channel'] },
  grants: { schema: grantsSchema, required: ['year', 'organization', 'application_type', 'status'] },
} satisfies Record<ImportKind, { schema: z.ZodObject; required: string[] }>;

export type OrganizationRow = z.output<typeof organizationsSchema>;
export type EventRow = z.output<typeof eventsSchema>;
export type ParticipantRow = z.output<typeof participantsSchema>;
export type FeedbackRow = z.output<typeof feedbackSchema>;
export type ConsultationRow = z.output<typeof consultationsSchema>;
export type GrantRow = z.output<typeof grantsSchema>;

/** The columns a file of this kind may have. */
export const columnsOf = (kind: ImportKind): string[] => Object.keys(importSchemas[kind].schema.shape);
