import sanitizeHtml from 'sanitize-html';

/**
 * Page text is stored as a small, safe subset of HTML: what editors paste from
 * a word processor or type by hand (paragraphs, headings below the page's
 * title, lists, links, emphasis, tables for opening hours). Everything else
 * (scripts, styles, event handlers, iframes, images with foreign sources) is
 * removed before the text is stored, never only when it is shown.
 */
const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'b', 'i', 'br', 'blockquote', 'abbr', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption'],
  allowedAttributes: { a: ['href', 'hreflang', 'lang'], abbr: ['title'], th: ['scope'], '*': ['lang', 'dir'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // the page's title is its only h1 (one h1 per page, WCAG 1.3.1)
  transformTags: { h1: 'h2' },
  disallowedTagsMode: 'discard',
};

/** The same text parsed but with nothing removed: what the editor sent, in the sanitiser's spelling. */
const everything: sanitizeHtml.IOptions = { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, allowedSchemes: ['http', 'https', 'mailto', 'tel', 'javascript', 'data', 'ftp'] };

export interface CleanedBody {
  html: string;
  /** True when something the editor sent was removed (the page says so after saving). */
  cleaned: boolean;
}

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Plain text without any tag becomes paragraphs: blank lines separate them, a single line break stays one. */
function paragraphsOf(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeText(block).replace(/\r?\n/g, '<br />')}</p>`)
    .join('\n');
}

export function cleanBody(input: string): CleanedBody {
  const source = /<[a-zA-Z!/]/.test(input) ? input : paragraphsOf(input);
  const html = sanitizeHtml(source, allowed).trim();
  const original = sanitizeHtml(source, everything).trim();
  return { html, cleaned: html !== original };
}

/** Text for feeds, descriptions and search: the page body without tags. */
export const plainText = (html: string) => sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
