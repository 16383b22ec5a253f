import { isLanguage, textDirection, type Language, type Translate } from '../../../i18n/index.js';
import { formatDay, berlinDay } from '../../../ui/dates.js';
import { describedByOf, FieldFrame, inputClass, type FieldError } from '../../../ui/forms.js';
import type { FormError } from '../form.js';
import type { PostSummary } from '../queries.js';
import { DescriptionList, Detail } from '../../../ui/description-list.js';

/** Small pieces the pinboard's pages share: messages of form errors, selects, a post's facts and its card. */

/** The message of a form error in the page's language, naming the field and the fix. */
export function errorMessage(t: Translate, error: FormError): string {
  const field = t(`pinboard.fields.${error.field}`);
  return t(`pinboard.errors.${error.code}`, { field, ...(error.values ?? {}) });
}
export const summaryErrors = (t: Translate, errors: FormError[]): FieldError[] => errors.map((error) => ({ field: error.field, message: errorMessage(t, error) }));
export const errorOf = (t: Translate, errors: FormError[], field: string) => {
  const error = errors.find((entry) => entry.field === field);
  return error ? errorMessage(t, error) : undefined;
};

export function TextAreaField({ name, label, value, hint, error, rows = 6, lang }: { name: string; label: string; value: string; hint?: string; error?: string; rows?: number; lang?: string }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea class={inputClass(error)} id={name} name={name} rows={rows} lang={lang} dir="auto" aria-describedby={describedByOf(name, hint, error)} aria-invalid={error ? 'true' : undefined}>
        {value}
      </textarea>
    </FieldFrame>
  );
}

export const day = (value: Date | null, language: Language) => (value ? formatDay(berlinDay(value), language, 'medium') : '—');

/** The language the author wrote in, with its direction: the post's text carries it, the frame stays the reader's. */
export const authorLanguage = (lang: string): { lang: string; dir: 'ltr' | 'rtl' } => (isLanguage(lang) ? { lang, dir: textDirection(lang) } : { lang: 'de', dir: 'ltr' });

/** The facts of a post as a description list: district, size, access, when, topics, fair. */
export function PostFacts({ t, post }: { t: Translate; post: Pick<PostSummary, 'kind' | 'district' | 'room_size' | 'accessible' | 'available_when' | 'topics' | 'fair_name'> }) {
  const facts: [string, string][] = [];
  if (post.district) facts.push([t('pinboard.fields.district'), post.district]);
  if (post.room_size !== null) facts.push([t('pinboard.fields.room_size'), t('pinboard.post.people', { count: post.room_size })]);
  if (post.accessible !== null) facts.push([t('pinboard.fields.accessible'), t(post.accessible ? 'pinboard.post.accessibleYes' : 'pinboard.post.accessibleNo')]);
  if (post.available_when) facts.push([t('pinboard.fields.available_when'), post.available_when]);
  if (post.fair_name) facts.push([t('pinboard.fields.fair_name'), post.fair_name]);
  if (post.topics.length > 0) facts.push([t('pinboard.fields.topics'), post.topics.map((topic) => t(`pinboard.topics.${topic}`)).join(', ')]);
  if (facts.length === 0) return null;
  return (
    <DescriptionList>
      {facts.map(([term, value]) => (
        <Detail key={term} label={term}>{value}</Detail>
      ))}
    </DescriptionList>
  );
}

/** One post in a list: kind, title (in the author's language), organisation, facts, a short excerpt. */
export function PostCard({ t, language, post }: { t: Translate; language: Language; post: PostSummary }) {
  const own = authorLanguage(post.lang);
  const excerpt = post.body.length > 240 ? `${post.body.slice(0, 240)}…` : post.body;
  return (
    <article class="kern-card kern-card--small">
      <div class="kern-card__container">
        <div class="kern-card__header">
          <p class="kern-preline">{t(`pinboard.kinds.${post.kind}`)}{post.matched_at ? ` · ${t('pinboard.post.matchedBadge')}` : ''}</p>
          <h2 class="kern-title kern-title--small">
            <a class="kern-link" href={`/pinboard/${post.id}`} lang={own.lang} dir={own.dir}>{post.title}</a>
          </h2>
          <p class="kern-subline">{post.organisation_name} · {t('pinboard.post.since', { day: day(post.published_at, language) })}</p>
        </div>
        <div class="kern-card__body">
          <p class="kern-body" lang={own.lang} dir={own.dir}>{excerpt}</p>
          <PostFacts t={t} post={post} />
        </div>
      </div>
    </article>
  );
}

const notices = ['submitted', 'resubmitted', 'renewed', 'matched', 'withdrawn', 'reported', 'reportedHidden', 'sent', 'approved', 'rejected', 'alreadyDecided', 'kept', 'removed', 'settings'];
/** The notice after a change (?done=…), only for the known ones: the address is typed by anyone. */
export const notice = (t: Translate, done: string | undefined) => (done && notices.includes(done) ? t(`pinboard.done.${done}`) : undefined);

/** The KERN select of src/ui/forms.tsx, under the name this module's views use. */
export { SelectField } from '../../../ui/forms.js';
