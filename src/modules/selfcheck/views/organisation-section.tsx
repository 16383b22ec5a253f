import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { LinkButton } from '../../../ui/button.js';
import { Table } from '../../../ui/table.js';
import type { OrganisationSectionContext } from '../../module.js';
import { checkSummariesOf, type CheckSummary } from '../queries.js';
import { answers } from '../tables.js';

/**
 * The Vereins-Check on the organisation's page, for the centre's staff
 * (issue 14: "the adviser sees the history on the organisation's profile"):
 * the submitted checks with their dates and how many items each answered
 * how, linked to each result, and the way to the whole history with what
 * moved between the last two and to a check with the association. Counts
 * only: the answers and notes are on the result pages, where staff's reads
 * are audited.
 */
export async function selfcheckOrganisationSection(db: Kysely<Database>, { organisationId, t }: OrganisationSectionContext) {
  const { checks, draft } = await checkSummariesOf(db, organisationId);
  return (
    <section class="kern-stack-sm" id="selfcheck" aria-labelledby="selfcheck-title" data-selfcheck-checks={checks.length}>
      <h2 class="kern-heading-medium" id="selfcheck-title">{t('selfcheck.section.title')}</h2>
      {checks.length === 0 ? <p class="kern-body">{t('selfcheck.history.none')}</p> : (
        <Table
          caption={t('selfcheck.section.caption')}
          rows={checks}
          rowKey={(row) => row.id}
          columns={[
            { key: 'date', label: t('selfcheck.history.date'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/selfcheck/checks/${row.id}`}>{row.submitted_on}</a> },
            { key: 'how', label: t('selfcheck.history.how'), cell: (row) => (row.with_adviser ? t('selfcheck.history.withAdviser') : t('selfcheck.history.alone')) },
            ...answers.map((answer) => ({ key: answer, label: t(`selfcheck.answers.${answer}`), numeric: true, cell: (row: CheckSummary) => String(row[answer]) })),
          ]}
        />
      )}
      {draft && <p class="kern-body">{t('selfcheck.section.draft')}</p>}
      <div class="mosaik-actions">
        <LinkButton kind="secondary" href={`/selfcheck/organisations/${organisationId}`}>{t(checks.length > 1 ? 'selfcheck.section.compare' : 'selfcheck.section.open')}</LinkButton>
      </div>
    </section>
  );
}
