/**
 * Where to go after sign-in: only a path on this site (issue 8, finding 10:
 * `next=/\evil.example/x` used to answer `Location: /\evil.example/x`, which
 * browsers read as `//evil.example/x`). Anything else gives undefined.
 */
const base = 'http://mosaik.invalid';

export function sameOriginPath(next: string | undefined): string | undefined {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return undefined;
  // one leading slash, then not a second slash or backslash (protocol-relative)
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  // control characters and backslashes: browsers strip or turn them into slashes
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return undefined;
  }
  // an encoded backslash or slash right after the first one (/%5Cevil, /%2F/evil)
  if (decoded.startsWith('//') || decoded.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(decoded)) return undefined;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
