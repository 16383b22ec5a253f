import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tableToCsv, tableToXlsx } from '../reports/index.js';
import type { DashboardTable } from '../reports/index.js';
import { defuseFormula } from './export.js';

/** Security finding 9: every CSV and XLSX export runs its cells through defuseFormula. */
describe('defuseFormula', () => {
  it.each([
    ['-1+HYPERLINK("http://evil.example","x")', `'-1+HYPERLINK("http://evil.example","x")`],
    ['=SUM(A1:A2)', `'=SUM(A1:A2)`],
    ['+49 641 123', `'+49 641 123`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-2-3', `'-2-3`],
    ['-1e3', `'-1e3`],
    ['-', `'-`],
  ])('prefixes %j', (cell, expected) => {
    expect(defuseFormula(cell)).toBe(expected);
  });

  it.each(['-1', '+1', '-12,5', '-0.25', '1234', 'Gießen', '', 'a=b', "'=already"])('leaves %j alone', (cell) => {
    expect(defuseFormula(cell)).toBe(cell);
  });

  it('never lets a cell that starts with = + - @ tab or CR through unless it is a plain number', () => {
    const lead = fc.constantFrom('=', '+', '-', '@', '\t', '\r');
    fc.assert(
      fc.property(lead, fc.string(), (first, rest) => {
        const cell = first + rest;
        const out = defuseFormula(cell);
        if (/^[+-]?\d+([.,]\d+)?$/.test(cell)) expect(out).toBe(cell);
        else expect(out).toBe(`'${cell}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves every other cell unchanged and never changes what follows the prefix', () => {
    fc.assert(
      fc.property(fc.string(), (cell) => {
        const out = defuseFormula(cell);
        expect(out === cell || out === `'${cell}`).toBe(true);
        if (!/^[=+\-@\t\r]/.test(cell)) expect(out).toBe(cell);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves numbers as numbers', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(), fc.constantFrom('.', ','), (whole, fraction, separator) => {
        const cell = `${whole}${separator}${fraction}`;
        expect(defuseFormula(cell)).toBe(cell);
      }),
    );
  });
});

describe('the dashboard exports', () => {
  const attack = '-1+HYPERLINK("http://evil.example","x")';
  const table: DashboardTable = {
    name: 'reach',
    title: 'Reach',
    columns: [{ label: 'Organisation', numeric: false }, { label: 'Count', numeric: true }],
    rows: [[{ kind: 'text', value: attack }, { kind: 'count', value: -1 }]],
  };

  it('prefix a formula-like text cell in CSV and XLSX, and keep numbers as numbers', async () => {
    const csv = tableToCsv(table, null);
    expect(csv).toContain(`"'-1+HYPERLINK(""http://evil.example"",""x"")";-1`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableToXlsx(table, null)) as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRow(2);
    expect(row.getCell(1).value).toBe(`'${attack}`);
    expect(row.getCell(2).value).toBe(-1);
  });
});
