/**
 * Grants: the funder's list of WIR micro-project applications
 * (grant_application), identified by year, organisation and application type.
 * Only this module writes that table; the import, the merge of two
 * organisations and the erasure of an organisation ask it here. Reports and
 * the directory read it (reads need no face).
 *
 * The micro-projects of issue 13 grow from here: an application's lifecycle
 * belongs in this folder.
 */

import type { MosaikModule } from '../module.js';
import { personalData } from './personal-data.js';
import { mergeGrants } from './organisation-merge.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['grant_application'] as const;

export { countFunderListChunk, upsertFunderListChunk, eraseGrantSummaries } from './funder-list.js';
export { moveGrants, type DroppedGrant } from './organisation-merge.js';

/**
 * How this module plugs into the rest (src/modules/module.ts): its tables in
 * the personal-data catalogue and its part of a merge of two organisations (the funder's list moves with a merged organisation); its routes are still
 * wired in src/http/modules.ts.
 */
export const module: MosaikModule = { name: 'grants', mergeOrganisations: mergeGrants, personalData };

