import type { Translate } from '../../i18n/index.js';
import type { ComponentChildren } from 'preact';
import { Alert, CsrfField, ErrorSummary, FieldFrame, FieldGroup, inputClass } from '../../ui/forms.js';
import { fieldsOfActivity, legalForms, orientations } from '../names/index.js';
import type { NameConflict } from './profile.js';
import { roomOptions, type FormError, type FormField, type FormInput } from './profile-form.js';
import { Button } from '../../ui/button.js';

interface FormProps {
  t: Translate;
  csrfToken: string;
  /** null: a new organisation. */
  id: number | null;
  title: string;
  input: FormInput;
  errors: FormError[];
  conflicts: NameConflict[];
  /** The fields the form offers; every field when absent (centre staff). Representatives get representativeFields. */
  fields?: readonly FormField[];
  /** A sentence under the heading (for representatives: what the centre keeps). */
  intro?: string;
}

/** The sentence for one field error, naming the field (shown in the summary and at the field). */
export const errorMessage = (t: Translate, error: FormError) =>
  t(`organisations.profileForm.errors.${error.code}`, { field: t(`organisations.profileForm.labels.${error.field}`) });

const conflictMessage = (t: Translate, conflict: NameConflict) =>
  t('organisations.profileForm.errors.nameTaken', { field: t(`organisations.profileForm.labels.${conflict.field}`), name: conflict.name, organisation: conflict.organisationName });

