/*
 * Which font files a page needs (issue 16: a first visit under 150 KB). The
 * pages use Fira Sans subset by weight and script (public/fonts/fira-sans.css,
 * made by scripts/subset-fonts.sh); a browser fetches a face only when the
 * page shows a character of its unicode-range in its weight.
 */

/**
 * The font files a page's first paint needs, preloaded by the layout: body
 * text and headings, in Latin (every page has Latin: digits, spaces, the
 * language names) and in Cyrillic for Russian and Ukrainian. Arabic is drawn
 * with the system's fonts; the few Latin characters of an Arabic page load as
 * the stylesheet finds them.
 */
export function preloadedFonts(language: string): string[] {
  if (language === 'ar') return [];
  const scripts = language === 'ru' || language === 'uk' ? ['latin', 'cyrillic'] : ['latin'];
  return scripts.flatMap((script) => ['400', '600'].map((weight) => `fira-sans-${weight}-${script}.woff2`));
}

/** Does the text hold a character in this unicode-range ("U+0000-00FF, U+0131, …")? */
export function usesRange(text: string, range: string): boolean {
  const spans = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to ?? from, 16)] as const;
  });
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (spans.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

/**
 * The font files (as paths) a stylesheet makes a browser fetch for a page, an
 * upper bound: every face in a weight KERN uses (400, 500, 600), upright, whose
 * unicode-range covers any character of the page, whatever weight that
 * character is shown in. Used by the first-visit test and the benchmark.
 */
export function fontsForPage(html: string, stylesheet: string, stylesheetPath: string): string[] {
  const fonts: string[] = [];
  for (const [face] of stylesheet.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const file = /url\("?\.\/([^")]+\.woff2)"?\)/.exec(face)?.[1];
    const weight = /font-weight:\s*(\d+)/.exec(face)?.[1];
    const upright = /font-style:\s*normal/.test(face);
    const range = /unicode-range:\s*([^;}]+)/.exec(face)?.[1];
    if (!file || !weight || !upright || !['400', '500', '600'].includes(weight)) continue;
    if (range === undefined || usesRange(html, range)) fonts.push(new URL(file, new URL(stylesheetPath, 'http://x')).pathname);
  }
  return fonts;
}
