import { z } from 'zod';
import { normaliseName } from '../names/index.js';
import { addressProblem } from '../mail/index.js';

/**
 * Zod schemas for single cells (spec/exchange.md, "Files"). Every cell arrives
 * as trimmed text, exactly as a spreadsheet shows it; empty means "no value".
 * Messages are German and English, say how to fix the cell, and may name the
 * column as {column} (filled in by validate.ts).
 */

type Context = z.core.$RefinementCtx<string>;

function fail(ctx: Context, code: string, de: string, en: string): never {
  ctx.addIssue({ code: 'custom', message: en, params: { code, de, en } });
  return z.NEVER as never;
}

const quoteDe = (value: string) => `„${value.length > 60 ? `${value.slice(0, 60)}…` : value}“`;
const quoteEn = (value: string) => `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;

function missing(ctx: Context): never {
  return fail(ctx, 'required', 'Die Spalte {column} darf nicht leer sein: tragen Sie einen Wert ein.', 'The column {column} must not be empty: enter a value.');
}

/** Free text; required cells must not be empty. */
export function text(options: { required: true; max?: number }): z.ZodType<string, string>;
export function text(options?: { required?: false; max?: number }): z.ZodType<string | null, string>;
export function text({ required = false, max = 1000 }: { required?: boolean; max?: number } = {}): z.ZodType<unknown, string> {
  return z.string().transform((value, ctx) => {
    if (value === '') return required ? missing(ctx) : null;
    if (value.length > max) {
      return fail(ctx, 'too_long', `{column} ist ${value.length} Zeichen lang, erlaubt sind ${max}. Kürzen Sie den Text.`, `{column} is ${value.length} characters long; at most ${max} are allowed. Shorten the text.`);
    }
    return value;
  });
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthNames = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A calendar day written YYYY-MM-DD or DD.MM.YYYY, returned as YYYY-MM-DD. */
export function date(options: { required: true }): z.ZodType<string, string>;
export function date(options?: { required?: false }): z.ZodType<string | null, string>;
export function date({ required = false }: { required?: boolean } = {}): z.ZodType<unknown, string> {
  return z.string().transform((value, ctx) => {
    if (value === '') return required ? missing(ctx) : null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
    if (!iso && !german) {
      if (/^\d{1,2}\.\d{1,2}\.\d{2}$/.test(value)) {
        return fail(ctx, 'date_short_year', `${quoteDe(value)} hat eine zweistellige Jahreszahl. Schreiben Sie das Jahr vierstellig, z. B. 01.06.2019.`, `${quoteEn(value)} has a two-digit year. Write the year with four digits, e.g. 01.06.2019.`);
      }
      return fail(ctx, 'date_format', `${quoteDe(value)} ist kein Datum. Schreiben Sie es als TT.MM.JJJJ (z. B. 01.06.2019) oder JJJJ-MM-TT (2019-06-01).`, `${quoteEn(value)} is not a date. Write it as DD.MM.YYYY (e.g. 01.06.2019) or YYYY-MM-DD (2019-06-01).`);
    }
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : [german![3], german![2], german![1]].map(Number);
    if (year < 1900 || year > 2100) {
      return fail(ctx, 'date_year', `${quoteDe(value)}: das Jahr ${year} ist kein plausibles Datum. Prüfen Sie die Jahreszahl.`, `${quoteEn(value)}: the year ${year} is not a plausible date. Check the year.`);
    }
    if (month < 1 || month > 12) {
      return fail(ctx, 'date_month', `${quoteDe(value)} ist kein Datum: einen ${month}. Monat gibt es nicht. Prüfen Sie, ob Tag und Monat vertauscht sind.`, `${quoteEn(value)} is not a date: there is no month ${month}. Check whether day and month are swapped.`);
    }
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) {
      return fail(ctx, 'date_day', `${quoteDe(value)} ist kein Datum: der ${monthNames.de[month - 1]} ${year} hat ${days} Tage. Korrigieren Sie den Tag.`, `${quoteEn(value)} is not a date: ${monthNames.en[month - 1]} ${year} has ${days} days. Correct the day.`);
    }
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
}

const booleanWords: Record<string, boolean> = { true: true, false: false, ja: true, nein: false, '1': true, '0': false };

/** true/false, ja/nein, 1/0 (any case). */
export function boolean() {
  return z.string().transform((value, ctx) => {
    if (value === '') return null;
    const parsed = booleanWords[value.toLowerCase()];
    if (parsed === undefined) {
      return fail(ctx, 'boolean', `${quoteDe(value)} ist kein Ja/Nein-Wert. Schreiben Sie ja oder nein (auch true/false, 1/0).`, `${quoteEn(value)} is not a yes/no value. Write true or false (also ja/nein, 1/0).`);
    }
    return parsed;
  });
}

/** One of the spec's tokens, written exactly; `aliases` (as a list writes them) are accepted in any case. */
export function choice<T extends string>(tokens: readonly T[], options: { required: true; aliases?: Record<string, T> }): z.ZodType<T, string>;
export function choice<T extends string>(tokens: readonly T[], options?: { required?: false; aliases?: Record<string, T> }): z.ZodType<T | null, string>;
export function choice<T extends string>(tokens: readonly T[], { required = false, aliases = {} }: { required?: boolean; aliases?: Record<string, T> } = {}): z.ZodType<unknown, string> {
  const allowed = [...tokens, ...Object.keys(aliases)].join(', ');
  const aliasOf = new Map(Object.entries(aliases).map(([alias, token]) => [alias.toLowerCase(), token]));
  return z.string().transform((value, ctx) => {
    if (value === '') return required ? missing(ctx) : null;
    if ((tokens as readonly string[]).includes(value)) return value as T;
    const alias = aliasOf.get(value.toLowerCase());
    if (alias) return alias;
    const sameLetters = tokens.find((token) => token.toLowerCase() === value.toLowerCase());
    const hintDe = sameLetters ? ` Gemeint ist wohl ${sameLetters} (genau so geschrieben).` : '';
    const hintEn = sameLetters ? ` You probably mean ${sameLetters} (written exactly like this).` : '';
    return fail(ctx, 'choice', `${quoteDe(value)} ist in {column} nicht vorgesehen. Erlaubt sind: ${allowed}.${hintDe}`, `${quoteEn(value)} is not a valid {column}. Allowed: ${allowed}.${hintEn}`);
  });
}

/** A whole number in [min, max]. */
export function integer(options: { min: number; max: number; required: true }): z.ZodType<number, string>;
export function integer(options: { min: number; max: number; required?: false }): z.ZodType<number | null, string>;
export function integer({ min, max, required = false }: { min: number; max: number; required?: boolean }): z.ZodType<unknown, string> {
  return z.string().transform((value, ctx) => {
    if (value === '') return required ? missing(ctx) : null;
    const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      return fail(ctx, 'integer', `${quoteDe(value)} passt nicht: {column} muss eine ganze Zahl von ${min} bis ${max} sein.`, `${quoteEn(value)} does not fit: {column} must be a whole number from ${min} to ${max}.`);
    }
    return number;
  });
}

/** A list cell: items separated by |, blanks dropped, each item once; `allowed` restricts the items. */
export function list(allowed?: readonly string[]) {
  return z.string().transform((value, ctx) => {
    const items = [...new Set(value.split('|').map((item) => item.trim()).filter((item) => item !== ''))];
    const unknown = allowed ? items.filter((item) => !allowed.includes(item)) : [];
    if (unknown.length > 0) {
      return fail(ctx, 'list_item', `${unknown.map(quoteDe).join(', ')} ist in {column} nicht vorgesehen. Erlaubt sind: ${allowed!.join(', ')}; mehrere durch | getrennt.`, `${unknown.map(quoteEn).join(', ')} is not a valid {column}. Allowed: ${allowed!.join(', ')}; separate several with |.`);
    }
    return items;
  });
}

/** A school grade 1 (sehr gut) to 4; empty = keine Angabe. */
export function rating() {
  return z.string().transform((value, ctx) => {
    if (value === '') return null;
    if (/^[1-4]$/.test(value)) return Number(value);
    return fail(ctx, 'rating', `In {column} steht ${quoteDe(value)}. Bewertungen reichen von 1 (sehr gut) bis 4: tragen Sie 1, 2, 3 oder 4 ein, oder lassen Sie die Zelle leer (keine Angabe).`, `{column} holds ${quoteEn(value)}. Ratings range from 1 (very good) to 4: enter 1, 2, 3 or 4, or leave the cell empty (no answer).`);
  });
}

/** The year an organisation was founded: four digits, not in the future. */
export function foundedYear() {
  return z.string().transform((value, ctx) => {
    if (value === '') return null;
    const thisYear = new Date().getFullYear();
    if (!/^\d{4}$/.test(value) || Number(value) < 1800) {
      return fail(ctx, 'founded_year', `${quoteDe(value)} ist kein Gründungsjahr. Schreiben Sie das Jahr vierstellig, z. B. 2012.`, `${quoteEn(value)} is not a founding year. Write the year with four digits, e.g. 2012.`);
    }
    if (Number(value) > thisYear) {
      return fail(ctx, 'founded_year_future', `Das Gründungsjahr ${value} liegt in der Zukunft. Tragen Sie ein Jahr bis ${thisYear} ein oder lassen Sie die Zelle leer.`, `The founding year ${value} is in the future. Enter a year up to ${thisYear} or leave the cell empty.`);
    }
    return Number(value);
  });
}

/** An amount in euros, German (1.234,50) or plain (1234.50) notation, at most two decimals. */
export function amount() {
  return z.string().transform((value, ctx) => {
    if (value === '') return null;
    const cleaned = value.replace(/\s|€|EUR/gi, '');
    const plain = cleaned.includes(',')
      ? cleaned.replace(/\./g, '').replace(',', '.')
      : /^\d{1,3}(\.\d{3})+$/.test(cleaned) ? cleaned.replace(/\./g, '') : cleaned;
    if (!/^\d{1,10}(\.\d{1,2})?$/.test(plain)) {
      return fail(ctx, 'amount', `${quoteDe(value)} ist kein Euro-Betrag. Schreiben Sie z. B. 1500 oder 1.500,50 (ohne Minuszeichen, höchstens zwei Nachkommastellen).`, `${quoteEn(value)} is not an amount in euros. Write e.g. 1500 or 1500.50 (no minus sign, at most two decimals).`);
    }
    return Number(plain);
  });
}

export function email() {
  return z.string().transform((value, ctx) => {
    if (value === '') return null;
    // the one address check of Mosaik (src/modules/mail/address.ts)
    const problem = addressProblem(value);
    if (problem === 'notAscii') {
      return fail(ctx, 'email', `${quoteDe(value)} hat vor dem @ Umlaute oder andere Sonderzeichen, die viele Mailserver ablehnen. Schreiben Sie den Teil vor dem @ ohne sie (z. B. „ae“ statt „ä“) oder lassen Sie die Zelle leer.`, `${quoteEn(value)} has accents or other special letters before the @, which many mail servers refuse. Write the part before the @ without them (e.g. "ae" for "ä") or leave the cell empty.`);
    }
    if (problem !== null) {
      return fail(ctx, 'email', `${quoteDe(value)} ist keine E-Mail-Adresse. Korrigieren Sie sie (name@beispiel.de) oder lassen Sie die Zelle leer.`, `${quoteEn(value)} is not an e-mail address. Correct it (name@example.org) or leave the cell empty.`);
    }
    return value;
  });
}

/** A language tag (BCP 47) such as de, tr, ar, de-AT. */
export function language() {
  return z.string().transform((value, ctx) => {
    if (value === '') return null;
    if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) {
      return fail(ctx, 'language', `${quoteDe(value)} ist kein Sprachkürzel. Schreiben Sie das Kürzel nach BCP 47, z. B. de, tr, ar oder uk.`, `${quoteEn(value)} is not a language code. Write a BCP 47 code such as de, tr, ar or uk.`);
    }
    return value;
  });
}

/**
 * normaliseName with a memory: an attendance list names the same few hundred
 * organisations again and again, and normalising costs microseconds a row.
 * Bounded, so that a long-running server does not keep every name it saw.
 */
const normalisedNames = new Map<string, string>();
function normalisedOnce(name: string): string {
  let normalised = normalisedNames.get(name);
  if (normalised === undefined) {
    if (normalisedNames.size >= 50_000) normalisedNames.clear();
    normalised = normaliseName(name);
    normalisedNames.set(name, normalised);
  }
  return normalised;
}

export interface OrganisationName {
  name: string;
  normalisedName: string;
}

/** An organisation's name as written on a list, with its normalised form (spec: "Which organisation a name means"). */
export function organisationName(options: { required: true }): z.ZodType<OrganisationName, string>;
export function organisationName(options?: { required?: false }): z.ZodType<OrganisationName | null, string>;
export function organisationName({ required = false }: { required?: boolean } = {}): z.ZodType<unknown, string> {
  return z.string().transform((value, ctx) => {
    if (value === '') return required ? missing(ctx) : null;
    const normalisedName = normalisedOnce(value);
    if (normalisedName === '') {
      return fail(ctx, 'name_without_letters', `${quoteDe(value)} ist kein Name: ohne Rechtsform und Satzzeichen bleibt nichts übrig. Schreiben Sie den Namen der Organisation.`, `${quoteEn(value)} is not a name: nothing is left without legal form and punctuation. Write the organisation's name.`);
    }
    if (value.length > 300) {
      return fail(ctx, 'too_long', 'Der Name ist länger als 300 Zeichen. Kürzen Sie ihn auf den Namen der Organisation.', 'The name is longer than 300 characters. Shorten it to the organisation\'s name.');
    }
    return { name: value, normalisedName };
  });
}

