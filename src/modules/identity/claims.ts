import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { writeAudit } from './audit.js';
import { normaliseName } from '../names/index.js';
import { ensureRole, personForAccount, type PersonRole } from '../people/index.js';
import { createProposedOrganisation } from '../organisations/index.js';
import { queueClaimDecisionMail } from './account-mails.js';
import { accountMailLanguage } from './language.js';
import type { ClaimStatus } from './tables.js';

/**
 * Organisation claims: a representative asks to speak for an organisation
 * (or proposes one Mosaik does not know); staff confirm or reject. Confirming
 * gives the account the organisation's scope and links the account to a
 * person record with its role there; either way the representative is told
 * by mail and sees the outcome on /my.
 */

type Db = Kysely<Database>;

export type ClaimRequest = { role: PersonRole; message: string } & ({ organisationId: number } | { proposedName: string; proposedMunicipality: string | null });

export type CreateOutcome = { ok: true; id: number } | { ok: false; problem: 'unknownOrganisation' | 'alreadyRepresented' | 'alreadyPending' };

export async function createClaim(db: Db, accountId: number, claim: ClaimRequest): Promise<CreateOutcome> {
  return db.transaction().execute(async (trx) => {
    if ('organisationId' in claim) {
      const organisation = await trx.selectFrom('organisation').select('id').where('id', '=', claim.organisationId).executeTakeFirst();
      if (!organisation) return { ok: false as const, problem: 'unknownOrganisation' as const };
      const represented = await trx.selectFrom('account_scope').select('account_id').where('account_id', '=', accountId).where('organisation_id', '=', claim.organisationId).executeTakeFirst();
      if (represented) return { ok: false as const, problem: 'alreadyRepresented' as const };
    }
    const row = await trx
      .insertInto('organisation_claim')
      .values({
        account_id: accountId,
        organisation_id: 'organisationId' in claim ? claim.organisationId : null,
        proposed_name: 'proposedName' in claim ? claim.proposedName : null,
        proposed_municipality: 'proposedName' in claim ? claim.proposedMunicipality : null,
        role: claim.role,
        message: claim.message,
      })
      // organisation_claim_open: one open claim per account and organisation
      .onConflict((conflict) => conflict.columns(['account_id', 'organisation_id']).where(sql<boolean>`status = 'pending' and organisation_id is not null`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return { ok: false as const, problem: 'alreadyPending' as const };
    await writeAudit(trx, { accountId, action: 'organisation_claim.create', subjectType: 'organisation_claim', subjectId: row.id, details: { organisationId: 'organisationId' in claim ? claim.organisationId : null, role: claim.role } });
    return { ok: true as const, id: row.id };
  });
}

export interface Claim {
  id: number;
  accountId: number;
  accountEmail: string;
  accountName: string;
  organisationId: number | null;
  /** The organisation's name, or the proposed name of a new one. */
  organisationName: string;
  municipality: string | null;
  district: string | null;
  proposed: boolean;
  role: PersonRole;
  message: string;
  status: ClaimStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}

function claimQuery(db: Db) {
  return db
    .selectFrom('organisation_claim as c')
    .innerJoin('account as a', 'a.id', 'c.account_id')
    .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id', 'c.account_id', 'a.email', 'a.display_name', 'c.organisation_id', 'o.name', 'o.municipality', 'o.district',
      'c.proposed_name', 'c.proposed_municipality', 'c.role', 'c.message', 'c.status', 'c.created_at', 'c.decided_at', 'c.decision_note',
    ]);
}

type ClaimRow = Awaited<ReturnType<ReturnType<typeof claimQuery>['execute']>>[number];

const toClaim = (row: ClaimRow): Claim => ({
  id: row.id,
  accountId: row.account_id,
  accountEmail: row.email,
  accountName: row.display_name,
  organisationId: row.organisation_id,
  organisationName: row.name ?? row.proposed_name ?? '',
  municipality: row.name !== null ? row.municipality : row.proposed_municipality,
  district: row.district,
  // a proposal stays one in the record after staff created or linked its organisation
  proposed: row.proposed_name !== null,
  role: row.role,
  message: row.message,
  status: row.status,
  createdAt: new Date(row.created_at),
  decidedAt: row.decided_at ? new Date(row.decided_at) : null,
  decisionNote: row.decision_note,
});

/** A representative's claims, newest first (/my). */
export async function claimsOf(db: Db, accountId: number): Promise<Claim[]> {
  return (await claimQuery(db).where('c.account_id', '=', accountId).orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute()).map(toClaim);
}

/** The staff queue: open claims, oldest first. */
export async function pendingClaims(db: Db): Promise<Claim[]> {
  return (await claimQuery(db).where('c.status', '=', 'pending').orderBy('c.created_at').orderBy('c.id').execute()).map(toClaim);
}

export async function findClaim(db: Db, id: number): Promise<Claim | undefined> {
  const row = await claimQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toClaim(row) : undefined;
}

export type DecisionOutcome =
  | { ok: true; organisationId: number | null }
  | { ok: false; problem: 'notFound' | 'notPending' | 'unknownExisting' }
  | { ok: false; problem: 'nameTaken'; organisationId: number; organisationName: string };

interface Decision {
  actorId: number;
  note: string | null;
  /** The link in the mail to the representative's area. */
  myLink: string;
}

/**
 * Confirms a claim: for a proposal, links the organisation staff named
 * (`existingName`) or creates the proposed one; then the scope, the person
 * record and role, the mail, the audit entries, in one transaction.
 */
