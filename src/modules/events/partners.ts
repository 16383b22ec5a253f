import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { DirectoryScope } from '../organisations/index.js';
import { resolveOrganisationName } from '../organisations/index.js';
import { pickInputOf, pickOrganisation, type OrganisationPick } from '../organisations/index.js';

/**
 * An event's cooperation partners are organisations of the directory, picked
 * one per field (partner_0, partner_1, …) with the pick list
 * (organisations/pick.ts): a typo comes back as "Meinten Sie …?", and only
 * the explicit "create new" adds an organisation. They are stored as the
 * directory's names, one per line, in event.cooperation_partners, so that
 * the calendar, the iCalendar feed and the erasure of an organisation keep
 * working on the column they know.
 */

/** Partner fields a form offers at most. */
export const maxPartners = 10;
/** Empty fields offered below the partners named, to add more without JavaScript. */
export const spareFields = 2;

export interface PartnerField {
  /** The field's name: partner_0, partner_1, … */
  name: string;
  value: string;
  chosenId?: string;
  choice?: string;
  asked?: string;
  /** Set when the field's name was asked about. */
  pick?: OrganisationPick;
}

/** The partner fields of a posted form; a form with the older one-per-line text field counts each line as one. */
export function partnerFieldsOf(body: Record<string, unknown>): PartnerField[] {
  const fields: PartnerField[] = [];
  for (let index = 0; index < maxPartners; index++) {
    const name = `partner_${index}`;
    if (!(name in body)) continue;
    const input = pickInputOf(body, name);
    fields.push({ name, value: input.name, chosenId: input.chosenId, choice: input.choice, asked: input.asked });
  }
  if (fields.length === 0 && typeof body.cooperation_partners === 'string') {
    body.cooperation_partners.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, maxPartners)
      .forEach((line, index) => fields.push({ name: `partner_${index}`, value: line }));
  }
  return fields;
}

/** The fields a form shows for stored partners: one per line, then the spare ones. */
export function partnerFieldsFor(lines: string | null | undefined, given: PartnerField[] = []): PartnerField[] {
  const named = given.length > 0 ? given.filter((field) => field.value.trim() !== '' || field.pick) : (lines ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((value, index) => ({ name: `partner_${index}`, value }));
  const total = Math.min(maxPartners, named.length + spareFields);
  return Array.from({ length: total }, (_, index) => ({ ...(named[index] ?? { value: '' }), name: `partner_${index}` }));
}

export type PartnerOutcome =
  | { ok: true; names: string[]; toCreate: string[] }
  | { ok: false; fields: PartnerField[]; asking: PartnerField[] };

/** What the partner fields mean; reads only. `toCreate`: names the person chose to create (createPartners, in the event's transaction). */
export async function resolvePartners(db: Kysely<Database>, scope: DirectoryScope, body: Record<string, unknown>): Promise<PartnerOutcome> {
  const fields = partnerFieldsOf(body);
  const names: string[] = [];
  const toCreate: string[] = [];
  const resolved: PartnerField[] = [];
  for (const field of fields) {
    const pick = await pickOrganisation(db, scope, { name: field.value, chosenId: field.chosenId, choice: field.choice, asked: field.asked });
    if (pick.kind === 'chosen') names.push(pick.name);
    if (pick.kind === 'create') {
      names.push(pick.name);
      toCreate.push(pick.name);
    }
    resolved.push(pick.kind === 'ask' ? { ...field, pick } : field);
  }
  const asking = resolved.filter((field) => field.pick?.kind === 'ask');
  if (asking.length > 0) return { ok: false, fields: resolved, asking };
  return { ok: true, names: [...new Set(names)], toCreate };
}

/** Creates the organisations the person chose to create, flagged for review; call in the event's transaction. */
export async function createPartners(trx: Kysely<Database>, names: string[]): Promise<void> {
  for (const name of names) await resolveOrganisationName(trx, name, { createdFrom: 'staff' });
}
