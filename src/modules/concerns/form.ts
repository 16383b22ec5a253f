import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { findOrganisationIds } from '../organisations/index.js';
import { normaliseName } from '../names/index.js';
import type { EntryInputDraft, FieldProblem } from './input.js';
import type { SourceKind } from './tables.js';

/**
 * The staff forms as plain data: a body of strings (and lists of strings for
 * checkboxes) becomes an entry draft for the Zod schema of input.ts. Named
 * organisations are looked up by their exact directory name (one per line):
 * a name that is not in the directory comes back as a problem naming it,
 * never as a new organisation.
 */

export type FormBody = Record<string, string | string[] | undefined>;

export const text = (body: FormBody, name: string): string => {
  const value = body[name];
  return (Array.isArray(value) ? value[0] : value ?? '').trim();
};
export const list = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => item.trim()).filter((item) => item !== '');
};
export const idOf = (value: string): number | null => (/^\d{1,9}$/.test(value) ? Number(value) : null);

/** The organisations of a form: checked ids plus names typed one per line; unknown names are problems. */
export async function organisationsOf(db: Kysely<Database>, body: FormBody, prefix = '', row?: number): Promise<{ ids: number[]; problems: FieldProblem[] }> {
  const ids = list(body, `${prefix}organisationId`).map(idOf).filter((id): id is number => id !== null);
  const names = text(body, `${prefix}organisationNames`).split('\n').map((name) => name.trim()).filter((name) => name !== '');
  const found = await findOrganisationIds(db, names.map(normaliseName));
  const problems: FieldProblem[] = [];
  for (const name of names) {
    const id = found.get(normaliseName(name));
    if (id === undefined) problems.push({ field: `${prefix}organisationNames`, code: 'organisationNotFound', row });
    else ids.push(id);
  }
  return { ids: [...new Set(ids)], problems };
}

/** The entry form's fields as a draft (the source comes from hidden fields: where the entry was raised). */
export function draftOf(body: FormBody, organisationIds: number[], prefix = ''): EntryInputDraft {
  const field = (name: string) => text(body, `${prefix}${name}`);
  const sourceKind = (text(body, 'sourceKind') || 'other') as SourceKind;
  return {
    kind: field('kind') as EntryInputDraft['kind'],
    title: field('title'),
    description: field('description'),
    topic: field('topic') as EntryInputDraft['topic'],
    raisedOn: field('raisedOn') || text(body, 'raisedOn'),
    district: field('district') || null,
    organisationIds,
    source: {
      kind: sourceKind,
      eventId: idOf(text(body, 'eventId')),
      feedbackResponseId: idOf(text(body, 'responseId')),
      feedbackQuestionId: idOf(text(body, 'questionId')),
      consultationId: idOf(text(body, 'consultationId')),
      note: text(body, 'sourceNote'),
    },
    isPublic: field('isPublic') === 'yes',
    publicWording: field('publicWording'),
  };
}