export async function confirmClaim(db: Db, claimId: number, decision: Decision & { existingName?: string }): Promise<DecisionOutcome> {
  return db.transaction().execute(async (trx): Promise<DecisionOutcome> => {
    const claim = await lockClaim(trx, claimId);
    if (!claim) return { ok: false, problem: 'notFound' };
    if (claim.status !== 'pending') return { ok: false, problem: 'notPending' };
    let organisationId = claim.organisation_id;
    if (organisationId === null) {
      const resolved = await organisationForProposal(trx, claim, decision);
      if (!resolved.ok) return resolved;
      organisationId = resolved.organisationId;
    }
    const organisation = await trx.selectFrom('organisation').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirstOrThrow();
    const represented = await trx.selectFrom('account_scope').select('account_id').where('account_id', '=', claim.account_id).where('organisation_id', '=', organisationId).executeTakeFirst();
    if (!represented) await trx.insertInto('account_scope').values({ account_id: claim.account_id, district: null, organisation_id: organisationId }).execute();
    const account = await trx.selectFrom('account').select(['email', 'display_name', 'locale', 'role']).where('id', '=', claim.account_id).executeTakeFirstOrThrow();
    const personId = await personForAccount(
      trx,
      { id: claim.account_id, email: account.email, displayName: account.display_name, language: accountMailLanguage(account) },
      decision.actorId,
      'organisation_claim',
    );
    await ensureRole(trx, personId, organisationId, claim.role);
    await decide(trx, claimId, 'confirmed', decision, organisationId);
    await queueClaimDecisionMail(trx, claimant(claim), { status: 'confirmed', organisationName: organisation.name, note: decision.note, myLink: decision.myLink });
    await writeAudit(trx, { accountId: decision.actorId, action: 'organisation_claim.confirm', subjectType: 'organisation_claim', subjectId: claimId, details: { organisationId, accountId: claim.account_id, personId, role: claim.role } });
    return { ok: true, organisationId };
  });
}

export async function rejectClaim(db: Db, claimId: number, decision: Decision & { note: string }): Promise<DecisionOutcome> {
  return db.transaction().execute(async (trx): Promise<DecisionOutcome> => {
    const claim = await lockClaim(trx, claimId);
    if (!claim) return { ok: false, problem: 'notFound' };
    if (claim.status !== 'pending') return { ok: false, problem: 'notPending' };
    await decide(trx, claimId, 'rejected', decision, claim.organisation_id);
    const name = claim.organisation_id === null ? claim.proposed_name! : (await trx.selectFrom('organisation').select('name').where('id', '=', claim.organisation_id).executeTakeFirstOrThrow()).name;
    await queueClaimDecisionMail(trx, claimant(claim), { status: 'rejected', organisationName: name, note: decision.note, myLink: decision.myLink });
    await writeAudit(trx, { accountId: decision.actorId, action: 'organisation_claim.reject', subjectType: 'organisation_claim', subjectId: claimId, details: { organisationId: claim.organisation_id, accountId: claim.account_id } });
    return { ok: true, organisationId: claim.organisation_id };
  });
}

/** Who is told of the decision, in the language their account remembers (docs/languages.md). */
const claimant = (claim: { email: string; locale: string; account_role: Role }) => ({ email: claim.email, language: accountMailLanguage({ locale: claim.locale, role: claim.account_role }) });

async function lockClaim(trx: Db, claimId: number) {
  // the row lock makes two staff deciding at once decide once
  const { rows } = await sql<{ account_id: number; organisation_id: number | null; proposed_name: string | null; proposed_municipality: string | null; role: PersonRole; status: ClaimStatus; email: string; locale: string; account_role: Role }>`
    select c.account_id, c.organisation_id, c.proposed_name, c.proposed_municipality, c.role, c.status, a.email, a.locale, a.role as account_role
    from organisation_claim c join account a on a.id = c.account_id
    where c.id = ${claimId}
    for update of c`.execute(trx);
  return rows[0];
}

async function decide(trx: Db, claimId: number, status: 'confirmed' | 'rejected', decision: Decision, organisationId: number | null) {
  await trx
    .updateTable('organisation_claim')
    .set({ status, decided_by: decision.actorId, decided_at: new Date(), decision_note: decision.note, organisation_id: organisationId })
    .where('id', '=', claimId)
    .execute();
}

type ProposalOutcome = { ok: true; organisationId: number } | Extract<DecisionOutcome, { ok: false }>;

/** The organisation a proposal becomes: one staff named, or a new one under the proposed name (refused when taken). */
async function organisationForProposal(trx: Db, claim: { proposed_name: string | null; proposed_municipality: string | null }, decision: Decision & { existingName?: string }): Promise<ProposalOutcome> {
  if (decision.existingName) {
    const existing = await trx.selectFrom('organisation_name').select('organisation_id').where('normalised_name', '=', normaliseName(decision.existingName)).executeTakeFirst();
    return existing ? { ok: true, organisationId: existing.organisation_id } : { ok: false, problem: 'unknownExisting' };
  }
  const name = claim.proposed_name!;
  const normalised = normaliseName(name);
  const taken = await trx
    .selectFrom('organisation_name')
    .innerJoin('organisation', 'organisation.id', 'organisation_name.organisation_id')
    .select(['organisation.id', 'organisation.name'])
    .where('organisation_name.normalised_name', '=', normalised)
    .executeTakeFirst();
  if (taken) return { ok: false, problem: 'nameTaken', organisationId: taken.id, organisationName: taken.name };
  const id = await createProposedOrganisation(trx, { name, municipality: claim.proposed_municipality }, decision.actorId, 'claim');
  return { ok: true, organisationId: id };
}
