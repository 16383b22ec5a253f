import { publicLanguages, type Language, type Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldGroup } from '../../../ui/forms.js';
import { contactSlots, type FormError, type FormInput } from '../form.js';
import { errorOf, FormText, SelectField, summaryErrors, TextAreaField } from './parts.js';
import { Button } from '../../../ui/button.js';

interface ProjectFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  projectId: number | null;
  input: FormInput;
  errors: FormError[];
  done?: string;
  organisations: { id: number; name: string }[];
  advisers: { id: number; display_name: string; email: string }[];
  grants: { id: number; year: number; application_type: string; status: string; amount_eur: number | null }[];
  earlier: { id: number; title: string; year: number }[];
}

/** The record of a micro-project (staff): one form, in groups. */
export function ProjectFormPage({ t, language, csrfToken, projectId, input, errors, done, organisations, advisers, grants, earlier }: ProjectFormProps) {
  const f = (key: string, values?: Record<string, unknown>) => t(`microprojects.form.${key}`, values);
  const field = (name: string) => t(`microprojects.fields.${name}`);
  const none = { value: '', label: f('none') };
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href={projectId ? `/microprojects/${projectId}` : '/microprojects'}>{f('back')}</a></p>
      <h1 class="kern-heading-large">{f(projectId ? 'editTitle' : 'newTitle')}</h1>
      {done && <Alert kind="success">{t(`microprojects.done.${done}`)}</Alert>}
      <ErrorSummary title={f('errorTitle')} errors={summaryErrors(t, errors)} />
      <form method="post" action={projectId ? `/microprojects/${projectId}` : '/microprojects'} class="kern-stack-md" noValidate>
        <CsrfField token={csrfToken} />
        <FieldGroup legend={f('groupProject')}>
          <SelectField name="organisation_id" label={field('organisation_id')} value={input.organisation_id ?? ''} error={errorOf(t, errors, 'organisation_id')}
            options={[none, ...organisations.map((organisation) => ({ value: String(organisation.id), label: organisation.name }))]} />
          <FormText t={t} name="title" input={input} errors={errors} />
          <TextAreaField name="summary" label={field('summary')} value={input.summary ?? ''} error={errorOf(t, errors, 'summary')} hint={f('summaryHint')} />
          <FormText t={t} name="year" input={input} errors={errors} />
          <SelectField name="application_type" label={field('application_type')} value={input.application_type ?? 'new'}
            options={[{ value: 'new', label: t('microprojects.applicationTypes.new') }, { value: 'follow_up', label: t('microprojects.applicationTypes.follow_up') }]} />
          <SelectField name="previous_project_id" label={field('previous_project_id')} value={input.previous_project_id ?? ''} error={errorOf(t, errors, 'previous_project_id')} hint={f('previousHint')}
            options={[none, ...earlier.map((project) => ({ value: String(project.id), label: `${project.year}: ${project.title}` }))]} />
          <SelectField name="grant_application_id" label={field('grant_application_id')} value={input.grant_application_id ?? ''} error={errorOf(t, errors, 'grant_application_id')} hint={f('grantHint')}
            options={[none, ...grants.map((grant) => ({ value: String(grant.id), label: f('grantOption', { year: grant.year, type: t(`microprojects.applicationTypes.${grant.application_type}`), status: grant.status }) }))]} />
        </FieldGroup>
        <FieldGroup legend={f('groupPeriod')}>
          <DateField t={t} language={language} name="starts_on" label={field('starts_on')} value={input.starts_on ?? ''} error={errorOf(t, errors, 'starts_on')} />
          <DateField t={t} language={language} name="ends_on" label={field('ends_on')} value={input.ends_on ?? ''} error={errorOf(t, errors, 'ends_on')} hint={f('periodHint')} />
        </FieldGroup>
        <FieldGroup legend={f('groupBudget')}>
          <FormText t={t} name="planned_project_costs" input={input} errors={errors} hint={f('eurosHint')} />
          <FormText t={t} name="planned_minijob" input={input} errors={errors} hint={f('eurosHint')} />
          <FormText t={t} name="planned_tax_adviser" input={input} errors={errors} hint={f('eurosHint')} />
          <FormText t={t} name="minijob_monthly_hours" input={input} errors={errors} />
          <FormText t={t} name="minijob_monthly_pay" input={input} errors={errors} hint={f('eurosHint')} />
        </FieldGroup>
        <FieldGroup legend={f('groupPeople')}>
          <SelectField name="adviser_account_id" label={field('adviser_account_id')} value={input.adviser_account_id ?? ''} error={errorOf(t, errors, 'adviser_account_id')}
            options={[none, ...advisers.map((adviser) => ({ value: String(adviser.id), label: adviser.display_name || adviser.email }))]} />
          <FormText t={t} name="integration_office" input={input} errors={errors} />
          {contactSlots.map((slot) => (
            <div key={slot} class="kern-stack-sm">
              <FormText t={t} name={`contact_name_${slot}`} input={input} errors={errors} />
              <FormText t={t} name={`contact_email_${slot}`} input={input} errors={errors} type="email" />
              <SelectField name={`contact_language_${slot}`} label={field('contact_language')} value={input[`contact_language_${slot}`] ?? 'de'}
                options={publicLanguages.map((other) => ({ value: other, label: t(`microprojects.languageNames.${other}`) }))} />
            </div>
          ))}
        </FieldGroup>
        <Button>{f('save')}</Button>
      </form>
    </div>
  );
}