/** Edit and create: one page, grouped in fieldsets, an error summary on top linking to each field. */
export function ProfileFormPage({ t, csrfToken, id, title, input, errors, conflicts, fields, intro }: FormProps) {
  const f = (key: string) => t(`organisations.profileForm.${key}`);
  const shown = (field: FormField) => !fields || fields.includes(field);
  const errorOf = (field: FormField) => {
    const error = errors.find((entry) => entry.field === field);
    if (error) return errorMessage(t, error);
    const conflict = conflicts.find((entry) => entry.field === field);
    return conflict ? conflictMessage(t, conflict) : undefined;
  };
  const value = (field: FormField) => {
    const raw = input[field];
    return Array.isArray(raw) ? raw.join(', ') : (raw ?? '');
  };
  const summary = [
    ...errors.map((error) => ({ field: error.field, message: errorMessage(t, error) })),
    ...conflicts.map((conflict) => ({ field: conflict.field, message: conflictMessage(t, conflict) })),
  ];
  const text = (field: FormField, options: { type?: string; hint?: boolean; width?: number; multiline?: boolean } = {}) => shown(field) && (
    <Field t={t} field={field} error={errorOf(field)} hint={options.hint ? f(`hints.${field}`) : undefined}>
      {(describedBy) =>
        options.multiline ? (
          <textarea class={inputClass(errorOf(field))} id={field} name={field} rows={4} aria-describedby={describedBy} aria-invalid={errorOf(field) ? 'true' : undefined}>
            {value(field)}
          </textarea>
        ) : (
          <input
            class={`${inputClass(errorOf(field))}${options.width ? ` kern-form-input__input--width-${options.width}` : ''}`}
            id={field}
            name={field}
            type={options.type ?? 'text'}
            value={value(field)}
            aria-describedby={describedBy}
            aria-invalid={errorOf(field) ? 'true' : undefined}
          />
        )
      }
    </Field>
  );
  const select = (field: FormField, options: readonly string[], labelPrefix: string) => shown(field) && (
    <Field t={t} field={field} error={errorOf(field)}>
      {(describedBy) => (
        <div class="kern-form-input__select-wrapper">
          <select class={`kern-form-input__select${errorOf(field) ? ' kern-form-input__select--error' : ''}`} id={field} name={field} aria-describedby={describedBy}>
            <option value="">{f('notSet')}</option>
            {options.map((option) => (
              <option key={option} value={option} selected={value(field) === option}>
                {t(`organisations.profile.${labelPrefix}.${option}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
  const chosenFields = ([] as string[]).concat(input.fields ?? []);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{title}</h1>
      {intro && <p>{intro}</p>}
      <ErrorSummary title={f('errorTitle')} errors={summary} />
      {conflicts.map((conflict) => (
        <Alert kind="warning" key={conflict.name}>
          {t('organisations.profileForm.existing', { name: conflict.organisationName })}{' '}
          <a class="kern-link" href={`/organisations/${conflict.organisationId}`}>
            {t('organisations.profileForm.openExisting', { name: conflict.organisationName })}
          </a>
        </Alert>
      ))}
      <form method="post" action={id === null ? '/organisations/new' : `/organisations/${id}/edit`} class="kern-stack-lg" noValidate>
        <CsrfField token={csrfToken} />
        <FieldGroup legend={f('groups.names')}>
          {text('name')}
          {text('aliases', { hint: true, multiline: true })}
        </FieldGroup>
        <FieldGroup legend={f('groups.organisation')}>
          {select('legal_form', legalForms, 'legalForms')}
          {text('founded_year', { width: 4 })}
          {select('orientation', orientations, 'orientations')}
          {text('communities', { hint: true })}
          {text('languages', { hint: true })}
          {shown('fields') && (
            <fieldset class={`kern-fieldset${errorOf('fields') ? ' kern-fieldset--error' : ''}`} id="fields" tabIndex={-1}>
              <legend class="kern-label">{t('organisations.profileForm.labels.fields')}</legend>
              {errorOf('fields') && <p class="kern-error">{errorOf('fields')}</p>}
              <div class="kern-fieldset__body">
                {fieldsOfActivity.map((field) => (
                  <div class="kern-form-check" key={field}>
                    <input class="kern-form-check__checkbox" type="checkbox" id={`fields-${field}`} name="fields" value={field} checked={chosenFields.includes(field)} />
                    <label class="kern-label" for={`fields-${field}`}>
                      {t(`organisations.profile.fieldsOfActivity.${field}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
          {text('target_groups', { hint: true })}
          {select('rooms', roomOptions, 'roomOptions')}
        </FieldGroup>
        <FieldGroup legend={f('groups.contact')}>
          {text('municipality')}
          {text('district')}
          {text('postcode', { width: 5 })}
          {text('email', { type: 'email' })}
          {text('website', { hint: true })}
          {text('phone', { type: 'tel' })}
          {text('latitude', { hint: true, width: 10 })}
          {text('longitude', { width: 10 })}
        </FieldGroup>
        <FieldGroup legend={f('groups.portrait')}>
          {text('portrait', { hint: true, multiline: true })}
          {text('portrait_consent_by')}
          {text('portrait_consent_on', { type: 'date' })}
          {text('portrait_consent_wording', { hint: true })}
          {shown('portrait_published') && (
            <div class={`kern-form-check${errorOf('portrait_published') ? ' kern-form-check--error' : ''}`}>
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id="portrait_published"
                name="portrait_published"
                value="yes"
                checked={value('portrait_published') === 'yes'}
                aria-describedby={errorOf('portrait_published') ? 'portrait_published-error' : undefined}
              />
              <label class="kern-label" for="portrait_published">
                {t('organisations.profileForm.labels.portrait_published')}
              </label>
            </div>
          )}
          {errorOf('portrait_published') && (
            <p class="kern-error" id="portrait_published-error">
              {errorOf('portrait_published')}
            </p>
          )}
        </FieldGroup>
        {shown('notes') && <FieldGroup legend={f('groups.internal')}>{text('notes', { hint: true, multiline: true })}</FieldGroup>}
        <div class="mosaik-inline-form">
          <Button>{id === null ? f('create') : f('save')}</Button>
          <a class="kern-link" href={id === null ? '/organisations' : `/organisations/${id}`}>
            {f('cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}



function Field({ t, field, error, hint, children }: { t: Translate; field: FormField; error?: string; hint?: string; children: (describedBy?: string) => ComponentChildren }) {
  return (
    <FieldFrame name={field} label={t(`organisations.profileForm.labels.${field}`)} hint={hint} error={error}>
      {children}
    </FieldFrame>
  );
}

/** The form's text for an existing organisation, as the edit page first shows it. */
export function inputOf(o: Record<string, unknown>, aliases: string[]): FormInput {
  const text = (value: unknown) => (value == null ? '' : String(value));
  return {
    name: text(o.name),
    aliases: aliases.join('\n'),
    legal_form: text(o.legal_form),
    founded_year: text(o.founded_year),
    orientation: text(o.orientation),
    communities: (o.communities as string[]).join(', '),
    languages: (o.languages as string[]).join(', '),
    fields: o.fields as string[],
    target_groups: (o.target_groups as string[]).join(', '),
    rooms: text(o.rooms),
    municipality: text(o.municipality),
    district: text(o.district),
    postcode: text(o.postcode),
    email: text(o.email),
    website: text(o.website),
    phone: text(o.phone),
    latitude: text(o.latitude),
    longitude: text(o.longitude),
    portrait: text(o.portrait),
    portrait_consent_by: text(o.portrait_consent_by),
    portrait_consent_on: text(o.portrait_consent_on),
    portrait_consent_wording: text(o.portrait_consent_wording),
    portrait_published: o.portrait_published ? 'yes' : '',
    notes: text(o.notes),
  };
}
