import type { Language, Translate } from '../../i18n/index.js';
import { dateLocales } from '../../ui/dates.js';

/** What the import pages share: the language of problem messages, numbers, the names of the kinds of list. */

/** Staff pages are German or English; problem messages come in both. */
export const messageLanguage = (language: Language): 'de' | 'en' => (language === 'en' ? 'en' : 'de');
export const numberFormat = (language: Language) => new Intl.NumberFormat(dateLocales[language]);
export const kindLabel = (t: Translate, kind: string) => t(`imports.kinds.${kind}.label`, { defaultValue: kind });
