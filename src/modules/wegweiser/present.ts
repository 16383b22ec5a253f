import type { Language } from '../../i18n/index.js';
import { dueDay, freshnessOf, type FreshnessState } from './freshness.js';

/** How the Wegweiser shows days and freshness, in the reader's language. */

const locales: Record<string, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar', ru: 'ru-RU', uk: 'uk-UA' };

/** 2026-03-05 → "5. März 2026" (de), "5 March 2026" (en) …; the day as written, never shifted by a time zone. */
export function formatDay(day: string, language: Language | string): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  return dayFormat(locales[language] ?? 'de-DE').format(new Date(Date.UTC(year, month - 1, date)));
}

// one formatter per locale: creating an Intl.DateTimeFormat costs far more than formatting (a brochure formats 400 days)
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: string): Intl.DateTimeFormat {
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format;
}

export interface FreshnessLabel {
  state: FreshnessState;
  /** i18n key and its parameters: "zuletzt bestätigt am …" or "nicht bestätigt seit …". */
  key: string;
  date: string | null;
}

export function freshnessLabel(service: { assured_date: string | null; recheck_months: number }, today: string): FreshnessLabel {
  const state = freshnessOf(service, today);
  if (state === 'unconfirmed' || !service.assured_date) return { state, key: 'wegweiser.freshness.unconfirmed', date: null };
  if (state === 'overdue' || state === 'hidden') return { state, key: 'wegweiser.freshness.notConfirmedSince', date: service.assured_date };
  return { state, key: 'wegweiser.freshness.lastConfirmed', date: service.assured_date };
}

export { dueDay };
