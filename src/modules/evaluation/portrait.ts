import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * The check of an anonymised short portrait (report 6.1) against the
 * interviewed organisation's own record in the directory: would the text
 * reveal which association it is?
 *
 *  - blocking: the organisation's name or one of its other names, its
 *    municipality, its website, e-mail address or phone number. A portrait
 *    naming one of them is not saved until the text is changed;
 *  - warnings: its district, its founding year, its postcode, two words in a
 *    row of its name. Shown beside the text; the evaluator decides.
 *
 * Texts are compared as words, folded (case, accents, ß, punctuation), so
 * "FRANKFURT a. M." finds "Frankfurt am Main"'s first word run only when the
 * words match: the municipality is looked for as written and without a
 * bracketed addition ("Langen (Hessen)" → "Langen").
 */

export type Finding = { kind: 'name' | 'alias' | 'municipality' | 'website' | 'email' | 'phone' | 'district' | 'foundedYear' | 'postcode' | 'namePart'; value: string; blocking: boolean };

const blockingKinds = new Set<Finding['kind']>(['name', 'alias', 'municipality', 'website', 'email', 'phone']);

export function fold(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const contains = (folded: string, phrase: string) => {
  const needle = fold(phrase);
  return needle.trim().length > 0 && folded.includes(needle);
};

/** Words that say nothing about one association (legal forms, articles, generic nouns). */
const generic = new Set(['e', 'v', 'ev', 'der', 'die', 'das', 'des', 'und', 'fur', 'fuer', 'in', 'im', 'am', 'von', 'verein', 'ggmbh', 'gmbh', 'initiative', 'gemeinnutziger', 'gemeinnuetziger']);

export interface OrganisationRecord {
  name: string;
  aliases: string[];
  municipality: string | null;
  district: string | null;
  founded_year: number | null;
  postcode: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
}

export function checkPortrait(portrait: string, organisation: OrganisationRecord): Finding[] {
  if (!portrait.trim()) return [];
  const folded = fold(portrait);
  const findings: Finding[] = [];
  const add = (kind: Finding['kind'], value: string) => {
    if (!findings.some((finding) => finding.kind === kind && finding.value === value)) findings.push({ kind, value, blocking: blockingKinds.has(kind) });
  };
  const nameWithoutForm = (name: string) => name.replace(/\b(e\.\s?V\.|gGmbH|GmbH)\s*$/i, '').trim();
  if (contains(folded, organisation.name) || contains(folded, nameWithoutForm(organisation.name))) add('name', organisation.name);
  for (const alias of organisation.aliases) if (alias !== organisation.name && (contains(folded, alias) || contains(folded, nameWithoutForm(alias)))) add('alias', alias);
  if (organisation.municipality) {
    const short = organisation.municipality.replace(/\s*\(.*\)\s*$/, '');
    if (contains(folded, organisation.municipality) || contains(folded, short)) add('municipality', organisation.municipality);
  }
  if (organisation.website) {
    const host = organisation.website.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/.*$/, '');
    if (host && portrait.toLowerCase().includes(host.toLowerCase())) add('website', organisation.website);
  }
  if (organisation.email && portrait.toLowerCase().includes(organisation.email.toLowerCase())) add('email', organisation.email);
  if (organisation.phone) {
    const digits = organisation.phone.replace(/\D/g, '');
    if (digits.length >= 6 && portrait.replace(/\D/g, ' ').split(/\s+/).join('').includes(digits)) add('phone', organisation.phone);
  }
  if (organisation.district && organisation.district !== organisation.municipality && contains(folded, organisation.district.replace(/^Landkreis\s+/, ''))) add('district', organisation.district);
  if (organisation.founded_year !== null && new RegExp(`(^|\\D)${organisation.founded_year}(\\D|$)`).test(portrait)) add('foundedYear', String(organisation.founded_year));
  if (organisation.postcode && new RegExp(`(^|\\D)${organisation.postcode}(\\D|$)`).test(portrait)) add('postcode', organisation.postcode);
  if (!findings.some((finding) => finding.kind === 'name' || finding.kind === 'alias')) {
    const words = fold(nameWithoutForm(organisation.name)).trim().split(' ');
    for (let index = 0; index + 1 < words.length; index++) {
      const pair = [words[index], words[index + 1]];
      if (pair.some((word) => generic.has(word) || word.length < 3)) continue;
      if (folded.includes(` ${pair.join(' ')} `)) add('namePart', pair.join(' '));
    }
  }
  return findings;
}

/** The organisation's own record as the check needs it (never shown to the evaluator as such). */
export async function organisationRecord(db: Kysely<Database>, organisationId: number): Promise<OrganisationRecord | undefined> {
  const row = await db
    .selectFrom('organisation')
    .select(['name', 'municipality', 'district', 'founded_year', 'postcode', 'website', 'email', 'phone'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const aliases = await db.selectFrom('organisation_name').select('name').where('organisation_id', '=', organisationId).execute();
  return { ...row, aliases: aliases.map((alias) => alias.name) };
}
