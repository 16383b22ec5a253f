/**
 * The basics of an accessible PDF (PDF/UA, which BITV 2.0 points to through
 * EN 301 549), read with pdf.js: the file says it is tagged (/MarkInfo
 * /Marked true), it has a document title, and it names its language (/Lang
 * in the catalogue). It is no full PDF/UA check (reading order, alternative
 * texts and headings need a person or a tool such as PAC); staff see the
 * result before they publish. pdf.js runs here at upload time, so
 * pdfjs-dist is a run-time dependency (docs/decisions.md, materials).
 */
export interface PdfFacts {
  pageCount: number;
  tagged: boolean;
  title: string | null;
  language: string | null;
}

/** Null when pdf.js cannot read the file: a damaged or encrypted PDF is refused like a fake one. */
export async function readPdfFacts(bytes: Buffer): Promise<PdfFacts | null> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  try {
    const document = await task.promise;
    const [metadata, markInfo] = await Promise.all([document.getMetadata(), document.getMarkInfo()]);
    const info = metadata.info as { Title?: unknown; Language?: unknown };
    const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
    return {
      pageCount: document.numPages,
      tagged: markInfo?.Marked === true,
      title: text(info.Title) ?? text(metadata.metadata?.get('dc:title')),
      language: text(info.Language),
    };
  } catch {
    return null;
  } finally {
    await task.destroy();
  }
}

/** Whether the three basics hold. */
export const passesPdfBasics = (facts: { pdf_tagged: boolean | null; pdf_title: string | null; pdf_language: string | null }) =>
  facts.pdf_tagged === true && facts.pdf_title !== null && facts.pdf_language !== null;
