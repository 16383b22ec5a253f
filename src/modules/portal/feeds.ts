/**
 * sitemap.xml (sitemaps.org 0.9) and Atom feeds (RFC 4287), written as text:
 * both formats are small, and every value passes through `xml()`.
 */

const xml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');

export interface SitemapEntry {
  path: string;
  lastModified?: string;
}

export function sitemapXml(baseUrl: string, entries: SitemapEntry[]): string {
  const seen = new Set<string>();
  const urls = entries
    .filter((entry) => !seen.has(entry.path) && seen.add(entry.path))
    .map((entry) => `  <url><loc>${xml(baseUrl + entry.path)}</loc>${entry.lastModified ? `<lastmod>${xml(entry.lastModified)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export interface FeedEntry {
  /** A stable identifier (a tag: URI), so that a feed reader never shows an entry twice. */
  id: string;
  title: string;
  path: string;
  updated: Date;
  published?: Date;
  summary: string;
}

export interface Feed {
  id: string;
  title: string;
  /** The feed's own path, e.g. /feeds/news.atom. */
  selfPath: string;
  /** The page the feed belongs to, e.g. /aktuelles. */
  pagePath: string;
  language: string;
  /** When nothing is in the feed (RFC 4287 requires atom:updated). */
  emptyUpdated: Date;
  entries: FeedEntry[];
}

export function atomXml(baseUrl: string, feed: Feed): string {
  const updated = feed.entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), feed.entries.length > 0 ? new Date(0) : feed.emptyUpdated);
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      `    <id>${xml(entry.id)}</id>`,
      `    <title>${xml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(baseUrl + entry.path)}"/>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      entry.published ? `    <published>${entry.published.toISOString()}</published>` : '',
      `    <summary>${xml(entry.summary)}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">`,
    `  <id>${xml(feed.id)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(baseUrl + feed.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl + feed.pagePath)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${xml(feed.title)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** A tag: URI (RFC 4151) for the installation's host, e.g. tag:mosaik.example,2026:news/12. */
export function tagUri(baseUrl: string, specific: string): string {
  return `tag:${new URL(baseUrl).hostname},2026:${specific}`;
}
