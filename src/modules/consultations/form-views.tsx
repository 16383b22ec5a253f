import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, dateHint, ErrorSummary, FieldFrame, FieldGroup, inputClass } from '../../ui/forms.js';
import type { FormError, FormField, FormInput } from './form.js';
import { Choices } from '../../ui/choices.js';
import { channels } from './queries.js';
import { topicLabel, type ConsultationTopic } from './topics.js';
import type { OrganisationPick } from '../organisations/index.js';
import { OrganisationPickList, pickQuestionError } from '../organisations/index.js';
import { Button } from '../../ui/button.js';
import type { ReferralService } from '../wegweiser/index.js';
import { WegweiserReferralFields } from './wegweiser-referral-views.js';
import type { ExpertChoice } from '../experts/index.js';

interface FormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  /** null: a new consultation. */
  id: number | null;
  title: string;
  input: FormInput;
  errors: FormError[];
  /** The topics offered: the active ones, plus the consultation's own when editing. */
  topics: ConsultationTopic[];
  /** Logging a representative's request: says which, above the form. */
  requestNote?: string;
  /** The organisation named is not in the directory as typed: the search step asks which one is meant. */
  organisationPick?: OrganisationPick;
  /** The Wegweiser services the typed referral matched, to choose one from. */
  serviceCandidates?: ReferralService[];
  /** The pool's entries a referral may pick (src/modules/experts: only those whose consent holds, plus the one already referred to). */
  experts: ExpertChoice[];
}

/** The sentence for one field error, naming the field (shown in the summary and at the field). */
export const errorMessage = (t: Translate, error: FormError, input: FormInput = {}) =>
  error.code === 'pick'
    ? pickQuestionError(t, t(`consultations.form.labels.${error.field}`), input.organisation ?? '')
    : t(`consultations.form.errors.${error.code}`, { field: t(`consultations.form.labels.${error.field}`) });

const hinted = new Set<FormField>(['persons', 'follow_up_on', 'referral_expert_id', 'referral_expert', 'referral_cost_eur']);

/** Create and edit: one page in three groups, an error summary on top linking to each field. */
export function ConsultationFormPage({ t, language, csrfToken, id, title, input, errors, topics, requestNote, organisationPick, serviceCandidates, experts }: FormProps) {
  const f = (key: string) => t(`consultations.form.${key}`);
  const errorOf = (field: FormField) => {
    const error = errors.find((entry) => entry.field === field);
    return error ? errorMessage(t, error, input) : undefined;
  };
  const text = (field: Exclude<FormField, 'topics'>, options: { type?: string; width?: number; multiline?: boolean; inputMode?: 'numeric' | 'decimal' } = {}) => (
    <Field t={t} field={field} error={errorOf(field)} hint={[hinted.has(field) ? f(`hints.${field}`) : '', options.type === 'date' ? dateHint(t, language) : ''].filter(Boolean).join(' ') || undefined}>
      {(describedBy) =>
        options.multiline ? (
          <textarea class={inputClass(errorOf(field))} id={field} name={field} rows={4} aria-describedby={describedBy} aria-invalid={errorOf(field) ? 'true' : undefined}>
            {input[field] ?? ''}
          </textarea>
        ) : (
          <input
            class={`${inputClass(errorOf(field))}${options.width ? ` kern-form-input__input--width-${options.width}` : ''}`}
            id={field}
            name={field}
            type={options.type ?? 'text'}
            inputMode={options.inputMode}
            value={input[field] ?? ''}
            aria-describedby={describedBy}
            aria-invalid={errorOf(field) ? 'true' : undefined}
          />
        )
      }
    </Field>
  );
  const select = (field: Exclude<FormField, 'topics'>, options: [string, string][]) => (
    <Field t={t} field={field} error={errorOf(field)} hint={hinted.has(field) ? f(`hints.${field}`) : undefined}>
      {(describedBy) => (
        <div class="kern-form-input__select-wrapper">
          <select class={`kern-form-input__select${errorOf(field) ? ' kern-form-input__select--error' : ''}`} id={field} name={field} aria-describedby={describedBy} aria-invalid={errorOf(field) ? 'true' : undefined}>
            <option value="">{f('choose')}</option>
            {options.map(([option, label]) => (
              <option key={option} value={option} selected={input[field] === option}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{title}</h1>
      {requestNote && <Alert kind="info">{requestNote}</Alert>}
      <ErrorSummary title={f('errorTitle')} errors={errors.map((error) => ({ field: error.field, message: errorMessage(t, error, input) }))} />
      <form method="post" action={id === null ? '/consultations/new' : `/consultations/${id}/edit`} class="kern-stack-lg" noValidate>
        <CsrfField token={csrfToken} />
        {input.request_id && <input type="hidden" name="request_id" value={input.request_id} />}
        <FieldGroup legend={f('groups.consultation')}>
          {text('consulted_on', { type: 'date', width: 10 })}
          <OrganisationPickList
            t={t}
            name="organisation"
            label={t('consultations.form.labels.organisation')}
            hint={f('hints.organisation')}
            error={errorOf('organisation')}
            value={input.organisation ?? ''}
            chosenId={input.organisation_id}
            pick={organisationPick}
            choice={input.organisation_choice}
          />
          {text('persons')}
          {select('channel', channels.map((channel) => [channel, t(`consultations.channels.${channel}`)]))}
          <Choices
            name="topics"
            type="checkbox"
            legend={t('consultations.form.labels.topics')}
            hint={f('hints.topics')}
            error={errorOf('topics')}
            options={topics.map((topic) => [topic.key, topicLabel(topics, language, topic.key)])}
            checked={input.topics ?? []}
          />
          {text('duration_minutes', { width: 4, inputMode: 'numeric' })}
        </FieldGroup>
        <FieldGroup legend={f('groups.result')}>
          {text('outcome', { multiline: true })}
          {text('follow_up_on', { type: 'date', width: 10 })}
          {text('notes', { multiline: true })}
        </FieldGroup>
        <FieldGroup legend={f('groups.referral')}>
          {select('referral_expert_id', experts.map((expert) => [String(expert.id), `${expert.label} – ${t(`experts.kinds.${expert.kind}`)}${expert.inPool ? '' : ` (${f('notInPool')})`}`]))}
          {text('referral_expert')}
          {text('referral_cost_eur', { width: 10, inputMode: 'decimal' })}
        </FieldGroup>
        <WegweiserReferralFields t={t} input={input} error={errorOf('wegweiser_service')} candidates={serviceCandidates} />
        <div class="mosaik-inline-form">
          <Button>{id === null ? f('create') : f('save')}</Button>
          <a class="kern-link" href={id !== null ? `/consultations/${id}` : input.request_id ? `/consultations/requests/${input.request_id}` : '/consultations'}>
            {f('cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}



function Field({ t, field, error, hint, children }: { t: Translate; field: FormField; error?: string; hint?: string; children: (describedBy?: string) => ComponentChildren }) {
  return (
    <FieldFrame name={field} label={t(`consultations.form.labels.${field}`)} hint={hint} error={error}>
      {children}
    </FieldFrame>
  );
}
