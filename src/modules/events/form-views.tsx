import type { Translate } from '../../i18n/index.js';
import { CsrfField, describedByOf, ErrorSummary, FieldFrame, TextField, type FieldError, inputClass } from '../../ui/forms.js';
import { eventFormats, type FormField, type FormValues } from './form.js';
import { OrganisationPickList } from '../organisations/index.js';
import type { PartnerField } from './partners.js';
import { Button } from '../../ui/button.js';

/** The staff form of an event: create, edit and the copy of a duplicated event. */

interface FieldProps {
  name: FormField;
  t: Translate;
  values: FormValues;
  errors: FieldError[];
  hint?: string;
}

const errorOf = (errors: FieldError[], name: string) => errors.find((error) => error.field === name)?.message;

function Input({ name, t, values, errors, hint, type = 'text', required }: FieldProps & { type?: string; required?: boolean }) {
  return (
    <TextField name={name} label={t(`events.fields.${name}`)} type={type} value={values[name] ?? ''} hint={hint} error={errorOf(errors, name)} required={required} />
  );
}

function TextArea({ name, t, values, errors, hint }: FieldProps) {
  const error = errorOf(errors, name);
  return (
    <FieldFrame name={name} label={t(`events.fields.${name}`)} hint={hint} error={error}>
      <textarea
        class={inputClass(error)}
        id={name}
        name={name}
        rows={4}
        aria-describedby={describedByOf(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {values[name] ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function Select({ name, label, options, value, error, hint }: { name: string; label: string; options: { value: string; label: string }[]; value?: string; error?: string; hint?: string }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={name} name={name} aria-describedby={describedByOf(name, hint, error)} aria-invalid={error ? 'true' : undefined}>
          {options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === (value ?? '')}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

export interface EventFormProps {
  t: Translate;
  csrfToken: string;
  action: string;
  submitLabel: string;
  values: FormValues;
  errors: FieldError[];
  /** A coordinator's districts: the district becomes a choice among them (centre staff type it freely). */
  districts?: string[];
  /** The organisers the account may choose (scope.ts organizersFor). */
  organizers?: ('centre' | 'partner')[];
  /** The partner pick lists (partners.ts partnerFieldsFor). */
  partners?: PartnerField[];
}

export function EventForm({ t, csrfToken, action, submitLabel, values, errors, districts, organizers = ['centre', 'partner'], partners = [] }: EventFormProps) {
  const field = { t, values, errors };
  const partnerOnly = organizers.length === 1 && organizers[0] === 'partner';
  return (
    <>
      <ErrorSummary title={t('events.errors.summary')} errors={errors} />
      <form method="post" action={action} novalidate class="mosaik-event-form">
        <CsrfField token={csrfToken} />
        <Select
          name="format"
          label={t('events.fields.format')}
          value={values.format}
          error={errorOf(errors, 'format')}
          options={[{ value: '', label: t('events.form.choose') }, ...eventFormats.map((format) => ({ value: format, label: t(`events.formats.${format}`) }))]}
        />
        <Input name="title" required {...field} />
        <TextArea name="description" {...field} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('events.form.when')}</legend>
          <Input name="start_date" type="date" required {...field} />
          <Input name="starts_at" type="time" {...field} />
          <Input name="ends_at" type="time" {...field} />
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('events.form.where')}</legend>
          <Input name="place" {...field} />
          <Input name="municipality" {...field} />
          {districts ? (
            <Select
              name="district"
              label={t('events.fields.district')}
              hint={t('events.hints.districtCoordinator')}
              value={values.district}
              error={errorOf(errors, 'district')}
              options={[{ value: '', label: t('events.form.choose') }, ...districts.map((district) => ({ value: district, label: district }))]}
            />
          ) : (
            <Input name="district" {...field} />
          )}
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('events.form.who')}</legend>
          <Select
            name="organizer"
            label={t('events.fields.organizer')}
            value={values.organizer ?? organizers[0]}
            hint={partnerOnly ? t('events.hints.organizerCoordinator') : undefined}
            error={errorOf(errors, 'organizer')}
            options={organizers.map((organizer) => ({ value: organizer, label: t(`events.organizers.${organizer}`) }))}
          />
          {partners.map((partner, index) => (
            <OrganisationPickList
              key={partner.name}
              t={t}
              name={partner.name}
              label={t('events.fields.partner', { number: index + 1 })}
              hint={index === 0 ? t('events.hints.partners') : ''}
              error={errorOf(errors, partner.name)}
              value={partner.value}
              chosenId={partner.chosenId}
              pick={partner.pick}
              choice={partner.choice}
            />
          ))}
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('events.form.registration')}</legend>
          <Input name="capacity" type="number" hint={t('events.hints.capacity')} {...field} />
          <Input name="per_org_limit" type="number" hint={t('events.hints.per_org_limit')} {...field} />
          <Input name="registration_opens" type="datetime-local" hint={t('events.hints.registration')} {...field} />
          <Input name="registration_closes" type="datetime-local" hint={t('events.hints.registration')} {...field} />
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('events.form.more')}</legend>
          <Input name="language" {...field} />
          <TextArea name="accessibility" {...field} />
          <TextArea name="materials" hint={t('events.hints.materials')} {...field} />
        </fieldset>
        <Button>{submitLabel}</Button>
      </form>
    </>
  );
}
