import { ImportError } from './errors.js';

/**
 * What one list may hold (security finding 7: a 1.6 MB XLSX that unpacks to
 * 450 MB stalled the server for a minute). The limits lie far above any list
 * a competence centre keeps (the largest real one: 12,000 participations in
 * 9 columns) and far below what hurts the server. A larger list is split.
 */
export const importLimits = {
  /** Sum of the unpacked sizes of every part of an XLSX file. */
  unpackedBytes: 50 * 1024 * 1024,
  /** Unpacked size over packed size of one part; sheet XML packs 5–20 times. */
  ratio: 100,
  /** Parts smaller than this may pack better (an empty style sheet); the ratio is not checked for them. */
  ratioFloorBytes: 1024 * 1024,
  rows: 200_000,
  columns: 200,
  /** Characters in one cell. */
  cellChars: 32 * 1024,
} as const;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const de = new Intl.NumberFormat('de-DE');
const en = new Intl.NumberFormat('en-GB');

export function tooManyRows(rows: number): ImportError {
  return new ImportError('too_many_rows', {
    de: `Die Liste hat ${de.format(rows)} Zeilen; höchstens ${de.format(importLimits.rows)} werden in einem Durchgang gelesen. Teilen Sie die Liste in mehrere Dateien auf.`,
    en: `The list has ${en.format(rows)} rows; at most ${en.format(importLimits.rows)} are read in one go. Split the list into several files.`,
  });
}

export function tooManyColumns(columns: number): ImportError {
  return new ImportError('too_many_columns', {
    de: `Die Liste hat ${de.format(columns)} Spalten; höchstens ${importLimits.columns} sind erlaubt. Löschen Sie die Spalten, die nicht zur Vorlage gehören.`,
    en: `The list has ${en.format(columns)} columns; at most ${importLimits.columns} are allowed. Delete the columns that are not part of the template.`,
  });
}

export function cellTooLong(line: number, column: number): ImportError {
  return new ImportError('cell_too_long', {
    de: `Zeile ${line}, Spalte ${column}: die Zelle hat mehr als ${de.format(importLimits.cellChars)} Zeichen. Kürzen Sie den Text.`,
    en: `Line ${line}, column ${column}: the cell holds more than ${en.format(importLimits.cellChars)} characters. Shorten the text.`,
  }, line);
}

export function unpacksTooLarge(bytes: number): ImportError {
  return new ImportError('xlsx_too_large', {
    de: `Die Excel-Datei ist entpackt ${de.format(mb(bytes))} MB groß; höchstens ${mb(importLimits.unpackedBytes)} MB werden gelesen. Teilen Sie die Liste auf oder speichern Sie sie als CSV UTF-8.`,
    en: `The Excel file unpacks to ${en.format(mb(bytes))} MB; at most ${mb(importLimits.unpackedBytes)} MB are read. Split the list or save it as CSV UTF-8.`,
  });
}

export function packedSuspiciously(part: string, ratio: number): ImportError {
  return new ImportError('xlsx_suspicious', {
    de: `Ein Teil der Excel-Datei (${part}) ist ${Math.round(ratio)}-fach gepackt, mehr als das ${importLimits.ratio}-Fache einer echten Tabelle; die Datei wird nicht geöffnet. Öffnen Sie sie in Excel, speichern Sie sie neu als .xlsx oder als CSV UTF-8.`,
    en: `A part of the Excel file (${part}) is packed ${Math.round(ratio)} times, more than the ${importLimits.ratio} times of a real sheet; the file is not opened. Open it in Excel and save it again as .xlsx or as CSV UTF-8.`,
  });
}

export function tooComplex(): ImportError {
  return new ImportError('file_too_complex', {
    de: 'Die Datei braucht zum Lesen mehr Speicher oder Zeit, als ein Import bekommt. Teilen Sie die Liste in kleinere Dateien auf oder speichern Sie sie als CSV UTF-8.',
    en: 'Reading the file needs more memory or time than an import is given. Split the list into smaller files or save it as CSV UTF-8.',
  });
}
