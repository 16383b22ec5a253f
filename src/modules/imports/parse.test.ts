import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures/imports/helpers.js';
import { ImportError } from './errors.js';
import { parseTable } from './parse.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

async function refusal(bytes: Uint8Array): Promise<ImportError> {
  const error = await parseTable(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('parseTable: CSV encodings (spec/exchange.md, "Files")', () => {
  const text = 'event_key,organization\nev-1,Deutsch-Türkischer Kulturverein Gießen e.V.\n';

  it('reads UTF-8 without a BOM', async () => {
    const table = await parseTable(utf8(text));
    expect(table.header).toEqual(['event_key', 'organization']);
    expect(table.rows).toEqual([{ line: 2, cells: ['ev-1', 'Deutsch-Türkischer Kulturverein Gießen e.V.'] }]);
  });

  it('reads UTF-8 with a BOM and drops the BOM from the first heading', async () => {
    const table = await parseTable(bom(text));
    expect(table.header[0]).toBe('event_key');
    expect(table.rows[0].cells[1]).toBe('Deutsch-Türkischer Kulturverein Gießen e.V.');
  });

  it('reads Windows-1252 as German Excel writes it (umlauts, ß, €)', async () => {
    const table = await parseTable(fixture('participants-windows-1252.csv').bytes);
    expect(table.header).toEqual(['event_key', 'organization', 'person', 'email']);
    expect(table.rows[0].cells.slice(1, 3)).toEqual(['Deutsch-Türkischer Kulturverein Gießen e.V.', 'Jürgen Groß']);
    expect(table.rows[1].cells.slice(1, 3)).toEqual(['Förderverein Büchereien & Bildung', 'Zoë Müller']);
    const grants = await parseTable(fixture('grants-windows-1252.csv').bytes);
    expect(grants.rows[0].cells[5]).toBe('Lesepaten – Bücher für alle');
    expect(grants.rows[0].cells[6]).toBe('1.234,50 €');
    expect(await parseTable(iconv.encode('a;b\n€;ä\n', 'windows-1252'))).toMatchObject({ rows: [{ cells: ['€', 'ä'] }] });
  });

  it('refuses a UTF-8 file with a few Windows-1252 bytes instead of garbling its umlauts', async () => {
    const mixed = new Uint8Array([...utf8('a;b\nGießen;ü\n'), ...iconv.encode('Büdingen;x\n', 'windows-1252')]);
    const error = await refusal(mixed);
    expect(error.code).toBe('mixed_encoding');
    expect(error.line).toBe(3);
    expect(error.text.de).toContain('Zeile 3');
    expect(error.text.en).toContain('line 3');
    // plain Windows-1252 with an "Ã" of its own still reads
    expect((await parseTable(iconv.encode('a;b\nÃlvaro;Müller\n', 'windows-1252'))).rows[0].cells).toEqual(['Ãlvaro', 'Müller']);
  });

  it('refuses UTF-16 ("Unicode-Text") with a message saying how to save the file', async () => {
    const error = await refusal(new Uint8Array([0xff, 0xfe, ...iconv.encode('a,b\n1,2\n', 'utf16le')]));
    expect(error.code).toBe('utf16_not_supported');
    expect(error.text.de).toContain('CSV UTF-8');
    expect(error.text.en).toContain('CSV UTF-8');
    // without a BOM UTF-16 shows itself by its zero bytes
    expect((await refusal(iconv.encode('a,b\n1,2\n', 'utf16le'))).code).toBe('not_text');
  });

  it('refuses the old binary .xls format', async () => {
    const error = await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(error.code).toBe('xls_not_supported');
    expect(error.text.de).toContain('.xlsx');
    expect(error.text.en).toContain('.xlsx');
  });

  it('refuses tab-separated text', async () => {
    const error = await refusal(utf8('event_key\torganization\nev-1\tX\n'));
    expect(error.code).toBe('tab_separated');
    expect(error.text.de).toContain('Tabulator');
    expect(error.text.en).toContain('tabs');
  });

  it('refuses an empty file and an empty header line', async () => {
    for (const bytes of [new Uint8Array(), bom(''), utf8('\n\n')]) {
      const error = await refusal(bytes);
      expect(['empty_file', 'no_header']).toContain(error.code);
      expect(error.text.de).toMatch(/Spaltenüberschriften/);
      expect(error.text.en).toMatch(/column headings/);
    }
    const error = await refusal(utf8('\nevent_key\nev-1\n'));
    expect(error.code).toBe('no_header');
    expect(error.line).toBe(1);
  });
});

describe('parseTable: separators and RFC 4180 quoting', () => {
  it('detects comma and semicolon from the header line', async () => {
    expect((await parseTable(utf8('a,b\n1;2,3\n'))).rows[0].cells).toEqual(['1;2', '3']);
    expect((await parseTable(utf8('a;b\n1,5;3\n'))).rows[0].cells).toEqual(['1,5', '3']);
    // a comma inside a quoted heading does not count
    expect((await parseTable(utf8('"a,x";b;c\n1;2;3\n'))).header).toEqual(['a,x', 'b', 'c']);
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields', async () => {
    const table = await parseTable(utf8('a;b;c\r\n"1;2";"sagt ""ja""";"Zeile 1\r\nZeile 2"\r\nx;y;z\r\n'));
    expect(table.rows).toEqual([
      { line: 2, cells: ['1;2', 'sagt "ja"', 'Zeile 1\r\nZeile 2'] },
      { line: 3, cells: ['x', 'y', 'z'] },
    ]);
  });

  it('numbers lines as a spreadsheet shows them: empty lines count, a quoted line break does not start a row', async () => {
    // In Excel this file shows: 1 header, 2 a row whose cell spans two text lines, 3 empty, 4 the next row.
    const table = await parseTable(utf8('a,b\n1,"zwei\nZeilen"\n\n4,x\n'));
    expect(table.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('names the line where an unclosed quote starts', async () => {
    const error = await refusal(utf8('a,b\n1,"zwei\nZeilen"\n3,"offen\n4,x\n'));
    expect(error.code).toBe('quote_not_closed');
    expect(error.line).toBe(3);
    expect(error.text.de).toContain('Zeile 3');
    expect(error.text.en).toContain('line 3');
  });

  it('takes the separator from Excel\'s "sep=" first line and keeps the file\'s line numbers', async () => {
    // a comma-heavy header would otherwise be split at commas
    const table = await parseTable(bom('sep=;\r\nevent_key;title, Ort\r\nev-1;Treffen, Gießen\r\n'));
    expect(table.header).toEqual(['event_key', 'title, Ort']);
    expect(table.headerLine).toBe(2);
    expect(table.rows).toEqual([{ line: 3, cells: ['ev-1', 'Treffen, Gießen'] }]);
    expect((await parseTable(utf8('"sep=,"\na;b,c\n'))).header).toEqual(['a;b', 'c']);
    expect((await parseTable(utf8('SEP=|\na|b\n1|2\n'))).rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
    const error = await refusal(utf8('sep=;\na;b\n1;"offen\n'));
    expect(error.line).toBe(3);
  });

  it('reads old Mac line endings and a missing final line break', async () => {
    expect((await parseTable(utf8('a,b\r1,2\r3,4'))).rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });
});

describe('parseTable: XLSX', () => {
  async function workbook(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Teilnahme');
    fill(sheet, book);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('reads the first sheet with the header in row 1: dates, text dates, numbers, empty cells', async () => {
    const bytes = await workbook((sheet, book) => {
      sheet.addRow(['year', 'organization', 'approved_on', 'amount_eur', 'duration_months', 'summary']);
      sheet.addRow([2019, 'DTKV Gießen', new Date(Date.UTC(2019, 5, 1)), 4500.5, 12, null]);
      sheet.addRow([2018, 'Afrika Forum Kassel', '15.06.2018', 0.1 + 0.2, null, 'Text']);
      sheet.getCell('C2').numFmt = 'dd.mm.yyyy';
      book.addWorksheet('Notizen').addRow(['not', 'read']);
    });
    const table = await parseTable(bytes);
    expect(table.header).toEqual(['year', 'organization', 'approved_on', 'amount_eur', 'duration_months', 'summary']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['2019', 'DTKV Gießen', '2019-06-01', '4500.5', '12', ''] },
      { line: 3, cells: ['2018', 'Afrika Forum Kassel', '15.06.2018', '0.3', '', 'Text'] },
    ]);
  });

  it('keeps the row numbers Excel shows when rows are left empty', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getCell('A1').value = 'event_key';
      sheet.getCell('A2').value = 'ev-1';
      sheet.getCell('A5').value = 'ev-2';
    });
    expect((await parseTable(bytes)).rows.map((row) => row.line)).toEqual([2, 5]);
  });

  it('shows a postcode formatted with leading zeros as Excel does', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['postcode']);
      sheet.addRow([1067]);
      sheet.getCell('A2').numFmt = '00000';
    });
    expect((await parseTable(bytes)).rows[0].cells).toEqual(['01067']);
  });

  it('refuses a workbook whose first row is empty, and one that is not a workbook', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getCell('A2').value = 'event_key';
      sheet.getCell('A3').value = 'ev-1';
    });
    expect((await refusal(bytes)).code).toBe('no_header');
    expect((await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).code).toBe('xlsx_unreadable');
  });

  it('refuses an empty workbook as an empty file', async () => {
    expect((await refusal(await workbook(() => {}))).code).toBe('empty_file');
  });
});

