#!/usr/bin/env node
// `npm start`: starts the server from the build that `npm install` made (the
// prepare script runs `npm run build`), and compiles again only when a source
// is newer than that build, so that a start does not wait a minute for tsc.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { needsBuild } from './build-state.js';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

if (needsBuild(root)) {
  console.log('Quellen sind neuer als dist/: Mosaik wird gebaut … / sources are newer than dist/: building Mosaik …');
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error('TypeScript fehlt: bitte `npm install` ausführen. / TypeScript is missing: run `npm install`.');
    process.exit(1);
  }
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(new URL('../dist/main.js', import.meta.url).href);
