import type { Language, Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, type FieldError } from '../../../ui/forms.js';
import { fieldOf } from '../answers.js';
import type { FeedbackEvent, FormQuestion } from '../queries.js';
import { hasText, questionText } from '../translations.js';
import { Button } from '../../../ui/button.js';

export interface OnlineFormProps {
  t: Translate;
  language: Language;
  code: string;
  csrfToken: string;
  submissionToken: string;
  event: FeedbackEvent;
  questions: FormQuestion[];
  values?: Record<string, string>;
  errors?: FieldError[];
}

/** The public form: radio groups 1–4 plus "keine Angabe", yes/no, open text; works without JavaScript. */
export function OnlineForm({ t, language, code, csrfToken, submissionToken, event, questions, values = {}, errors = [] }: OnlineFormProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('feedback.form.title', { title: event.title })}</h1>
      <p class="kern-body">{t('feedback.form.intro')}</p>
      <ErrorSummary title={t('feedback.form.errorsTitle')} errors={errors} />
      <form method="post" action={`/f/${code}?lang=${language}`} class="kern-stack-lg" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={submissionToken} />
        <p class="kern-body kern-body--bold" id="scale-hint">
          {t('feedback.form.scaleHint')}
        </p>
        {questions.map((question) => (
          <Question key={question.id} t={t} language={language} question={question} value={values[fieldOf(question)] ?? ''} error={errorOf(fieldOf(question))} />
        ))}
        <Button>{t('feedback.form.submit')}</Button>
      </form>
    </div>
  );
}

function Question({ t, language, question, value, error }: { t: Translate; language: Language; question: FormQuestion; value: string; error?: string }) {
  const field = fieldOf(question);
  const text = questionText(question.texts, language);
  // a question with no text in this language shows German, marked as such for screen readers
  const lang = hasText(question.texts, language) ? undefined : 'de';
  if (question.kind === 'open') {
    return (
      <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
        <label class="kern-label" for={field} lang={lang}>
          {text}
        </label>
        <div class="kern-hint" id={`${field}-hint`}>
          {t('feedback.form.openHint')}
        </div>
        {error && (
          <p class="kern-error" id={`${field}-error`}>
            {error}
          </p>
        )}
        <textarea class="kern-form-input__input" id={field} name={field} rows={3} maxLength={2000} aria-describedby={`${field}-hint${error ? ` ${field}-error` : ''}`}>
          {value}
        </textarea>
      </div>
    );
  }
  const choices =
    question.kind === 'rating'
      ? [1, 2, 3, 4].map((grade) => ({ value: String(grade), label: `${grade} – ${t(`feedback.grades.${grade}`)}` }))
      : [
          { value: 'yes', label: t('feedback.yes') },
          { value: 'no', label: t('feedback.no') },
        ];
  choices.push({ value: 'none', label: t('feedback.noAnswer') });
  const checked = value === '' ? 'none' : value;
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={field} aria-describedby={[question.kind === 'rating' ? 'scale-hint' : '', error ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend class="kern-label" lang={lang}>
        {text}
      </legend>
      {error && (
        <p class="kern-error" id={`${field}-error`}>
          {error}
        </p>
      )}
      <div class="kern-fieldset__body kern-fieldset__body--horizontal">
        {choices.map((choice) => (
          <div class="kern-form-check" key={choice.value}>
            <input class="kern-form-check__radio" type="radio" name={field} id={`${field}-${choice.value}`} value={choice.value} checked={checked === choice.value} />
            <label class="kern-label" for={`${field}-${choice.value}`}>
              {choice.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function ThanksPage({ t, already }: { t: Translate; already: boolean }) {
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{already ? t('feedback.form.alreadyTitle') : t('feedback.form.thanksTitle')}</h1>
      <Alert kind={already ? 'info' : 'success'}>
        <p class="kern-body">{already ? t('feedback.form.already') : t('feedback.form.thanks')}</p>
      </Alert>
    </div>
  );
}
