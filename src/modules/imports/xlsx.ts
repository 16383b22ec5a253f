import ExcelJS from 'exceljs';
import { ImportError } from './errors.js';
import { importLimits, tooManyColumns, tooManyRows } from './limits.js';
import { checkDeclaredSizes, checkRealSizes, zipEntries } from './zip.js';
import { toTable, type Table, type TableRow } from './table.js';

/**
 * XLSX: the first sheet, header in row 1. Every cell becomes the text a user
 * sees in Excel, so that the same checks apply as for CSV: dates as
 * YYYY-MM-DD, formulas as their result, rich text as its plain text.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  // sizes first: ExcelJS unpacks everything into memory before it reads a cell
  const entries = zipEntries(bytes);
  checkDeclaredSizes(entries);
  checkRealSizes(bytes, entries);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable();
  const width = sheet.columnCount;
  // before building rows: a sheet of 16,384 columns would be 16,384 texts per row
  if (width > importLimits.columns) throw tooManyColumns(width);
  if (sheet.actualRowCount > importLimits.rows + 1) throw tooManyRows(sheet.actualRowCount - 1);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    rows.push({ line: rowNumber, cells });
  });
  if (rows.length > 0 && rows[0].line !== 1) {
    throw new ImportError('no_header', {
      de: 'Zeile 1 des ersten Tabellenblatts ist leer. Dort müssen die Spaltenüberschriften stehen (z. B. event_key, title).',
      en: 'Row 1 of the first sheet is empty. It must hold the column headings (e.g. event_key, title).',
    }, 1);
  }
  return toTable(rows);
}

function unreadable(): ImportError {
  return new ImportError('xlsx_unreadable', {
    de: 'Die Excel-Datei lässt sich nicht öffnen. Öffnen Sie sie in Excel, speichern Sie sie erneut als .xlsx (oder als CSV UTF-8) und laden Sie sie noch einmal.',
    en: 'The Excel file cannot be opened. Open it in Excel, save it again as .xlsx (or as CSV UTF-8) and upload it again.',
  });
}

type Value = ExcelJS.CellValue | ExcelJS.CellFormulaValue['result'];

/** The text Excel shows for a cell value. */
export function cellText(value: Value, numberFormat?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value, numberFormat);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numberFormat);
  if ('hyperlink' in value) return cellText(value.text as Value, numberFormat);
  if ('error' in value) return value.error;
  return '';
}

function numberText(value: number, numberFormat?: string): string {
  // a postcode formatted "00000" shows its leading zero in Excel
  if (numberFormat && /^0+$/.test(numberFormat) && Number.isInteger(value)) return String(value).padStart(numberFormat.length, '0');
  // drop binary noise (0.1 + 0.2) the way Excel's display does
  return String(Number(value.toPrecision(15)));
}

/** Excel dates arrive as UTC instants; a cell without a valid date shows as empty. */
function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}
