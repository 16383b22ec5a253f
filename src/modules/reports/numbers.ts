import type { Language } from '../../i18n/index.js';
import { secondaryMark } from './suppression.js';
import type { Cell } from './report-tables.js';

/**
 * How people see the report's numbers: German format on German pages (1,44;
 * 81 %), British on English ones. JSON keeps them unrounded (spec/exchange.md).
 */
export interface NumberFormats {
  count(value: number): string;
  /** Means and ratios, two decimals: 1,44. */
  decimal(value: number): string;
  /** A share given as a fraction: 0.8095 → 81 %. */
  percent(value: number): string;
  /** A change given as a fraction, with its sign: 0.3125 → +31 %. */
  change(value: number): string;
  /** A calendar day YYYY-MM-DD: 31.08.2019. */
  day(value: string): string;
}

export const locales: Record<'de' | 'en', string> = { de: 'de-DE', en: 'en-GB' };

// Made once per locale: building five Intl formatters cost more than serving a kept dashboard (issue 16 profile).
const formatsByLocale = new Map<string, NumberFormats>();

export function numberFormats(language: Language): NumberFormats {
  const locale = language === 'en' ? locales.en : locales.de;
  let formats = formatsByLocale.get(locale);
  if (!formats) formatsByLocale.set(locale, (formats = makeFormats(locale)));
  return formats;
}

function makeFormats(locale: string): NumberFormats {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const change = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  return {
    count: (value) => count.format(value),
    decimal: (value) => decimal.format(value),
    percent: (value) => percent.format(value),
    change: (value) => change.format(value),
    day: (value) => day.format(new Date(`${value}T00:00:00Z`)),
  };
}

/** A number for a German spreadsheet: decimal comma, no thousands separator, at most `digits` decimals. */
export function germanDecimal(value: number, digits: number): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return String(rounded).replace('.', ',');
}

/** What a hidden cell reads as: "< 3" for a count, a dash for a value computed from one. */
export function hiddenText(cell: Cell, threshold: number | null, formats: NumberFormats): string {
  if (cell.secondary) return secondaryMark;
  return cell.kind === 'count' && threshold !== null ? `< ${formats.count(threshold)}` : '–';
}

/** A cell as people read it on the page. */
export function displayCell(cell: Cell, threshold: number | null, formats: NumberFormats): string {
  if (cell.hidden) return hiddenText(cell, threshold, formats);
  if (cell.value === null) return '–';
  if (typeof cell.value === 'string') return cell.value;
  switch (cell.kind) {
    case 'decimal':
    case 'mean':
      return formats.decimal(cell.value);
    case 'percent':
      return formats.percent(cell.value);
    case 'change':
      return formats.change(cell.value);
    default:
      return formats.count(cell.value);
  }
}
