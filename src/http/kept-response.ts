import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedFigures } from '../db/data-version.js';
import { watchingFallbacks } from '../i18n/index.js';

/**
 * A signed-in reader's big page, kept whole and compressed until the data
 * changes (issue 16): the dashboard is 370 KB of HTML at national scale, and
 * building the page around its kept figures and compressing it took about
 * 11 ms of the server's single thread on every request, so fifty staff
 * refreshing it held up every other visitor. Kept per session (the page
 * carries the session's CSRF token and the reader's name and menu), address
 * and language, at the data version it was computed for
 * (src/db/data-version.ts); a repeated request costs the version query and
 * a write of the kept bytes.
 */

interface KeptPage {
  html: string;
  encoded: Map<'br' | 'gzip', Buffer>;
}

/** The encoding to send: brotli, else gzip, else none (a q=0 refuses one). */
export function chosenEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    if (name) offered.set(name, q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

const encode = (html: string, encoding: 'br' | 'gzip') =>
  encoding === 'br' ? brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(html) } }) : gzipSync(html, { level: 6 });

/** Sends `build()`'s page, kept for this session, address and language until the data changes. */
export async function sendKeptPage(request: FastifyRequest, reply: FastifyReply, build: () => string) {
  reply.type('text/html; charset=utf-8');
  if (!request.account || request.method !== 'GET' || reply.statusCode !== 200 || watchingFallbacks()) return reply.send(build());
  const key = `response|${request.account.id}|${request.csrfToken}|${request.url}|${request.language}`;
  const kept = await cachedFigures<KeptPage>(request.server.db, key, async () => ({ html: build(), encoded: new Map() }), { size: (page) => page.html.length * 3 });
  const encoding = chosenEncoding(request.headers['accept-encoding']);
  reply.header('vary', 'Accept-Encoding');
  if (!encoding) return reply.send(kept.html);
  let bytes = kept.encoded.get(encoding);
  if (!bytes) kept.encoded.set(encoding, (bytes = encode(kept.html, encoding)));
  return reply.header('content-encoding', encoding).send(bytes);
}
