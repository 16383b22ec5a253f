import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

/** Languages of the staff interface: German first, English complete. */
export const staffLanguages = ['de', 'en'] as const;
/** Public pages and feedback forms are also offered in these. */
export const publicLanguages = ['de', 'en', 'tr', 'ar', 'ru', 'uk'] as const;
export type Language = (typeof publicLanguages)[number];

const rightToLeft = new Set<Language>(['ar']);
export const textDirection = (language: Language) => (rightToLeft.has(language) ? 'rtl' : 'ltr');

// Read from src/ at run time (dist/i18n is at the same depth as src/i18n).
const folder = fileURLToPath(new URL('../../src/i18n/', import.meta.url));
const modulesFolder = fileURLToPath(new URL('../../src/modules/', import.meta.url));

/**
 * Shared strings live in src/i18n/<language>.json; each module keeps its own in
 * src/modules/<module>/i18n/<language>.json, reachable as "<module>.<key>".
 * A module that absorbed another keeps the other's strings under their old
 * namespace in src/modules/<module>/i18n/<namespace>/<language>.json
 * ("dashboard.*" in reports, "accounts.*" in identity), so keys stay stable.
 */
function load(language: Language): Record<string, unknown> {
  const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
  const strings: Record<string, unknown> = readJson(`${folder}${language}.json`);
  for (const module of readdirSync(modulesFolder)) {
    const moduleFolder = `${modulesFolder}${module}/i18n/`;
    if (existsSync(`${moduleFolder}${language}.json`)) strings[module] = readJson(`${moduleFolder}${language}.json`);
    if (!existsSync(moduleFolder)) continue;
    for (const namespace of readdirSync(moduleFolder, { withFileTypes: true })) {
      const file = `${moduleFolder}${namespace.name}/${language}.json`;
      if (namespace.isDirectory() && existsSync(file)) strings[namespace.name] = readJson(file);
    }
  }
  return strings;
}

const instance = i18next.createInstance();
await instance.init({
  resources: Object.fromEntries(publicLanguages.map((language) => [language, { translation: load(language) }])),
  lng: 'de',
  // Public languages fall back to German, never to a key.
  fallbackLng: 'de',
  interpolation: { escapeValue: false }, // the views escape
  returnNull: false,
  initImmediate: false,
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

export type Translate = TFunction;

/** One fixed translator per language, made once: every request asked i18next for a new one. */
const translators = new Map<Language, Translate>();

export function translator(language: Language): Translate {
  let translate = translators.get(language);
  if (!translate) translators.set(language, (translate = watched(instance.getFixedT(language), language)));
  return translate;
}

/** A string asked for in a language that does not have it: shown in German, or as its bare key when German lacks it too. */
export interface Fallback {
  language: Language;
  key: string;
  shown: 'de' | 'key';
}

let fallbackWatcher: ((fallback: Fallback) => void) | null = null;

/**
 * Reports every string that fell back to German (or to its key) while
 * `watch` runs: the test that walks the representative's pages in six
 * languages (test/languages.test.ts) finds the untranslated ones with it.
 * Outside a watch the translator is i18next's, plus one null check.
 */
export async function watchFallbacks<T>(watcher: (fallback: Fallback) => void, watch: () => Promise<T>): Promise<T> {
  fallbackWatcher = watcher;
  try {
    return await watch();
  } finally {
    fallbackWatcher = null;
  }
}

/**
 * True while a test watches for untranslated strings: what is kept between
 * requests (the public pages' bodies, the menus) is then built afresh, so that
 * every string of a page passes the watcher.
 */
export const watchingFallbacks = () => fallbackWatcher !== null;

function watched(translate: TFunction, language: Language): Translate {
  const check = (key: unknown, options: unknown) => {
    const keys = (Array.isArray(key) ? key : [key]).filter((each): each is string => typeof each === 'string');
    const lookup = { ...(typeof options === 'object' && options !== null ? options : {}), lng: language, fallbackLng: false as const };
    if (keys.some((each) => instance.exists(each, lookup))) return;
    const defaultValue = typeof options === 'object' && options !== null && 'defaultValue' in options;
    if (defaultValue) return;
    const inGerman = keys.some((each) => instance.exists(each, { ...lookup, lng: 'de' }));
    fallbackWatcher?.({ language, key: keys.join('|'), shown: inGerman ? 'de' : 'key' });
  };
  const wrapper = ((key: unknown, ...rest: unknown[]) => {
    if (fallbackWatcher) check(key, rest[0]);
    return (translate as unknown as (...args: unknown[]) => unknown)(key, ...rest);
  }) as unknown as Translate;
  const fixed = translate as unknown as Record<string, unknown>;
  return Object.assign(wrapper, { lng: fixed.lng, ns: fixed.ns, keyPrefix: fixed.keyPrefix });
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (publicLanguages as readonly string[]).includes(value);
}

/** Picks the best language from an Accept-Language header among the allowed ones. */
export function negotiateLanguage(header: string | undefined, allowed: readonly Language[]): Language {
  if (!header) return 'de';
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { language: tag.toLowerCase().split('-')[0], weight: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.weight - a.weight);
  for (const { language } of wanted) if ((allowed as readonly string[]).includes(language)) return language as Language;
  return 'de';
}

/** Every key of a translation file, dotted, for the completeness test. */
export function translationKeys(language: Language): string[] {
  const walk = (node: Record<string, unknown>, prefix: string): string[] =>
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? walk(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  return walk(load(language), '');
}
