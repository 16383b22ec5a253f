import type { Language, Translate } from '../../i18n/index.js';
import { formatInstant } from '../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, type FieldError, inputClass } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import { importKinds, importSchemas } from './schemas.js';
import type { ImportRunSummary } from './uploads.js';
import { kindLabel, numberFormat } from './view-text.js';
import { Button } from '../../ui/button.js';

/** The imports page: choosing a kind of list and a file, the last run's result and the history of runs. */
type UploadField = 'kind' | 'file';

export interface ImportsPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  selectedKind?: string;
  history: ImportRunSummary[];
  done?: ImportRunSummary;
  discarded?: boolean;
  errors?: { field: UploadField; message: string }[];
}

/** Choose the list, upload it, and see what was imported before. */
export function ImportsPage({ t, language, csrfToken, selectedKind, history, done, discarded, errors = [] }: ImportsPageProps) {
  const errorOf = (field: UploadField) => errors.find((error) => error.field === field)?.message;
  // The summary links to the first radio button or to the file input.
  const summary: FieldError[] = errors.map((error) => ({ field: error.field === 'kind' ? `kind-${importKinds[0]}` : 'file', message: error.message }));
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('imports.title')}</h1>
      <ErrorSummary title={t('errors.summary')} errors={summary} />
      {done && <DoneAlert t={t} language={language} run={done} />}
      {discarded && <Alert kind="info">{t('imports.discarded')}</Alert>}
      <p>{t('imports.intro')}</p>
      {/* the route checks the token when it reads the multipart body; before the file, so it arrives first */}
      <form method="post" action="/imports" enctype="multipart/form-data" class="kern-stack-md">
        <CsrfField token={csrfToken} />
        <KindChoice t={t} selectedKind={selectedKind} error={errorOf('kind')} />
        <FileField t={t} error={errorOf('file')} />
        <p class="kern-hint" id="submit-hint">
          {t('imports.submitHint')}
        </p>
        <div>
          <Button aria-describedby="submit-hint">{t('imports.submit')}</Button>
        </div>
      </form>
      <section class="kern-stack-sm" aria-labelledby="templates-title">
        <h2 class="kern-heading-medium" id="templates-title">
          {t('imports.templatesTitle')}
        </h2>
        <p>{t('imports.templatesIntro')}</p>
        <ul class="kern-list">
          {importKinds.map((kind) => (
            <li key={kind}>
              <a class="kern-link" href={`/imports/templates/${kind}.csv`} download>
                {t('imports.templateLink', { label: kindLabel(t, kind) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <History t={t} language={language} history={history} />
    </div>
  );
}

function KindChoice({ t, selectedKind, error }: { t: Translate; selectedKind?: string; error?: string }) {
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={error ? 'kind-error' : undefined}>
      <legend class="kern-label">{t('imports.kindLegend')}</legend>
      {error && (
        <p class="kern-error" id="kind-error">
          {error}
        </p>
      )}
      <div class="kern-fieldset__body">
        {importKinds.map((kind) => (
          <div class="kern-form-check" key={kind}>
            <input
              class={`kern-form-check__radio${error ? ' kern-form-check__radio--error' : ''}`}
              type="radio"
              name="kind"
              id={`kind-${kind}`}
              value={kind}
              checked={selectedKind === kind}
              required
            />
            <label class="kern-label" for={`kind-${kind}`}>
              <span class="kern-body--bold">{kindLabel(t, kind)}</span>
              <br />
              <span class="kern-body--small">
                {t(`imports.kinds.${kind}.description`)} {t('imports.requiredColumns', { columns: importSchemas[kind].required.join(', ') })}
              </span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function FileField({ t, error }: { t: Translate; error?: string }) {
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for="file">
        {t('imports.fileLabel')}
      </label>
      <div class="kern-hint" id="file-hint">
        {t('imports.fileHint')}
      </div>
      {error && (
        <p class="kern-error" id="file-error">
          {error}
        </p>
      )}
      <input
        class={inputClass(error)}
        id="file"
        name="file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        required
        aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function DoneAlert({ t, language, run }: { t: Translate; language: Language; run: ImportRunSummary }) {
  const n = numberFormat(language);
  return (
    <div class="kern-alert kern-alert--success" role="status">
      <div class="kern-alert__header">
        <span class="kern-title">{t('imports.done.title', { file: run.fileName })}</span>
      </div>
      <div class="kern-alert__body kern-stack-sm">
        <p>{t('imports.done.counts', { rows: n.format(run.rows), created: n.format(run.created), updated: n.format(run.updated), unchanged: n.format(run.unchanged) })}</p>
        {run.newOrganisations > 0 && (
          <p>
            {t('imports.done.newOrganisations', { count: run.newOrganisations })}{' '}
            <a class="kern-link" href="/organisations/review">
              {t('imports.done.reviewLink')}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

const numericHistoryColumns = ['rows', 'created', 'updated', 'unchanged', 'newOrganisations'] as const;

function History({ t, language, history }: { t: Translate; language: Language; history: ImportRunSummary[] }) {
  const n = numberFormat(language);
  return (
    <section class="kern-stack-sm" aria-labelledby="history-title">
      <h2 class="kern-heading-medium" id="history-title">
        {t('imports.history.title')}
      </h2>
      {history.length === 0 ? (
        <p>{t('imports.history.empty')}</p>
      ) : (
        <Table
          caption={t('imports.history.caption')}
          captionVisible
          tableProps={{ id: 'history' }}
          rows={history}
          rowKey={(run) => run.id}
          columns={[
            { key: 'date', label: t('imports.history.date'), cell: (run) => formatInstant(run.at, language, { time: 'short' }) },
            { key: 'kind', label: t('imports.history.kind'), cell: (run) => kindLabel(t, run.kind) },
            { key: 'file', label: t('imports.history.file'), rowHeader: true, cell: (run) => run.fileName },
            ...numericHistoryColumns.map((key) => ({ key, label: t(`imports.history.${key}`), numeric: true, cell: (run: ImportRunSummary) => n.format(run[key]) })),
            { key: 'by', label: t('imports.history.by'), cell: (run) => run.by ?? t('imports.history.commandLine') },
          ]}
        />
      )}
    </section>
  );
}
