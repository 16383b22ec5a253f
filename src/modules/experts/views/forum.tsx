import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldGroup, TextField } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { Forum, listForums, outcomesOfForum, Proposal, staffOfForum } from '../forum-queries.js';
import type { FormError } from '../form.js';
import { expertLanguages, expertTopics, outcomeKinds, type EventRole } from '../tables.js';
import { day, districtsText, errorOf, languagesText, SelectField, summaryErrors, topicsText } from './parts.js';

/** The dialogue forums: the list, and one forum's staffing page with proposals and outcomes. */

export function ForumListPage({ t, language, forums }: { t: Translate; language: Language; forums: Awaited<ReturnType<typeof listForums>> }) {
  return (
    <>
      <p class="kern-body"><a class="kern-link" href="/experts">{t('experts.pool.title')}</a></p>
      <h1 class="kern-heading-large">{t('experts.forums.title')}</h1>
      <p class="kern-body">{t('experts.forums.intro')}</p>
      <Table
        caption={t('experts.forums.title')}
        rows={forums}
        rowKey={(forum) => forum.id}
        rowProps={(forum) => ({ 'data-forum': forum.id })}
        empty={<p class="kern-body">{t('experts.forums.none')}</p>}
        columns={[
          { key: 'title', label: t('experts.expert.event'), rowHeader: true, cell: (forum) => <a class="kern-link" href={`/experts/forums/${forum.id}`}>{forum.title}</a> },
          { key: 'day', label: t('experts.expert.day'), cell: (forum) => day(forum.start_date, language) },
          { key: 'district', label: t('experts.forums.district'), cell: (forum) => forum.district ?? '—' },
          { key: 'moderators', label: t('experts.forums.moderators'), numeric: true, cell: (forum) => forum.moderators ?? 0 },
          { key: 'experts', label: t('experts.forums.experts'), numeric: true, cell: (forum) => forum.experts ?? 0 },
          { key: 'outcomes', label: t('experts.forums.outcomes'), numeric: true, cell: (forum) => forum.outcomes ?? 0 },
        ]}
      />
    </>
  );
}

interface ForumPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  forum: Forum;
  staff: Awaited<ReturnType<typeof staffOfForum>>;
  proposals: { moderators: Proposal[]; experts: Proposal[]; specialists: Proposal[] };
  outcomes: Awaited<ReturnType<typeof outcomesOfForum>>;
  wanted: { topic?: string; language?: string };
  bookingErrors: FormError[];
  busyWith?: string;
  awayUntil?: string;
  outcomeErrors: FormError[];
  outcomeInput: Record<string, string>;
  notice?: string;
}

