import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { isPageKey, pagePaths } from './pages.js';
import { publishedPages } from './queries.js';

/** The portal's own public paths for sitemap.xml: every published page. */
export async function portalSitemap(db: Kysely<Database>): Promise<{ path: string; lastModified?: string }[]> {
  const pages = await publishedPages(db);
  return pages
    .filter((page) => isPageKey(page.page_key))
    .map((page) => ({ path: pagePaths[page.page_key as keyof typeof pagePaths], lastModified: page.last_published ? new Date(page.last_published).toISOString() : undefined }));
}
