/**
 * The normalised form of an organisation's name (spec/exchange.md, "Which
 * organisation a name means"). Two names mean the same organisation exactly
 * when their normalised forms are equal; nothing here guesses.
 */

const germanLetters: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

// spec: legal-form tokens are dropped where they stand as words: e.V. in any
// spacing and punctuation (e. V., eV, e.v), gGmbH, GmbH, gUG, i.G. / i. G.
// Applied after lower-casing and umlaut folding, before punctuation becomes space.
const legalFormTokens: RegExp[] = [
  /(?<![\p{L}\p{N}])e\s*\.?\s*v(?![\p{L}\p{N}])\.?/gu,
  /(?<![\p{L}\p{N}])g?gmbh(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])gug(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])i\s*\.\s*g(?![\p{L}\p{N}])\.?/gu,
];

export function normaliseName(name: string): string {
  // Turning punctuation into spaces can make a new legal-form token appear
  // ("e-v" → "e v", "E𞻰v" → "e v"); the spec drops legal forms "in any
  // spacing and punctuation", so repeat until nothing changes. Every pass that
  // changes the text after the first only removes characters, so this ends.
  let previous = normaliseOnce(name);
  for (;;) {
    const next = normaliseOnce(previous);
    if (next === previous) return next;
    previous = next;
  }
}

function normaliseOnce(name: string): string {
  let text = name.normalize('NFKC').toLowerCase();
  text = text.replace(/[äöüß]/g, (letter) => germanLetters[letter]);
  // other accents dropped: decompose, remove combining marks, compose again
  text = text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  text = text.replace(/[&+]/g, ' und ');
  for (const token of legalFormTokens) text = text.replace(token, ' ');
  text = text.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text.trim();
}

/** Normalised form of a person's name as written on a list (row identity). */
export function normalisePersonName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => germanLetters[letter])
    .replace(/ı/g, 'i') // Turkish dotless i, often lost on lists typed elsewhere
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
