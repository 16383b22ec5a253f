// Whether `npm start` must compile first (bin/start.js): only when dist/ is
// missing or a source is newer than the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of what tsc compiles (src, without tests) and of its settings. */
function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `root`'s dist/ is missing or older than a source. */
export function needsBuild(root) {
  const built = join(root, 'dist', 'main.js');
  if (!existsSync(built)) return true;
  const settings = ['tsconfig.json', 'tsconfig.build.json'].map((name) => statSync(join(root, name)).mtimeMs);
  // tsc writes every output on each build, so dist/main.js dates the whole build
  return Math.max(newestSource(join(root, 'src')), ...settings) > statSync(built).mtimeMs;
}
