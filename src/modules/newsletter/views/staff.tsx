import type { Language, Translate } from '../../../i18n/index.js';
import { formatInstant } from '../../../ui/dates.js';
import { Choices } from '../../../ui/choices.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { IssueTexts } from '../commands/issues.js';
import type { NewsletterSettings } from '../settings.js';
import { hessenRegions } from '../regions.js';
import { newsletterLanguages, newsletterTopics, type NewsletterLanguage } from '../tables.js';
import { errorOf, languageNames, Paragraphs, Select, SubmitButton, TextArea } from './fields.js';
import { LinkButton } from '../../../ui/button.js';

/** Staff pages of the newsletter (German and English): issues, editing, preview, test, sending, settings. */

interface Page {
  t: Translate;
  language: Language;
}

const moment = (value: unknown, language: Language) => (value ? formatInstant(new Date(value as Date), language, { style: 'numeric', time: 'short' }) : '–');

type IssueRow = { id: number; status: 'draft' | 'sending' | 'sent'; created_at: Date; sent_at: Date | null; subject: string; deliveries: string | number | null };

export function IssuesPage({ t, language, issues, counts, isAdmin }: Page & { issues: IssueRow[]; counts: Partial<Record<string, number>>; isAdmin: boolean }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('newsletter.staff.title')}</h1>
      <p class="kern-body">{t('newsletter.staff.intro')}</p>
      <p class="kern-body" data-subscriber-counts>
        {t('newsletter.staff.counts', { confirmed: counts.confirmed ?? 0, pending: counts.pending ?? 0, unsubscribed: counts.unsubscribed ?? 0 })}
      </p>
      <p class="kern-body">
        <LinkButton href="/newsletter/issues/new">{t('newsletter.staff.newIssue')}</LinkButton>
      </p>
      <Table
        caption={t('newsletter.staff.issues')}
        captionVisible
        rows={issues}
        rowKey={(issue) => issue.id}
        empty={t('newsletter.staff.none')}
        columns={[
          { key: 'subject', label: t('newsletter.staff.subject'), rowHeader: true, cell: (issue) => <a class="kern-link" href={`/newsletter/issues/${issue.id}`}>{issue.subject}</a> },
          { key: 'status', label: t('newsletter.staff.status'), cell: (issue) => t(`newsletter.staff.statuses.${issue.status}`) },
          { key: 'created', label: t('newsletter.staff.created'), cell: (issue) => moment(issue.created_at, language) },
          { key: 'deliveries', label: t('newsletter.staff.deliveries'), numeric: true, cell: (issue) => String(Number(issue.deliveries ?? 0)) },
        ]}
      />
      <ul class="kern-list">
        <li><a class="kern-link" href="/newsletter/brochure">{t('newsletter.staff.brochure')}</a></li>
        {isAdmin && <li><a class="kern-link" href="/newsletter/settings">{t('newsletter.staff.settings')}</a></li>}
      </ul>
    </div>
  );
}

/** The editor: German first, then a subject and text per translation. */
export function IssueForm({ t, csrfToken, action, texts, errors, notice }: Page & { csrfToken: string; action: string; texts: IssueTexts; errors?: FieldError[]; notice?: string }) {
  return (
    <form method="post" action={action} novalidate class="kern-stack">
      <CsrfField token={csrfToken} />
      {notice && <Alert kind="success"><p class="kern-body">{notice}</p></Alert>}
      <ErrorSummary title={t('errors.summary')} errors={errors ?? []} />
      <p class="kern-body">{t('newsletter.staff.editIntro')}</p>
      {newsletterLanguages.map((code) => {
        const name = languageNames[code];
        const dir = code === 'ar' ? 'rtl' : 'ltr';
        return (
          <fieldset class="kern-fieldset" key={code} lang={code} dir={dir}>
            <legend class="kern-title">{code === 'de' ? t('newsletter.staff.german') : t('newsletter.staff.translation', { language: name })}</legend>
            <div class="kern-fieldset__body kern-stack-sm">
              <TextField name={`subject_${code}`} label={t('newsletter.staff.subjectOf', { language: name })} value={texts[code]?.subject} error={errorOf(errors, `subject_${code}`)} required={code === 'de'} />
              <TextArea name={`body_${code}`} label={t('newsletter.staff.bodyOf', { language: name })} value={texts[code]?.body} error={errorOf(errors, `body_${code}`)} rows={code === 'de' ? 12 : 6} dir={dir} />
            </div>
          </fieldset>
        );
      })}
      <SubmitButton label={t('newsletter.staff.save')} />
    </form>
  );
}

export interface IssuePageProps extends Page {
  csrfToken: string;
  issue: { id: number; status: 'draft' | 'sending' | 'sent'; topics: string[]; regions: string[]; languages: string[] };
  texts: IssueTexts;
  errors?: FieldError[];
  notice?: string;
  audienceSize: number;
}

