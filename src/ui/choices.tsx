import { describedByOf } from './forms.js';

interface ChoicesProps {
  /** The field's name; the first box gets it as id, so that an error summary link lands on it. */
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  type: 'checkbox' | 'radio';
  options: [value: string, label: string][];
  checked: readonly string[];
}

/** A KERN fieldset of checkboxes or radio buttons with legend, hint and error (e.g. consultation topics, channel, organisation). */
export function Choices({ name, legend, hint, error, type, options, checked }: ChoicesProps) {
  const describedBy = describedByOf(name, hint, error);
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={describedBy}>
      <legend class="kern-label">{legend}</legend>
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
      <div class="kern-fieldset__body">
        {options.map(([value, label], index) => {
          const id = index === 0 ? name : `${name}-${value}`;
          return (
            <div class="kern-form-check" key={value}>
              <input
                class={`kern-form-check__${type}`}
                type={type}
                id={id}
                name={name}
                value={value}
                checked={checked.includes(value)}
                aria-invalid={error ? 'true' : undefined}
              />
              <label class="kern-label" for={id}>
                {label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
