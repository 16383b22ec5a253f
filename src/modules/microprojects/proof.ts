import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { translator } from '../../i18n/index.js';
import { formatDay, formatInstant } from '../../ui/dates.js';
import { fontFolders, latinFont, pdfFonts } from '../feedback/index.js';
import type { Dossier } from './dossier.js';
import type { SavedReport } from './report.js';
import { reportSections, sachberichtHeader, sachberichtSections } from './sachbericht.js';
import { budgetLines } from './tables.js';

/**
 * The numerical proof (zahlenmäßiger Nachweis: planned against actual per
 * budget line) and the list of receipts (date, payee, purpose, amount,
 * ANBest-P), as PDF (pdfmake, drawn on the server) and XLSX (exceljs). The
 * proof goes to the Land: German, or English for a reader who asks for it.
 * Both carry the Sachbericht as the association saved it, or Mosaik's
 * prefilled draft, marked as a draft, when none was saved.
 */

export type ProofLanguage = 'de' | 'en';

// one formatter per language: building an Intl.NumberFormat per amount cost more than the amount's row
const euroFormats: Record<ProofLanguage, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const euros = (cents: number, language: ProofLanguage) => euroFormats[language].format(cents / 100);

/*
 * Column widths in points, fixed: A4 (595.28 pt) less the margins (2 × 36) is
 * 523 pt. With '*' columns pdfmake measured every cell of every row for its
 * smallest and largest width before laying the table out; fixed widths halve
 * the time of a 500-receipt proof (docs/decisions.md, BENCHMARKS.md).
 */
const numericalWidths = [253, 90, 90, 90];
const receiptWidths = [22, 58, 110, 131, 70, 62, 70];

function proofRows(dossier: Dossier, language: ProofLanguage) {
  const t = translator(language);
  const p = (key: string, values?: Record<string, unknown>) => t(`microprojects.proof.${key}`, values);
  const lines = dossier.money.lines.map((line) => ({
    line: t(`microprojects.lines.${line.line}`), planned: line.planned, actual: line.actual, difference: line.difference,
  }));
  const receipts = dossier.receipts.map((receipt, index) => ({
    number: index + 1, day: receipt.paid_on, payee: receipt.payee, purpose: receipt.purpose, line: t(`microprojects.lines.${receipt.budget_line}`),
    amount: receipt.amount_cents, kept: receipt.kept ? receipt.kept_where || p('keptYes') : p('keptNo'),
  }));
  return { t, p, lines, receipts };
}

/** The Sachbericht of the proof: the saved text, or the prefilled draft (then `draft`). */
function reportOf(dossier: Dossier, language: ProofLanguage, report: SavedReport | null) {
  const t = translator(language);
  const sections = report?.sections ?? sachberichtSections(t, language, dossier);
  const status = report
    ? t('microprojects.proof.reportSaved', { when: formatInstant(report.savedAt, language, { style: 'numeric', time: 'short' }), who: report.savedBy ?? '—' })
    : t('microprojects.proof.reportDraft');
  return {
    draft: report === null, status, header: sachberichtHeader(t, language, dossier),
    sections: reportSections.map((key, index) => ({ title: `${index + 1}. ${t(`microprojects.sachbericht.${key}`)}`, text: sections[key] })),
  };
}

