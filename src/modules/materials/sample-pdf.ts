import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * Small handout PDFs drawn by pdfmake, for the demo library and the tests.
 * They use the PDF standard font Helvetica (no font file, Latin text only).
 * pdfmake's font table is shared by the whole process (the feedback annex
 * sets its own), so the font is added right before each use.
 *
 * `tagged: true` makes pdfkit write /MarkInfo, a structure tree root and /Lang,
 * and the title is written to the document information: enough for the basic
 * check of pdf-check.ts, but the structure tree stays without elements, so
 * such a file is not a fully accessible PDF (PDF/UA). Untagged files fail
 * the check, as the demo shows honestly.
 */
const standardFonts = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
type Policy = ((path: string) => boolean) & { allowsStandardFonts?: true };

/**
 * pdfmake asks its local-access policy even for the names of standard fonts.
 * The policy is process-wide and the feedback annex sets its own (its font
 * folders): that one is kept and the four Helvetica names are allowed besides,
 * nothing else. Checked before every use, as a later import may replace it.
 */
function allowStandardFonts() {
  pdfmake.setUrlAccessPolicy(() => false);
  const current = (pdfmake as unknown as { localAccessPolicy?: Policy }).localAccessPolicy;
  if (current?.allowsStandardFonts) return;
  const policy: Policy = Object.assign((path: string) => standardFonts.has(path) || current?.(path) === true, { allowsStandardFonts: true as const });
  pdfmake.setLocalAccessPolicy(policy);
}

export async function drawHandoutPdf(input: { title: string; paragraphs: string[]; tagged: boolean; language?: string }): Promise<Buffer> {
  allowStandardFonts();
  pdfmake.addFonts({ Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
  const document: TDocumentDefinitions = {
    content: [{ text: input.title, fontSize: 16, bold: true, margin: [0, 0, 0, 12] }, ...input.paragraphs.map((text) => ({ text, margin: [0, 0, 0, 8] as [number, number, number, number] }))],
    defaultStyle: { font: 'Helvetica', fontSize: 11 },
    ...(input.tagged ? { info: { title: input.title, creator: 'Mosaik' }, language: input.language ?? 'de-DE', tagged: true, displayTitle: true } : { info: { creator: 'Mosaik' } }),
  } as TDocumentDefinitions;
  return Buffer.from(await pdfmake.createPdf(document).getBuffer());
}
