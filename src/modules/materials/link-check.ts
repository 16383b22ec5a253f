import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * The scheduled check of the links to the Land's own forms (module job
 * `materials.link-check`): each link is asked with HEAD, and with GET when a
 * server refuses HEAD (405/501, some answer 403); a link is broken when the
 * answer is not 2xx/3xx after redirects, or when no answer comes within the
 * timeout. Links checked within the last day are skipped, so the job may run
 * often without knocking at the Land's servers more than once a day.
 */
export interface LinkCheckOptions {
  timeoutMs?: number;
  /** How long a result stays fresh. */
  recheckAfterMs?: number;
  fetch?: typeof fetch;
}

export interface LinkResult {
  ok: boolean;
  problem: string | null;
}

export async function checkLink(url: string, options: LinkCheckOptions = {}): Promise<LinkResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const request = options.fetch ?? fetch;
  const ask = async (method: 'HEAD' | 'GET') => {
    const response = await request(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Mosaik link check' } });
    await response.body?.cancel();
    return response.status;
  };
  try {
    let status = await ask('HEAD');
    if (status === 405 || status === 501 || status === 403) status = await ask('GET');
    return status >= 200 && status < 400 ? { ok: true, problem: null } : { ok: false, problem: `HTTP ${status}` };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return { ok: false, problem: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable' };
  }
}

/** Checks every link material not checked since `recheckAfterMs` before `now`; returns how many were checked. */
export async function checkMaterialLinks(db: Kysely<Database>, now: Date, options: LinkCheckOptions = {}): Promise<number> {
  const freshSince = new Date(now.getTime() - (options.recheckAfterMs ?? 24 * 3600 * 1000));
  const due = await db
    .selectFrom('material')
    .select(['id', 'link_url'])
    .where('kind', '=', 'link')
    .where((eb) => eb.or([eb('link_checked_at', 'is', null), eb('link_checked_at', '<', freshSince)]))
    .orderBy('id')
    .execute();
  for (const link of due) {
    const result = await checkLink(link.link_url!, options);
    await db
      .updateTable('material')
      .set({ link_checked_at: now, link_ok: result.ok, link_problem: result.problem, updated_at: sql`updated_at` })
      .where('id', '=', link.id)
      .execute();
  }
  return due.length;
}
