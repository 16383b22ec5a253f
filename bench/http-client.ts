/**
 * What the HTTP load bench (bench/http-load.ts) measures with: single timed
 * requests, autocannon runs and their summary, signing in as staff, and the
 * bytes of a first visit to a page.
 */
import { request as httpRequest } from 'node:http';
import autocannon from 'autocannon';
import { fontsForPage } from '../src/ui/fonts.js';

export const staffEmail = 'bench-staff@mosaik.example';
export const staffPassword = 'correct horse battery staple';

export interface Timed {
  status: number;
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  encoding?: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request: time to the first byte (headers), to the end, and the bytes on the wire. */
export function timed(url: string, headers: Record<string, string> = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(url, { headers: { 'accept-encoding': 'br, gzip', ...headers } }, (response) => {
      const ttfbMs = performance.now() - started;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, ttfbMs, totalMs: performance.now() - started, bytes: body.length, encoding: response.headers['content-encoding'], headers: response.headers, body });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

export const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
};
export const median = (values: number[]) => percentile(values, 0.5);

export function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export const summary = (result: autocannon.Result) => ({
  requests: result.requests.total,
  perSecond: result.requests.average,
  p50: result.latency.p50,
  p97_5: result.latency.p97_5,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: result.statusCodeStats,
});

/** Signs in (as the bench's staff account unless told otherwise); the session cookie. */
export async function signIn(base: string, credentials: { email: string; password: string } = { email: staffEmail, password: staffPassword }): Promise<string> {
  const page = await fetch(`${base}/sign-in`);
  const cookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: credentials.email, password: credentials.password, _csrf: csrf }).toString(),
  });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  return (response.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
}


export async function firstVisitBytes(base: string, url: string) {
  const page = await timed(url);
  const { brotliDecompressSync } = await import('node:zlib');
  const text = (response: Timed) => (response.encoding === 'br' ? brotliDecompressSync(response.body).toString() : response.body.toString());
  const files: { path: string; bytes: number; encoding?: string }[] = [{ path: url.replace(base, ''), bytes: page.bytes, encoding: page.encoding }];
  const html = text(page);
  // the fonts it preloads, and those its stylesheets make a browser fetch for its text (src/ui/fonts.ts)
  const fonts = new Set<string>([...html.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)].map((match) => match[1]));
  for (const [, path] of html.matchAll(/<(?:link rel="stylesheet" href|script[^>]* src)="([^"]+)"/g)) {
    const asset = await timed(`${base}${path}`);
    files.push({ path, bytes: asset.bytes, encoding: asset.encoding });
    for (const font of fontsForPage(html, text(asset), path)) fonts.add(font);
  }
  const fontFiles = [];
  for (const path of fonts) {
    const font = await timed(`${base}${path}`);
    fontFiles.push({ path, bytes: font.bytes, encoding: font.encoding });
  }
  const sum = (list: { bytes: number }[]) => list.reduce((total, file) => total + file.bytes, 0);
  return { files, fontFiles, withoutFonts: sum(files), withFonts: sum(files) + sum(fontFiles) };
}

