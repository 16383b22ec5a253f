import { textDirection, type Language, type Translate } from '../../../i18n/index.js';
import { formatDay } from '../../../ui/dates.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { NewsInput, NewsItem, newsForStaff } from '../news.js';
import { translationLanguages } from '../pages.js';
import { Button, LinkButton } from '../../../ui/button.js';

/** The language marks of a text shown in a page of another language (a post not yet translated). */
const languageOf = (item: NewsItem, language: Language): { lang?: string; dir?: 'ltr' | 'rtl' } => (item.language === language ? {} : { lang: item.language, dir: textDirection(item.language as Language) });

export function NewsList({ t, language, news }: { t: Translate; language: Language; news: NewsItem[] }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-x-large">{t('portal.news.title')}</h1>
      <p class="kern-body">
        <a class="kern-link" href={`/feeds/news.atom?lang=${language}`} type="application/atom+xml">{t('portal.news.feed')}</a>
      </p>
      {news.length === 0 && <p class="kern-body">{t('portal.news.none')}</p>}
      <ul class="kern-list mosaik-news-list">
        {news.map((item) => (
          <li key={item.id} {...languageOf(item, language)}>
            <h2 class="kern-heading-medium">
              <a class="kern-link" href={`/aktuelles/${item.id}`}>{item.title}</a>
            </h2>
            <p class="kern-body--small">
              <time dateTime={item.published_on}>{formatDay(item.published_on, language, 'long')}</time>
            </p>
            {item.summary && <p class="kern-body">{item.summary}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NewsArticle({ t, language, item }: { t: Translate; language: Language; item: NewsItem }) {
  return (
    <div class="kern-stack-md">
      {item.language !== language && <Alert kind="info">{t('portal.public.fallback')}</Alert>}
      <article class="kern-stack-sm" {...languageOf(item, language)}>
        <h1 class="kern-heading-x-large">{item.title}</h1>
        <p class="kern-body--small">
          <time dateTime={item.published_on}>{formatDay(item.published_on, language, 'long')}</time>
        </p>
        <div class="kern-body mosaik-portal-page__body" dangerouslySetInnerHTML={{ __html: item.body }} />
      </article>
      <p class="kern-body">
        <a class="kern-link" href="/aktuelles">{t('portal.news.all')}</a>
      </p>
    </div>
  );
}

export function StaffNewsList({ t, language, posts }: { t: Translate; language: Language; posts: Awaited<ReturnType<typeof newsForStaff>> }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('portal.news.staffTitle')}</h1>
      <p>
        <LinkButton href="/admin/news/new">{t('portal.news.new')}</LinkButton>
      </p>
      <Table
        caption={t('portal.news.staffTitle')}
        rows={posts}
        rowKey={(post) => post.id}
        empty={<p class="kern-body">{t('portal.news.none')}</p>}
        columns={[
          { key: 'title', label: t('portal.staff.fieldTitle'), rowHeader: true, cell: (post) => <a class="kern-link" href={`/admin/news/${post.id}/de`}>{post.title}</a> },
          { key: 'date', label: t('portal.news.publishedOn'), cell: (post) => (post.published_on ? formatDay(post.published_on, language) : t('portal.staff.draft')) },
          {
            key: 'languages',
            label: t('portal.news.translations'),
            cell: (post) => (
              <ul class="mosaik-inline-list">
                {translationLanguages.map((other) => (
                  <li key={other}>
                    <a class="kern-link" href={`/admin/news/${post.id}/${other}`}>
                      {t(`portal.languages.${other}`)}: {post.languages.split(' ').includes(other) ? '✓' : t('portal.statuses.missing')}
                    </a>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}

export interface NewsFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  action: string;
  textLanguage: Language;
  input: NewsInput;
  errors: FieldError[];
  notices: string[];
}

export function NewsForm({ t, language, csrfToken, action, textLanguage, input, errors, notices }: NewsFormProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('portal.news.editTitle', { language: t(`portal.languages.${textLanguage}`) })}</h1>
      <ErrorSummary title={t('portal.staff.errorTitle')} errors={errors} />
      {notices.map((notice) => (
        <Alert kind="success" key={notice}>{notice}</Alert>
      ))}
      <form method="post" action={action} class="kern-stack-sm" lang={textLanguage}>
        <CsrfField token={csrfToken} />
        <TextField name="title" label={t('portal.staff.fieldTitle')} value={input.title} error={errorOf('title')} />
        <TextField name="summary" label={t('portal.news.summary')} hint={t('portal.staff.descriptionHint')} value={input.summary} error={errorOf('summary')} />
        <FieldFrame name="body" label={t('portal.staff.fieldBody')} hint={t('portal.staff.bodyHint')} error={errorOf('body')}>
          {(describedBy) => (
            <textarea class={inputClass(errorOf('body'))} id="body" name="body" rows={12} aria-describedby={describedBy} aria-invalid={errorOf('body') ? 'true' : undefined} dir="auto">
              {input.body}
            </textarea>
          )}
        </FieldFrame>
        {input.publishedOn !== undefined && (
          <DateField name="publishedOn" label={t('portal.news.publishedOn')} hint={t('portal.news.publishedOnHint')} value={input.publishedOn} error={errorOf('publishedOn')} t={t} language={language} />
        )}
        <Button>{t('portal.news.save')}</Button>
      </form>
    </div>
  );
}
