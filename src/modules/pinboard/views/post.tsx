import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Alert, CsrfField, ErrorSummary } from '../../../ui/forms.js';
import type { FormError, FormInput } from '../form.js';
import type { Conversation, Post } from '../queries.js';
import { reportReasons } from '../vocabulary.js';
import { authorLanguage, day, errorOf, notice, PostFacts, SelectField, summaryErrors, TextAreaField } from './parts.js';

/** One post: its text in the author's language, the frame in the reader's; what the reader may do (write, report) and what the author may do (edit, renew, match, withdraw). */

export interface PostPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  post: Post;
  own: boolean;
  mayContact: boolean;
  mayReport: boolean;
  isStaff: boolean;
  conversations: { id: number; created_at: Date; reader_organisation_name: string | null }[];
  writeFor: { id: number; name: string }[];
  input: FormInput;
  errors: FormError[];
  done?: string;
}

/** A text as paragraphs, in the language it was written in. */
export function Paragraphs({ text, lang }: { text: string; lang: string }) {
  const own = authorLanguage(lang);
  return (
    <div class="kern-stack-sm" lang={own.lang} dir={own.dir}>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p class="kern-body" key={index}>
          {paragraph.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]))}
        </p>
      ))}
    </div>
  );
}

function StateNotice({ t, post }: { t: Translate; post: Post }) {
  if (post.state === 'published') return null;
  return (
    <Alert kind={post.state === 'rejected' || post.state === 'hidden' ? 'warning' : 'info'}>
      <p>{t(`pinboard.states.${post.state}Notice`)}</p>
      {post.state === 'rejected' && post.reject_reason && <p>{t('pinboard.post.reason', { reason: post.reject_reason })}</p>}
    </Alert>
  );
}