export function IssuePage(props: IssuePageProps) {
  const { t, csrfToken, issue } = props;
  const base = `/newsletter/issues/${issue.id}`;
  const subject = props.texts.de?.subject ?? '';
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{subject}</h1>
      <p class="kern-body">{t('newsletter.staff.status')}: {t(`newsletter.staff.statuses.${issue.status}`)}</p>
      <p class="kern-body">
        {t('newsletter.staff.preview')}:{' '}
        {newsletterLanguages.map((code) => (
          <>
            <a class="kern-link" href={`${base}/preview?in=${code}`} lang={code} key={code}>{languageNames[code]}</a>{' '}
          </>
        ))}
      </p>
      {issue.status === 'draft' ? (
        <>
          <h2 class="kern-heading-medium">{t('newsletter.staff.editTitle')}</h2>
          <IssueForm {...props} action={base} />
          <h2 class="kern-heading-medium">{t('newsletter.staff.test')}</h2>
          <form method="post" action={`${base}/test`} class="kern-stack">
            <CsrfField token={csrfToken} />
            <Select name="language" label={t('newsletter.staff.previewLanguage')} options={newsletterLanguages.map((code) => [code, languageNames[code]])} value="de" />
            <SubmitButton label={t('newsletter.staff.test')} secondary />
          </form>
          <h2 class="kern-heading-medium">{t('newsletter.staff.sendTitle')}</h2>
          <form method="post" action={`${base}/send`} novalidate class="kern-stack">
            <CsrfField token={csrfToken} />
            <Choices name="topics" type="checkbox" legend={t('newsletter.staff.audienceTopics')} error={errorOf(props.errors, 'topics')} options={newsletterTopics.map((topic) => [topic, t(`newsletter.topics.${topic}`)])} checked={[...newsletterTopics]} />
            <Choices name="regions" type="checkbox" legend={t('newsletter.staff.audienceRegions')} hint={t('newsletter.staff.audienceRegionsHint')} options={hessenRegions.map((region) => [region, region])} checked={[]} />
            <Choices name="languages" type="checkbox" legend={t('newsletter.staff.audienceLanguages')} error={errorOf(props.errors, 'languages')} options={newsletterLanguages.map((code) => [code, languageNames[code]])} checked={[...newsletterLanguages]} />
            <p class="kern-body">{t('newsletter.staff.audienceSize', { count: props.audienceSize })}</p>
            <Alert kind="warning"><p class="kern-body">{t('newsletter.staff.sendWarning')}</p></Alert>
            <SubmitButton label={t('newsletter.staff.sendSubmit')} />
          </form>
        </>
      ) : (
        <>
          {props.notice && <Alert kind="success"><p class="kern-body">{props.notice}</p></Alert>}
          <p class="kern-body">
            {t('newsletter.staff.audienceTopics')}: {[...issue.topics.map((topic) => t(`newsletter.topics.${topic}`)), ...issue.regions].join(', ')}; {t('newsletter.staff.audienceLanguages')}: {issue.languages.map((code) => languageNames[code as NewsletterLanguage]).join(', ')}
          </p>
        </>
      )}
      <p class="kern-body"><a class="kern-link" href="/newsletter/issues">{t('newsletter.staff.issues')}</a></p>
    </div>
  );
}

/** The issue as the mail shows it, in one language; links as written. */
export function PreviewPage({ t, issueId, language, subject, mailText }: { t: Translate; issueId: number; language: NewsletterLanguage; subject: string; mailText: string }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('newsletter.staff.preview')}: {languageNames[language]}</h1>
      <p class="kern-body">{t('newsletter.staff.previewIntro')}</p>
      <article lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'} class="kern-stack-sm">
        <h2 class="kern-heading-medium">{subject}</h2>
        <Paragraphs text={mailText} />
      </article>
      <p class="kern-body"><a class="kern-link" href={`/newsletter/issues/${issueId}`}>{t('newsletter.staff.edit')}</a></p>
    </div>
  );
}

export function SettingsPage({ t, csrfToken, settings, errors, notice }: Page & { csrfToken: string; settings: { recordConfirmIp: boolean; mailsPerMinute: string | number }; errors?: FieldError[]; notice?: string }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('newsletter.staff.settingsTitle')}</h1>
      {notice && <Alert kind="success"><p class="kern-body">{notice}</p></Alert>}
      <ErrorSummary title={t('errors.summary')} errors={errors ?? []} />
      <form method="post" action="/newsletter/settings" novalidate class="kern-stack">
        <CsrfField token={csrfToken} />
        <Choices name="record_confirm_ip" type="radio" legend={t('newsletter.staff.recordIp')} hint={t('newsletter.staff.recordIpHint')} options={[['no', t('newsletter.staff.no')], ['yes', t('newsletter.staff.yes')]]} checked={[settings.recordConfirmIp ? 'yes' : 'no']} />
        <TextField name="mails_per_minute" type="number" label={t('newsletter.staff.perMinute')} hint={t('newsletter.staff.perMinuteHint')} value={String(settings.mailsPerMinute)} error={errorOf(errors, 'mails_per_minute')} />
        <SubmitButton label={t('newsletter.staff.save')} />
      </form>
    </div>
  );
}

export type { NewsletterSettings };