export async function proofPdf(dossier: Dossier, language: ProofLanguage, report: SavedReport | null = null): Promise<Buffer> {
  pdfmake.setFonts(pdfFonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFolders.some((folder) => path.startsWith(folder)));
  const { p, lines, receipts } = proofRows(dossier, language);
  const { project } = dossier;
  const day = (value: string | null) => (value ? formatDay(value, language, 'numeric') : '—');
  const money = (cents: number) => ({ text: euros(cents, language), alignment: 'right' as const });
  const content: Content[] = [
    { text: p('title'), style: 'title' },
    { text: `${project.title} · ${project.organisation_name}`, margin: [0, 0, 0, 2] },
    { text: p('period', { from: day(project.starts_on), to: day(project.ends_on), year: project.year }), margin: [0, 0, 0, 10] },
    { text: p('numerical'), style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: numericalWidths,
        body: [
          [p('line'), p('planned'), p('actual'), p('difference')].map((text) => ({ text, bold: true })),
          ...lines.map((line) => [line.line, money(line.planned), money(line.actual), money(line.difference)]),
          [{ text: p('total'), bold: true }, money(dossier.money.plannedTotal), money(dossier.money.actualTotal), money(dossier.money.actualTotal - dossier.money.plannedTotal)],
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 12],
    },
    { text: p('receipts', { count: receipts.length }), style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: receiptWidths,
        body: [
          ['#', p('day'), p('payee'), p('purpose'), p('line'), p('amount'), p('kept')].map((text) => ({ text, bold: true })),
          ...receipts.map((r) => [String(r.number), day(r.day), r.payee, r.purpose, r.line, money(r.amount), r.kept]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
  ];
  const narrative = reportOf(dossier, language, report);
  content.push(
    { text: p('report'), style: 'title', pageBreak: 'before' },
    { text: narrative.status, bold: narrative.draft, margin: [0, 0, 0, 6] },
    ...narrative.header.map((text) => ({ text })),
    ...narrative.sections.flatMap((section): Content[] => [{ text: section.title, style: 'heading', margin: [0, 10, 0, 4] }, { text: section.text || '—' }]),
  );
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 40],
    info: { title: p('title'), subject: project.title, creator: 'Mosaik', producer: 'Mosaik (pdfmake)' },
    language: language === 'de' ? 'de-DE' : 'en-GB',
    displayTitle: true,
    defaultStyle: { font: latinFont, fontSize: 9 },
    styles: { title: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] }, heading: { fontSize: 11, bold: true, margin: [0, 4, 0, 4] } },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    content,
  };
  return pdfmake.createPdf(document).getBuffer();
}

export async function proofXlsx(dossier: Dossier, language: ProofLanguage, report: SavedReport | null = null): Promise<Buffer> {
  const { p, lines, receipts } = proofRows(dossier, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mosaik';
  const numerical = workbook.addWorksheet(p('numericalSheet'));
  numerical.columns = [
    { header: p('line'), key: 'line', width: 28 },
    { header: p('planned'), key: 'planned', width: 14 },
    { header: p('actual'), key: 'actual', width: 14 },
    { header: p('difference'), key: 'difference', width: 14 },
  ];
  const toEuros = (cents: number) => cents / 100;
  for (const line of lines) numerical.addRow({ line: line.line, planned: toEuros(line.planned), actual: toEuros(line.actual), difference: toEuros(line.difference) });
  numerical.addRow({ line: p('total'), planned: toEuros(dossier.money.plannedTotal), actual: toEuros(dossier.money.actualTotal), difference: toEuros(dossier.money.actualTotal - dossier.money.plannedTotal) });
  const list = workbook.addWorksheet(p('receiptsSheet'));
  list.columns = [
    { header: '#', key: 'number', width: 6 },
    { header: p('day'), key: 'day', width: 12 },
    { header: p('payee'), key: 'payee', width: 28 },
    { header: p('purpose'), key: 'purpose', width: 36 },
    { header: p('line'), key: 'line', width: 20 },
    { header: p('amount'), key: 'amount', width: 12 },
    { header: p('kept'), key: 'kept', width: 20 },
  ];
  // days as text (YYYY-MM-DD): a spreadsheet date would be shifted by the reader's time zone
  for (const receipt of receipts) list.addRow({ ...receipt, amount: toEuros(receipt.amount) });
  const narrative = reportOf(dossier, language, report);
  const reportSheet = workbook.addWorksheet(p('reportSheet'));
  reportSheet.columns = [{ header: p('report'), key: 'title', width: 36 }, { header: narrative.status, key: 'text', width: 100 }];
  for (const text of narrative.header) reportSheet.addRow({ title: text });
  for (const section of narrative.sections) reportSheet.addRow(section);
  reportSheet.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  for (const sheet of [numerical, list, reportSheet]) {
    sheet.getRow(1).font = { bold: true };
    // a leading =, +, - or @ would be read as a formula by a spreadsheet
    sheet.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) cell.value = `'${cell.value}`; }));
  }
  for (const key of ['planned', 'actual', 'difference']) numerical.getColumn(key).numFmt = '#,##0.00 "€"';
  list.getColumn('amount').numFmt = '#,##0.00 "€"';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const proofLines = budgetLines;
