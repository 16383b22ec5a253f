import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/connection.js';
import { generateRecord } from './record.js';

/**
 * `npm run privacy:doc`: writes docs/privacy.md from the catalogue and the
 * schema of a fresh in-memory database (the migrations and their seeded
 * retention defaults, not whatever an installation has changed).
 */
export const recordPath = fileURLToPath(new URL('../../../docs/privacy.md', import.meta.url));

const handle = await openDatabase({ dataDir: 'memory://' });
try {
  writeFileSync(recordPath, await generateRecord(handle.db));
  console.log(`${recordPath} geschrieben / written`);
} finally {
  await handle.close();
}
