import { describedByOf, FieldFrame } from '../../ui/forms.js';

/** A KERN select field; an option may carry its own language (language names in their own script). */
export function Select({ name, label, options, value, error, hint }: { name: string; label: string; options: { value: string; label: string; lang?: string }[]; value?: string; error?: string; hint?: string }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={name} name={name} aria-describedby={describedByOf(name, hint, error)} aria-invalid={error ? 'true' : undefined}>
          {options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === (value ?? '')} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}
