import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import bidiModule, { type Bidi, type EmbeddingLevels } from 'bidi-js';
import * as fontkit from 'fontkit';
import type { Content, ContentText } from 'pdfmake/interfaces.js';

/**
 * Text in every language Mosaik collects (German, English, Turkish, Arabic,
 * Russian, Ukrainian) for pdfmake, which has neither font fallback nor
 * right-to-left layout of its own:
 *
 * - Fonts: Noto Sans (Latin with Turkish, Cyrillic, Greek) and Noto Naskh
 *   Arabic, TrueType files from @embedpdf/fonts-latin and -arabic. pdfmake uses
 *   one font per text piece, so a text is cut into pieces by script.
 * - Shaping: fontkit (under pdfkit) joins Arabic letters by the font's OpenType
 *   rules when it is given a word in logical order, and then reverses that
 *   word's glyphs into visual order; each glyph keeps its characters, so the
 *   PDF's text layer holds the real Arabic letters.
 * - Order: bidi-js (the Unicode Bidirectional Algorithm) decides which pieces
 *   run right to left and in which order a line's pieces stand. Because the
 *   order of words depends on the line, right-to-left paragraphs are broken
 *   into lines here (measured with the same fonts), each line right-aligned and
 *   kept whole (`noWrap`).
 */

const require = createRequire(import.meta.url);
const latinFolder = join(dirname(require.resolve('@embedpdf/fonts-latin')), '..', 'fonts') + sep;
const arabicFolder = join(dirname(require.resolve('@embedpdf/fonts-arabic')), '..', 'fonts') + sep;

/** The font files pdfmake may read (its local-access policy allows nothing else). */
export const fontFolders = [latinFolder, arabicFolder];

export const latinFont = 'NotoSans';
export const arabicFont = 'NotoNaskhArabic';

/** pdfmake's font table: family → file per style. Naskh has no italics; its upright faces stand in. */
export const pdfFonts = {
  [latinFont]: {
    normal: `${latinFolder}NotoSans-Regular.ttf`,
    bold: `${latinFolder}NotoSans-SemiBold.ttf`,
    italics: `${latinFolder}NotoSans-Italic.ttf`,
    bolditalics: `${latinFolder}NotoSans-SemiBoldItalic.ttf`,
  },
  [arabicFont]: {
    normal: `${arabicFolder}NotoNaskhArabic-Regular.ttf`,
    bold: `${arabicFolder}NotoNaskhArabic-Bold.ttf`,
    italics: `${arabicFolder}NotoNaskhArabic-Regular.ttf`,
    bolditalics: `${arabicFolder}NotoNaskhArabic-Bold.ttf`,
  },
};

type Family = typeof latinFont | typeof arabicFont;

const faces = new Map<string, fontkit.Font>();
function face(family: Family, bold: boolean): fontkit.Font {
  const path = pdfFonts[family][bold ? 'bold' : 'normal'];
  let font = faces.get(path);
  if (!font) {
    font = fontkit.openSync(path);
    faces.set(path, font);
  }
  return font;
}

// bidi-js is CommonJS whose types declare an ES default export: at run time the default import is the factory itself
const bidi = (bidiModule as unknown as () => Bidi)();
/** Hebrew, Arabic, Syriac, Thaana, N'Ko … and the Arabic presentation forms: where right-to-left text can start. */
const rightToLeft = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const arabicScript = /\p{Script=Arabic}/u;
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * Which family draws a character: Arabic script in Naskh; so too the Arabic
 * punctuation and tatweel that Noto Sans lacks (، ؛ ؟ ـ), and in a right-to-left
 * run the punctuation and spaces Naskh has; everything else in Noto Sans.
 */
function familyOf(char: string, rtlRun: boolean): Family {
  const codePoint = char.codePointAt(0)!;
  if (arabicScript.test(char)) return arabicFont;
  if (face(arabicFont, false).hasGlyphForCodePoint(codePoint)) {
    if (!face(latinFont, false).hasGlyphForCodePoint(codePoint)) return arabicFont;
    if (rtlRun && !letterOrDigit.test(char)) return arabicFont;
  }
  return latinFont;
}

/** Whether every character of `text` has a glyph in the fonts that draw it (no empty boxes). */
export function coveredByFonts(text: string): boolean {
  return [...text].every((char) => /\s/.test(char) || face(familyOf(char, false), false).hasGlyphForCodePoint(char.codePointAt(0)!));
}

