import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { CsrfField, FieldFrame, inputClass } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { Area } from '../items.js';
import { profileOf, type Difference } from '../present.js';
import type { HistoryEntry } from '../queries.js';
import { answers } from '../tables.js';
import { DifferenceSection, ProfileTable } from './result.js';

/**
 * An organisation's Vereins-Checks over time: each check with its date and
 * totals, the latest profile and what moved since the one before. The
 * adviser starts a check with the organisation here, optionally linked to a
 * consultation.
 */

interface HistoryProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  organisation: { id: number; name: string };
  checks: HistoryEntry[];
  areas: Area[];
  difference: Difference | null;
  draftId: number | null;
  /** Staff: the start form, with the organisation's consultations to link. */
  adviser: { token: string; consultations: { id: number; consulted_on: string; topic: string }[] } | null;
  /** Representatives: the start form for their own organisation. */
  ownToken: string | null;
}

export function HistoryPage({ t, language, csrfToken, organisation, checks, areas, difference, draftId, adviser, ownToken }: HistoryProps) {
  const latest = checks[0];
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('selfcheck.history.title', { organisation: organisation.name })}</h1>
      {checks.length === 0 ? <p class="kern-body">{t('selfcheck.history.none')}</p> : (
        <Table
          caption={t('selfcheck.history.checks')}
          rows={checks}
          rowKey={(row) => row.head.id}
          columns={[
            { key: 'date', label: t('selfcheck.history.date'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/selfcheck/checks/${row.head.id}`}>{row.head.submittedOn}</a> },
            { key: 'how', label: t('selfcheck.history.how'), cell: (row) => (row.head.withAdviser ? t('selfcheck.history.withAdviser') : t('selfcheck.history.alone')) },
            ...answers.map((answer) => ({ key: answer, label: t(`selfcheck.answers.${answer}`), numeric: true, cell: (row: HistoryEntry) => String(row.answers.filter((entry) => entry.answer === answer).length) })),
          ]}
        />
      )}
      {latest && <ProfileTable t={t} language={language} profile={profileOf(areas, latest.answers)} caption={t('selfcheck.history.latestProfile', { date: latest.head.submittedOn })} easy={false} />}
      {difference && checks[1] && <DifferenceSection t={t} language={language} difference={difference} previous={checks[1].head} easy={false} />}
      {draftId ? (
        <LinkButton href={`/selfcheck/checks/${draftId}`}>{t('selfcheck.start.continue')}</LinkButton>
      ) : adviser ? (
        <form method="post" action="/selfcheck/start" class="kern-stack-sm">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="token" value={adviser.token} />
          <input type="hidden" name="organisation_id" value={String(organisation.id)} />
          <input type="hidden" name="with_adviser" value="1" />
          <FieldFrame name="consultation_id" label={t('selfcheck.history.consultation')} hint={t('selfcheck.history.consultationHint')}>
            {(describedBy) => (
              <select class={inputClass(false)} id="consultation_id" name="consultation_id" aria-describedby={describedBy}>
                <option value="">{t('selfcheck.history.noConsultation')}</option>
                {adviser.consultations.map((consultation) => <option value={String(consultation.id)} key={consultation.id}>{consultation.consulted_on} {consultation.topic}</option>)}
              </select>
            )}
          </FieldFrame>
          <Button>{t('selfcheck.history.startWith')}</Button>
        </form>
      ) : ownToken ? (
        <form method="post" action="/selfcheck/start">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="token" value={ownToken} />
          <input type="hidden" name="organisation_id" value={String(organisation.id)} />
          <Button>{checks.length > 0 ? t('selfcheck.start.again') : t('selfcheck.start.begin')}</Button>
        </form>
      ) : null}
    </div>
  );
}