describe('parseTable on anything', () => {
  const outcome = (bytes: Uint8Array) =>
    parseTable(bytes).then(
      (table) => {
        expect(Array.isArray(table.header)).toBe(true);
        for (const row of table.rows) expect(row.line).toBeGreaterThanOrEqual(2);
      },
      (error: unknown) => {
        if (!(error instanceof ImportError)) throw error;
        expect(error.text.de.length).toBeGreaterThan(0);
        expect(error.text.en.length).toBeGreaterThan(0);
      },
    );

  it('returns a table or throws an ImportError for arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), outcome), { numRuns: 500 });
  });

  it('returns a table or throws an ImportError for arbitrary CSV-like text', async () => {
    const char = fc.constantFrom('a', 'ä', '€', ',', ';', '"', '\n', '\r', '\t', ' ', '1', '\u0000', '\uFEFF');
    const text = fc.array(char, { maxLength: 200 }).map((chars) => chars.join(''));
    await fc.assert(fc.asyncProperty(text, (value) => outcome(utf8(value))), { numRuns: 1000 });
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), (value) => outcome(utf8(value))), { numRuns: 500 });
  });

  it('returns a table or throws an ImportError for damaged workbooks', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('A').addRow(['event_key', 'title']);
    const good = new Uint8Array(await book.xlsx.writeBuffer());
    const damaged = fc.tuple(fc.nat(good.length - 1), fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })).map(([cut, at, byte]) => {
      const copy = good.slice(0, Math.max(4, cut));
      if (at < copy.length && at >= 4) copy[at] = byte;
      return copy;
    });
    await fc.assert(fc.asyncProperty(damaged, outcome), { numRuns: 60 });
    const zipMagic = [0x50, 0x4b, 0x03, 0x04];
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), (rest) => outcome(new Uint8Array([...zipMagic, ...rest]))), { numRuns: 200 });
  });
});
