import { columnOfHeading, columnWithAliases } from './column-aliases.js';
import type { ProblemList } from './errors.js';
import { columnsOf, importSchemas, type ImportKind } from './schemas.js';
import { checkTableLimits, headerSearchRows, type Table } from './table.js';

/**
 * A table to typed rows: the header is checked first (unknown columns are one
 * problem naming them all, each missing required column one problem), then
 * every row against the kind's schema. Bad rows are reported and left out.
 */

export interface ValidRow<T> {
  line: number;
  value: T;
}

export function validateTable<T>(kind: ImportKind, found: Table, problems: ProblemList): ValidRow<T>[] {
  const table = findHeader(kind, found);
  if (!table) {
    problems.add(found.headerLine ?? 1, null, 'header_not_found', headerNotFoundMessage(kind, found.headerLine ?? 1, found.header));
    return [];
  }
  const columns = checkHeader(kind, table, problems);
  if (!columns) return [];
  // a file of rejected rows (rejected.ts) coming back: undo its formula guard
  const returning = table.header.some((heading) => columnOfHeading(kind, heading) === 'ignored');
  const { schema } = importSchemas[kind];
  const known = columnsOf(kind);
  const valid: ValidRow<T>[] = [];
  for (const row of table.rows) {
    const record: Record<string, string> = {};
    for (const column of known) {
      const index = columns.get(column);
      record[column] = index === undefined ? '' : (row.cells[index] ?? '').trim();
      if (returning) record[column] = undoFormulaGuard(record[column]);
      if (!storable(record[column])) {
        problems.add(row.line, column, 'invalid_character', {
          de: `${column} enthält ein Steuerzeichen oder ein unvollständiges Zeichen, das nicht gespeichert werden kann. Tippen Sie den Wert neu ein.`,
          en: `${column} holds a control character or a broken character that cannot be stored. Type the value again.`,
        });
      }
    }
    if (row.cells.slice(table.header.length).some((cell) => cell.trim() !== '')) {
      problems.add(row.line, null, 'extra_cells', {
        de: `Die Zeile hat mehr Zellen als die Kopfzeile Spalten (${table.header.length}). Entfernen Sie die überzähligen Werte oder geben Sie ihrer Spalte eine Überschrift.`,
        en: `The line has more cells than the header has columns (${table.header.length}). Remove the extra values or give their column a heading.`,
      });
    }
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      if (!problems.badLines.has(row.line)) valid.push({ line: row.line, value: parsed.data as T });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      const params = (issue as { params?: { code: string; de: string; en: string } }).params;
      const fill = (message: string) => message.replaceAll('{column}', column);
      problems.add(row.line, column || null, params?.code ?? 'invalid', {
        de: fill(params?.de ?? `Der Wert in {column} ist ungültig (${issue.message}). Korrigieren Sie ihn.`),
        en: fill(params?.en ?? `The value in {column} is invalid (${issue.message}). Correct it.`),
      });
    }
  }
  return valid;
}

/** PostgreSQL text holds no NUL character, and JSON parameters no lone surrogate. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const suspicious = /[\u0000\uD800-\uDFFF]/;
const storable = (value: string) => !suspicious.test(value) || (!value.includes('\u0000') && !loneSurrogate.test(value));


/**
 * The header is the first row, among the first ten, that names at least two
 * known columns (or every required one); rows above it (a title, a date, a
 * note) are left out and keep nothing. When no row does, the first row is the
 * header if it names any known column (then the usual messages say which
 * columns are unknown or missing); otherwise there is no header at all.
 */
export function findHeader(kind: ImportKind, table: Table): Table | undefined {
  const candidates = [{ line: table.headerLine ?? 1, cells: table.header }, ...table.rows.slice(0, headerSearchRows - 1)];
  const named = (cells: string[]) => new Set(cells.map((cell) => columnOfHeading(kind, cell.trim())).filter((column) => column && column !== 'ignored'));
  const required = importSchemas[kind].required;
  const index = candidates.findIndex(({ cells }) => {
    const columns = named(cells);
    return columns.size >= 2 || required.every((column) => columns.has(column));
  });
  if (index === 0) return table;
  if (index > 0) return { header: candidates[index].cells, headerLine: candidates[index].line, rows: table.rows.slice(index) };
  return named(table.header).size > 0 ? table : undefined;
}

function headerNotFoundMessage(kind: ImportKind, line: number, first: string[]) {
  const required = importSchemas[kind].required;
  const german = required.map((column) => columnWithAliases(kind, column)).join(', ');
  const seen = first.map((cell) => cell.trim()).filter(Boolean).slice(0, 5).map((cell) => `„${cell.slice(0, 60)}“`).join(', ');
  const seenEn = seen.replaceAll('„', '"').replaceAll('“', '"');
  return {
    de: `Die erste Zeile muss die Spalten benennen, z. B. ${german}; in den ersten ${headerSearchRows} Zeilen steht keine solche Kopfzeile (Zeile ${line}: ${seen || 'leer'}). Setzen Sie die Spaltenüberschriften über die Daten; alle Spalten: ${columnsOf(kind).join(', ')}.`,
    en: `The first row must name the columns, e.g. ${german}; none of the first ${headerSearchRows} rows is such a header (row ${line}: ${seenEn || 'empty'}). Put the column headings above the data; all columns: ${columnsOf(kind).join(', ')}.`,
  };
}

