import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { representedOrganisations } from '../identity/index.js';
import { topicArray, type Channel } from './queries.js';
import { queueRequestMail } from './request-mails.js';
import type { RequestValues } from './request-form.js';
import type { RequestStatus } from './tables.js';

/**
 * Consultation requests: a representative asks for a consultation for one of
 * their organisations; staff take it over, log it as a consultation (which
 * closes it) or decline it with a note. Each step is audited, and each staff
 * step tells the requester by e-mail (written to the outbox in the same
 * transaction, so the step and its mail commit together).
 */

type Db = Kysely<Database>;

export const openStatuses: readonly RequestStatus[] = ['open', 'in_progress'];

export interface ConsultationRequest {
  id: number;
  organisationId: number;
  organisationName: string;
  requestedBy: number | null;
  requesterName: string;
  requesterEmail: string | null;
  topics: string[];
  channel: Channel;
  preferredTimes: string | null;
  message: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  language: string;
  status: RequestStatus;
  assignedTo: number | null;
  assignedName: string | null;
  consultationId: number | null;
  declineNote: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

function requestQuery(db: Db) {
  return db
    .selectFrom('consultation_request as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('account as requester', 'requester.id', 'r.requested_by')
    .leftJoin('account as assignee', 'assignee.id', 'r.assigned_to')
    .select([
      'r.id', 'r.organisation_id', 'o.name as organisation_name', 'r.requested_by', 'r.requester_name', 'requester.email as requester_email',
      'r.topics', 'r.channel', 'r.preferred_times', 'r.message', 'r.contact_phone', 'r.contact_email', 'r.language', 'r.status',
      'r.assigned_to', 'assignee.display_name as assigned_name', 'r.consultation_id', 'r.decline_note', 'r.created_at', 'r.closed_at',
    ]);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

const toRequest = (row: RequestRow): ConsultationRequest => ({
  id: row.id,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  requestedBy: row.requested_by,
  requesterName: row.requester_name,
  requesterEmail: row.requester_email ?? null,
  topics: topicArray(row.topics as string[] | string, ''),
  channel: row.channel,
  preferredTimes: row.preferred_times,
  message: row.message,
  contactPhone: row.contact_phone,
  contactEmail: row.contact_email,
  language: row.language,
  status: row.status,
  assignedTo: row.assigned_to,
  assignedName: row.assigned_name ?? null,
  consultationId: row.consultation_id,
  declineNote: row.decline_note,
  createdAt: new Date(row.created_at),
  closedAt: row.closed_at === null ? null : new Date(row.closed_at),
});

export type CreateOutcome = { ok: true; id: number } | { ok: false; problem: 'organisation' };

/** Stores a representative's request; refused when the organisation is not one they speak for. */
export async function createRequest(db: Db, accountId: number, values: RequestValues, language: string): Promise<CreateOutcome> {
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('account').select(['id', 'display_name', 'email']).where('id', '=', accountId).executeTakeFirstOrThrow();
    const allowed = await representedOrganisations(trx, account.id);
    if (!allowed.some((organisation) => organisation.id === values.organisation_id)) return { ok: false as const, problem: 'organisation' as const };
    const { id } = await trx
      .insertInto('consultation_request')
      .values({
        organisation_id: values.organisation_id,
        requested_by: account.id,
        // the name staff will see and put into "persons" when logging the consultation
        requester_name: (account.display_name.trim() || account.email).slice(0, 200),
        topics: values.topics,
        channel: values.channel,
        preferred_times: values.preferred_times,
        message: values.message,
        contact_phone: values.contact_phone,
        contact_email: values.contact_email,
        language,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: account.id, action: 'consultation_request.create', subjectType: 'consultation_request', subjectId: id, details: { organisationId: values.organisation_id } });
    return { ok: true as const, id };
  });
}

/** A representative's own requests, newest first. */
export async function listOwnRequests(db: Db, accountId: number): Promise<ConsultationRequest[]> {
  const rows = await requestQuery(db).where('r.requested_by', '=', accountId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(200).execute();
  return rows.map(toRequest);
}

/** One of the representative's own requests; null for another's (the page answers 404, not 403: it does not say the request exists). */
export async function loadOwnRequest(db: Db, accountId: number, id: number): Promise<ConsultationRequest | null> {
  const row = await requestQuery(db).where('r.id', '=', id).where('r.requested_by', '=', accountId).executeTakeFirst();
  return row ? toRequest(row) : null;
}

export async function loadRequest(db: Db, id: number): Promise<ConsultationRequest | null> {
  const row = await requestQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRequest(row) : null;
}

/** The staff queue: open and in-progress requests oldest first, then the last closed ones. */
export async function requestQueue(db: Db): Promise<{ open: ConsultationRequest[]; closed: ConsultationRequest[] }> {
  const [open, closed] = await Promise.all([
    requestQuery(db).where('r.status', 'in', openStatuses).orderBy('r.created_at').orderBy('r.id').limit(500).execute(),
    requestQuery(db).where('r.status', 'not in', openStatuses).orderBy('r.closed_at', 'desc').orderBy('r.id', 'desc').limit(20).execute(),
  ]);
  return { open: open.map(toRequest), closed: closed.map(toRequest) };
}

export async function countOpenRequests(db: Db): Promise<number> {
  const row = await db
    .selectFrom('consultation_request')
    .select(sql<number>`count(*)::integer`.as('count'))
    .where('status', 'in', openStatuses)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Locks an open request for a staff step; null when it does not exist or is closed. */
async function lockOpen(trx: Db, id: number): Promise<ConsultationRequest | null> {
  const locked = await trx.selectFrom('consultation_request').select('id').where('id', '=', id).where('status', 'in', openStatuses).forUpdate().executeTakeFirst();
  return locked ? loadRequest(trx, id) : null;
}

export type StepOutcome = 'ok' | 'notFound' | 'closed';

async function stepOutcomeFor(trx: Db, id: number): Promise<StepOutcome> {
  const exists = await trx.selectFrom('consultation_request').select('id').where('id', '=', id).executeTakeFirst();
  return exists ? 'closed' : 'notFound';
}

/** "Assigned to me": the request is in progress with this staff member; the requester is told. */
export async function takeOverRequest(db: Db, id: number, accountId: number, baseUrl: string): Promise<StepOutcome> {
  return db.transaction().execute(async (trx) => {
    const request = await lockOpen(trx, id);
    if (!request) return stepOutcomeFor(trx, id);
    if (request.status === 'in_progress' && request.assignedTo === accountId) return 'ok';
    await trx
      .updateTable('consultation_request')
      .set({ status: 'in_progress', assigned_to: accountId, assigned_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, { accountId, action: 'consultation_request.take_over', subjectType: 'consultation_request', subjectId: id, details: { previous: request.assignedTo } });
    // told once: a second colleague taking over does not mail again
    if (request.status === 'open') await queueRequestMail(trx, request, 'takenOver', { baseUrl });
    return 'ok';
  });
}

export async function declineRequest(db: Db, id: number, accountId: number, note: string, baseUrl: string): Promise<StepOutcome> {
  return db.transaction().execute(async (trx) => {
    const request = await lockOpen(trx, id);
    if (!request) return stepOutcomeFor(trx, id);
    await trx
      .updateTable('consultation_request')
      .set({ status: 'declined', decline_note: note, closed_by: accountId, closed_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, { accountId, action: 'consultation_request.decline', subjectType: 'consultation_request', subjectId: id });
    await queueRequestMail(trx, request, 'declined', { baseUrl, note });
    return 'ok';
  });
}

/**
 * Closes a request with the consultation logged for it; called inside the
 * transaction that stores the consultation. False when the request is gone or
 * already closed (the caller rolls back).
 */
export async function closeRequestWithConsultation(trx: Db, id: number, consultationId: number, accountId: number, baseUrl: string): Promise<boolean> {
  const request = await lockOpen(trx, id);
  if (!request) return false;
  await trx
    .updateTable('consultation_request')
    .set({
      status: 'done',
      consultation_id: consultationId,
      assigned_to: request.assignedTo ?? accountId,
      assigned_at: request.assignedTo === null ? sql`now()` : undefined,
      closed_by: accountId,
      closed_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  await writeAudit(trx, { accountId, action: 'consultation_request.done', subjectType: 'consultation_request', subjectId: id, details: { consultationId } });
  await queueRequestMail(trx, request, 'done', { baseUrl });
  return true;
}
