import type { Language, Translate } from '../../i18n/index.js';
import type { MaterialSummary } from './queries.js';

// one formatter per language and precision: building an Intl formatter costs far more than using it
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, digits: number): Intl.NumberFormat {
  const key = `${language}:${digits}`;
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(language, { maximumFractionDigits: digits }));
  return numberFormats.get(key)!;
}

/** The size of a file as readers say it, in the page's language: "340 kB", "1,2 MB". */
export function formatSize(bytes: number, language: Language): string {
  const number = (value: number, digits: number) => numberFormat(language, digits).format(value);
  if (bytes < 1000 * 1000) return `${number(Math.max(1, Math.round(bytes / 1000)), 0)} kB`;
  return `${number(bytes / 1000 / 1000, 1)} MB`;
}

/** What a reader learns before downloading: format, size and pages, e.g. "PDF · 340 kB · 4 Seiten". */
export function downloadFacts(t: Translate, language: Language, material: MaterialSummary): string {
  if (material.kind === 'link') return t('materials.formats.link');
  const parts = [t(`materials.formats.${material.format}`)];
  if (material.byte_size !== null) parts.push(formatSize(material.byte_size, language));
  if (material.page_count !== null) parts.push(t('materials.public.pages', { count: material.page_count }));
  return parts.join(' · ');
}

/** The public address of a handout, the same for every version. */
export const downloadPath = (id: number) => `/handouts/${id}/download`;
