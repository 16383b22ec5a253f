import type { Language, Translate } from '../../../i18n/index.js';
import { dateLocales, formatDay } from '../../../ui/dates.js';
import { describedByOf, FieldFrame, TextField, type FieldError } from '../../../ui/forms.js';
import type { FormError, FormInput } from '../form.js';

/** Small pieces the micro-project pages share: amounts, days, selects, messages of form errors. */

export const euros = (cents: number, language: Language) => new Intl.NumberFormat(dateLocales[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
export const day = (value: string | null, language: Language) => (value ? formatDay(value, language, 'medium') : '—');

/** The message of a form error in the page's language, naming the field. */
export function errorMessage(t: Translate, error: FormError): string {
  const field = t(`microprojects.fields.${error.field.replace(/_\d$/, '')}`);
  return t(`microprojects.errors.${error.code}`, { field, ...(error.values ?? {}) });
}
export const summaryErrors = (t: Translate, errors: FormError[]): FieldError[] => errors.map((error) => ({ field: error.field, message: errorMessage(t, error) }));
export const errorOf = (t: Translate, errors: FormError[], field: string) => {
  const error = errors.find((entry) => entry.field === field);
  return error ? errorMessage(t, error) : undefined;
};

export function TextAreaField({ name, label, value, hint, error, rows = 5 }: { name: string; label: string; value: string; hint?: string; error?: string; rows?: number }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} id={name} name={name} rows={rows} aria-describedby={describedByOf(name, hint, error)} aria-invalid={error ? 'true' : undefined}>
        {value}
      </textarea>
    </FieldFrame>
  );
}

/** A text field of a form: label and error by field name, the value as typed. */
export function FormText({ t, name, input, errors, type, hint, inputMode }: { t: Translate; name: string; input: FormInput; errors: FormError[]; type?: string; hint?: string; inputMode?: string }) {
  return <TextField name={name} label={t(`microprojects.fields.${name.replace(/_\d$/, '')}`)} type={type} value={input[name] ?? ''} hint={hint} error={errorOf(t, errors, name)} autocomplete={inputMode} />;
}

/** The KERN select of src/ui/forms.tsx, under the name this module's views use. */
export { SelectField } from '../../../ui/forms.js';
