import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Translate } from '../../i18n/index.js';
import type { NumberFormats } from '../reports/index.js';
import { printMean, type AnnexBlock, type AnnexCell, type AnnexEvent, type AnnexRow } from './annex.js';
import { smallSample } from './evaluation.js';
import { tagContent } from './pdf-tags.js';
import { fontFolders, latinFont, pdfFonts, pdfParagraph } from './pdf-text.js';

/**
 * The annex as a PDF, drawn on the server by pdfmake (no browser): the same
 * blocks as the HTML page, A4 landscape, events side by side in groups of
 * `eventsPerTable` so that a table fits the page width, and per cell the mean
 * as the report prints it, N and "keine Angabe". Noto Sans and Noto Naskh
 * Arabic are embedded, and open answers and event titles in Arabic are laid
 * out right to left (pdf-text.ts). The file is a tagged PDF with its language
 * and title: headings, paragraphs and each table as Table / Caption / TR / TH /
 * TD, so that screen readers read the tables cell by cell (pdf-tags.ts).
 */

pdfmake.setFonts(pdfFonts);
// nothing from the network; from the disk only the fonts (pdfmake asks for every path it opens)
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFolders.some((folder) => path.startsWith(folder)));

/** A4 landscape less the page margins, in points. */
const contentWidth = 841.89 - 36 - 36;
const questionWidth = 200;
/** lightHorizontalLines pads 8 pt on each inner side of a column. */
const columnPadding = 16;
/** The room pdfmake gives an item of a bullet list ("9. " at 8 pt, with margin to spare). */
const bulletRoom = 14;
const eventColumnWidth = (columns: number) => (contentWidth - questionWidth - columnPadding * columns) / columns;

export const eventsPerTable = 5;
/**
 * pdfmake lays out on the main thread, about 15–30 ms per event column on this
 * machine: a PDF is drawn for at most this many events (a centre's year has
 * tens); beyond it the page asks for a shorter period or one format.
 */
export const pdfEventLimit = 250;

export const annexEventCount = (blocks: AnnexBlock[]) => blocks.reduce((sum, block) => sum + block.events.length, 0);

export interface AnnexPdfInput {
  t: Translate;
  language: 'de' | 'en';
  formats: NumberFormats;
  period: { from: string; to: string };
  /** The format chosen, or undefined for all formats. */
  format?: string;
  blocks: AnnexBlock[];
}

export async function annexPdf(input: AnnexPdfInput): Promise<Buffer> {
  const { t, formats, period } = input;
  const content: Content[] = [
    tagContent({ text: t('feedback.annex.title'), style: 'title' }, { tag: 'H1', key: 'title' }),
    tagContent(
      { text: `${t('feedback.annex.period')}: ${formats.day(period.from)} – ${formats.day(period.to)}${input.format ? ` · ${t(`feedback.formats.${input.format}`)}` : ''}`, margin: [0, 0, 0, 4] },
      { tag: 'P', key: 'period' },
    ),
    tagContent({ text: t('feedback.annexPdf.scale'), bold: true, margin: [0, 0, 0, 4] }, { tag: 'P', key: 'scale' }),
    tagContent({ text: t('feedback.annexPdf.intro'), fontSize: 8, margin: [0, 0, 0, 4] }, { tag: 'P', key: 'intro' }),
    tagContent({ text: t('feedback.annexPdf.cellLegend'), fontSize: 8, margin: [0, 0, 0, 8] }, { tag: 'P', key: 'legend' }),
  ];
  if (input.blocks.length === 0) content.push(tagContent({ text: t('feedback.annex.none') }, { tag: 'P', key: 'none' }));
  const tables = { count: 0 };
  input.blocks.forEach((block, index) => content.push(...blockContent(input, block, index, tables)));
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 40],
    info: { title: t('feedback.annex.title'), subject: t('feedback.annex.title'), creator: 'Mosaik', producer: 'Mosaik (pdfmake)' },
    language: input.language === 'en' ? 'en-GB' : 'de-DE',
    // a structure tree (pdf-tags.ts) and viewers show the title rather than the file name
    tagged: true,
    displayTitle: true,
    defaultStyle: { font: latinFont, fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      block: { fontSize: 12, bold: true, margin: [0, 6, 0, 2] },
      header: { bold: true, fontSize: 8 },
      note: { fontSize: 8, margin: [0, 2, 0, 0] },
    },
    footer: (page, pages) => ({ text: t('feedback.annexPdf.page', { page, pages }), alignment: 'center', fontSize: 8, margin: [0, 12, 0, 0] }),
    content,
  };
  return pdfmake.createPdf(document).getBuffer();
}

