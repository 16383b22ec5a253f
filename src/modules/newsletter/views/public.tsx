import type { Language, Translate } from '../../../i18n/index.js';
import { formatInstant } from '../../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import { Choices } from '../../../ui/choices.js';
import type { ConfirmOutcome } from '../commands/subscription.js';
import { hessenRegions } from '../regions.js';
import { newsletterLanguages, newsletterTopics, type NewsletterLanguage } from '../tables.js';
import { errorOf, languageNames, Paragraphs, Select, SubmitButton } from './fields.js';

/** The public newsletter pages, in the six languages: sign-up, confirmation, unsubscribe, archive. */

interface Page {
  t: Translate;
  language: Language;
}

export interface SignUpValues {
  email?: string;
  language?: string;
  topics?: string[];
  region?: string;
}

export function SignUpPage({ t, language, csrfToken, values, errors }: Page & { csrfToken: string; values: SignUpValues; errors?: FieldError[] }) {
  return (
    <>
      <h1 class="kern-heading-large">{t('newsletter.signup.title')}</h1>
      <p class="kern-body">{t('newsletter.signup.intro')}</p>
      <ErrorSummary title={t('errors.summary')} errors={errors ?? []} />
      <form method="post" action="/newsletter" novalidate class="kern-stack">
        <CsrfField token={csrfToken} />
        <TextField name="email" type="email" autocomplete="email" label={t('newsletter.signup.email')} hint={t('newsletter.signup.emailHint')} value={values.email} error={errorOf(errors, 'email')} required />
        <Select
          name="language"
          label={t('newsletter.signup.language')}
          value={values.language ?? language}
          error={errorOf(errors, 'language')}
          options={newsletterLanguages.map((code) => [code, languageNames[code]])}
        />
        <Choices
          name="topics"
          type="checkbox"
          legend={t('newsletter.signup.topics')}
          hint={t('newsletter.signup.topicsHint')}
          error={errorOf(errors, 'topics')}
          options={newsletterTopics.map((topic) => [topic, t(`newsletter.topics.${topic}`)])}
          checked={values.topics ?? []}
        />
        <Select
          name="region"
          label={t('newsletter.signup.region')}
          value={values.region ?? ''}
          error={errorOf(errors, 'region')}
          options={[['', t('newsletter.signup.regionAny')], ...hessenRegions.map((region): [string, string] => [region, region])]}
        />
        <h2 class="kern-heading-small">{t('newsletter.signup.consentHeading')}</h2>
        <p class="kern-body">{t('newsletter.consent.text')}</p>
        <SubmitButton label={t('newsletter.signup.submit')} />
      </form>
      <p class="kern-body">
        <a class="kern-link" href="/newsletter/archive">{t('newsletter.signup.archiveLink')}</a>
        {' · '}
        <a class="kern-link" href="/newsletter/unsubscribe">{t('newsletter.signup.unsubscribeLink')}</a>
      </p>
    </>
  );
}

/** A page of one message, optionally with one button that POSTs (never an action on GET). */
export function MessagePage({ t, title, text, kind = 'info', form, links }: Page & {
  title: string;
  text: string;
  kind?: 'info' | 'success' | 'warning';
  form?: { action: string; csrfToken: string; label: string; secondary?: boolean };
  links?: { href: string; label: string }[];
}) {
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <Alert kind={kind}>
        <p class="kern-body">{text}</p>
      </Alert>
      {form && (
        <form method="post" action={form.action} class="kern-stack">
          <CsrfField token={form.csrfToken} />
          <SubmitButton label={form.label} secondary={form.secondary} />
        </form>
      )}
      {links?.map((link) => (
        <p class="kern-body" key={link.href}>
          <a class="kern-link" href={link.href}>{link.label}</a>
        </p>
      ))}
      {!links && (
        <p class="kern-body">
          <a class="kern-link" href="/newsletter/archive">{t('newsletter.signup.archiveLink')}</a>
        </p>
      )}
    </>
  );
}

