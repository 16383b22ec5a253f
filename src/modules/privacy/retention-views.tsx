import type { Language, Translate } from '../../i18n/index.js';
import { formatInstant } from '../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, type FieldError, inputClass } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import { retentionUnits, type RetentionRule, type RuleResult } from './retention.js';
import { Button } from '../../ui/button.js';

/** The data protection hub for admins and the retention rules page with its dry run. */

export function PrivacyHub({ t }: { t: Translate }) {
  const p = (key: string) => t(`privacy.hub.${key}`);
  const links: [string, string, string][] = [
    ['/privacy/retention', p('retention'), p('retentionText')],
    ['/admin/audit', p('audit'), p('auditText')],
    ['/privacy/record.md', p('record'), p('recordText')],
    ['/people', p('people'), p('peopleText')],
    ['/my/data', p('own'), p('ownText')],
  ];
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{p('title')}</h1>
      <p class="kern-body">{p('intro')}</p>
      <ul class="kern-list">
        {links.map(([href, label, text]) => (
          <li key={href}>
            <a class="kern-link" href={href}>
              {label}
            </a>
            : {text}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface RetentionPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  rules: RetentionRule[];
  /** The form as sent, when it came back with errors. */
  input?: Record<string, string>;
  errors: FieldError[];
  notice?: 'saved' | 'confirm';
}

export function RetentionPage({ t, language, csrfToken, rules, input, errors, notice }: RetentionPageProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`privacy.retention.${key}`, options);
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const when = (instant: Date) => formatInstant(instant, language);
  // what each row's fields show: the values just sent back (with their errors), else the stored rule
  const fieldsOf = (rule: RetentionRule) => {
    const amountName = `${rule.kind}.amount`;
    return {
      amountName,
      error: errorOf(amountName),
      amount: input ? input[amountName] ?? '' : String(rule.amount),
      unit: input ? input[`${rule.kind}.unit`] ?? rule.unit : rule.unit,
      enabled: input ? input[`${rule.kind}.enabled`] === 'on' : rule.enabled,
    };
  };
  return (
    <div class="kern-stack-lg">
      <ErrorSummary title={p('errorTitle')} errors={errors} />
      <h1 class="kern-heading-large">{p('title')}</h1>
      <p class="kern-body">{p('intro')}</p>
      {notice === 'saved' && <Alert kind="success">{p('saved')}</Alert>}
      <form method="post" action="/privacy/retention" class="kern-stack-sm" noValidate>
        <CsrfField token={csrfToken} />
        <Table
          caption={p('caption')}
          rows={rules}
          rowKey={(rule) => rule.kind}
          columns={[
            {
              key: 'kind',
              label: p('kind'),
              rowHeader: true,
              cell: (rule) => (
                <>
                  {p(`kinds.${rule.kind}.label`)}
                  <div class="kern-body kern-body--small">{p(`kinds.${rule.kind}.text`)}</div>
                </>
              ),
            },
            {
              key: 'amount',
              label: p('amount'),
              cell: (rule) => {
                const { amountName, error, amount } = fieldsOf(rule);
                return (
                  <>
                    {error && (
                      <p class="kern-error" id={`${amountName}-error`}>
                        {error}
                      </p>
                    )}
                    <input class={inputClass(error)} id={amountName} name={amountName} inputMode="numeric" size={5}
                      value={amount} aria-label={p('amountFor', { kind: p(`kinds.${rule.kind}.label`) })} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${amountName}-error` : undefined} />
                  </>
                );
              },
            },
            {
              key: 'unit',
              label: p('unit'),
              cell: (rule) => (
                <div class="kern-form-input__select-wrapper">
                  <select class="kern-form-input__select" name={`${rule.kind}.unit`} aria-label={p('unitFor', { kind: p(`kinds.${rule.kind}.label`) })}>
                    {retentionUnits.map((option) => (
                      <option key={option} value={option} selected={option === fieldsOf(rule).unit}>
                        {p(`units.${option}`)}
                      </option>
                    ))}
                  </select>
                </div>
              ),
            },
            {
              key: 'enabled',
              label: p('enabled'),
              cell: (rule) => (
                <div class="kern-form-check">
                  <input class="kern-form-check__checkbox" type="checkbox" id={`${rule.kind}.enabled`} name={`${rule.kind}.enabled`} checked={fieldsOf(rule).enabled} />
                  <label class="kern-label" for={`${rule.kind}.enabled`}>
                    {p('enabledFor', { kind: p(`kinds.${rule.kind}.label`) })}
                  </label>
                </div>
              ),
            },
            { key: 'updatedAt', label: p('updatedAt'), cell: (rule) => when(rule.updatedAt) },
          ]}
        />
        <Button>{p('save')}</Button>
      </form>
      <h2 class="kern-heading-medium">{p('runTitle')}</h2>
      <p class="kern-body">{p('runIntro')}</p>
      <form method="get" action="/privacy/retention/dry-run">
        <Button kind="secondary">{p('dryRun')}</Button>
      </form>
      <RunForm t={t} csrfToken={csrfToken} error={notice === 'confirm'} />
    </div>
  );
}

function RunForm({ t, csrfToken, error }: { t: Translate; csrfToken: string; error: boolean }) {
  const p = (key: string) => t(`privacy.retention.${key}`);
  return (
    <form method="post" action="/privacy/retention/run" class="kern-stack-sm" noValidate>
      <CsrfField token={csrfToken} />
      {error && (
        <p class="kern-error" id="confirm-error">
          {p('confirmMissing')}
        </p>
      )}
      <div class="kern-form-check">
        <input class="kern-form-check__checkbox" type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={error ? 'confirm-error' : undefined} aria-invalid={error ? 'true' : undefined} />
        <label class="kern-label" for="confirm">
          {p('confirm')}
        </label>
      </div>
      <Button>{p('runNow')}</Button>
    </form>
  );
}

export function RetentionResultsPage({ t, language, csrfToken, results, dryRun }: { t: Translate; language: Language; csrfToken: string; results: RuleResult[]; dryRun: boolean }) {
  const p = (key: string, options?: Record<string, unknown>) => t(`privacy.retention.${key}`, options);
  const when = (iso: string) => formatInstant(iso, language, { time: 'short' });
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{dryRun ? p('dryRunTitle') : p('runDoneTitle')}</h1>
      <Alert kind={dryRun ? 'info' : 'success'}>{dryRun ? p('dryRunNote') : p('runDoneNote')}</Alert>
      <Table
        caption={p('resultsCaption')}
        rows={results}
        rowKey={(result) => result.kind}
        columns={[
          {
            key: 'kind',
            label: p('kind'),
            rowHeader: true,
            cell: (result) => (
              <>
                {p(`kinds.${result.kind}.label`)}
                {!result.enabled && <div class="kern-body kern-body--small">{p('disabled')}</div>}
              </>
            ),
          },
          { key: 'cutoff', label: p('cutoff'), cell: (result) => when(result.cutoff) },
          { key: 'count', label: p('count'), numeric: true, cell: (result) => result.count },
          { key: 'examples', label: p('examples'), cell: (result) => result.examples.map((example, index) => <div key={index}>{example}</div>) },
          { key: 'applied', label: p('applied'), numeric: true, cell: (result) => result.applied },
        ]}
      />
      {dryRun && <RunForm t={t} csrfToken={csrfToken} error={false} />}
      <p class="kern-body">
        <a class="kern-link" href="/privacy/retention">{p('back')}</a>
      </p>
    </div>
  );
}
