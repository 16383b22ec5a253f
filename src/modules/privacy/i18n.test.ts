import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { retentionKinds } from './retention.js';
import { personalTables } from './personal-data.js';

/** German first, English complete: the same keys and placeholders; a label for every personal table and retention kind. */

type Strings = Record<string, unknown>;
const read = (language: string): Strings => JSON.parse(readFileSync(new URL(`./i18n/${language}.json`, import.meta.url), 'utf8'));
function flatten(node: Strings, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'object' && value !== null) for (const [inner, text] of flatten(value as Strings, `${prefix}${key}.`)) leaves.set(inner, text);
    else leaves.set(`${prefix}${key}`, String(value));
  }
  return leaves;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('privacy translations', () => {
  const de = flatten(read('de'));
  const en = flatten(read('en'));
  it('English has every German key with the same placeholders', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    for (const [key, text] of de) expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
  });
  it('names every personal table and every retention kind', () => {
    for (const entry of personalTables()) expect(de.has(`tables.${entry.table}`), `add tables.${entry.table} to src/modules/privacy/i18n/{de,en}.json`).toBe(true);
    for (const kind of retentionKinds) expect(de.has(`retention.kinds.${kind}.label`), kind).toBe(true);
  });
});
