import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every route reads its request typed by its Zod schema (issue 9): the route
 * plugin takes the Zod type provider, and no handler casts the body, query or
 * path parameters to a hand-written type that can drift from what was
 * validated. A helper that reads a request part outside the route parses it
 * with a schema (src/http/validation.ts: anyFields, pageText, idParams).
 */

const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(srcDir).map((path) => ({ path: relative(srcDir, path), text: readFileSync(path, 'utf8') }));
/** `request.body as T`, `(request.query ?? {}) as T`, `(request.params as T).id`. */
const requestCast = /\(?request\.(body|query|params)\b[^;\n]{0,40}?\)?\s+as\s/;
const registersRoutes = /\bapp\.(get|post|put|patch|delete)\(\s*['`]/;

describe('typed routes', () => {
  it('finds the route files it checks', () => {
    expect(files.filter((file) => registersRoutes.test(file.text)).length).toBeGreaterThan(20);
  });

  it('casts no request body, query or path parameters', () => {
    const casts = files.flatMap((file) =>
      file.text
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => requestCast.test(line))
        .map(({ line, index }) => `${file.path}:${index + 1}: ${line.trim()}`),
    );
    expect(casts).toEqual([]);
  });

  it('gives every route plugin the Zod type provider', () => {
    const untyped = files.filter((file) => registersRoutes.test(file.text) && !file.text.includes('withTypeProvider<ZodTypeProvider>()')).map((file) => file.path);
    expect(untyped).toEqual([]);
  });
});
