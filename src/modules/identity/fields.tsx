import { Button, type ButtonKind } from '../../ui/button.js';
import { isLanguage, type Translate } from '../../i18n/index.js';
import { formatInstant } from '../../ui/dates.js';
import { FieldFrame, inputClass } from '../../ui/forms.js';

/** The form controls of this module's pages, in the KERN field frame (label, hint, error). */

interface ControlProps {
  name: string;
  /** The control's id when several forms on a page share a field name; the name otherwise. */
  id?: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
}

export function Input({ name, id = name, label, value, hint, error, type = 'text', autocomplete }: ControlProps & { type?: string; autocomplete?: string }) {
  return (
    <FieldFrame name={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input class={inputClass(error)} id={id} name={name} type={type} value={value} autocomplete={autocomplete} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />
      )}
    </FieldFrame>
  );
}

export function TextArea({ name, id = name, label, value, hint, error, rows = 4 }: ControlProps & { rows?: number }) {
  return (
    <FieldFrame name={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea class={inputClass(error)} id={id} name={name} rows={rows} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
          {value}
        </textarea>
      )}
    </FieldFrame>
  );
}

export function Select({ name, label, value, hint, error, options }: ControlProps & { options: { value: string; label: string }[] }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <div class="kern-form-input__select-wrapper">
          <select class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`} id={name} name={name} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
            {options.map((option) => (
              <option key={option.value} value={option.value} selected={option.value === value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}

export function SubmitButton({ label, kind = 'primary' }: { label: string; kind?: ButtonKind }) {
  return <Button kind={kind}>{label}</Button>;
}

/** A moment as people in the centre read it (Berlin time), in the page's language (src/ui/dates.ts). */
export function formatMoment(language: string, value: Date): string {
  return formatInstant(value, isLanguage(language) ? language : 'de', { time: 'short' });
}

export type { Translate };