function ProposalTable({ t, language, csrfToken, forumId, caption, rows, role, id }: { t: Translate; language: Language; csrfToken: string; forumId: number; caption: string; rows: Proposal[]; role: EventRole; id: string }) {
  return (
    <Table
      caption={caption}
      captionVisible
      rows={rows}
      rowKey={(row) => row.id}
      rowProps={(row) => ({ 'data-proposal': row.id, 'data-busy': row.busy_with || row.away_until ? '1' : undefined })}
      tableProps={{ id }}
      empty={<p class="kern-body">{t('experts.staffing.noProposals')}</p>}
      columns={[
        { key: 'name', label: t('experts.fields.full_name'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/experts/${row.id}`}>{row.full_name}</a> },
        { key: 'organisation', label: t('experts.fields.organisation_id'), cell: (row) => row.organisation_name ?? t(`experts.kinds.${row.kind}`) },
        { key: 'topics', label: t('experts.fields.topics'), cell: (row) => topicsText(t, row.topics) },
        { key: 'languages', label: t('experts.fields.languages'), cell: (row) => languagesText(t, row.languages) },
        { key: 'districts', label: t('experts.fields.districts'), cell: (row) => districtsText(t, row.districts) },
        { key: 'availability', label: t('experts.staffing.availability'), cell: (row) => (row.busy_with ? t('experts.staffing.busy', { event: row.busy_with }) : row.away_until ? t('experts.staffing.away', { day: day(row.away_until, language) }) : t('experts.staffing.free')) },
        {
          key: 'book', label: t('experts.staffing.book'), action: true, headerHidden: true,
          cell: (row) => row.busy_with || row.away_until ? null : (
            <form method="post" action={`/experts/forums/${forumId}/staff`}>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="expert_id" value={String(row.id)} />
              <input type="hidden" name="role" value={role} />
              <Button kind="secondary" size="small" aria-label={t('experts.staffing.bookAs', { name: row.full_name, role: t(`experts.roles.${role}`) })}>{t('experts.staffing.book')}</Button>
            </form>
          ),
        },
      ]}
    />
  );
}

export function ForumPage(props: ForumPageProps) {
  const { t, language, csrfToken, forum, staff, proposals, outcomes, wanted } = props;
  const any = { value: '', label: t('experts.filter.any') };
  const partners = (forum.cooperation_partners ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const moderators = staff.filter((member) => member.role === 'moderator');
  return (
    <>
      <p class="kern-body"><a class="kern-link" href="/experts/forums">{t('experts.forums.title')}</a></p>
      <h1 class="kern-heading-large">{forum.title}</h1>
      {props.notice && <Alert kind="success">{t(`experts.notices.${props.notice}`)}</Alert>}
      <dl class="kern-description-list">
        <dt class="kern-description-list-item__key">{t('experts.expert.day')}</dt>
        <dd class="kern-description-list-item__value">{day(forum.start_date, language)}</dd>
        <dt class="kern-description-list-item__key">{t('experts.forums.district')}</dt>
        <dd class="kern-description-list-item__value">{[forum.municipality, forum.district].filter(Boolean).join(', ') || '—'}</dd>
        <dt class="kern-description-list-item__key">{t('experts.forums.administration')}</dt>
        <dd class="kern-description-list-item__value">{partners.length > 0 ? partners.join(', ') : t('experts.forums.noAdministration')}</dd>
      </dl>
      <p class="kern-body mosaik-inline-form">
        <a class="kern-link" href={`/events/${forum.id}/edit`}>{t('experts.forums.editEvent')}</a>
        <a class="kern-link" href={`/experts/forums/${forum.id}/documentation`}>{t('experts.documentation.link')}</a>
      </p>

      <h2 class="kern-heading-medium" id="staff">{t('experts.staffing.booked')}</h2>
      {moderators.length === 0 && <Alert kind="info">{t('experts.staffing.noModerator')}</Alert>}
      <Table
        caption={t('experts.staffing.booked')}
        rows={staff}
        rowKey={(member) => member.id}
        rowProps={(member) => ({ 'data-booked': member.id })}
        empty={<p class="kern-body">{t('experts.staffing.nobody')}</p>}
        columns={[
          { key: 'name', label: t('experts.fields.full_name'), rowHeader: true, cell: (member) => member.consent_withdrawn_on ? t('experts.staffing.withdrawnName', { name: member.full_name }) : <a class="kern-link" href={`/experts/${member.id}`}>{member.full_name}</a> },
          { key: 'role', label: t('experts.fields.role'), cell: (member) => t(`experts.roles.${member.role}`) },
          { key: 'organisation', label: t('experts.fields.organisation_id'), cell: (member) => member.organisation_name ?? '—' },
          { key: 'languages', label: t('experts.fields.languages'), cell: (member) => languagesText(t, member.languages) },
          {
            key: 'remove', label: t('experts.staffing.remove'), action: true, headerHidden: true,
            cell: (member) => (
              <form method="post" action={`/experts/forums/${forum.id}/staff/${member.id}/remove`}>
                <CsrfField token={csrfToken} />
                <Button kind="tertiary" size="small" aria-label={t('experts.staffing.removeName', { name: member.full_name })}>{t('experts.staffing.remove')}</Button>
              </form>
            ),
          },
        ]}
      />

      <h2 class="kern-heading-medium" id="proposals">{t('experts.staffing.title')}</h2>
      <ErrorSummary title={t('experts.errors.title')} errors={summaryErrors(t, props.bookingErrors).map((error) => (props.busyWith ? { ...error, message: t('experts.errors.busyWith', { event: props.busyWith }) } : props.awayUntil ? { ...error, message: t('experts.errors.awayUntil', { day: day(props.awayUntil, language) }) } : error))} />
      <p class="kern-body">{t('experts.staffing.intro')}</p>
      <form method="get" action={`/experts/forums/${forum.id}`} class="kern-stack-sm">
        <div class="mosaik-filter-row">
          <SelectField name="topic" label={t('experts.fields.topics')} value={wanted.topic ?? ''} options={[any, ...expertTopics.map((topic) => ({ value: topic, label: t(`experts.topics.${topic}`) }))]} />
          <SelectField name="language" label={t('experts.fields.languages')} value={wanted.language ?? ''} options={[any, ...expertLanguages.map((code) => ({ value: code, label: t(`experts.languages.${code}`) }))]} />
        </div>
        <Button kind="secondary">{t('experts.staffing.propose')}</Button>
      </form>
      <ProposalTable t={t} language={language} csrfToken={csrfToken} forumId={forum.id} caption={t('experts.staffing.moderators')} rows={proposals.moderators} role="moderator" id="proposals-moderators" />
      <ProposalTable t={t} language={language} csrfToken={csrfToken} forumId={forum.id} caption={t('experts.staffing.experts')} rows={proposals.experts} role="expert" id="proposals-experts" />
      <ProposalTable t={t} language={language} csrfToken={csrfToken} forumId={forum.id} caption={t('experts.staffing.specialists')} rows={proposals.specialists} role="adviser" id="proposals-specialists" />

      <h2 class="kern-heading-medium" id="outcomes">{t('experts.outcomes.title')}</h2>
      {outcomeKinds.map((kind) => {
        const rows = outcomes.filter((outcome) => outcome.kind === kind);
        return (
          <section key={kind} aria-labelledby={`outcomes-${kind}`}>
            <h3 class="kern-heading-small" id={`outcomes-${kind}`}>{t(`experts.outcomes.kinds.${kind}`)}</h3>
            {rows.length === 0 ? <p class="kern-body">{t('experts.outcomes.none')}</p> : (
              <ul class="kern-list" data-outcomes={kind}>
                {rows.map((outcome) => (
                  <li key={outcome.id}>
                    {outcome.text}
                    {outcome.kind === 'next_step' && ` — ${t('experts.outcomes.ownerBy', { owner: outcome.owner ?? '', day: day(outcome.due_on, language) })}`}
                    <form method="post" action={`/experts/forums/${forum.id}/outcomes/${outcome.id}/remove`} class="mosaik-inline-form">
                      <CsrfField token={csrfToken} />
                      <Button kind="tertiary" size="small" aria-label={t('experts.outcomes.removeText', { text: outcome.text.slice(0, 60) })}>{t('experts.outcomes.remove')}</Button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <form method="post" action={`/experts/forums/${forum.id}/outcomes`} class="kern-stack" novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary title={t('experts.errors.title')} errors={summaryErrors(t, props.outcomeErrors)} />
        <FieldGroup legend={t('experts.outcomes.add')}>
          <SelectField name="kind" id="outcome-kind" label={t('experts.fields.outcome_kind')} value={props.outcomeInput.kind ?? 'agreement'} error={errorOf(t, props.outcomeErrors, 'kind')} options={outcomeKinds.map((kind) => ({ value: kind, label: t(`experts.outcomes.kinds.${kind}`) }))} />
          <TextField name="text" label={t('experts.fields.text')} value={props.outcomeInput.text ?? ''} error={errorOf(t, props.outcomeErrors, 'text')} />
          <TextField name="owner" label={t('experts.fields.owner')} hint={t('experts.hints.owner')} value={props.outcomeInput.owner ?? ''} error={errorOf(t, props.outcomeErrors, 'owner')} />
          <DateField t={t} language={language} name="due_on" label={t('experts.fields.due_on')} value={props.outcomeInput.due_on ?? ''} error={errorOf(t, props.outcomeErrors, 'due_on')} />
        </FieldGroup>
        <Button>{t('experts.outcomes.save')}</Button>
      </form>
    </>
  );
}
