import { z } from 'zod';
import { emptyServiceInput, isLocationGiven, locationField, maxLocations, translatedLanguages, type LocationInput, type ServiceInput } from './input.js';
import type { Snapshot } from './snapshot.js';

/**
 * The staff form of an entry: what the browser sends (all strings, lists as
 * repeated fields) → ServiceInput. Checks live in input.ts, so that the form,
 * the import and the demo refuse the same things.
 */

const field = z.string().max(10_000).optional();
const list = z.union([z.string(), z.array(z.string())]).optional();
export const serviceFormBody = z.object({
  _csrf: field, organization: field, name: field, description: field, status: field, published: field, url: field, email: field, phone: field,
  application_process: field, fees_description: field, opening_hours: field, assurer_name: field, assurer_email: field, recheck_months: field,
  topics: list, areas: list, languages: field, address_1: field, postal_code: field, city: field, latitude: field, longitude: field,
  transportation: field, accessibility: field, easy_read_summary: field, easy_read_checked: field,
  ...Object.fromEntries(translatedLanguages.flatMap((language) => [[`name_${language}`, field], [`description_${language}`, field]])),
}).passthrough();
export type ServiceFormBody = z.infer<typeof serviceFormBody>;

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);
const asList = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat()).map((v) => v.trim()).filter(Boolean);
/** "49,87" or "49.87" → 49.87; '' → null; anything else → NaN (refused by input.ts). */
const coordinate = (value: string | undefined) => (value?.trim() ? Number(value.trim().replace(',', '.')) : null);

/** The fields of one location block; the form sends blocks 1 … maxLocations + 1 (the last one empty, to add a place). */
export const locationFields = ['address_1', 'postal_code', 'city', 'latitude', 'longitude', 'transportation', 'accessibility'] as const;

/** The location blocks that name a place, in the form's order (an emptied block removes its location). */
function locationsOf(b: Record<string, unknown>): LocationInput[] {
  const textOf = (name: string) => (typeof b[name] === 'string' ? (b[name] as string) : Array.isArray(b[name]) ? String((b[name] as unknown[])[0] ?? '') : undefined);
  const locations: LocationInput[] = [];
  // one block more than the form shows, so that a crafted form cannot add dozens unnoticed (input.ts refuses more than maxLocations)
  for (let position = 1; position <= maxLocations + 1; position++) {
    const field = (name: (typeof locationFields)[number]) => textOf(locationField(name, position));
    const location: LocationInput = {
      name: null, address_1: orNull(field('address_1')), postal_code: orNull(field('postal_code')), city: orNull(field('city')),
      latitude: coordinate(field('latitude')), longitude: coordinate(field('longitude')),
      transportation: orNull(field('transportation')), accessibility: orNull(field('accessibility')),
    };
    if (isLocationGiven(location)) locations.push(location);
  }
  return locations;
}

export function parseServiceForm(body: Record<string, unknown>): ServiceInput {
  const b = serviceFormBody.parse(body) as ServiceFormBody & Record<string, string | undefined>;
  const input = emptyServiceInput();
  return {
    ...input,
    organizationName: b.organization?.trim() ?? '',
    name: b.name?.trim() ?? '',
    description: b.description?.trim() ?? '',
    status: (b.status ?? '') as ServiceInput['status'],
    published: b.published === 'yes',
    url: orNull(b.url), email: orNull(b.email), phone: orNull(b.phone),
    applicationProcess: orNull(b.application_process), feesDescription: orNull(b.fees_description), openingHours: orNull(b.opening_hours),
    assurerName: orNull(b.assurer_name), assurerEmail: orNull(b.assurer_email),
    recheckMonths: b.recheck_months?.trim() ? Number(b.recheck_months) : input.recheckMonths,
    topics: asList(b.topics), areas: asList(b.areas),
    languages: (b.languages ?? '').split(/[\s,;]+/).map((code) => code.trim().toLowerCase()).filter(Boolean),
    locations: locationsOf(b),
    translations: Object.fromEntries(translatedLanguages.map((language) => [language, { name: b[`name_${language}`]?.trim() ?? '', description: b[`description_${language}`]?.trim() ?? '' }])),
    easyRead: orNull(b.easy_read_summary),
    easyReadChecked: b.easy_read_checked === 'yes',
  };
}

/** The form's values for a stored entry (its snapshot), to fill the edit page. */
export function formValuesOf(snapshot: Snapshot): Record<string, string> {
  const values: Record<string, string> = { ...snapshot };
  // the snapshot's location.address_1, location2.address_1 … → the form's address_1, address_1_2 …
  for (const key of Object.keys(snapshot)) {
    const match = /^location(\d*)\.(.+)$/.exec(key);
    if (match) values[locationField(match[2], match[1] === '' ? 1 : Number(match[1]))] = snapshot[key];
  }
  for (const language of translatedLanguages) {
    values[`name_${language}`] = snapshot[`name.${language}`] ?? '';
    values[`description_${language}`] = snapshot[`description.${language}`] ?? '';
  }
  values.opening_hours = snapshot.opening_hours ?? '';
  values.easy_read_summary = snapshot.easy_read_summary ?? '';
  return values;
}

/** What the browser sent, as the form's values again (a list keeps its first value; the checkbox lists are passed apart). */
export function formValuesOfBody(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '']));
}
