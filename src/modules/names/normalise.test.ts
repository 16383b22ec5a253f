import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, normalisePersonName } from './normalise.js';

describe('normaliseName (spec/exchange.md)', () => {
  const canonical = normaliseName('Deutsch-Türkischer Kulturverein Gießen e.V.');

  it('reads the spec example the same in every spelling', () => {
    expect(canonical).toBe('deutsch tuerkischer kulturverein giessen');
    expect(normaliseName('Deutsch-Tuerkischer Kulturverein Giessen')).toBe(canonical);
    expect(normaliseName('DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.')).toBe(canonical);
  });

  it('does not match an acronym by itself (that is what aliases are for)', () => {
    expect(normaliseName('DTKV Gießen')).toBe('dtkv giessen');
    expect(normaliseName('DTKV Gießen')).not.toBe(canonical);
  });

  it.each([
    ['Verein e.V.', 'verein'],
    ['Verein e. V.', 'verein'],
    ['Verein eV', 'verein'],
    ['Verein e.v', 'verein'],
    ['Verein E.V', 'verein'],
    ['Bildung gGmbH', 'bildung'],
    ['Bildung GmbH', 'bildung'],
    ['Bildung gUG', 'bildung'],
    ['Frauenverein i.G.', 'frauenverein'],
    ['Frauenverein i. G.', 'frauenverein'],
    ['Frauenverein e.V. i.G.', 'frauenverein'],
  ])('drops the legal form in %s', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it('keeps letters that only look like legal forms inside words', () => {
    expect(normaliseName('Evangelische Gemeinde')).toBe('evangelische gemeinde');
    expect(normaliseName('Gev Kultur')).toBe('gev kultur');
    expect(normaliseName('Eve Initiative')).toBe('eve initiative');
  });

  it('folds umlauts, ß and accents, and reads & and + as "und"', () => {
    expect(normaliseName('Café Über & Co')).toBe('cafe ueber und co');
    expect(normaliseName('Eltern+Kinder')).toBe('eltern und kinder');
    expect(normaliseName('Straße')).toBe('strasse');
    expect(normaliseName('Société Générale')).toBe('societe generale');
  });

  it('applies Unicode NFKC first (full-width letters, ligatures)', () => {
    expect(normaliseName('Ｋｕｌｔｕｒ ﬁlm')).toBe('kultur film');
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(normaliseName('  Afrika -- Forum  (Kassel) ')).toBe('afrika forum kassel');
  });

  it('keeps letters of other scripts', () => {
    expect(normaliseName('Союз Україна e.V.')).toBe(normaliseName('СОЮЗ УКРАЇНА'));
    expect(normaliseName('Союз Україна e.V.')).toMatch(/^союз укра.на$/u);
    expect(normaliseName('جمعية الجالية')).toBe('جمعية الجالية');
  });

  it('drops a legal form that only appears once punctuation is gone', () => {
    expect(normaliseName('Verein e-v')).toBe('verein');
    expect(normaliseName('𝐄𞻰ᵛ')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const once = normaliseName(name);
        expect(normaliseName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on name-like strings with legal forms and umlauts', () => {
    const part = fc.constantFrom('e.V.', 'e. V.', 'eV', 'gGmbH', 'i. G.', 'Gießen', 'Über', '&', '+', '-', 'Kultur', 'É', 'ß', ' ', '.');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const once = normaliseName(parts.join(''));
        expect(normaliseName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalisePersonName', () => {
  it('compares names as written on lists', () => {
    expect(normalisePersonName('Ayşe  Yılmaz')).toBe(normalisePersonName('AYSE YILMAZ'));
    expect(normalisePersonName('Jürgen Groß')).toBe('juergen gross');
  });
});
