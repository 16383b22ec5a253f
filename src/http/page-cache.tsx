import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { cachedFigures, stringBytes } from '../db/data-version.js';
import { watchingFallbacks } from '../i18n/index.js';
import { berlinDay } from '../ui/dates.js';
import { renderFragment } from './render.js';

/**
 * Public pages rendered once per change of the data (issue 16): the calendar,
 * the FAQ, the handout library, the portal's pages, the map, the Wegweiser.
 * A page's body is a pure function of the data, the address (path and
 * query), the language and the day; the data version (src/db/data-version.ts,
 * moved by a trigger on nearly every table, 250_data_version_everywhere.sql)
 * says when the data changed. So the body's HTML is kept under that key and
 * a repeated visit costs one query for the version and the layout around it.
 *
 * Forms in a body carry the visitor's CSRF token: the body is rendered with a
 * placeholder instead, and each visitor's token is put in when it is sent.
 * Signed-in visitors are not served from the cache (what they see may depend
 * on who they are); nor are addresses longer than `maxKeyLength` (nobody
 * links to them, and they must not push real pages out of the cache); nor
 * pages rendered while a test watches for untranslated strings
 * (watchFallbacks: every string must pass the watcher).
 */

/** Stands for the visitor's CSRF token in a kept body: plain ASCII, unchanged by HTML escaping. */
export const csrfPlaceholder = 'mosaik-csrf-placeholder-5d1c';
const maxKeyLength = 400;

/** Today in Berlin (the day a calendar starts from, what "upcoming" means). */
const today = () => berlinDay(new Date());

export interface CacheKeyOptions {
  /** The day the page is computed for, where a module keeps its own clock (the Wegweiser's freshness); else today in Berlin. */
  day?: string;
}

/** Whether this request may be answered from the kept pages at all. */
const cacheable = (request: FastifyRequest) => !request.account && request.method === 'GET' && request.url.length <= maxKeyLength && !watchingFallbacks();

/**
 * The body of a public page: `render(csrfToken)` loads what the page shows
 * and returns its body; it runs once per change of the data for each
 * address, language and day, or on every request of a signed-in visitor.
 */
export async function cachedBody(request: FastifyRequest, render: (csrfToken: string) => Promise<VNode>, options: CacheKeyOptions = {}): Promise<VNode> {
  if (!cacheable(request)) return render(request.csrfToken);
  const key = `page|${request.routeOptions.url}|${request.url}|${request.language}|${options.day ?? today()}`;
  const html = await cachedFigures(request.server.db, key, async () => renderFragment(await render(csrfPlaceholder)), { size: stringBytes });
  return <div class="mosaik-page-body" dangerouslySetInnerHTML={{ __html: html.includes(csrfPlaceholder) ? html.replaceAll(csrfPlaceholder, request.csrfToken) : html }} />;
}

/**
 * The same for a JSON answer (the HSDS API): the serialised text, kept per
 * address and the answer's language (the API's own choice: ?lang= or
 * Accept-Language); sent as it is, with its content type.
 */
export async function cachedJson(request: FastifyRequest, language: string, compute: () => Promise<unknown>, options: CacheKeyOptions = {}): Promise<string> {
  if (!cacheable(request)) return JSON.stringify(await compute());
  const key = `json|${request.routeOptions.url}|${request.url}|${language}|${options.day ?? today()}`;
  return cachedFigures(request.server.db, key, async () => JSON.stringify(await compute()), { size: stringBytes });
}