/** rejected.ts writes "'" before a cell starting with = + - @ (the formula guard); the returning file drops it. */
const undoFormulaGuard = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/** Column name to cell index, or null when the header has problems (then rows are not checked). */
function checkHeader(kind: ImportKind, table: Table, problems: ProblemList): Map<string, number> | null {
  const known = columnsOf(kind);
  const columns = new Map<string, number>();
  const unknown: string[] = [];
  const headerLine = table.headerLine ?? 1;
  let ok = true;
  table.header.forEach((heading, index) => {
    const cleaned = heading.replace(/^\uFEFF/, '').trim();
    const name = cleaned === '' ? '' : columnOfHeading(kind, cleaned) ?? cleaned.toLowerCase();
    if (name === 'ignored') return;
    if (name === '') {
      const used = table.rows.find((row) => (row.cells[index] ?? '').trim() !== '');
      if (used) {
        ok = false;
        problems.add(headerLine, null, 'column_without_heading', {
          de: `Spalte ${index + 1} hat keine Überschrift, aber Werte (z. B. in Zeile ${used.line}). Geben Sie ihr eine der Überschriften ${known.join(', ')} oder löschen Sie sie.`,
          en: `Column ${index + 1} has no heading but holds values (e.g. in line ${used.line}). Give it one of the headings ${known.join(', ')} or delete it.`,
        });
      }
    } else if (columns.has(name)) {
      ok = false;
      problems.add(headerLine, name, 'duplicate_column', {
        de: `Die Spalte ${name} kommt zweimal vor (Spalten ${columns.get(name)! + 1} und ${index + 1}; auch deutsche Überschriften wie „${cleaned}“ zählen als ${name}). Löschen Sie eine davon.`,
        en: `The column ${name} appears twice (columns ${columns.get(name)! + 1} and ${index + 1}; German headings such as "${cleaned}" count as ${name}). Delete one of them.`,
      });
    } else if (known.includes(name)) {
      columns.set(name, index);
    } else {
      unknown.push(heading.trim());
    }
  });
  if (unknown.length > 0) {
    ok = false;
    problems.add(headerLine, null, 'unknown_columns', unknownColumnsMessage(unknown, known));
  }
  for (const column of importSchemas[kind].required) {
    if (columns.has(column)) continue;
    ok = false;
    problems.add(headerLine, column, 'missing_column', {
      de: `Die Pflichtspalte ${column} fehlt. Fügen Sie eine Spalte mit der Überschrift ${columnWithAliases(kind, column).replace(/ \((.*)\)$/, ' (oder $1)')} hinzu (Pflichtspalten: ${importSchemas[kind].required.join(', ')}).`,
      en: `The required column ${column} is missing. Add a column headed ${column} (required columns: ${importSchemas[kind].required.join(', ')}).`,
    });
  }
  return ok ? columns : null;
}

function unknownColumnsMessage(unknown: string[], known: string[]) {
  const hints = unknown
    .map((name) => ({ name, match: known.find((column) => editDistance(name.toLowerCase(), column) <= 2) }))
    .filter((hint) => hint.match);
  const hintDe = hints.map((hint) => ` Statt „${hint.name}“ ist wohl ${hint.match} gemeint.`).join('');
  const hintEn = hints.map((hint) => ` Instead of "${hint.name}" you probably mean ${hint.match}.`).join('');
  const plural = unknown.length > 1;
  return {
    de: `Unbekannte Spalte${plural ? 'n' : ''}: ${unknown.map((name) => `„${name}“`).join(', ')}. Benennen Sie sie um oder löschen Sie sie; erlaubt sind: ${known.join(', ')}.${hintDe}`,
    en: `Unknown column${plural ? 's' : ''}: ${unknown.map((name) => `"${name}"`).join(', ')}. Rename or delete ${plural ? 'them' : 'it'}; allowed: ${known.join(', ')}.${hintEn}`,
  };
}

/** Levenshtein distance, for "did you mean" hints on short column names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Records keyed by column name (the API's JSON form) as a table; line numbers are index + 2. */
export function recordsToTable(records: Record<string, string>[]): Table {
  const header = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const rows = records.map((record, index) => ({
    line: index + 2,
    cells: header.map((column) => (record[column] == null ? '' : String(record[column]))),
  }));
  return checkTableLimits({ header, rows: rows.filter((row) => row.cells.some((cell) => cell.trim() !== '')) });
}
