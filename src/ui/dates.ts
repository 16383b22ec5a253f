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
export const berlinDay = (instant: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: centreTimeZone, dateStyle: 'short' }).format(instant);

/** The example a date field's hint shows, in the page's language: 31.03.2026, 31/03/2026, ٣١/٠٣/٢٠٢٦. */
export const dateExample = (language: Language) => formatDay('2026-03-31', language, 'numeric');
