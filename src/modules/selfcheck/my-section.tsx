import { sql, type Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Database } from '../../db/tables.js';
import { formatDay } from '../../ui/dates.js';
import type { RepresentativeSectionContext } from '../module.js';
import './tables.js';

/**
 * The Vereins-Check on "Mein Bereich" (/my): for each of the representative's
 * organisations the date of its latest check and a link to continue the open
 * draft or to start a check (the start page, /selfcheck, asks which one).
 * One small read of the checks' heads, without their answers.
 */
export async function selfcheckSection(db: Kysely<Database>, context: RepresentativeSectionContext): Promise<VNode | null> {
  if (context.organisations.length === 0) return null;
  const checks = await db
    .selectFrom('selfcheck')
    .select(['id', 'organisation_id', 'state', sql<string | null>`to_char(submitted_on, 'YYYY-MM-DD')`.as('submitted_on')])
    .where('organisation_id', 'in', context.organisations.map((organisation) => organisation.id))
    .orderBy('submitted_at', (order) => order.desc().nullsLast())
    .orderBy('id', 'desc')
    .execute();
  const { t, language } = context;
  return (
    <section aria-labelledby="my-selfcheck" class="kern-stack-sm" id="selfcheck">
      <h2 class="kern-heading-medium" id="my-selfcheck">{t('selfcheck.start.title')}</h2>
      <ul class="kern-list kern-stack-sm">
        {context.organisations.map((organisation) => {
          const own = checks.filter((check) => check.organisation_id === organisation.id);
          const latest = own.find((check) => check.state === 'submitted');
          const draft = own.find((check) => check.state === 'draft');
          return (
            <li key={organisation.id} data-organisation={organisation.id} class="kern-stack-xs">
              <div><strong>{organisation.name}</strong></div>
              <div>
                {latest ? t('selfcheck.start.latest', { date: formatDay(latest.submitted_on ?? '', language, 'medium') }) : t('selfcheck.start.none')}
                {latest && ' '}
                {latest && <a class="kern-link" href={`/selfcheck/checks/${latest.id}`}>{t('selfcheck.start.showResult')}</a>}
              </div>
              <div>
                {draft ? (
                  <a class="kern-link" href={`/selfcheck/checks/${draft.id}`}>{t('selfcheck.start.continue')}</a>
                ) : (
                  <a class="kern-link" href="/selfcheck">{t(latest ? 'selfcheck.start.again' : 'selfcheck.start.begin')}</a>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
