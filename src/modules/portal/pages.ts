import { publicLanguages, type Language } from '../../i18n/index.js';

/**
 * The portal's fixed pages and their public addresses. The addresses are
 * German words (the centre's audience finds "/impressum" where German law
 * expects it); the language comes from ?lang= like every public page.
 */
export const pageKeys = ['home', 'offers', 'about', 'contact', 'imprint', 'privacy', 'accessibility'] as const;
export type PageKey = (typeof pageKeys)[number];

export const pagePaths: Record<PageKey, string> = {
  home: '/',
  offers: '/angebote',
  about: '/ueber-uns',
  contact: '/kontakt',
  imprint: '/impressum',
  privacy: '/datenschutz',
  accessibility: '/barrierefreiheit',
};

export const isPageKey = (value: string): value is PageKey => (pageKeys as readonly string[]).includes(value);

/** German is the source; the other public languages are translations of it. */
export const sourceLanguage: Language = 'de';
export const translationLanguages = publicLanguages.filter((language) => language !== sourceLanguage);

export type TranslationStatus = 'upToDate' | 'outdated' | 'missing';
