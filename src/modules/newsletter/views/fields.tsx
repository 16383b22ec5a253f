import { describedByOf, FieldFrame, inputClass, type FieldError } from '../../../ui/forms.js';

/** Small form parts the newsletter's pages share (KERN classes through src/ui/forms.tsx). */

export const errorOf = (errors: FieldError[] | undefined, field: string) => errors?.find((error) => error.field === field)?.message;

export function Select({ name, label, options, value, error, hint }: { name: string; label: string; options: [value: string, label: string][]; value?: string; error?: string; hint?: string }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={name} name={name} aria-describedby={describedByOf(name, hint, error)} aria-invalid={error ? 'true' : undefined}>
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue} selected={optionValue === (value ?? '')}>
              {optionLabel}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

export function TextArea({ name, label, value, error, hint, rows = 10, dir }: { name: string; label: string; value?: string; error?: string; hint?: string; rows?: number; dir?: 'rtl' | 'ltr' }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea class={inputClass(error)} id={name} name={name} rows={rows} dir={dir} aria-describedby={describedByOf(name, hint, error)} aria-invalid={error ? 'true' : undefined}>
        {value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function SubmitButton({ label, secondary }: { label: string; secondary?: boolean }) {
  return (
    <button type="submit" class={`kern-btn kern-btn--${secondary ? 'secondary' : 'primary'}`}>
      <span class="kern-label">{label}</span>
    </button>
  );
}

/** The languages by their own names, as a reader looks for theirs. */
export const languageNames = { de: 'Deutsch', en: 'English', tr: 'Türkçe', ar: 'العربية', ru: 'Русский', uk: 'Українська' } as const;

/** A text as paragraphs (blank lines part them); links stay as written, never rewritten. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p class="kern-body" key={index}>
            {paragraph.split('\n').map((line, lineIndex) => (
              <>
                {lineIndex > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ))}
    </>
  );
}
