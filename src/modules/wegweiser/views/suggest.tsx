import type { Language, Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import { Button } from '../../../ui/button.js';

export type SuggestionValues = Partial<Record<'name' | 'description' | 'district' | 'contact', string>>;

/** One of the association's own suggestions and what became of it (commands/suggestions.ts ownSuggestions). */
export interface OwnSuggestion {
  id: number;
  name: string;
  status: 'open' | 'added' | 'declined';
  created_at: Date;
  decision_note: string | null;
  /** The entry made from it, while the public can see it. */
  service_id: string | null;
}

/** An association suggests a service missing from the Wegweiser; staff decide (moderated queue). */
export function SuggestPage({ t, language, csrfToken, values, errors, sent, own = [] }: {
  t: Translate; language: Language; csrfToken: string; values: SuggestionValues; errors: FieldError[]; sent: boolean; own?: OwnSuggestion[];
}) {
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
      {own.length > 0 && <OwnSuggestions t={t} language={language} own={own} />}
    </>
  );
}

/** What became of the association's suggestions: waiting, added (with a link to the entry) or declined (with the team's reason). */
function OwnSuggestions({ t, language, own }: { t: Translate; language: Language; own: OwnSuggestion[] }) {
  const date = new Intl.DateTimeFormat(language === 'ar' ? 'ar' : language, { dateStyle: 'long', timeZone: 'Europe/Berlin' });
  return (
    <section aria-labelledby="own-suggestions" class="kern-stack-sm">
      <h2 class="kern-heading-medium" id="own-suggestions">{t('wegweiser.suggest.yours')}</h2>
      <ul class="kern-list">
        {own.map((suggestion) => (
          <li key={suggestion.id}>
            <span class="kern-body--bold">{suggestion.name}</span> ({date.format(new Date(suggestion.created_at))}): {t(`wegweiser.suggest.statuses.${suggestion.status}`)}
            {suggestion.service_id && (
              <>
                {' – '}
                <a class="kern-link" href={`/wegweiser/${suggestion.service_id}?lang=${language}`}>{t('wegweiser.suggest.viewEntry')}</a>
              </>
            )}
            {suggestion.status === 'declined' && suggestion.decision_note && <p class="kern-body">{t('wegweiser.suggest.reason', { reason: suggestion.decision_note })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
