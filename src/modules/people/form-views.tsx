import type { ComponentChildren } from 'preact';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, ErrorSummary, FieldFrame, inputClass } from '../../ui/forms.js';
import type { FormError, FormInput, PersonField } from './form.js';
import { personLanguages } from './tables.js';
import { Button } from '../../ui/button.js';

/** The sentence for one field error, naming the field (shown in the summary and at the field). */
export const errorMessage = (t: Translate, error: FormError, labelPrefix = 'people.form.labels') =>
  t(`people.errors.${error.code}`, { field: t(`${labelPrefix}.${error.field}`) });

interface FormProps {
  t: Translate;
  csrfToken: string;
  /** null: a new person. */
  id: number | null;
  title: string;
  input: FormInput;
  errors: FormError<PersonField>[];
}

const hinted = new Set<PersonField>(['phone', 'preferred_language', 'notes']);

/** Create and edit a person: one short page, an error summary on top linking to each field. */
export function PersonFormPage({ t, csrfToken, id, title, input, errors }: FormProps) {
  const f = (key: string) => t(`people.form.${key}`);
  const errorOf = (field: PersonField) => {
    const error = errors.find((entry) => entry.field === field);
    return error ? errorMessage(t, error) : undefined;
  };
  const frame = (field: PersonField, control: (describedBy: string | undefined, error: string | undefined) => ComponentChildren) => (
    <FieldFrame name={field} label={t(`people.form.labels.${field}`)} hint={hinted.has(field) ? f(`hints.${field}`) : undefined} error={errorOf(field)}>
      {(describedBy) => control(describedBy, errorOf(field))}
    </FieldFrame>
  );
  const text = (field: PersonField, type: string, autocomplete?: string) =>
    frame(field, (describedBy, error) => (
      <input
        class={inputClass(error)}
        id={field}
        name={field}
        type={type}
        autocomplete={autocomplete}
        value={input[field] ?? ''}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
    ));
  const language = input.preferred_language || 'de';
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary title={f('errorTitle')} errors={errors.map((error) => ({ field: error.field, message: errorMessage(t, error) }))} />
      <form method="post" action={id === null ? '/people/new' : `/people/${id}/edit`} class="kern-stack-lg" noValidate>
        <CsrfField token={csrfToken} />
        <fieldset class="kern-fieldset">
          <legend class="kern-title">{f('legend')}</legend>
          <div class="kern-fieldset__body kern-stack-sm">
            {text('full_name', 'text', 'off')}
            {text('email', 'email', 'off')}
            {text('phone', 'tel', 'off')}
            {frame('preferred_language', (describedBy, error) => (
              <div class="kern-form-input__select-wrapper">
                <select class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`} id="preferred_language" name="preferred_language" aria-describedby={describedBy}>
                  {personLanguages.map((option) => (
                    <option key={option} value={option} selected={language === option}>
                      {t(`people.languages.${option}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            {frame('notes', (describedBy, error) => (
              <textarea class={inputClass(error)} id="notes" name="notes" rows={4} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
                {input.notes ?? ''}
              </textarea>
            ))}
          </div>
        </fieldset>
        <div class="mosaik-inline-form">
          <Button>{id === null ? f('create') : f('save')}</Button>
          <a class="kern-link" href={id === null ? '/people' : `/people/${id}`}>
            {f('cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
