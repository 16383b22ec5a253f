import type { Language, Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import { Button } from '../../../ui/button.js';

export type SuggestionValues = Partial<Record<'name' | 'description' | 'district' | 'contact', string>>;

/** An association suggests a service missing from the Wegweiser; staff decide (moderated queue). */
export function SuggestPage({ t, language, csrfToken, values, errors, sent }: { t: Translate; language: Language; csrfToken: string; values: SuggestionValues; errors: FieldError[]; sent: boolean }) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <h1 class="kern-heading-large">{t('wegweiser.suggest.title')}</h1>
      {sent && <Alert kind="success">{t('wegweiser.suggest.sent')}</Alert>}
      <ErrorSummary title={t('wegweiser.errors.summary')} errors={errors} />
      <p class="kern-body">{t('wegweiser.suggest.intro')}</p>
      <form method="post" action={`/wegweiser/suggest?lang=${language}`} class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        <TextField name="name" label={t('wegweiser.suggest.name')} value={values.name} error={error('name')} required />
        <div class={`kern-form-input${error('description') ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="description">{t('wegweiser.suggest.description')}</label>
          {error('description') && <p class="kern-error" id="description-error">{error('description')}</p>}
          <textarea class="kern-form-input__input" id="description" name="description" rows={5} aria-describedby={error('description') ? 'description-error' : undefined}>{values.description ?? ''}</textarea>
        </div>
        <TextField name="district" label={t('wegweiser.suggest.district')} value={values.district} />
        <TextField name="contact" label={t('wegweiser.suggest.contact')} value={values.contact} hint={t('wegweiser.suggest.contactHint')} />
        <Button>{t('wegweiser.suggest.send')}</Button>
      </form>
    </>
  );
}
