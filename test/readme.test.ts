import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * A newcomer follows the README: every file it names in the repository must be
 * there (it once pointed to spec/exchange.md, which lives outside the project).
 */
const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('the README', () => {
  it('names only files that exist in the repository', () => {
    const named = new Set<string>();
    for (const match of readme.matchAll(/\]\(([^)#:]+)\)|`((?:docs|src|test|bench|bin|public|\.ci)\/[^`\s]*)`/g)) named.add(match[1] ?? match[2]);
    expect(named.size).toBeGreaterThan(3);
    const missing = [...named].filter((path) => !path.includes('*') && !existsSync(new URL(path, root)));
    expect(missing).toEqual([]);
  });

  it('links the project’s own copy of the exchange contract', () => {
    expect(readme).toContain('(docs/exchange.md)');
    expect(readme).not.toContain('spec/exchange.md');
    expect(readFileSync(new URL('docs/exchange.md', root), 'utf8')).toContain('This is a contract.');
  });
});
