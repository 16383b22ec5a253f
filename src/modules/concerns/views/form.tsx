import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { Choices } from '../../../ui/choices.js';
import { CsrfField, DateField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../../ui/forms.js';
import { entryKinds } from '../tables.js';
import { concernTopics } from '../vocabulary.js';

/** The entry form (new and edit), staff only (German and English). */

export interface EntryFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  action: string;
  values: Record<string, string>;
  /** Organisations already linked (edit) or offered (a consultation's): checkboxes. */
  organisations: { id: number; name: string; checked: boolean }[];
  /** Where the entry comes from, as hidden fields, and a sentence saying so. */
  source: { hidden: Record<string, string>; label: string; quote?: string } | null;
  errors: FieldError[];
  /** Editing: the version the form was opened with; the kind is fixed. */
  version?: number;
  conflict?: string;
}

export function TextArea({ name, label, hint, value, error, rows = 4 }: { name: string; label: string; hint?: string; value?: string; error?: string; rows?: number }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea class={inputClass(error)} id={name} name={name} rows={rows} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
          {value ?? ''}
        </textarea>
      )}
    </FieldFrame>
  );
}

export function EntryForm({ t, language, csrfToken, action, values, organisations, source, errors, version, conflict }: EntryFormProps) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <p class="kern-body"><a class="kern-link" href="/concerns">{t('concerns.staff.title')}</a></p>
      <h1 class="kern-heading-large">{version === undefined ? t('concerns.staff.new') : t('concerns.staff.edit')}</h1>
      {conflict && (
        <div class="kern-alert kern-alert--warning" role="alert">
          <div class="kern-alert__body"><p class="kern-body">{conflict}</p></div>
        </div>
      )}
      <ErrorSummary title={t('concerns.errors.summary')} errors={errors} />
      {source && (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{source.label}</p>
            {source.quote && <blockquote class="kern-body">„{source.quote}“</blockquote>}
          </div>
        </div>
      )}
      <form method="post" action={action} class="kern-stack" novalidate>
        <CsrfField token={csrfToken} />
        {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
        {Object.entries(source?.hidden ?? {}).map(([name, value]) => <input type="hidden" name={name} value={value} key={name} />)}
        {version === undefined ? (
          <Choices name="kind" type="radio" legend={t('concerns.fields.kind')} hint={t('concerns.fields.kindHint')} error={error('kind')} options={entryKinds.map((kind) => [kind, t(`concerns.kinds.${kind}`)])} checked={[values.kind ?? '']} />
        ) : (
          <input type="hidden" name="kind" value={values.kind} />
        )}
        <TextField name="title" label={t('concerns.fields.title')} value={values.title} error={error('title')} required />
        <TextArea name="description" label={t('concerns.fields.description')} hint={t('concerns.fields.descriptionHint')} value={values.description} error={error('description')} />
        <FieldFrame name="topic" label={t('concerns.fields.topic')} error={error('topic')}>
          {(describedBy) => (
            <select class={inputClass(error('topic'))} id="topic" name="topic" aria-describedby={describedBy}>
              <option value="">{t('concerns.fields.choose')}</option>
              {concernTopics.map((topic) => <option value={topic} selected={values.topic === topic} key={topic}>{t(`concerns.topics.${topic}`)}</option>)}
            </select>
          )}
        </FieldFrame>
        <DateField name="raisedOn" label={t('concerns.fields.raisedOn')} value={values.raisedOn} error={error('raisedOn')} t={t} language={language} />
        <TextField name="district" label={t('concerns.fields.district')} value={values.district} error={error('district')} />
        {organisations.length > 0 && (
          <Choices name="organisationId" type="checkbox" legend={t('concerns.fields.organisations')} options={organisations.map((o) => [String(o.id), o.name])} checked={organisations.filter((o) => o.checked).map((o) => String(o.id))} />
        )}
        <TextArea name="organisationNames" label={t('concerns.fields.organisationNames')} hint={t('concerns.fields.organisationNamesHint')} value={values.organisationNames} error={error('organisationNames') ?? error('organisations')} rows={3} />
        <Choices name="isPublic" type="checkbox" legend={t('concerns.fields.public')} hint={t('concerns.fields.publicHint')} options={[['yes', t('concerns.fields.publicYes')]]} checked={values.isPublic === 'yes' ? ['yes'] : []} />
        <TextArea name="publicWording" label={t('concerns.fields.publicWording')} hint={t('concerns.fields.publicWordingHint')} value={values.publicWording} error={error('publicWording')} rows={3} />
        <Button>{t('concerns.staff.save')}</Button>
      </form>
    </>
  );
}
