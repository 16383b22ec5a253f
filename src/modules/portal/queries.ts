import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import { pageKeys, sourceLanguage, translationLanguages, type PageKey, type TranslationStatus } from './pages.js';
import type { PortalPageVersionTable } from './tables.js';

export type PageVersion = Selectable<PortalPageVersionTable>;

/** The newest saved version (the draft an editor continues from), or undefined. */
export async function latestVersion(db: Kysely<Database>, pageKey: PageKey, language: Language): Promise<PageVersion | undefined> {
  return db
    .selectFrom('portal_page_version')
    .selectAll()
    .where('page_key', '=', pageKey)
    .where('language', '=', language)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** What visitors see: the newest published version (index portal_page_version_published). */
export async function publishedVersion(db: Kysely<Database>, pageKey: PageKey, language: Language): Promise<PageVersion | undefined> {
  return db
    .selectFrom('portal_page_version')
    .selectAll()
    .where('page_key', '=', pageKey)
    .where('language', '=', language)
    .where('published_at', 'is not', null)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A page's versions in one language, newest first (the history staff see). */
export async function versionHistory(db: Kysely<Database>, pageKey: PageKey, language: Language) {
  return db
    .selectFrom('portal_page_version')
    .leftJoin('account', 'account.id', 'portal_page_version.author_account_id')
    .select(['portal_page_version.revision', 'portal_page_version.title', 'portal_page_version.minor', 'portal_page_version.german_revision', 'portal_page_version.created_at', 'portal_page_version.published_at', 'account.email as author'])
    .where('page_key', '=', pageKey)
    .where('language', '=', language)
    .orderBy('revision', 'desc')
    .execute();
}

/**
 * A translation is up to date when it was made from the German text's current
 * content revision; a German edit marked minor keeps that revision, so it
 * outdates nothing.
 */
export function translationStatus(german: Pick<PageVersion, 'german_revision'> | undefined, translation: Pick<PageVersion, 'german_revision'> | undefined): TranslationStatus {
  if (!translation) return 'missing';
  if (german && translation.german_revision < german.german_revision) return 'outdated';
  return 'upToDate';
}

export interface PageOverview {
  pageKey: PageKey;
  german: { revision: number; title: string; published: boolean; draftAhead: boolean } | null;
  translations: Record<string, TranslationStatus>;
}

/** Every page with its German state and each translation's status (the staff list). */
export async function pagesOverview(db: Kysely<Database>): Promise<PageOverview[]> {
  // the newest version of every page and language, and the newest published revision beside it
  const latest = await db
    .selectFrom('portal_page_version as v')
    .select(['v.page_key', 'v.language', 'v.revision', 'v.title', 'v.german_revision'])
    .select((eb) =>
      eb
        .selectFrom('portal_page_version as p')
        .select((inner) => inner.fn.max('p.revision').as('published'))
        .whereRef('p.page_key', '=', 'v.page_key')
        .whereRef('p.language', '=', 'v.language')
        .where('p.published_at', 'is not', null)
        .as('published_revision'),
    )
    .where('v.revision', '=', (eb) =>
      eb.selectFrom('portal_page_version as m').select((inner) => inner.fn.max('m.revision').as('revision')).whereRef('m.page_key', '=', 'v.page_key').whereRef('m.language', '=', 'v.language'),
    )
    .execute();
  return pageKeys.map((pageKey) => {
    const of = (language: string) => latest.find((row) => row.page_key === pageKey && row.language === language);
    const german = of(sourceLanguage);
    const publishedRevision = german?.published_revision == null ? null : Number(german.published_revision);
    return {
      pageKey,
      german: german ? { revision: german.revision, title: german.title, published: publishedRevision !== null, draftAhead: publishedRevision !== german.revision } : null,
      translations: Object.fromEntries(translationLanguages.map((language) => [language, translationStatus(german, of(language))])),
    };
  });
}

/** Public pages for sitemap.xml: each published page with the day it last changed in German. */
export async function publishedPages(db: Kysely<Database>) {
  return db
    .selectFrom('portal_page_version')
    .select(['page_key'])
    .select((eb) => eb.fn.max('published_at').as('last_published'))
    .where('published_at', 'is not', null)
    .groupBy('page_key')
    .execute();
}
