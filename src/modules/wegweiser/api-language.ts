import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { isLanguage, negotiateLanguage, publicLanguages, type Language } from '../../i18n/index.js';
import type { HsdsObject } from './hsds.js';

/**
 * Translations in the HSDS API (docs/exchange.md, "Languages"). HSDS 3.0 has
 * no language field on service, so the API does what HTTP does: the client
 * asks with `?lang=` (one of Mosaik's six languages; it wins) or
 * `Accept-Language`, and the answer says in `Content-Language` which language
 * it is in. A service's name and description are replaced by their
 * translation where one exists; every other field, and a text without
 * translation, stays German (the record of truth). The objects keep the
 * HSDS shape, so responses still validate against the compiled schemas.
 */

export type ApiLanguage = { ok: true; language: Language } | { ok: false; given: string };

/** The language asked for; an unknown `?lang=` is an error (a header we cannot serve falls back to German, as HTTP expects). */
export function apiLanguageOf(lang: string | undefined, acceptLanguage: string | undefined): ApiLanguage {
  if (lang !== undefined && lang !== '') return isLanguage(lang.toLowerCase()) ? { ok: true, language: lang.toLowerCase() as Language } : { ok: false, given: lang };
  return { ok: true, language: negotiateLanguage(acceptLanguage, publicLanguages) };
}

export const langProblem = (given: string) => ({
  error: 'langUnknown',
  message: `lang: „${given.slice(0, 20)}“ ist keine Sprache des Wegweisers. Geben Sie eine von ${publicLanguages.join(', ')} an oder lassen Sie lang weg (Deutsch).`,
  message_en: `lang: "${given.slice(0, 20)}" is not a language of the Wegweiser. Give one of ${publicLanguages.join(', ')} or leave lang out (German).`,
});

/**
 * Replaces the name and description of the services among `objects` (and of
 * the services nested in them: an organisation's `services`, a
 * service_at_location's `service`) by their translation. In place; returns `objects`.
 */
export async function translateServices<T extends HsdsObject>(db: Kysely<Database>, objects: T[], language: Language): Promise<T[]> {
  if (language === 'de' || objects.length === 0) return objects;
  const services: HsdsObject[] = [];
  for (const object of objects) {
    if ('status' in object && 'name' in object) services.push(object); // a service (list or nested form)
    if (Array.isArray(object.services)) services.push(...(object.services as HsdsObject[]));
    if (object.service && typeof object.service === 'object') services.push(object.service as HsdsObject);
  }
  if (services.length === 0) return objects;
  const ids = [...new Set(services.map((service) => service.id))];
  const rows = [];
  // in slices, so that no statement carries thousands of parameters
  for (let start = 0; start < ids.length; start += 500) {
    rows.push(...(await db.selectFrom('wegweiser_translation').select(['entity_id', 'field', 'value'])
      .where('entity', '=', 'service').where('language', '=', language).where('field', 'in', ['name', 'description'])
      .where('entity_id', 'in', ids.slice(start, start + 500)).execute()));
  }
  const translated = new Map(rows.map((row) => [`${row.entity_id} ${row.field}`, row.value]));
  for (const service of services) {
    for (const field of ['name', 'description'] as const) {
      const value = translated.get(`${service.id} ${field}`);
      if (value) service[field] = value;
    }
  }
  return objects;
}
