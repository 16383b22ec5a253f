import { publicLanguages, type Language, type Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Alert, CsrfField, ErrorSummary, FieldGroup, TextField, describedByOf } from '../../../ui/forms.js';
import type { FormError, FormInput } from '../form.js';
import { largestImageBytes } from '../form.js';
import type { PostSummary } from '../queries.js';
import { postKinds, topics } from '../vocabulary.js';
import { day, errorOf, notice, SelectField, summaryErrors, TextAreaField } from './parts.js';

/**
 * The post form (new and edit), one page, in groups: what, the text (in the
 * language the author chooses), where and when, topics, the fair, a picture.
 * A multipart form so that the picture can come along; without JavaScript.
 */
interface PostFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  postId: number | null;
  hasImage: boolean;
  published: boolean;
  input: FormInput;
  errors: FormError[];
  organisations: { id: number; name: string }[];
  districts: readonly string[];
}

export function PostFormPage({ t, language, csrfToken, postId, hasImage, published, input, errors, organisations, districts }: PostFormProps) {
  const field = (name: string) => t(`pinboard.fields.${name}`);
  const text = (name: string, options: { hint?: string; type?: string } = {}) => (
    <TextField name={name} label={field(name)} value={input[name] ?? ''} hint={options.hint} type={options.type} error={errorOf(t, errors, name)} />
  );
  const topicError = errorOf(t, errors, 'topics');
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href={postId ? `/pinboard/${postId}` : '/pinboard'}>{t('pinboard.back')}</a></p>
      <h1 class="kern-heading-large">{t(postId ? 'pinboard.form.editTitle' : 'pinboard.form.newTitle')}</h1>
      <Alert kind="info">{t(published ? 'pinboard.form.backToQueue' : 'pinboard.form.moderated')}</Alert>
      <ErrorSummary title={t('pinboard.errorTitle')} errors={summaryErrors(t, errors)} />
      <form method="post" action={postId ? `/pinboard/${postId}/edit` : '/pinboard/new'} enctype="multipart/form-data" class="kern-stack-md" noValidate>
        <CsrfField token={csrfToken} />
        <FieldGroup legend={t('pinboard.form.groupWhat')}>
          {organisations.length === 1 ? (
            <input type="hidden" name="organisation_id" value={String(organisations[0]!.id)} />
          ) : (
            <SelectField name="organisation_id" label={field('organisation_id')} value={input.organisation_id ?? ''} error={errorOf(t, errors, 'organisation_id')}
              options={[{ value: '', label: t('pinboard.form.choose') }, ...organisations.map((organisation) => ({ value: String(organisation.id), label: organisation.name }))]} />
          )}
          <SelectField name="kind" label={field('kind')} value={input.kind ?? ''} error={errorOf(t, errors, 'kind')}
            options={[{ value: '', label: t('pinboard.form.choose') }, ...postKinds.map((kind) => ({ value: kind, label: t(`pinboard.kinds.${kind}`) }))]} />
        </FieldGroup>
        <FieldGroup legend={t('pinboard.form.groupText')}>
          <SelectField name="lang" label={field('lang')} hint={t('pinboard.form.langHint')} value={input.lang ?? language} error={errorOf(t, errors, 'lang')}
            options={publicLanguages.map((other) => ({ value: other, label: t(`pinboard.languageNames.${other}`) }))} />
          {text('title')}
          <TextAreaField name="body" label={field('body')} hint={t('pinboard.form.bodyHint')} value={input.body ?? ''} error={errorOf(t, errors, 'body')} rows={8} lang={input.lang} />
        </FieldGroup>
        <FieldGroup legend={t('pinboard.form.groupWhere')}>
          <SelectField name="district" label={field('district')} hint={t('pinboard.form.districtHint')} value={input.district ?? ''} error={errorOf(t, errors, 'district')}
            options={[{ value: '', label: t('pinboard.form.noDistrict') }, ...districts.map((district) => ({ value: district, label: district }))]} />
          {text('room_size', { hint: t('pinboard.form.roomSizeHint') })}
          <SelectField name="accessible" label={field('accessible')} value={input.accessible ?? ''} error={errorOf(t, errors, 'accessible')}
            options={[{ value: '', label: t('pinboard.form.notSaid') }, { value: 'yes', label: t('pinboard.post.accessibleYes') }, { value: 'no', label: t('pinboard.post.accessibleNo') }]} />
          {text('available_when', { hint: t('pinboard.form.whenHint') })}
          {text('fair_name', { hint: t('pinboard.form.fairHint') })}
        </FieldGroup>
        <fieldset class={`kern-fieldset${topicError ? ' kern-fieldset--error' : ''}`} aria-describedby={describedByOf('topics', undefined, topicError)}>
          <legend class="kern-label">{field('topics')}</legend>
          {topicError && <p class="kern-error" id="topics-error">{topicError}</p>}
          <div class="kern-fieldset__body">
            {topics.map((topic, index) => (
              <div class="kern-form-check" key={topic}>
                <input class="kern-form-check__checkbox" type="checkbox" id={index === 0 ? 'topics' : `topic_${topic}`} name={`topic_${topic}`} value="yes" checked={input[`topic_${topic}`] === 'yes'} />
                <label class="kern-label" for={index === 0 ? 'topics' : `topic_${topic}`}>{t(`pinboard.topics.${topic}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FieldGroup legend={t('pinboard.form.groupImage')}>
          <div class={`kern-form-input${errorOf(t, errors, 'image') ? ' kern-form-input--error' : ''}`}>
            <label class="kern-label" for="image">{field('image')}</label>
            <div class="kern-hint" id="image-hint">{t('pinboard.form.imageHint', { max: largestImageBytes / 1024 / 1024 })}</div>
            {errorOf(t, errors, 'image') && <p class="kern-error" id="image-error">{errorOf(t, errors, 'image')}</p>}
            <input class="kern-form-input__input" id="image" name="image" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby={describedByOf('image', 'hint', errorOf(t, errors, 'image'))} />
          </div>
          {hasImage && (
            <div class="kern-form-check">
              <input class="kern-form-check__checkbox" type="checkbox" id="remove_image" name="remove_image" value="yes" />
              <label class="kern-label" for="remove_image">{t('pinboard.form.removeImage')}</label>
            </div>
          )}
        </FieldGroup>
        <div class="mosaik-actions">
          <Button>{t(postId ? 'pinboard.actions.saveEdit' : 'pinboard.actions.submit')}</Button>
          <LinkButton kind="tertiary" href={postId ? `/pinboard/${postId}` : '/pinboard'}>{t('pinboard.actions.cancel')}</LinkButton>
        </div>
      </form>
    </div>
  );
}

/** The posts of the representative's organisations, with their state. */
export function MinePage({ t, language, posts, done }: { t: Translate; language: Language; posts: (PostSummary & { reject_reason: string | null })[]; done?: string }) {
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href="/pinboard">{t('pinboard.back')}</a></p>
      <h1 class="kern-heading-large">{t('pinboard.actions.mine')}</h1>
      {notice(t, done) && <Alert kind="success">{notice(t, done)}</Alert>}
      <p><LinkButton href="/pinboard/new">{t('pinboard.actions.new')}</LinkButton></p>
      {posts.length === 0 ? (
        <Alert kind="info">{t('pinboard.mine.none')}</Alert>
      ) : (
        <ul class="kern-list kern-stack-sm">
          {posts.map((post) => (
            <li key={post.id}>
              <a class="kern-link" href={`/pinboard/${post.id}`}>{post.title}</a> · {t(`pinboard.kinds.${post.kind}`)} · <strong>{t(`pinboard.states.${post.state}`)}</strong>
              {post.state === 'published' && post.expires_at ? ` · ${t('pinboard.own.expires', { day: day(post.expires_at, language) })}` : ''}
              {post.matched_at ? ` · ${t('pinboard.post.matchedBadge')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A representative whose account is not yet linked to an association: where to ask for the link. */
export function NoOrganisationPage({ t }: { t: Translate }) {
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href="/pinboard">{t('pinboard.back')}</a></p>
      <h1 class="kern-heading-large">{t('pinboard.form.newTitle')}</h1>
      <Alert kind="info">{t('pinboard.form.noOrganisation')}</Alert>
      <p><LinkButton href="/my">{t('pinboard.form.toMyArea')}</LinkButton></p>
    </div>
  );
}
