import type ExcelJS from 'exceljs';
import { defuseFormula } from '../audit/index.js';

/**
 * What every XLSX export of Mosaik shares: sheet names Excel accepts and cells
 * of the right type, so that a spreadsheet program can sort and compute with
 * what it opens (a date is a date, a year a number), and text can never run
 * as a formula.
 */

/** Excel's limit for a sheet name, in characters. */
export const sheetNameLimit = 31;

/**
 * A sheet name from a title: without the characters Excel refuses (: \ / ? * [ ]),
 * at most 31 characters, cut after a whole word (a dangling short lower-case word
 * such as "der", "mit" or "of" goes too), and different from every name in
 * `taken` (compared as Excel does, ignoring case): "Tabelle (2)".
 */
export function sheetName(title: string, taken: Iterable<string> = []): string {
  const cleaned = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Excel also refuses a name that starts or ends with an apostrophe
    .replace(/^'+|'+$/g, '');
  const base = shorten(cleaned || 'Sheet', sheetNameLimit);
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let number = 2; ; number++) {
    const suffix = ` (${number})`;
    const name = `${shorten(base, sheetNameLimit - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const words = text.split(' ');
  let kept = '';
  for (const word of words) {
    const next = kept ? `${kept} ${word}` : word;
    if (next.length > limit) break;
    kept = next;
  }
  // a single word longer than the limit: cut it, there is no boundary to keep
  if (!kept) return text.slice(0, limit).trimEnd();
  const trimmed = kept.replace(/ \p{Ll}{1,3}$/u, '');
  return trimmed || kept;
}

/** What a cell holds, by kind: Excel stores each as its own type. */
export type SheetValue =
  | { text: string }
  | { number: number; format?: string }
  /** A calendar day, YYYY-MM-DD: stored as an Excel date, shown as 31.08.2019. */
  | { day: string }
  /** A year: a number without thousands separator. */
  | { year: number }
  | { empty: true };

export const dayFormat = 'dd.mm.yyyy';
export const yearFormat = '0';

/** Writes one value into a cell with its type and number format; text through defuseFormula. */
export function writeCell(cell: ExcelJS.Cell, value: SheetValue): void {
  if ('text' in value) {
    // a text cell is not evaluated by Excel, but copied into CSV or another tool it may be
    cell.value = defuseFormula(value.text);
  } else if ('number' in value) {
    cell.value = value.number;
    if (value.format) cell.numFmt = value.format;
  } else if ('day' in value) {
    cell.value = excelDay(value.day);
    cell.numFmt = dayFormat;
  } else if ('year' in value) {
    cell.value = value.year;
    cell.numFmt = yearFormat;
  } else {
    cell.value = null;
  }
}

/**
 * A calendar day as the Date that exceljs stores as that day: midnight UTC
 * (exceljs counts serial days in UTC), so the machine's time zone never moves it.
 */
export function excelDay(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`not a calendar day (YYYY-MM-DD): ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
