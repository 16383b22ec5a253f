import type { Language, Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, DateField, ErrorSummary } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { FormError, FormInput } from '../form.js';
import type { YearRuleRow } from '../queries.js';
import { day, euros, FormText, summaryErrors } from './parts.js';
import { errorOf } from './parts.js';
import { Button } from '../../../ui/button.js';

/** The programme's rules per funding year, as staff keep them (saving a year again replaces it). */
export function YearRulesPage({ t, language, csrfToken, rules, input, errors, done }: { t: Translate; language: Language; csrfToken: string; rules: YearRuleRow[]; input: FormInput; errors: FormError[]; done?: string }) {
  const r = (key: string) => t(`microprojects.rules.${key}`);
  const field = (name: string) => t(`microprojects.fields.${name}`);
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href="/microprojects">{t('microprojects.project.back')}</a></p>
      <h1 class="kern-heading-large">{r('title')}</h1>
      {done && <Alert kind="success">{t('microprojects.done.saved')}</Alert>}
      <ErrorSummary title={t('microprojects.form.errorTitle')} errors={summaryErrors(t, errors)} />
      <p>{r('intro')}</p>
      <Table
        caption={r('title')}
        columns={[
          { key: 'year', label: field('year'), rowHeader: true, cell: (rule) => String(rule.year) },
          { key: 'project', label: field('project_limit'), numeric: true, cell: (rule) => euros(rule.project_limit_cents, language) },
          { key: 'minijob', label: field('minijob_limit'), numeric: true, cell: (rule) => euros(rule.minijob_limit_cents, language) },
          { key: 'deadline', label: field('application_deadline'), cell: (rule) => day(rule.application_deadline, language) },
          { key: 'wage', label: field('minimum_wage'), numeric: true, cell: (rule) => euros(rule.minimum_wage_cents, language) },
          { key: 'ceiling', label: field('minijob_monthly_ceiling'), numeric: true, cell: (rule) => euros(rule.minijob_monthly_ceiling_cents, language) },
          { key: 'proof', label: field('proof_due_months'), numeric: true, cell: (rule) => String(rule.proof_due_months) },
          { key: 'tolerance', label: field('overspend_tolerance_percent'), numeric: true, cell: (rule) => `${rule.overspend_tolerance_percent} %` },
          { key: 'source', label: field('source'), cell: (rule) => rule.source || '—' },
        ]}
        rows={rules}
        rowKey={(rule) => rule.year}
        empty={<p>{r('none')}</p>}
      />
      <section aria-labelledby="rule-form" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="rule-form">{r('edit')}</h2>
        <form method="post" action="/microprojects/rules" class="kern-stack-sm" noValidate>
          <CsrfField token={csrfToken} />
          <FormText t={t} name="year" input={input} errors={errors} hint={r('yearHint')} />
          <FormText t={t} name="project_limit" input={input} errors={errors} />
          <FormText t={t} name="minijob_limit" input={input} errors={errors} />
          <DateField t={t} language={language} name="application_deadline" label={field('application_deadline')} value={input.application_deadline ?? ''} error={errorOf(t, errors, 'application_deadline')} />
          <FormText t={t} name="minimum_wage" input={input} errors={errors} />
          <FormText t={t} name="minijob_monthly_ceiling" input={input} errors={errors} />
          <FormText t={t} name="proof_due_months" input={input} errors={errors} />
          <FormText t={t} name="overspend_tolerance_percent" input={input} errors={errors} />
          <FormText t={t} name="source" input={input} errors={errors} />
          <Button>{r('save')}</Button>
        </form>
      </section>
    </div>
  );
}