/** Several names in one list cell (an organisation's aliases). */
export function organisationNames() {
  return z.string().transform((value, ctx) => {
    const names = value.split('|').map((item) => item.trim()).filter((item) => item !== '');
    const empty = names.filter((name) => normaliseName(name) === '');
    if (empty.length > 0) {
      return fail(ctx, 'name_without_letters', `${empty.map(quoteDe).join(', ')} in {column} ist kein Name: ohne Rechtsform und Satzzeichen bleibt nichts übrig. Entfernen Sie den Eintrag.`, `${empty.map(quoteEn).join(', ')} in {column} is not a name: nothing is left without legal form and punctuation. Remove the entry.`);
    }
    return names.map((name): OrganisationName => ({ name, normalisedName: normaliseName(name) }));
  });
}

/** A German postcode, five digits. */
export function postcode() {
  return z.string().transform((value, ctx) => {
    if (value === '') return null;
    if (!/^\d{5}$/.test(value)) {
      return fail(ctx, 'postcode', `${quoteDe(value)} ist keine Postleitzahl. Schreiben Sie fünf Ziffern, z. B. 35390 (in Excel die Zelle als Text formatieren, damit eine führende 0 bleibt).`, `${quoteEn(value)} is not a postcode. Write five digits, e.g. 35390 (format the cell as text in Excel so that a leading 0 stays).`);
    }
    return value;
  });
}
