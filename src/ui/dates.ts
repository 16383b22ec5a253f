import type { Language } from '../i18n/index.js';

/*
 * One way to write dates on pages: in the page's language, always in the
 * centre's time zone (Europe/Berlin), never the server's or the reader's.
 * German shows the TT.MM.JJJJ form staff write by hand (31.03.2026).
 */

export const centreTimeZone = 'Europe/Berlin';

/** The locale each page language formats dates with. */
export const dateLocales: Record<Language, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar', ru: 'ru-RU', uk: 'uk-UA' };

export type DateStyle = 'numeric' | 'medium' | 'long' | 'full';

const dayOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  numeric: { day: '2-digit', month: '2-digit', year: 'numeric' },
  medium: { dateStyle: 'medium' },
  long: { dateStyle: 'long' },
  full: { dateStyle: 'full' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(dateLocales[language], { ...options, timeZone: centreTimeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** German dates read TT.MM.JJJJ: its "medium" style is the numeric form ("31.03.2026", not "31. März 2026"). */
const styleFor = (language: Language, style: DateStyle): DateStyle => (language === 'de' && style === 'medium' ? 'numeric' : style);

/**
 * A calendar day as stored ('YYYY-MM-DD', or a Date at midnight UTC as the
 * database returns a `date` column), written in the page's language.
 * Noon UTC is the same calendar day in Berlin all year, so the day never shifts.
 */
export function formatDay(day: string | Date, language: Language, style: DateStyle = 'medium'): string {
  const iso = typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return String(day);
  return formatter(language, dayOptions[styleFor(language, style)]).format(new Date(`${iso}T12:00:00Z`));
}

/** A moment (a timestamp) as the centre's clock showed it: its day, and the time when asked. */
export function formatInstant(instant: Date | string, language: Language, options: { style?: DateStyle; time?: 'short' | 'medium' } = {}): string {
  const at = instant instanceof Date ? instant : new Date(instant);
  const day = dayOptions[styleFor(language, options.style ?? 'medium')];
  if (!options.time) return formatter(language, day).format(at);
  // dateStyle cannot be combined with hour/minute fields: spell the day out for the numeric form
  const time: Intl.DateTimeFormatOptions = 'dateStyle' in day ? { ...day, timeStyle: options.time } : { ...day, hour: '2-digit', minute: '2-digit', ...(options.time === 'medium' ? { second: '2-digit' } : {}) };
  return formatter(language, time).format(at);
}

/** The calendar day of a moment in Berlin, 'YYYY-MM-DD' (e.g. "today" for a form's default). */
// made once: a DateTimeFormat with a time zone is costly to build, and a list of posts or events asks for a day per row
let berlinDays: Intl.DateTimeFormat | undefined;
export const berlinDay = (instant: Date) => (berlinDays ??= new Intl.DateTimeFormat('sv-SE', { timeZone: centreTimeZone, dateStyle: 'short' })).format(instant);

/** The example a date field's hint shows, in the page's language: 31.03.2026, 31/03/2026, ٣١/٠٣/٢٠٢٦. */
export const dateExample = (language: Language) => formatDay('2026-03-31', language, 'numeric');

/*
 * Reading a day typed by hand. A browser without a date picker sends what the
 * person typed, and staff write days as on paper: 31.03.2026 (German, Turkish,
 * Russian, Ukrainian) or 31/03/2026 (British English, Arabic). ISO 2026-03-31
 * is what date pickers, the API and spreadsheets send. Day before month
 * always: no page language writes the month first.
 */
const easternDigits = /[٠-٩۰-۹]/g;
const westernDigit = (digit: string) => String(digit.charCodeAt(0) - (digit.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660));

/** A typed day as 'YYYY-MM-DD', or null when it is no real calendar day (31.02.2026, 2026-13-01, "morgen"). */
export function parseDay(input: string): string | null {
  const text = input.trim().replace(easternDigits, westernDigit).replace(/\s+/g, '');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const written = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(text);
  const parts = iso ? { year: iso[1]!, month: iso[2]!, day: iso[3]! } : written ? { year: written[4]!, month: written[3]!, day: written[1]! } : null;
  if (!parts) return null;
  const { year, month, day } = parts;
  const result = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // Date rolls 31 February over into March: a real day survives the round trip unchanged.
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === result ? result : null;
}

/** A form's day field as stored: the ISO day when the text is a real day in any accepted form, else the text as typed (for the field's error message). */
export const normaliseDay = (input: string) => parseDay(input) ?? input.trim();

/** Whether a text is a real calendar day in ISO form (after normaliseDay). */
export const isIsoDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDay(value) === value;
