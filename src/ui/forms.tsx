import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../i18n/index.js';
import { dateExample } from './dates.js';

export interface FieldError {
  field: string;
  message: string;
}

/** GOV.UK-style error summary: focusable, links to each field. */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger mosaik-error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <div class="kern-alert__header">
        <span class="kern-title" id="error-summary-title">
          {title}
        </span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {errors.map((error) => (
            <li key={error.field}>
              <a class="kern-link" href={`#${error.field}`}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string;
  hint?: string;
  error?: string;
  autocomplete?: string;
  required?: boolean;
}

/** The ids a field's control is described by: its hint and its error, when present. */
export function describedByOf(name: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
}

interface FieldFrameProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** The control; as a function it receives the aria-describedby value to set on it. */
  children: ComponentChildren | ((describedBy: string | undefined) => ComponentChildren);
}

/** The KERN frame of one form field: label, hint and error around its control. */
export function FieldFrame({ name, label, hint, error, children }: FieldFrameProps) {
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name}>
        {label}
      </label>
      {hint && (
        <div class="kern-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p class="kern-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {typeof children === 'function' ? children(describedByOf(name, hint, error)) : children}
    </div>
  );
}

/** KERN's class of a text input, select or textarea, marked when the field has an error. */
export const inputClass = (error: string | boolean | undefined) => `kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`;

/** A titled group of fields (a KERN fieldset), as long forms are divided. */
export function FieldGroup({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-title">{legend}</legend>
      <div class="kern-fieldset__body kern-stack-sm">{children}</div>
    </fieldset>
  );
}

export function TextField({ name, label, type = 'text', value, hint, error, autocomplete, required }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input
        class={inputClass(error)}
        id={name}
        name={name}
        type={type}
        value={value}
        autocomplete={autocomplete}
        required={required}
        aria-describedby={describedByOf(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

/**
 * The hint of a date field in the page's language ("TT.MM.JJJJ, z. B. 31.03.2026"):
 * a browser shows a date input in the reader's own form, and one without a
 * date picker needs to know what to type.
 */
export const dateHint = (t: Translate, language: Language) => t('dates.hint', { example: dateExample(language) });

/** A date field (type="date", sent as YYYY-MM-DD) with its hint in the page's language. */
export function DateField(props: Omit<TextFieldProps, 'type' | 'hint' | 'autocomplete'> & { t: Translate; language: Language; hint?: string }) {
  const { t, language, hint, ...field } = props;
  return <TextField {...field} type="date" hint={hint ? `${hint} ${dateHint(t, language)}` : dateHint(t, language)} />;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Alert({ kind, children }: { kind: 'info' | 'success' | 'warning' | 'danger'; children: ComponentChildren }) {
  return (
    <div class={`kern-alert kern-alert--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      <div class="kern-alert__body">{children}</div>
    </div>
  );
}

/** A KERN select with its label, hint and error (the pinboard's, the micro-projects' and the expert pool's forms); `id` when one name appears twice on a page. */
export function SelectField({ name, id = name, label, value, hint, error, options }: { name: string; id?: string; label: string; value: string; hint?: string; error?: string; options: { value: string; label: string }[] }) {
  return (
    <FieldFrame name={id} label={label} hint={hint} error={error}>
      <div class="kern-form-input__select-wrapper">
        <select class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`} id={id} name={name} aria-describedby={describedByOf(id, hint, error)} aria-invalid={error ? 'true' : undefined}>
          {options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}
