import type { Language, Translate } from '../../../i18n/index.js';
import type { Forum, forumRecord, outcomesOfForum, staffOfForum } from '../forum-queries.js';
import { outcomeKinds } from '../tables.js';
import { day } from './parts.js';

/**
 * The documentation of a dialogue forum on one page, to print or send to the
 * administration and the associations: when and where, the partners, who
 * moderated and who took part from the pool, attendance and feedback, and
 * the outcomes (next steps with owner and day). No contact details.
 */
export function ForumDocumentationPage({ t, language, forum, record, staff, outcomes }: {
  t: Translate;
  language: Language;
  forum: Forum;
  record: Awaited<ReturnType<typeof forumRecord>>;
  staff: Awaited<ReturnType<typeof staffOfForum>>;
  outcomes: Awaited<ReturnType<typeof outcomesOfForum>>;
}) {
  const partners = (forum.cooperation_partners ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const names = (roles: string[]) => staff.filter((member) => roles.includes(member.role)).map((member) => (member.organisation_name ? `${member.full_name} (${member.organisation_name})` : member.full_name));
  const row = (label: string, value: string) => (
    <>
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class="kern-description-list-item__value">{value || '—'}</dd>
    </>
  );
  const mean = record.feedback.mean === null ? '—' : t('experts.expert.meanOf', { mean: Number(record.feedback.mean).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB'), forms: record.feedback.forms });
  return (
    <>
      <p class="kern-body mosaik-no-print"><a class="kern-link" href={`/experts/forums/${forum.id}`}>{t('experts.documentation.back')}</a></p>
      <h1 class="kern-heading-large">{t('experts.documentation.title', { title: forum.title })}</h1>
      <dl class="kern-description-list">
        {row(t('experts.expert.day'), [day(forum.start_date, language), [record.starts_at, record.ends_at].filter(Boolean).join('–')].filter(Boolean).join(', '))}
        {row(t('experts.documentation.place'), [record.place, forum.municipality, forum.district].filter(Boolean).join(', '))}
        {row(t('experts.forums.administration'), partners.join(', '))}
        {row(t('experts.forums.moderators'), names(['moderator']).join(', '))}
        {row(t('experts.staffing.experts'), names(['expert']).join(', '))}
        {row(t('experts.staffing.specialists'), names(['trainer', 'adviser']).join(', '))}
        {row(t('experts.documentation.attendance'), t('experts.documentation.attended', { persons: record.attendance.persons, organisations: record.attendance.organisations }))}
        {row(t('experts.expert.feedbackMean'), mean)}
      </dl>
      {record.description && (
        <>
          <h2 class="kern-heading-medium">{t('experts.documentation.topics')}</h2>
          <p class="kern-body">{record.description}</p>
        </>
      )}
      <h2 class="kern-heading-medium">{t('experts.outcomes.title')}</h2>
      {outcomeKinds.map((kind) => {
        const rows = outcomes.filter((outcome) => outcome.kind === kind);
        return (
          <section key={kind} aria-labelledby={`documentation-${kind}`}>
            <h3 class="kern-heading-small" id={`documentation-${kind}`}>{t(`experts.outcomes.kinds.${kind}`)}</h3>
            {rows.length === 0 ? <p class="kern-body">{t('experts.outcomes.none')}</p> : (
              <ol class="kern-list" data-documentation={kind}>
                {rows.map((outcome) => (
                  <li key={outcome.id}>
                    {outcome.text}
                    {outcome.kind === 'next_step' && ` — ${t('experts.outcomes.ownerBy', { owner: outcome.owner ?? '', day: day(outcome.due_on, language) })}`}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}