export interface TextOptions {
  fontSize: number;
  bold?: boolean;
  /** The width the text may take, in points (a column's content width). */
  width: number;
}

/**
 * A paragraph for pdfmake: left-to-right text as it is (Noto Sans, pdfmake
 * wraps it); text with right-to-left characters as lines in visual order.
 */
export function pdfParagraph(text: string, options: TextOptions): Content {
  const style = { fontSize: options.fontSize, ...(options.bold ? { bold: true } : {}) };
  if (!rightToLeft.test(text)) return { text, ...style };
  const lines = text.split(/\r?\n/).flatMap((paragraph) => paragraphLines(paragraph, options));
  return { stack: lines.map((line) => ({ ...line, ...style })) };
}

/** One paragraph (no line feeds) broken into lines and each line ordered for display. */
function paragraphLines(paragraph: string, options: TextOptions): ContentText[] {
  const levels = bidi.getEmbeddingLevels(paragraph, 'auto');
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
  return breakLines(paragraph, options).map(([start, end]) => ({
    text: visualPieces(paragraph, levels, start, end, options.bold ?? false),
    alignment: rtl ? 'right' : 'left',
    noWrap: true,
  }));
}

/**
 * Greedy line breaking at spaces, measured with the fonts that will draw the
 * text; a little room is left so that pdfmake's own measure never wraps again.
 * Returns [start, end] index pairs (end inclusive), without the breaking spaces.
 */
function breakLines(text: string, options: TextOptions): Array<[number, number]> {
  const room = options.width * 0.97 - 2;
  const words = [...text.matchAll(/\S+/g)].map((match) => [match.index, match.index + match[0].length - 1] as [number, number]);
  const lines: Array<[number, number]> = [];
  for (const word of words) {
    const current = lines.at(-1);
    if (current && measure(text.slice(current[0], word[1] + 1), options) <= room) current[1] = word[1];
    else lines.push([...word]);
  }
  return lines.length > 0 ? lines : [[0, text.length - 1]];
}

function measure(text: string, options: TextOptions): number {
  let width = 0;
  for (const piece of piecesByFamily([...text], false)) {
    const font = face(piece.family, options.bold ?? false);
    width += (font.layout(piece.text).advanceWidth / font.unitsPerEm) * options.fontSize;
  }
  return width;
}

function piecesByFamily(chars: string[], rtlRun: boolean): Array<{ family: Family; text: string }> {
  const pieces: Array<{ family: Family; text: string }> = [];
  for (const char of chars) {
    const family = familyOf(char, rtlRun);
    const last = pieces.at(-1);
    if (last && last.family === family) last.text += char;
    else pieces.push({ family, text: char });
  }
  return pieces;
}

/**
 * The line's characters in visual order (bidi-js, with mirrored brackets in
 * right-to-left runs), cut into words and spaces of one direction and one
 * font, which pdfmake sets left to right. fontkit reverses a word it shapes as
 * right to left: so each such word is handed over reversed again, that is in
 * its logical order, which Arabic shaping needs, while the words stand in
 * visual order. (pdfkit cuts a text at spaces and lays out each part on its
 * own, which is why a space must never share a piece with an Arabic word.)
 */
function visualPieces(text: string, levels: EmbeddingLevels, start: number, end: number, bold: boolean): Array<{ text: string; font: Family }> {
  const order = bidi.getReorderedIndices(text, levels, start, end).slice(start, end + 1);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end);
  const runs: Array<{ rtl: boolean; chars: string[] }> = [];
  for (const index of order) {
    const rtl = levels.levels[index] % 2 === 1;
    const char = mirrored.get(index) ?? text[index];
    const last = runs.at(-1);
    if (last && last.rtl === rtl) last.chars.push(char);
    else runs.push({ rtl, chars: [char] });
  }
  return runs.flatMap((run) =>
    piecesByFamily(run.chars, run.rtl).flatMap(({ family, text: visual }) => {
      const font = face(family, bold);
      // words and the spaces between them as pieces of their own, so that no space is carried to the wrong side of a word
      return visual
        .split(/([ \t]+)/)
        .filter((word) => word !== '')
        .map((word) => ({ text: word.trim() && font.layout(word).direction === 'rtl' ? [...word].reverse().join('') : word, font: family }));
    }),
  );
}
