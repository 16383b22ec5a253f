import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without types: bin/ runs before anything is compiled
import { needsBuild } from '../bin/build-state.js';

/*
 * Issue 10: `npm start` recompiled TypeScript on every start. It starts from
 * dist/ and compiles only when a source is newer than the build.
 */

const root = mkdtempSync(join(tmpdir(), 'mosaik-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (seconds: number) => new Date(Date.UTC(2019, 0, 1) + seconds * 1000);
function file(path: string, seconds: number) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), '');
  utimesSync(join(root, path), at(seconds), at(seconds));
}

describe('npm start builds only when needed', () => {
  it('builds when there is no build, and not again until a source changes', () => {
    file('tsconfig.json', 0);
    file('tsconfig.build.json', 0);
    file('src/main.ts', 10);
    file('src/modules/demo/load.ts', 20);
    file('src/i18n/de.json', 20);
    expect(needsBuild(root)).toBe(true); // no dist/ yet
    file('dist/main.js', 30);
    expect(needsBuild(root)).toBe(false);
    file('src/modules/demo/load.test.ts', 40); // tests are not compiled into dist/
    expect(needsBuild(root)).toBe(false);
    file('src/i18n/de.json', 40);
    expect(needsBuild(root)).toBe(true);
    file('dist/main.js', 50);
    file('tsconfig.build.json', 60);
    expect(needsBuild(root)).toBe(true);
  });
});
