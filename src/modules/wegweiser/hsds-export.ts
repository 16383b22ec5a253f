import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { publicOrganizationIds } from './api-queries.js';
import { organizationObjects, publicServiceIds, serviceObjects, taxonomyObjects, taxonomyTermObjects } from './hsds.js';

/** The files `mosaik export hsds DIR` writes: the API's objects (public entries only), one JSON array per HSDS table. */
export const hsdsFiles = ['organizations.json', 'services.json', 'taxonomies.json', 'taxonomy_terms.json'] as const;

export async function hsdsExport(db: Kysely<Database>, today: string) {
  const { ids } = await publicServiceIds(db, today, { page: 1, perPage: 1_000_000 });
  const services = [];
  // in slices, so that a big directory does not build one giant `in (…)` list
  for (let start = 0; start < ids.length; start += 500) services.push(...(await serviceObjects(db, ids.slice(start, start + 500))));
  return {
    'organizations.json': await organizationObjects(db, await publicOrganizationIds(db, today)),
    'services.json': services,
    'taxonomies.json': await taxonomyObjects(db),
    'taxonomy_terms.json': await taxonomyTermObjects(db),
  };
}

export async function writeHsdsExport(db: Kysely<Database>, folder: string, today: string): Promise<Record<string, number>> {
  const files = await hsdsExport(db, today);
  await mkdir(folder, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(join(folder, name), `${JSON.stringify(contents, null, 2)}\n`);
    counts[name] = contents.length;
  }
  return counts;
}
