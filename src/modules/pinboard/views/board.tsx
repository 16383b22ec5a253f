import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Alert } from '../../../ui/forms.js';
import { PageNav } from '../../../ui/pagination.js';
import type { PostSummary, SearchFilters } from '../queries.js';
import { postKinds, topics } from '../vocabulary.js';
import { authorLanguage, day, notice, PostCard, SelectField } from './parts.js';

/** The board: the search (a plain GET form, works without JavaScript) and the results, paged; the Vereinsmesse's exhibitors by fair. */

interface BoardProps {
  t: Translate;
  language: Language;
  filters: SearchFilters;
  rows: PostSummary[];
  total: number;
  pages: number;
  districts: readonly string[];
  mayPost: boolean;
  done?: string;
}

export function searchHref(filters: Partial<SearchFilters>, page: number) {
  const query = new URLSearchParams();
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.district) query.set('district', filters.district);
  if (filters.topic) query.set('topic', filters.topic);
  if (filters.text) query.set('q', filters.text);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/pinboard?${text}` : '/pinboard';
}

export function BoardPage({ t, language, filters, rows, total, pages, districts, mayPost, done }: BoardProps) {
  const any = { value: '', label: t('pinboard.search.any') };
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('pinboard.title')}</h1>
      <p class="kern-body">{t('pinboard.intro')}</p>
      {notice(t, done) && <Alert kind="success">{notice(t, done)}</Alert>}
      <div class="mosaik-actions">
        {mayPost && <LinkButton href="/pinboard/new">{t('pinboard.actions.new')}</LinkButton>}
        {mayPost && <LinkButton kind="secondary" href="/pinboard/mine">{t('pinboard.actions.mine')}</LinkButton>}
        <LinkButton kind="tertiary" href="/pinboard/fair">{t('pinboard.fair.title')}</LinkButton>
      </div>
      <form method="get" action="/pinboard" class="kern-stack-sm" role="search" aria-label={t('pinboard.search.label')}>
        <div class="kern-form-input">
          <label class="kern-label" for="q">{t('pinboard.search.text')}</label>
          <input class="kern-form-input__input" id="q" name="q" type="search" value={filters.text ?? ''} dir="auto" />
        </div>
        <SelectField name="kind" label={t('pinboard.fields.kind')} value={filters.kind ?? ''} options={[any, ...postKinds.map((kind) => ({ value: kind, label: t(`pinboard.kinds.${kind}`) }))]} />
        <SelectField name="district" label={t('pinboard.fields.district')} value={filters.district ?? ''} options={[any, ...districts.map((district) => ({ value: district, label: district }))]} />
        <SelectField name="topic" label={t('pinboard.fields.topic')} value={filters.topic ?? ''} options={[any, ...topics.map((topic) => ({ value: topic, label: t(`pinboard.topics.${topic}`) }))]} />
        <div class="mosaik-actions">
          <Button>{t('pinboard.search.submit')}</Button>
          <LinkButton kind="tertiary" href="/pinboard">{t('pinboard.search.reset')}</LinkButton>
        </div>
      </form>
      <h2 class="kern-heading-medium" id="results">{t('pinboard.search.results', { count: total })}</h2>
      {rows.length === 0 ? (
        <Alert kind="info">{t('pinboard.search.none')}</Alert>
      ) : (
        <ul class="kern-list kern-stack-md" aria-labelledby="results">
          {rows.map((post) => (
            <li key={post.id}>
              <PostCard t={t} language={language} post={post} />
            </li>
          ))}
        </ul>
      )}
      <PageNav t={t} label={t('pinboard.search.pages')} page={filters.page} pages={pages} href={(page) => searchHref(filters, page)} />
    </div>
  );
}

/** The Vereinsmesse (annex: "eine hessenweite Messe"): who exhibits what, one list per fair. */
export function FairPage({ t, language, fairs }: { t: Translate; language: Language; fairs: { name: string; exhibitors: PostSummary[] }[] }) {
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href="/pinboard">{t('pinboard.back')}</a></p>
      <h1 class="kern-heading-large">{t('pinboard.fair.title')}</h1>
      <p class="kern-body">{t('pinboard.fair.intro')}</p>
      {fairs.length === 0 && <Alert kind="info">{t('pinboard.fair.none')}</Alert>}
      {fairs.map((fair) => (
        <section key={fair.name} class="kern-stack-sm" aria-label={fair.name}>
          <h2 class="kern-heading-medium">{fair.name}</h2>
          <ul class="kern-list">
            {fair.exhibitors.map((post) => {
              const own = authorLanguage(post.lang);
              return (
                <li key={post.id}>
                  <strong>{post.organisation_name}</strong>: <a class="kern-link" href={`/pinboard/${post.id}`} lang={own.lang} dir={own.dir}>{post.title}</a>
                  {post.district ? ` (${post.district})` : ''} · {t('pinboard.post.since', { day: day(post.published_at, language) })}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
