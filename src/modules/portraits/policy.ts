import type { Role } from '../../db/tables.js';

/**
 * Who may do what with a portrait. A portrait belongs to its association:
 * its representatives write and release it in "Mein Bereich"; centre staff do
 * the same for any association, and release only on a consent given on
 * paper (whose signer and date they record). Anyone sees a released portrait.
 */
export interface PortraitActor {
  id: number;
  role: Role;
  /** The organisations the account represents (account_scope); empty for staff. */
  represents: number[];
}

export const staffRoles: readonly Role[] = ['admin', 'staff'];
export const representativeRoles: readonly Role[] = ['representative'];

export const mayEditPortrait = (actor: PortraitActor, organisationId: number) =>
  staffRoles.includes(actor.role) || (actor.role === 'representative' && actor.represents.includes(organisationId));

/** How a release by this actor is grounded: the representative's own word, or staff recording a paper consent. */
export const releaseBasisOf = (actor: PortraitActor): 'representative' | 'paper_consent' => (actor.role === 'representative' ? 'representative' : 'paper_consent');