/** What a visitor sees after the confirmation link: the button, or why the link does not work. */
export function ConfirmOutcomePage(props: Page & { outcome: ConfirmOutcome | 'ask'; token: string; csrfToken: string }) {
  const { t, outcome, token, csrfToken } = props;
  const action = `/newsletter/confirm/${token}`;
  switch (outcome) {
    case 'ask':
      return <MessagePage {...props} title={t('newsletter.confirm.title')} text={t('newsletter.confirm.intro')} form={{ action, csrfToken, label: t('newsletter.confirm.submit') }} />;
    case 'confirmed':
      return <MessagePage {...props} kind="success" title={t('newsletter.confirm.doneTitle')} text={t('newsletter.confirm.done')} />;
    case 'used':
    case 'expired':
      return (
        <MessagePage
          {...props}
          kind="warning"
          title={t(`newsletter.confirm.${outcome}Title`)}
          text={t(`newsletter.confirm.${outcome}`)}
          form={{ action: `${action}/renew`, csrfToken, label: t('newsletter.confirm.renew') }}
        />
      );
    case 'unknown':
      return <MessagePage {...props} kind="warning" title={t('newsletter.confirm.unknownTitle')} text={t('newsletter.confirm.unknown')} links={[{ href: '/newsletter', label: t('newsletter.confirm.again') }]} />;
  }
}

export function UnsubscribeByAddressPage({ t, csrfToken, email, errors }: Page & { csrfToken: string; email?: string; errors?: FieldError[] }) {
  return (
    <>
      <h1 class="kern-heading-large">{t('newsletter.unsubscribe.byAddressTitle')}</h1>
      <p class="kern-body">{t('newsletter.unsubscribe.byAddressIntro')}</p>
      <ErrorSummary title={t('errors.summary')} errors={errors ?? []} />
      <form method="post" action="/newsletter/unsubscribe" novalidate class="kern-stack">
        <CsrfField token={csrfToken} />
        <TextField name="email" type="email" autocomplete="email" label={t('newsletter.signup.email')} value={email} error={errorOf(errors, 'email')} required />
        <SubmitButton label={t('newsletter.unsubscribe.byAddressSubmit')} />
      </form>
    </>
  );
}

export function ArchivePage({ t, language, issues }: Page & { issues: { id: number; sent_at: Date; subject: string; language: NewsletterLanguage }[] }) {
  return (
    <>
      <h1 class="kern-heading-large">{t('newsletter.archive.title')}</h1>
      <p class="kern-body">{t('newsletter.archive.intro')}</p>
      {issues.length === 0 ? (
        <p class="kern-body">{t('newsletter.archive.empty')}</p>
      ) : (
        <ul class="kern-list">
          {issues.map((issue) => (
            <li key={issue.id}>
              <a class="kern-link" href={`/newsletter/archive/${issue.id}`} lang={issue.language === language ? undefined : issue.language}>
                {issue.subject}
              </a>{' '}
              <span class="kern-body kern-body--small">({t('newsletter.archive.sentOn', { date: formatInstant(issue.sent_at, language, { style: 'medium' }) })})</span>
            </li>
          ))}
        </ul>
      )}
      <p class="kern-body">
        <a class="kern-link" href="/newsletter">{t('newsletter.archive.subscribe')}</a>
      </p>
    </>
  );
}

export function ArchivedIssuePage({ t, language, issue }: Page & { issue: { subject: string; body: string; language: NewsletterLanguage; sentAt: Date | null } }) {
  const foreign = issue.language !== language;
  return (
    <>
      {foreign && (
        <Alert kind="info">
          <p class="kern-body">{t('newsletter.archive.notTranslated')}</p>
        </Alert>
      )}
      <article lang={foreign ? issue.language : undefined} dir={foreign ? 'ltr' : undefined}>
        <h1 class="kern-heading-large">{issue.subject}</h1>
        {issue.sentAt && <p class="kern-body kern-body--small">{t('newsletter.archive.sentOn', { date: formatInstant(issue.sentAt, language, { style: 'medium' }) })}</p>}
        <Paragraphs text={issue.body} />
      </article>
      <p class="kern-body">
        <a class="kern-link" href="/newsletter/archive">{t('newsletter.archive.back')}</a>
        {' · '}
        <a class="kern-link" href="/newsletter">{t('newsletter.archive.subscribe')}</a>
      </p>
    </>
  );
}
