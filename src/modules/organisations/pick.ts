import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { inScope, searchOrganisations, type DirectoryScope } from './directory.js';
import { findOrganisationIds } from './matching.js';
import { normaliseName } from '../names/index.js';

/**
 * Which organisation staff mean when they name one on a form (consultations,
 * an event's partners, a registration taken by phone). A typo must not
 * create an organisation: a name that is not exactly one in the directory
 * (by its normalised form, spec/exchange.md) comes back as a question,
 * "Meinten Sie …?", with the nearest names of the directory and the explicit
 * choice to create it. Only that choice creates one (docs/decisions.md,
 * "Organisations picked, not typed").
 *
 * The form fields, for a pick list named `field` (src/ui/pick-list.tsx):
 *  - `field`          the name as typed;
 *  - `field_id`       the organisation chosen from the live suggestions (or
 *                     the one stored, when editing); counts while the typed
 *                     name is one of its names;
 *  - `field_choice`   on the question step: a candidate's id, or "new";
 *  - `field_asked`    the name the question was asked for: a changed name
 *                     asks again instead of applying an old answer.
 */

export interface PickCandidate {
  id: number;
  name: string;
  /** The name or alias that matched the typed text, when it is not the name itself. */
  matchedName: string | null;
  municipality: string | null;
}

export type OrganisationPick =
  /** No name (a letter or digit) was given. */
  | { kind: 'none' }
  /** An organisation of the directory. */
  | { kind: 'chosen'; organisationId: number; name: string }
  /** The person said: create a new organisation with this name. */
  | { kind: 'create'; name: string }
  /** Not known by that name: the form comes back with these candidates. */
  | { kind: 'ask'; name: string; candidates: PickCandidate[] };

export interface PickInput {
  name: string;
  /** `field_id`: a suggestion picked with JavaScript, or the organisation stored. */
  chosenId?: string;
  /** `field_choice`: a candidate's id, or "new". */
  choice?: string;
  /** `field_asked`: the name the candidates were shown for. */
  asked?: string;
}

/** How many candidates the question and the live suggestions show. */
export const candidateCount = 8;

const idOf = (text: string | undefined) => (text !== undefined && /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);

/** The pick-list fields of a submitted form, for the pick list named `field`. */
export function pickInputOf(body: Record<string, unknown>, field: string): PickInput {
  const text = (key: string) => {
    const value = body[key];
    return String((Array.isArray(value) ? value[0] : value) ?? '');
  };
  return { name: text(field), chosenId: text(`${field}_id`), choice: text(`${field}_choice`), asked: text(`${field}_asked`) };
}

/** The nearest names of the directory the account may see (a coordinator: their districts). */
export async function organisationCandidates(db: Kysely<Database>, scope: DirectoryScope, text: string, limit = candidateCount): Promise<PickCandidate[]> {
  if (normaliseName(text) === '') return [];
  const page = await searchOrganisations(db, scope, { q: text, sort: 'relevance', limit, offset: 0 });
  return page.items.map((item) => ({
    id: item.id,
    name: item.name,
    matchedName: item.matchedName !== null && item.matchedName !== item.name ? item.matchedName : null,
    municipality: item.municipality,
  }));
}

/** Decides what a pick list's fields mean; reads only, never creates (the caller creates in its own transaction). */
export async function pickOrganisation(db: Kysely<Database>, scope: DirectoryScope, input: PickInput): Promise<OrganisationPick> {
  const name = input.name.trim();
  const normalised = normaliseName(name);
  if (normalised === '') return { kind: 'none' };
  const answered = input.asked !== undefined && normaliseName(input.asked) === normalised;
  const choice = answered ? (input.choice ?? '').trim() : '';
  if (choice === 'new') return { kind: 'create', name };
  const choiceId = idOf(choice);
  if (choiceId !== null) {
    // a candidate the account could have been shown (a coordinator: their districts)
    const chosen = await organisationById(db, choiceId);
    if (chosen && inScope(scope, chosen.district)) return { kind: 'chosen', organisationId: chosen.id, name: chosen.name };
  }
  const pickedId = idOf(input.chosenId);
  if (pickedId !== null) {
    // the suggestion counts while the text is still one of its names (not when typed over)
    const names = await db.selectFrom('organisation_name').select('normalised_name').where('organisation_id', '=', pickedId).execute();
    const picked = names.some((row) => row.normalised_name === normalised) ? await organisationById(db, pickedId) : undefined;
    if (picked) return { kind: 'chosen', organisationId: picked.id, name: picked.name };
  }
  // exactly a name or alias of the directory: that organisation, as lists are matched
  const known = (await findOrganisationIds(db, [normalised])).get(normalised);
  const exact = known === undefined ? undefined : await organisationById(db, known);
  if (exact) return { kind: 'chosen', organisationId: exact.id, name: exact.name };
  return { kind: 'ask', name, candidates: await organisationCandidates(db, scope, name) };
}

const organisationById = (db: Kysely<Database>, id: number) => db.selectFrom('organisation').select(['id', 'name', 'district']).where('id', '=', id).executeTakeFirst();
