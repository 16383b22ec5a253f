import type { Language, Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, type FieldError } from '../../../ui/forms.js';
import type { Entry } from '../entry.js';
import { EntryFacts } from './public.js';
import { Button } from '../../../ui/button.js';

/** The assurer's page behind the mailed link: the entry as it stands, "still correct", or changes to propose. */
export function CheckPage({ t, language, entry, token, csrfToken, errors = [], proposal = '' }: {
  t: Translate; language: Language; entry: Entry; token: string; csrfToken: string; errors?: FieldError[]; proposal?: string;
}) {
  const error = errors.find((e) => e.field === 'proposal')?.message;
  return (
    <>
      <h1 class="kern-heading-large">{t('wegweiser.check.title')}</h1>
      <ErrorSummary title={t('wegweiser.errors.summary')} errors={errors} />
      <p class="kern-body">{t('wegweiser.check.intro')}</p>
      <h2 class="kern-heading-medium">{entry.service.name}</h2>
      {entry.service.description && <p class="kern-body mosaik-pre-line">{entry.service.description}</p>}
      <EntryFacts t={t} entry={entry} />
      <form method="post" action={`/wegweiser/check/${token}/confirm?lang=${language}`}>
        <CsrfField token={csrfToken} />
        <Button>{t('wegweiser.check.confirm')}</Button>
      </form>
      <h2 class="kern-heading-medium">{t('wegweiser.check.proposeTitle')}</h2>
      <form method="post" action={`/wegweiser/check/${token}/propose?lang=${language}`}>
        <CsrfField token={csrfToken} />
        <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="proposal">{t('wegweiser.check.proposal')}</label>
          <div class="kern-hint" id="proposal-hint">{t('wegweiser.check.proposalHint')}</div>
          {error && <p class="kern-error" id="proposal-error">{error}</p>}
          <textarea class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} id="proposal" name="proposal" rows={6}
            aria-describedby={error ? 'proposal-hint proposal-error' : 'proposal-hint'} aria-invalid={error ? 'true' : undefined}>{proposal}</textarea>
        </div>
        <Button kind="secondary">{t('wegweiser.check.propose')}</Button>
      </form>
    </>
  );
}

/** After an answer, or for a link that no longer works: what happened and what to do. */
export function CheckOutcomePage({ t, outcome }: { t: Translate; outcome: 'confirmed' | 'proposed' | 'used' | 'expired' | 'unknown' }) {
  const kind = outcome === 'confirmed' || outcome === 'proposed' ? 'success' : 'warning';
  return (
    <>
      <h1 class="kern-heading-large">{t(`wegweiser.check.outcome.${outcome}.title`)}</h1>
      <Alert kind={kind}>{t(`wegweiser.check.outcome.${outcome}.text`)}</Alert>
    </>
  );
}
