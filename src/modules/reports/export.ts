import ExcelJS from 'exceljs';
import { defuseFormula } from '../audit/index.js';
import { germanDecimal } from './numbers.js';
import { secondaryMark } from './suppression.js';
import type { Cell, DashboardTable } from './report-tables.js';
import { sheetName, writeCell, type SheetValue } from './spreadsheet.js';

/**
 * Every dashboard table as a file for a German spreadsheet: CSV (UTF-8 with
 * BOM so that Excel reads the umlauts, semicolons, decimal comma) and XLSX
 * (numbers and years as numbers, days as dates, sheet names cut at a word:
 * src/modules/reports/spreadsheet.ts). Both hold what the page shows, hidden
 * small numbers included as "< N". Shares and changes are given in percent ("Anteil (%)"),
 * means with two decimals in CSV and unrounded in XLSX (formatted 0.00).
 */

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const inPercent = (cell: Cell | undefined) => cell?.kind === 'percent' || cell?.kind === 'change';

/** Column headings; columns of shares and changes say that they are in percent. */
export function exportHeadings(table: DashboardTable): string[] {
  return table.columns.map((column, index) => (table.rows.some((row) => inPercent(row[index])) ? `${column.label} (%)` : column.label));
}

function hiddenValue(cell: Cell, threshold: number | null): string {
  if (cell.secondary) return secondaryMark;
  return cell.kind === 'count' && threshold !== null ? `< ${threshold}` : '–';
}

function csvValue(cell: Cell, threshold: number | null): string {
  if (cell.hidden) return hiddenValue(cell, threshold);
  if (cell.value === null) return '';
  if (typeof cell.value === 'string') return cell.value;
  if (cell.kind === 'decimal' || cell.kind === 'mean') return germanDecimal(cell.value, 2);
  if (inPercent(cell)) return germanDecimal(cell.value * 100, 1);
  return String(cell.value);
}

/** RFC 4180 quoting; a leading =, +, -, @, tab or CR is defused (defuseFormula) so that Excel never runs it as a formula. */
function csvField(value: string): string {
  const safe = defuseFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableToCsv(table: DashboardTable, threshold: number | null): string {
  const lines = [exportHeadings(table), ...table.rows.map((row) => row.map((cell) => csvValue(cell, threshold)))];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** A cell as the spreadsheet stores it: days as dates, years and figures as numbers, hidden figures as their mark. */
function xlsxValue(cell: Cell, threshold: number | null): SheetValue {
  if (cell.hidden) return { text: hiddenValue(cell, threshold) };
  if (cell.value === null) return { empty: true };
  if (cell.day) return { day: cell.day };
  if (cell.year !== undefined) return { year: cell.year };
  if (typeof cell.value === 'string') return { text: cell.value };
  if (cell.kind === 'decimal' || cell.kind === 'mean') return { number: cell.value, format: '0.00' };
  if (inPercent(cell)) return { number: cell.value * 100, format: '0.0' };
  return { number: cell.value, format: '0' };
}

export async function tableToXlsx(table: DashboardTable, threshold: number | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mosaik';
  // the sheet's tab holds at most 31 characters; the whole title stays in the file's properties
  workbook.title = table.title;
  const sheet = workbook.addWorksheet(sheetName(table.title));
  const header = sheet.addRow(exportHeadings(table));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) {
    const added = sheet.addRow(row.map(() => null));
    row.forEach((cell, index) => {
      const target = added.getCell(index + 1);
      writeCell(target, xlsxValue(cell, threshold));
      if (cell.hidden) target.alignment = { horizontal: 'right' };
    });
  }
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(60, Math.max(10, table.columns[index]?.label.length ?? 10, ...table.rows.map((row) => String(row[index]?.value ?? '').length)) + 2);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
