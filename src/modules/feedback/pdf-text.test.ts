import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.js';
import { numberFormats } from '../reports/index.js';
import { annexPdf } from './annex-pdf.js';
import type { AnnexBlock } from './annex.js';
import { coveredByFonts } from './pdf-text.js';

/*
 * The annex PDF in every language Mosaik collects, read back with pdf.js as a
 * screen reader or a copy-and-paste would: Arabic open answers are in its text
 * (in reading order), no character falls on an empty box, and the file names
 * its title and language.
 */

const arabicAnswer = 'شكرا جزيلا على الورشة المفيدة';
const longArabic = 'كانت الورشة مفيدة جدا وتعلمنا كيف نكتب طلب التمويل خطوة بخطوة مع أمثلة من جمعيات أخرى في هيسن';
const mixedArabic = 'ورشة Mosaik في عام 2019 كانت ممتازة';
const others = ['Çok teşekkürler, atölye çok faydalıydı', 'Спасибо, очень полезный семинар', 'Дякуємо, дуже корисний семінар, ґанок і їжак'];

const block: AnnexBlock = {
  format: 'writing_workshop',
  events: [
    { id: 1, event_key: 'w1', title: 'ورشة كتابة الطلبات', start_date: '2019-03-01', municipality: null, forms: 6 },
    { id: 2, event_key: 'w2', title: 'Schreibwerkstatt Kassel', start_date: '2019-04-01', municipality: null, forms: 1 },
    { id: 3, event_key: 'w3', title: 'Schreibwerkstatt Fulda', start_date: '2019-05-01', municipality: null, forms: 1 },
  ],
  rows: [
    {
      kind: 'open',
      ordinal: 1,
      texts: { de: ['Was hat Ihnen gefallen?'], en: ['What did you like?'] },
      cells: [{ n: 6, mean: null, yes: 0, no: 0, texts: [arabicAnswer, longArabic, mixedArabic, ...others] }, { n: 1, mean: null, yes: 0, no: 0, texts: ['Alles gut'] }, null],
    },
  ],
  withoutForms: [],
};

/**
 * The lam-alef ligature (one glyph for ل + ا) maps to both letters in logical
 * order, as PDF writers do (Chromium's print too); pdf.js reverses the whole
 * visual line and so reads them as "ال" — a known limit of extractors that
 * PDFBox fixed (PDFBOX-4531). Every other letter comes back as typed.
 */
const asPdfJsReads = (text: string) => text.replaceAll('لا', 'ال');

async function read(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await document.getPage(1);
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
  const metadata = await document.getMetadata();
  await document.destroy();
  return { text, info: metadata.info as Record<string, unknown> };
}

/** Every glyph drawn, as pdfkit writes them (4 hex digits per glyph of a subset font; 0000 is .notdef, the empty box). */
function drawnGlyphs(pdf: Buffer): string[] {
  const glyphs: string[] = [];
  const text = pdf.toString('latin1');
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a deflated stream (or a font program's binary)
    }
    for (const shown of content.matchAll(/\[(.*?)\] TJ/g)) for (const hex of shown[1].matchAll(/<([0-9a-f]+)>/g)) glyphs.push(...(hex[1].match(/.{4}/g) ?? []));
  }
  return glyphs;
}

async function pdfFor(language: 'de' | 'en') {
  return annexPdf({ t: translator(language), language, formats: numberFormats(language), period: { from: '2019-01-01', to: '2019-12-31' }, blocks: [block] });
}

describe('the annex PDF in all languages', () => {
  it('holds Arabic open answers as Arabic text in reading order, and Turkish, Russian and Ukrainian as written', async () => {
    const { text } = await read(await pdfFor('de'));
    expect(text).toContain('Anhang: Auswertung der Feedbackbögen');
    // pdf.js turns each right-to-left line back into logical order: the answers read as typed
    expect(text).toContain(asPdfJsReads(arabicAnswer));
    expect(text).toContain('ورشة كتابة الطلبات');
    // a long answer broken into lines (narrow columns) keeps every word, in order within each line
    for (const word of longArabic.split(' ')) expect(text).toContain(word);
    expect(text).toMatch(/كانت الورشة مفيدة/);
    // Latin words and numbers inside Arabic keep their own direction
    for (const word of ['ورشة', 'Mosaik', 'في عام', '2019', 'كانت ممتازة']) expect(text).toContain(word);
    for (const answer of others) expect(text).toContain(answer);
    expect(text).not.toContain('\uFFFD');
  });

  it('names its title and language, and shows the title', async () => {
    const german = await read(await pdfFor('de'));
    expect(german.info.Title).toBe('Anhang: Auswertung der Feedbackbögen');
    expect(german.info.Language).toBe('de-DE');
    const english = await read(await pdfFor('en'));
    expect(english.info.Title).toBe('Annex: evaluation of the feedback forms');
    expect(english.info.Language).toBe('en-GB');
  });

  it('has a glyph for every letter of every language Mosaik collects (no empty boxes)', () => {
    const samples = [
      'Äpfel, Öl und Übermut – Straße „Zitat“ € …',
      'İstanbul ılık ğüşöç İĞÜŞÖÇ',
      'Съешь же ещё этих мягких французских булок, да выпей чаю',
      'Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!',
      arabicAnswer,
      'أ إ آ ة ى ئ ؤ ء ـ ، ؛ ؟ ٠١٢٣٤٥٦٧٨٩',
    ];
    for (const sample of samples) expect(coveredByFonts(sample), sample).toBe(true);
    // what the fonts do not cover is seen as such
    expect(coveredByFonts('中文')).toBe(false);
  });

  it('draws no empty box (.notdef) for any answer', async () => {
    const glyphs = drawnGlyphs(await pdfFor('de'));
    expect(glyphs.length).toBeGreaterThan(200);
    expect(glyphs).not.toContain('0000');
    // the check sees an empty box when there is one
    const chinese: AnnexBlock = { ...block, rows: [{ ...block.rows[0], cells: [{ n: 1, mean: null, yes: 0, no: 0, texts: ['中文'] }, null, null] }] };
    const withBoxes = await annexPdf({ t: translator('de'), language: 'de', formats: numberFormats('de'), period: { from: '2019-01-01', to: '2019-12-31' }, blocks: [chinese] });
    expect(drawnGlyphs(withBoxes)).toContain('0000');
  });
});
