import { defuseFormula } from '../audit/index.js';
import { problemColumn } from './column-aliases.js';
import type { ImportOutcome } from './index.js';
import { parseTable } from './parse.js';
import type { ImportKind } from './schemas.js';
import { findHeader } from './validate.js';

/**
 * The rejected rows of a list as a file to correct and upload again
 * (docs/exchange.md, "Mosaik additions"): the header as it was, then every
 * row with a problem, each with a first column "Fehler / Problem" saying what
 * is wrong. That column is ignored on upload (column-aliases.ts), so the
 * corrected file goes back as it is. The import stays all or nothing.
 */

/** Problems about the header or the file as a whole leave no rows to correct. */
const headerCodes = new Set(['header_not_found', 'unknown_columns', 'missing_column', 'duplicate_column', 'column_without_heading', 'more_problems']);

export function hasRejectedRows(outcome: ImportOutcome): boolean {
  return outcome.problems.some((problem) => problem.line > 0 && !headerCodes.has(problem.code));
}

/**
 * Semicolon-separated UTF-8 with a byte order mark, as the templates (German
 * Excel opens it with a double click); every cell through the formula guard.
 * Undefined when there is no row to correct.
 */
export async function rejectedRowsCsv(kind: ImportKind, bytes: Uint8Array, outcome: ImportOutcome, language: 'de' | 'en'): Promise<Buffer | undefined> {
  if (!hasRejectedRows(outcome)) return undefined;
  const table = findHeader(kind, await parseTable(bytes));
  if (!table) return undefined;
  const messages = new Map<number, string[]>();
  for (const problem of outcome.problems) {
    if (problem.line <= 0 || headerCodes.has(problem.code)) continue;
    const text = problem.column ? `${problem.column}: ${problem.message[language]}` : problem.message[language];
    messages.set(problem.line, [...(messages.get(problem.line) ?? []), text]);
  }
  const width = table.header.length;
  const keep = table.header.findIndex((heading) => heading.trim() === problemColumn);
  const withoutOld = (cells: string[]) => cells.filter((_, index) => index !== keep);
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  const lines = [[problemColumn, ...withoutOld(table.header)]];
  for (const row of table.rows) {
    const problems = messages.get(row.line);
    if (problems) lines.push([`${language === 'de' ? 'Zeile' : 'Line'} ${row.line}: ${problems.join(' | ')}`, ...withoutOld(pad(row.cells))]);
  }
  const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const text = lines.map((cells) => cells.map((cell) => quote(defuseFormula(cell))).join(';')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}
