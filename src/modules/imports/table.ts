import { ImportError } from './errors.js';
import { cellTooLong, importLimits, tooManyColumns, tooManyRows } from './limits.js';

/** How many rows from the top are searched for the header (validate.ts): title rows and notes sit above it. */
export const headerSearchRows = 10;

/** A list as rows of cell texts, whatever file it came from. */
export interface TableRow {
  /** Row number as a spreadsheet shows it; the header is row 1. */
  line: number;
  cells: string[];
}

export interface Table {
  header: string[];
  /** The header's line in the file: 1, unless rows above it were skipped (validate.ts, findHeader). */
  headerLine?: number;
  /** Rows below the header that hold at least one non-empty cell. */
  rows: TableRow[];
}

/** Header from the first row, then every row that is not entirely empty. */
export function toTable(rows: TableRow[]): Table {
  const [first, ...rest] = rows;
  if (!first) {
    throw new ImportError('empty_file', {
      de: 'Die Datei ist leer. Die erste Zeile muss die Spaltenüberschriften enthalten, darunter eine Zeile je Eintrag.',
      en: 'The file is empty. The first line must hold the column headings, with one line per entry below it.',
    });
  }
  if (isEmptyRow(first.cells)) {
    throw new ImportError('no_header', {
      de: `Zeile ${first.line} ist leer. Die erste Zeile muss die Spaltenüberschriften enthalten (z. B. event_key, title); löschen Sie Leerzeilen darüber.`,
      en: `Line ${first.line} is empty. The first line must hold the column headings (e.g. event_key, title); delete empty lines above them.`,
    }, first.line);
  }
  return checkTableLimits({ header: first.cells, headerLine: first.line, rows: rest.filter((row) => !isEmptyRow(row.cells)) });
}

/** Refuses a table above the limits of limits.ts (rows, columns, characters per cell). */
export function checkTableLimits(table: Table): Table {
  if (table.rows.length > importLimits.rows) throw tooManyRows(table.rows.length);
  const width = Math.max(table.header.length, ...table.rows.slice(0, 1).map((row) => row.cells.length));
  if (width > importLimits.columns) throw tooManyColumns(width);
  for (const row of [{ line: 1, cells: table.header }, ...table.rows]) {
    if (row.cells.length > importLimits.columns) throw tooManyColumns(row.cells.length);
    const long = row.cells.findIndex((cell) => cell.length > importLimits.cellChars);
    if (long >= 0) throw cellTooLong(row.line, long + 1);
  }
  return table;
}

const isEmptyRow = (cells: string[]) => cells.every((cell) => cell.trim() === '');

