import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/*
 * `npm install` warned (EBADENGINE) that cookie@2 needs Node 22 while
 * package.json promised Node 20.11. Every installed package must run on the
 * oldest Node our `engines` allow: a dependency update that raises the floor
 * fails here, and then either the pin in package.json or `engines` changes
 * (docs/decisions.md, "Node 20 and the cookie pin").
 */
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }> };

describe('the Node versions our dependencies need', () => {
  it('fit the oldest Node that package.json engines allow', () => {
    const oldest = semver.minVersion(manifest.engines.node)!.version;
    expect(oldest).toBe('20.19.0');
    const unfit = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node, { includePrerelease: true }))
      .map(([path, entry]) => `${path.replace(/^node_modules\//, '')}@${entry.version} needs node ${(entry.engines as { node: string }).node}`);
    expect(unfit).toEqual([]);
  });
});