function OwnActions({ t, language, csrfToken, post, conversations }: Pick<PostPageProps, 't' | 'language' | 'csrfToken' | 'post' | 'conversations'>) {
  return (
    <section class="kern-stack-md" aria-labelledby="own-actions">
      <h2 class="kern-heading-medium" id="own-actions">{t('pinboard.own.title')}</h2>
      {post.expires_at && post.state === 'published' && <p class="kern-body">{t('pinboard.own.expires', { day: day(post.expires_at, language) })}</p>}
      <div class="mosaik-actions">
        {post.state !== 'withdrawn' && post.state !== 'hidden' && <LinkButton kind="secondary" href={`/pinboard/${post.id}/edit`}>{t('pinboard.actions.edit')}</LinkButton>}
        {(post.state === 'published' || post.state === 'expired') && (
          <form method="post" action={`/pinboard/${post.id}/renew`} id="renew">
            <CsrfField token={csrfToken} />
            <Button kind="secondary">{t('pinboard.actions.renew')}</Button>
          </form>
        )}
        {post.state !== 'withdrawn' && (
          <form method="post" action={`/pinboard/${post.id}/withdraw`}>
            <CsrfField token={csrfToken} />
            <Button kind="tertiary">{t('pinboard.actions.withdraw')}</Button>
          </form>
        )}
      </div>
      {!post.matched_at && post.state !== 'withdrawn' && post.state !== 'rejected' && (
        <form method="post" action={`/pinboard/${post.id}/matched`} class="kern-stack-sm">
          <CsrfField token={csrfToken} />
          <TextAreaField name="note" label={t('pinboard.fields.note')} hint={t('pinboard.own.matchHint')} value="" rows={2} />
          <Button kind="secondary">{t('pinboard.actions.matched')}</Button>
        </form>
      )}
      <h3 class="kern-heading-small">{t('pinboard.own.conversations')}</h3>
      {conversations.length === 0 ? (
        <p class="kern-body">{t('pinboard.own.noConversations')}</p>
      ) : (
        <ul class="kern-list">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <a class="kern-link" href={`/pinboard/conversations/${conversation.id}`}>{conversation.reader_organisation_name ?? t('pinboard.conversation.someone')}</a> · {day(conversation.created_at, language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ContactForm({ t, csrfToken, post, writeFor, input, errors, conversations }: Pick<PostPageProps, 't' | 'csrfToken' | 'post' | 'writeFor' | 'input' | 'errors' | 'conversations'>) {
  return (
    <section class="kern-stack-sm" aria-labelledby="contact">
      <h2 class="kern-heading-medium" id="contact">{t('pinboard.contact.title')}</h2>
      <p class="kern-body">{t('pinboard.contact.intro', { organisation: post.organisation_name })}</p>
      {conversations.length > 0 && (
        <p class="kern-body"><a class="kern-link" href={`/pinboard/conversations/${conversations[0]!.id}`}>{t('pinboard.contact.earlier')}</a></p>
      )}
      <form method="post" action={`/pinboard/${post.id}/contact`} class="kern-stack-sm" noValidate>
        <CsrfField token={csrfToken} />
        {writeFor.length > 1 && (
          <SelectField name="organisation_id" label={t('pinboard.fields.writeFor')} value={input.organisation_id ?? ''} error={errorOf(t, errors, 'organisation_id')}
            options={writeFor.map((organisation) => ({ value: String(organisation.id), label: organisation.name }))} />
        )}
        <TextAreaField name="message" label={t('pinboard.fields.message')} hint={t('pinboard.contact.hint')} value={input.message ?? ''} error={errorOf(t, errors, 'message')} />
        <Button>{t('pinboard.actions.send')}</Button>
      </form>
    </section>
  );
}

function ReportForm({ t, csrfToken, post, input, errors }: Pick<PostPageProps, 't' | 'csrfToken' | 'post' | 'input' | 'errors'>) {
  const open = errors.some((error) => error.field === 'reason' || error.field === 'note');
  return (
    <details class="kern-accordion" open={open}>
      <summary class="kern-accordion__header"><span class="kern-title">{t('pinboard.report.title')}</span></summary>
      <div class="kern-accordion__body">
        <form method="post" action={`/pinboard/${post.id}/report`} class="kern-stack-sm" noValidate>
          <CsrfField token={csrfToken} />
          <p class="kern-body">{t('pinboard.report.intro')}</p>
          <SelectField name="reason" label={t('pinboard.fields.reason')} value={input.reason ?? ''} error={errorOf(t, errors, 'reason')}
            options={[{ value: '', label: t('pinboard.report.choose') }, ...reportReasons.map((reason) => ({ value: reason, label: t(`pinboard.reportReasons.${reason}`) }))]} />
          <TextAreaField name="note" label={t('pinboard.fields.reportNote')} value={input.note ?? ''} error={errorOf(t, errors, 'note')} rows={3} />
          <Button kind="secondary">{t('pinboard.actions.report')}</Button>
        </form>
      </div>
    </details>
  );
}

export function PostPage(props: PostPageProps) {
  const { t, language, post, own, mayContact, mayReport, errors, done } = props;
  const author = authorLanguage(post.lang);
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href={own ? '/pinboard/mine' : '/pinboard'}>{t('pinboard.back')}</a></p>
      {notice(t, done) && <Alert kind="success">{notice(t, done)}</Alert>}
      <ErrorSummary title={t('pinboard.errorTitle')} errors={summaryErrors(t, errors)} />
      {(own || props.isStaff) && <StateNotice t={t} post={post} />}
      <article class="kern-stack-md">
        <header>
          <p class="kern-preline">{t(`pinboard.kinds.${post.kind}`)}</p>
          <h1 class="kern-heading-large" lang={author.lang} dir={author.dir}>{post.title}</h1>
          <p class="kern-subline">{post.organisation_name}{post.published_at ? ` · ${t('pinboard.post.since', { day: day(post.published_at, language) })}` : ''}</p>
          {post.matched_at && <p><span class="kern-badge kern-badge--success"><span class="kern-label">{t('pinboard.post.matchedBadge')}</span></span></p>}
        </header>
        {post.image_type && <img src={`/pinboard/${post.id}/image`} alt={t('pinboard.post.imageAlt', { title: post.title })} width="320" />}
        <Paragraphs text={post.body} lang={post.lang} />
        <PostFacts t={t} post={post} />
        {post.matched_note && <p class="kern-body" lang={author.lang} dir={author.dir}>{post.matched_note}</p>}
      </article>
      {own && <OwnActions {...props} />}
      {mayContact && <ContactForm {...props} />}
      {mayReport && <ReportForm {...props} />}
    </div>
  );
}

/** A relayed conversation: the messages of both sides, and the answer form. Neither side's address appears. */
export function ConversationPage({ t, language, csrfToken, conversation, messages, viewerIsAuthor, input, errors, done }: {
  t: Translate; language: Language; csrfToken: string; conversation: Conversation; messages: { id: number; from_author: boolean; body: string; created_at: Date }[];
  viewerIsAuthor: boolean; input: FormInput; errors: FormError[]; done?: string;
}) {
  const reader = conversation.reader_organisation_name ?? t('pinboard.conversation.someone');
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href={`/pinboard/${conversation.post_id}`}>{t('pinboard.conversation.back')}</a></p>
      <h1 class="kern-heading-large">{t('pinboard.conversation.title', { organisation: viewerIsAuthor ? reader : conversation.organisation_name })}</h1>
      <p class="kern-body">{t('pinboard.conversation.about')} <span lang={authorLanguage(conversation.lang).lang} dir={authorLanguage(conversation.lang).dir}>{conversation.title}</span></p>
      {notice(t, done) && <Alert kind="success">{notice(t, done)}</Alert>}
      <ErrorSummary title={t('pinboard.errorTitle')} errors={summaryErrors(t, errors)} />
      <ol class="kern-list kern-stack-md">
        {messages.map((message) => (
          <li key={message.id} class="kern-stack-sm">
            <p class="kern-subline">
              {message.from_author === viewerIsAuthor ? t('pinboard.conversation.you') : message.from_author ? conversation.organisation_name : reader} · {day(message.created_at, language)}
            </p>
            <div dir="auto">{message.body.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]))}</div>
          </li>
        ))}
      </ol>
      <form method="post" action={`/pinboard/conversations/${conversation.id}`} class="kern-stack-sm" noValidate>
        <CsrfField token={csrfToken} />
        <TextAreaField name="message" label={t('pinboard.fields.answer')} hint={t('pinboard.contact.hint')} value={input.message ?? ''} error={errorOf(t, errors, 'message')} />
        <Button>{t('pinboard.actions.send')}</Button>
      </form>
    </div>
  );
}
