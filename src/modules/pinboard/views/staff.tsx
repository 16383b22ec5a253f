import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Alert, CsrfField, ErrorSummary, TextField } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { FormError, FormInput } from '../form.js';
import type { pendingPosts, pinboardFigures, reportedPosts } from '../queries.js';
import { authorLanguage, day, errorOf, notice, PostFacts, summaryErrors, TextAreaField } from './parts.js';
import { Paragraphs } from './post.js';

/** The staff side: the moderation queue (approve, reject with a reason), reported posts (keep, remove), the figures and the settings. */

interface StaffProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  pending: Awaited<ReturnType<typeof pendingPosts>>;
  reported: Awaited<ReturnType<typeof reportedPosts>>;
  figures: Awaited<ReturnType<typeof pinboardFigures>>;
  /** The post whose rejection had a problem, with what was typed. */
  rejecting?: { id: number; input: FormInput; errors: FormError[] };
  done?: string;
}

export function StaffPage({ t, language, csrfToken, pending, reported, figures, rejecting, done }: StaffProps) {
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('pinboard.staff.title')}</h1>
      {notice(t, done) && <Alert kind="success">{notice(t, done)}</Alert>}
      {rejecting && <ErrorSummary title={t('pinboard.errorTitle')} errors={summaryErrors(t, rejecting.errors).map((error) => ({ ...error, field: `reason-${rejecting.id}` }))} />}
      <p><LinkButton kind="secondary" href="/staff/pinboard/settings">{t('pinboard.settings.title')}</LinkButton></p>
      <section class="kern-stack-md" aria-labelledby="queue">
        <h2 class="kern-heading-medium" id="queue">{t('pinboard.staff.queue', { count: pending.length })}</h2>
        {pending.length === 0 && <p class="kern-body">{t('pinboard.staff.queueEmpty')}</p>}
        {pending.map((post) => {
          const own = authorLanguage(post.lang);
          const input = rejecting?.id === post.id ? rejecting.input : {};
          const error = rejecting?.id === post.id ? errorOf(t, rejecting.errors, 'reason') : undefined;
          return (
            <article key={post.id} class="kern-card kern-card--small">
              <div class="kern-card__container kern-stack-sm">
                <p class="kern-preline">{t(`pinboard.kinds.${post.kind}`)} · {post.organisation_name} · {t(`pinboard.languageNames.${post.lang}`)} · {day(post.updated_at, language)}</p>
                <h3 class="kern-heading-small" lang={own.lang} dir={own.dir}><a class="kern-link" href={`/pinboard/${post.id}`}>{post.title}</a></h3>
                <Paragraphs text={post.body} lang={post.lang} />
                <PostFacts t={t} post={post} />
                <form method="post" action={`/staff/pinboard/${post.id}/approve`}>
                  <CsrfField token={csrfToken} />
                  <Button>{t('pinboard.actions.approve')}</Button>
                </form>
                <form method="post" action={`/staff/pinboard/${post.id}/reject`} class="kern-stack-sm" noValidate>
                  <CsrfField token={csrfToken} />
                  <TextAreaField name="reason" label={t('pinboard.fields.rejectReason')} hint={t('pinboard.staff.rejectHint')} value={input.reason ?? ''} error={error} rows={3} />
                  <Button kind="secondary">{t('pinboard.actions.reject')}</Button>
                </form>
              </div>
            </article>
          );
        })}
      </section>
      <section class="kern-stack-md" aria-labelledby="reported">
        <h2 class="kern-heading-medium" id="reported">{t('pinboard.staff.reported', { count: reported.length })}</h2>
        {reported.length === 0 && <p class="kern-body">{t('pinboard.staff.reportedEmpty')}</p>}
        {reported.map((post) => (
          <article key={post.id} class="kern-card kern-card--small">
            <div class="kern-card__container kern-stack-sm">
              <h3 class="kern-heading-small"><a class="kern-link" href={`/pinboard/${post.id}`} lang={authorLanguage(post.lang).lang}>{post.title}</a> · {post.organisation_name}</h3>
              <p class="kern-body">{t(`pinboard.states.${post.state}`)}</p>
              <ul class="kern-list">
                {post.reports.map((report, index) => (
                  <li key={index}>{t(`pinboard.reportReasons.${report.reason}`)}{report.note ? `: ${report.note}` : ''}</li>
                ))}
              </ul>
              <form method="post" action={`/staff/pinboard/${post.id}/reports`} class="mosaik-actions">
                <CsrfField token={csrfToken} />
                <Button name="decision" value="kept" kind="secondary">{t('pinboard.actions.keep')}</Button>
                <Button name="decision" value="removed" kind="tertiary">{t('pinboard.actions.remove')}</Button>
              </form>
            </div>
          </article>
        ))}
      </section>
      <section aria-labelledby="figures" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="figures">{t('pinboard.staff.figures')}</h2>
        <Table
          caption={t('pinboard.staff.figures')}
          rows={figures}
          rowKey={(row) => row.kind}
          columns={[
            { key: 'kind', label: t('pinboard.fields.kind'), rowHeader: true, cell: (row) => t(`pinboard.kinds.${row.kind}`) },
            { key: 'published', label: t('pinboard.staff.published'), numeric: true, cell: (row) => row.published },
            { key: 'matched', label: t('pinboard.staff.matched'), numeric: true, cell: (row) => row.matched },
            { key: 'total', label: t('pinboard.staff.total'), numeric: true, cell: (row) => row.total },
          ]}
        />
      </section>
    </div>
  );
}

export function SettingsPage({ t, csrfToken, input, errors, done }: { t: Translate; csrfToken: string; input: FormInput; errors: FormError[]; done?: string }) {
  const field = (name: string) => <TextField name={name} label={t(`pinboard.fields.${name}`)} hint={t(`pinboard.settings.${name}Hint`)} value={input[name] ?? ''} error={errorOf(t, errors, name)} />;
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href="/staff/pinboard">{t('pinboard.staff.title')}</a></p>
      <h1 class="kern-heading-large">{t('pinboard.settings.title')}</h1>
      {notice(t, done) && <Alert kind="success">{notice(t, done)}</Alert>}
      <ErrorSummary title={t('pinboard.errorTitle')} errors={summaryErrors(t, errors)} />
      <form method="post" action="/staff/pinboard/settings" class="kern-stack-md" noValidate>
        <CsrfField token={csrfToken} />
        {field('expiry_days')}
        {field('reminder_days')}
        {field('messages_per_account_hour')}
        {field('messages_per_post_day')}
        <Button>{t('pinboard.actions.save')}</Button>
      </form>
    </div>
  );
}
