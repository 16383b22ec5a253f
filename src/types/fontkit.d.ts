// fontkit (MIT, the font engine under pdfkit and pdfmake) ships no types: the little Mosaik uses of it.
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number;
    /** rtl when fontkit shaped the text as right-to-left: it then reverses the glyphs into visual order. */
    direction: 'ltr' | 'rtl';
    glyphs: Array<{ id: number; codePoints: number[] }>;
  }
  export interface Font {
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
  }
  export function openSync(path: string): Font;
}
