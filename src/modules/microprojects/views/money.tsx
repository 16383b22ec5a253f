import type { Language, Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, DateField, ErrorSummary } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { Dossier } from '../dossier.js';
import type { FormError, FormInput } from '../form.js';
import type { MoneyWarning } from '../money.js';
import { budgetLines } from '../tables.js';
import { day, errorOf, euros, FormText, SelectField, summaryErrors } from './parts.js';
import { LanguageLinks } from './project.js';
import { Button } from '../../../ui/button.js';

/** The plain warnings of the money checks, amounts in the page's language. */
export function WarningList({ t, language, warnings }: { t: Translate; language: Language; warnings: MoneyWarning[] }) {
  if (warnings.length === 0) return null;
  const value = (key: string, raw: number | string) =>
    typeof raw === 'number' && !['months', 'tolerance'].includes(key) ? euros(raw, language) : key === 'line' ? t(`microprojects.lines.${raw}`) : String(raw);
  return (
    <div class="kern-alert kern-alert--warning" role="status" data-warnings={warnings.map((warning) => warning.code).join(' ')}>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {warnings.map((warning, index) => (
            <li key={index}>{t(`microprojects.warnings.${warning.code}`, Object.fromEntries(Object.entries(warning.values).map(([key, raw]) => [key, value(key, raw)])))}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface MoneyPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  dossier: Dossier;
  input: FormInput;
  errors: FormError[];
  done?: string;
  mayKeep: boolean;
}

export function MoneyPage({ t, language, csrfToken, dossier, input, errors, done, mayKeep }: MoneyPageProps) {
  const m = (key: string, values?: Record<string, unknown>) => t(`microprojects.money.${key}`, values);
  const { project } = dossier;
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href={`/microprojects/${project.id}`}>{m('back', { project: project.title })}</a></p>
      <h1 class="kern-heading-large">{m('title', { project: project.title })}</h1>
      {mayKeep && <LanguageLinks t={t} language={language} path={`/microprojects/${project.id}/receipts`} />}
      {done && <Alert kind="success">{t(`microprojects.done.${done}`, { defaultValue: t('microprojects.done.saved') })}</Alert>}
      <ErrorSummary title={t('microprojects.form.errorTitle')} errors={summaryErrors(t, errors)} />
      <p>{m('intro')}</p>
      <Table
        caption={m('planVsActual')}
        captionVisible
        columns={[
          { key: 'line', label: m('line'), rowHeader: true, cell: (row) => t(`microprojects.lines.${row.line}`) },
          { key: 'planned', label: m('planned'), numeric: true, cell: (row) => euros(row.planned, language) },
          { key: 'actual', label: m('actual'), numeric: true, cell: (row) => euros(row.actual, language) },
          { key: 'verdict', label: m('verdict'), cell: (row) => t(`microprojects.verdicts.${row.verdict}`) },
        ]}
        rows={dossier.money.lines}
        rowKey={(row) => row.line}
        rowProps={(row) => ({ 'data-line': row.line, 'data-verdict': row.verdict })}
      />
      <WarningList t={t} language={language} warnings={dossier.money.warnings} />
      <ul class="kern-list">
        <li><a class="kern-link" href={`/microprojects/${project.id}/proof.pdf`}>{m('pdf')}</a></li>
        <li><a class="kern-link" href={`/microprojects/${project.id}/proof.xlsx`}>{m('xlsx')}</a></li>
      </ul>
      {mayKeep && (
        <section aria-labelledby="new-receipt" class="kern-stack-sm">
          <h2 class="kern-heading-medium" id="new-receipt">{m('add')}</h2>
          <form method="post" action={`/microprojects/${project.id}/receipts`} class="kern-stack-sm" noValidate>
            <CsrfField token={csrfToken} />
            <DateField t={t} language={language} name="paid_on" label={t('microprojects.fields.paid_on')} value={input.paid_on ?? ''} error={errorOf(t, errors, 'paid_on')} />
            <FormText t={t} name="payee" input={input} errors={errors} />
            <FormText t={t} name="purpose" input={input} errors={errors} />
            <SelectField
              name="budget_line" label={t('microprojects.fields.budget_line')} value={input.budget_line ?? 'project_costs'} error={errorOf(t, errors, 'budget_line')}
              options={budgetLines.map((line) => ({ value: line, label: t(`microprojects.lines.${line}`) }))}
            />
            <FormText t={t} name="amount" input={input} errors={errors} hint={m('amountHint')} />
            <SelectField name="kept" label={t('microprojects.fields.kept')} value={input.kept ?? 'yes'} options={[{ value: 'yes', label: m('keptYes') }, { value: 'no', label: m('keptNo') }]} />
            <FormText t={t} name="kept_where" input={input} errors={errors} hint={m('keptWhereHint')} />
            <Button>{m('save')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="receipt-list" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="receipt-list">{m('list', { count: dossier.receipts.length })}</h2>
        <Table
          caption={m('list', { count: dossier.receipts.length })}
          columns={[
            { key: 'day', label: m('day'), cell: (receipt) => day(receipt.paid_on, language) },
            { key: 'payee', label: t('microprojects.fields.payee'), rowHeader: true, cell: (receipt) => receipt.payee },
            { key: 'purpose', label: t('microprojects.fields.purpose'), cell: (receipt) => receipt.purpose },
            { key: 'line', label: m('line'), cell: (receipt) => t(`microprojects.lines.${receipt.budget_line}`) },
            { key: 'amount', label: t('microprojects.fields.amount'), numeric: true, cell: (receipt) => euros(receipt.amount_cents, language) },
            { key: 'kept', label: t('microprojects.fields.kept'), cell: (receipt) => (receipt.kept ? receipt.kept_where || m('keptYes') : m('keptNo')) },
            ...(mayKeep
              ? [{
                  key: 'delete', label: m('delete'), action: true, headerHidden: true,
                  cell: (receipt: Dossier['receipts'][number]) => (
                    <form method="post" action={`/microprojects/${project.id}/receipts/${receipt.id}/delete`}>
                      <CsrfField token={csrfToken} />
                      <Button kind="tertiary">{m('deleteNamed', { payee: receipt.payee })}</Button>
                    </form>
                  ),
                }]
              : []),
          ]}
          rows={dossier.receipts}
          rowKey={(receipt) => receipt.id}
          empty={<p>{m('none')}</p>}
        />
      </section>
    </div>
  );
}
