import { stringify } from 'csv-stringify/sync';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { defuseFormula } from '../audit/index.js';
import { fontFolders, latinFont, pdfFonts } from '../feedback/index.js';
import type { BrochureAddress } from './postal.js';

/** The brochure's addresses as a spreadsheet (CSV) and as A4 sheets of labels (PDF). */

export const brochureCsvColumns = ['organisation', 'addressee', 'street', 'postcode', 'city', 'consent_source', 'consent_date'] as const;

export function brochureCsv(addresses: BrochureAddress[]): string {
  return stringify(
    addresses.map((a) => [a.name, a.addressee ?? '', a.street, a.postcode, a.city, a.source, a.agreed_on].map((cell) => defuseFormula(String(cell)))),
    { bom: true, delimiter: ';', record_delimiter: '\r\n', header: true, columns: [...brochureCsvColumns] },
  );
}

/** The lines of one label, as the post reads them: name, c/o, street, postcode and city. */
export const labelLines = (a: BrochureAddress) => [a.name, a.addressee ? `z. Hd. ${a.addressee}` : '', a.street, `${a.postcode} ${a.city}`].filter(Boolean);

// 3 × 8 labels of 70 × 37 mm on A4 (the common sheet, e.g. Zweckform 3475)
const mm = 72 / 25.4;
const columns = 3;
const rows = 8;
const labelHeight = 37 * mm;

export async function brochureLabelsPdf(addresses: BrochureAddress[], title: string): Promise<Buffer> {
  pdfmake.setFonts(pdfFonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFolders.some((folder) => path.startsWith(folder)));
  const perPage = columns * rows;
  const pages: Content[] = [];
  for (let start = 0; start < Math.max(addresses.length, 1); start += perPage) {
    const cells = addresses.slice(start, start + perPage).map((address) => ({ text: labelLines(address).join('\n'), fontSize: 10, margin: [14, 14, 14, 0] as [number, number, number, number] }));
    while (cells.length % columns !== 0 || cells.length === 0) cells.push({ text: '', fontSize: 10, margin: [0, 0, 0, 0] });
    const body = Array.from({ length: cells.length / columns }, (_, row) => cells.slice(row * columns, row * columns + columns));
    pages.push({
      table: { widths: Array(columns).fill('*'), heights: labelHeight, body, dontBreakRows: true },
      layout: 'noBorders',
      ...(start > 0 ? { pageBreak: 'before' as const } : {}),
    });
  }
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [0, 0, 0, 0],
    info: { title, creator: 'Mosaik', producer: 'Mosaik (pdfmake)' },
    language: 'de-DE',
    defaultStyle: { font: latinFont },
    content: pages,
  };
  return pdfmake.createPdf(document).getBuffer();
}
