import { parse as parseCsvText } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { ImportError } from './errors.js';
import { headerSearchRows, toTable, type Table } from './table.js';
import { readXlsx } from './xlsx.js';

export type { Table, TableRow } from './table.js';

/**
 * Bytes to rows (spec/exchange.md, "Files"): CSV in UTF-8 (with or without
 * BOM) or Windows-1252, comma or semicolon separated, quoted per RFC 4180; or
 * XLSX (first sheet, header in row 1). Nothing here knows about columns; every
 * failure is an ImportError that says how to save the file instead.
 */

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls format

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

export async function parseTable(bytes: Uint8Array): Promise<Table> {
  if (startsWith(bytes, zipMagic)) return readXlsx(bytes);
  if (startsWith(bytes, oleMagic)) {
    throw new ImportError('xls_not_supported', {
      de: 'Das alte Excel-Format (.xls) wird nicht gelesen. Speichern Sie die Liste in Excel als „Excel-Arbeitsmappe (.xlsx)“ oder als „CSV UTF-8“.',
      en: 'The old Excel format (.xls) cannot be read. Save the list in Excel as "Excel Workbook (.xlsx)" or as "CSV UTF-8".',
    });
  }
  return parseCsv(decodeText(bytes));
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252 as German Excel writes it. */
export function decodeText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError('utf16_not_supported', {
      de: 'Die Datei ist als UTF-16 („Unicode-Text“) gespeichert. Speichern Sie sie in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ oder als .xlsx.',
      en: 'The file is saved as UTF-16 ("Unicode Text"). Save it in Excel as "CSV UTF-8 (Comma delimited)" or as .xlsx.',
    });
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'windows-1252');
    refuseMixedEncoding(body, text);
  }
  if (text.includes('\u0000')) {
    throw new ImportError('not_text', {
      de: 'Die Datei ist keine Textdatei (CSV) und keine Excel-Arbeitsmappe (.xlsx). Speichern Sie die Liste in einem dieser Formate.',
      en: 'The file is neither a text file (CSV) nor an Excel workbook (.xlsx). Save the list in one of these formats.',
    });
  }
  return text;
}

/**
 * A file that is UTF-8 except for a few bytes (lists pasted together from
 * two sources) would read as Windows-1252 with every UTF-8 umlaut garbled
 * ("Ã¼" for "ü"); refuse it instead of storing garbled names.
 */
function refuseMixedEncoding(body: Uint8Array, asWindows1252: string): void {
  // "Ã" followed by a character Windows-1252 encodes as 0x80–0xBF: a UTF-8 letter read byte by byte
  if (!/Ã[\u00A0-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]/.test(asWindows1252)) return;
  const asUtf8 = new TextDecoder('utf-8').decode(body);
  const bad = asUtf8.indexOf('\uFFFD');
  const line = asUtf8.slice(0, bad).split(/\r\n|\r|\n/).length;
  throw new ImportError('mixed_encoding', {
    de: `Die Datei ist in UTF-8 gespeichert, aber Zeile ${line} enthält Zeichen in einer anderen Kodierung (Windows-1252). Geben Sie die Umlaute dort neu ein oder speichern Sie die ganze Liste in Excel als „CSV UTF-8“.`,
    en: `The file is saved as UTF-8, but line ${line} holds characters in another encoding (Windows-1252). Type the umlauts there again or save the whole list in Excel as "CSV UTF-8".`,
  }, line);
}

/**
 * Comma or semicolon, whichever the first lines hold more of outside quotes
 * (comma on a tie). Not the first line alone: a title row above the header
 * ("Teilnehmerliste 15.03.2024") holds no separator at all.
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  let lines = 0;
  let previous = '';
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || (char === '\r'))) {
      if (!(char === '\n' && previous === '\r')) lines += 1;
      if (lines >= headerSearchRows) break;
    } else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === '\t') tabs += 1;
    previous = char;
  }
  if (tabs > commas + semicolons) {
    throw new ImportError('tab_separated', {
      de: 'Die Spalten sind durch Tabulatoren getrennt. Speichern Sie die Liste als CSV mit Semikolon oder Komma als Trennzeichen, oder als .xlsx.',
      en: 'The columns are separated by tabs. Save the list as CSV with semicolons or commas as separators, or as .xlsx.',
    }, 1);
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Excel's "sep=;" first line (written by some exports, honoured by Excel on
 * opening) names the delimiter; the line itself is no row of the list.
 */
const separatorLine = /^"?sep=([,;|\t])"?[ \t]*(?:\r\n|\r|\n|$)/i;

export function parseCsv(text: string): Table {
  const declared = separatorLine.exec(text);
  const body = declared ? text.slice(declared[0].length) : text;
  // line numbers stay the file's: the sep= line is line 1
  const firstLine = declared ? 2 : 1;
  // outside the try: a tab-separated file is refused with its own message
  const delimiter = declared ? declared[1] : detectDelimiter(body);
  let records: string[][];
  try {
    records = parseCsvText(body, {
      delimiter,
      // RFC 4180 quoting; a stray quote inside an unquoted cell is kept as text,
      // as Excel shows it, instead of refusing the whole file.
      relax_quotes: true,
      relax_column_count: true,
      // keep empty lines so that row numbers match what a spreadsheet shows
      skip_empty_lines: false,
    });
  } catch (error) {
    throw csvProblem(error, firstLine - 1);
  }
  return toTable(records.map((cells, index) => ({ line: index + firstLine, cells })));
}

function csvProblem(error: unknown, linesBefore: number): ImportError {
  const details = error as { code?: string; records?: number };
  const line = (details.records ?? 0) + 1 + linesBefore;
  if (details.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ImportError('quote_not_closed', {
      de: `Ein Anführungszeichen ab Zeile ${line} wird nie geschlossen. Setzen Sie das fehlende " ans Ende des Feldes oder entfernen Sie das öffnende.`,
      en: `A quote starting in line ${line} is never closed. Add the missing " at the end of the field or remove the opening one.`,
    }, line);
  }
  return new ImportError('csv_unreadable', {
    de: `Die CSV-Datei lässt sich ab Zeile ${line} nicht lesen (${details.code ?? 'unbekannter Fehler'}). Prüfen Sie dort Anführungszeichen und Trennzeichen, oder speichern Sie die Liste als .xlsx.`,
    en: `The CSV file cannot be read from line ${line} on (${details.code ?? 'unknown error'}). Check quotes and separators there, or save the list as .xlsx.`,
  }, line);
}
