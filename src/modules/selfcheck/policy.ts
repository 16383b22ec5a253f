import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';

/**
 * Who may do what with the Vereins-Check, in one table:
 *
 * | who                        | fill in, see result and history        | staff aggregate                   | items (wording, mapping) |
 * |----------------------------|----------------------------------------|-----------------------------------|--------------------------|
 * | admin, staff (the adviser) | every organisation (start one with it) | exact, all districts              | yes                      |
 * | representative             | their organisations                    | no                                | no                       |
 * | coordinator                | no (a single association's answers)   | their districts, small numbers hidden | no                   |
 * | funder                     | no                                     | all districts, small numbers hidden | no                     |
 * | evaluator                  | no                                     | no                                | no                       |
 *
 * A check or an organisation outside what an account may read is "not
 * found" (404), so its existence is not revealed.
 */

export const fillerRoles: readonly Role[] = ['admin', 'staff', 'representative'];
export const aggregateRoles: readonly Role[] = ['admin', 'staff', 'coordinator', 'funder'];
export const staffRoles: readonly Role[] = ['admin', 'staff'];

export type Filler = { kind: 'staff'; accountId: number } | { kind: 'representative'; accountId: number; organisationIds: number[] };

export async function fillerOf(db: Kysely<Database>, account: { id: number; role: Role }): Promise<Filler | null> {
  if (account.role === 'admin' || account.role === 'staff') return { kind: 'staff', accountId: account.id };
  if (account.role === 'representative') {
    const { representedOrganisations } = await import('../identity/index.js');
    return { kind: 'representative', accountId: account.id, organisationIds: (await representedOrganisations(db, account.id)).map((organisation) => organisation.id) };
  }
  return null;
}

export const mayFillFor = (filler: Filler, organisationId: number) => filler.kind === 'staff' || filler.organisationIds.includes(organisationId);

/** The districts a role's aggregate is limited to: null for all, a coordinator's own otherwise. */
export async function aggregateScopeOf(db: Kysely<Database>, account: { id: number; role: Role }): Promise<string[] | null> {
  if (account.role !== 'coordinator') return null;
  const { directoryScopeOf } = await import('../organisations/index.js');
  return (await directoryScopeOf(db, account)).districts ?? [];
}