/** `tables` counts the tables drawn so far: each table's cells are tagged with its number. */
function blockContent(input: AnnexPdfInput, block: AnnexBlock, blockIndex: number, tables: { count: number }): Content[] {
  const { t, formats } = input;
  const name = t(`feedback.formats.${block.format}`);
  // the format's name is the table's first header row: repeated on every page, never left alone at a page's foot
  const parts: Content[] = block.events.length === 0 ? [tagContent({ text: name, style: 'block' }, { tag: 'H2', key: `block${blockIndex}` })] : [];
  for (let first = 0; first < block.events.length; first += eventsPerTable) {
    const columns = block.events.slice(first, first + eventsPerTable).map((event, offset) => ({ event, index: first + offset }));
    const title: TableCell[] = [{ text: name, style: 'block', colSpan: columns.length + 1 }, ...columns.map(() => ({ text: '' }))];
    const width = eventColumnWidth(columns.length);
    const header: TableCell[] = [
      { text: t('feedback.annex.question'), style: 'header' },
      ...columns.map(({ event }) => ({
        stack: [pdfParagraph(event.title, { fontSize: 8, bold: true, width }), { text: `${formats.day(event.start_date)} – ${t('feedback.annex.formsN', { forms: event.forms })}` }],
        style: 'header',
      })),
    ];
    const rows: TableCell[][] = [
      title,
      header,
      ...block.rows.map((row) => [pdfParagraph(row.texts[input.language].join(' / '), { fontSize: 9, width: questionWidth }), ...columns.map(({ event, index }) => cellContent(input, row, row.cells[index], event, width))]),
    ];
    const table = tables.count++;
    // the spanned cells of the caption row are empty placeholders: nothing to tag
    const body = rows.map((cells, row) => cells.map((cell, column) => (row === 0 && column > 0 ? cell : tagContent(cell as Content, { tag: 'cell', table, row, column }) as TableCell)));
    parts.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [questionWidth, ...columns.map(() => width)], body },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    });
  }
  if (block.rows.some((row) => row.kind === 'rating' && row.cells.some((cell) => cell && cell.mean !== null && cell.n < smallSample))) {
    parts.push(tagContent({ text: t('feedback.annex.small'), style: 'note' }, { tag: 'P', key: `small${blockIndex}` }));
  }
  if (block.withoutForms.length > 0) {
    const events = block.withoutForms.map((event) => `${event.title} (${formats.day(event.start_date)})`).join('; ');
    parts.push(tagContent({ stack: [pdfParagraph(t('feedback.annex.withoutForms', { events }), { fontSize: 8, width: contentWidth })], style: 'note' }, { tag: 'P', key: `without${blockIndex}` }));
  }
  return parts;
}

/** One event's answers to one question: mean (rating), yes/no counts or the open answers, then N and "keine Angabe". */
function cellContent(input: AnnexPdfInput, row: AnnexRow, cell: AnnexCell | null, event: AnnexEvent, width: number): TableCell {
  const { t } = input;
  if (!cell) return { text: '–' };
  const counts = { text: t('feedback.annexPdf.counts', { n: cell.n, none: event.forms - cell.n }), fontSize: 7, color: '#444444' };
  if (row.kind === 'rating') {
    const mean = cell.mean === null ? '–' : `${printMean(cell.mean, input.language)}${cell.n < smallSample ? '*' : ''}`;
    return { stack: [{ text: mean, bold: true }, counts] };
  }
  if (row.kind === 'yes_no') return { stack: [{ text: t('feedback.annex.yesNo', { yes: cell.yes, no: cell.no }) }, counts] };
  const answers = cell.texts.map((answer) => pdfParagraph(answer, { fontSize: 8, width: width - bulletRoom }));
  return { stack: [answers.length === 0 ? { text: '–' } : { ul: answers, fontSize: 8 }, counts] };
}
