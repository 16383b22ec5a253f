import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableToXlsx } from './export.js';
import type { DashboardTable } from './report-tables.js';
import { excelDay, sheetName, writeCell, type SheetValue } from './spreadsheet.js';

/*
 * Sheet names and cell types of every XLSX export, read back with exceljs as a
 * spreadsheet program would: a day is a date, a year a number, text never a formula.
 */

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('sheetName', () => {
  it('cuts a long title after a whole word, never in the middle of one, and drops a dangling short word', () => {
    expect(sheetName('Reichweite der Veranstaltungen des Kompetenzzentrums')).toBe('Reichweite der Veranstaltungen');
    // "… Zahl der" would end on the article
    expect(sheetName('Organisationen nach Zahl der besuchten Veranstaltungen')).toBe('Organisationen nach Zahl');
    expect(sheetName('Teilnehmende Organisationen mit bewilligtem Mikroprojekt')).toBe('Teilnehmende Organisationen');
    expect(sheetName('Approved WIR micro-projects per funding year')).toBe('Approved WIR micro-projects');
    expect(sheetName('Reichweite nach Format')).toBe('Reichweite nach Format');
    for (const title of ['Mittelwerte der Rückmeldebögen je Veranstaltung', 'Participating organisations with an approved micro-project']) {
      expect(sheetName(title).length).toBeLessThanOrEqual(31);
      expect(title.startsWith(sheetName(title))).toBe(true);
      expect(title.charAt(sheetName(title).length)).toBe(' ');
    }
  });

  it('removes the characters Excel refuses and the apostrophes it refuses at either end', () => {
    expect(sheetName('Bilanz: 2018/2019 [Entwurf]?*\\')).toBe('Bilanz 2018 2019 Entwurf');
    expect(sheetName("'Zitat'")).toBe('Zitat');
    expect(sheetName(' :: ')).toBe('Sheet');
  });

  it('cuts a single word longer than 31 characters, and keeps names unique ignoring case', () => {
    expect(sheetName('Donaudampfschifffahrtsgesellschaftskapitän')).toBe('Donaudampfschifffahrtsgesellsch');
    expect(sheetName('Reichweite', ['reichweite'])).toBe('Reichweite (2)');
    expect(sheetName('Reichweite', ['Reichweite', 'Reichweite (2)'])).toBe('Reichweite (3)');
    const long = 'Reichweite der Veranstaltungen des Kompetenzzentrums';
    const second = sheetName(long, [sheetName(long)]);
    expect(second).toBe('Reichweite (2)');
    expect(second.length).toBeLessThanOrEqual(31);
  });
});

describe('writeCell', () => {
  it('stores days as dates, years and figures as numbers, text defused, as exceljs reads them back', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Test');
    const values: SheetValue[] = [{ day: '2019-08-31' }, { year: 2019 }, { number: 1.25, format: '0.00' }, { text: '=HYPERLINK("x")' }, { empty: true }];
    values.forEach((value, index) => writeCell(sheet.getCell(1, index + 1), value));
    const back = (await readBack(Buffer.from(await workbook.xlsx.writeBuffer()))).worksheets[0];
    const cells = [1, 2, 3, 4, 5].map((column) => back.getCell(1, column));
    expect(cells.map((cell) => cell.type)).toEqual([ExcelJS.ValueType.Date, ExcelJS.ValueType.Number, ExcelJS.ValueType.Number, ExcelJS.ValueType.String, ExcelJS.ValueType.Null]);
    expect((cells[0].value as Date).toISOString()).toBe('2019-08-31T00:00:00.000Z');
    expect(cells[0].numFmt).toBe('dd.mm.yyyy');
    expect(cells[1].value).toBe(2019);
    expect(cells[1].numFmt).toBe('0');
    expect(cells[2].value).toBe(1.25);
    expect(cells[3].value).toBe('\'=HYPERLINK("x")');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => excelDay('31.08.2019')).toThrow(/YYYY-MM-DD/);
  });
});

describe('the dashboard export', () => {
  it('writes the event day as a date, the year as a number, and a sheet name cut at a word', async () => {
    const table: DashboardTable = {
      name: 'feedback',
      title: 'Mittelwerte der Rückmeldebögen je Veranstaltung',
      columns: [
        { label: 'Förderjahr', numeric: false },
        { label: 'Datum', numeric: false },
        { label: 'Veranstaltung', numeric: false },
        { label: 'Bögen', numeric: true },
      ],
      rows: [
        [
          { kind: 'text', value: '2019', year: 2019 },
          { kind: 'text', value: '01.02.2019', day: '2019-02-01' },
          { kind: 'text', value: '@Gießen' },
          { kind: 'count', value: 3 },
        ],
      ],
    };
    const workbook = await readBack(await tableToXlsx(table, 3));
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Mittelwerte der Rückmeldebögen');
    expect(workbook.title).toBe('Mittelwerte der Rückmeldebögen je Veranstaltung');
    const row = sheet.getRow(2);
    expect([1, 2, 3, 4].map((column) => row.getCell(column).type)).toEqual([ExcelJS.ValueType.Number, ExcelJS.ValueType.Date, ExcelJS.ValueType.String, ExcelJS.ValueType.Number]);
    expect(row.getCell(1).value).toBe(2019);
    // a day is stored as midnight UTC (writeCell), whatever the machine's time zone
    expect((row.getCell(2).value as Date).getTime()).toBe(Date.UTC(2019, 1, 1));
    expect(row.getCell(3).value).toBe("'@Gießen");
  });
});
