import type { Language, Translate } from '../../i18n/index.js';
import { dateLocales, formatInstant } from '../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, type FieldError, inputClass } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import type { ImportOutcome, ImportProblem } from './index.js';
import { importKinds, importSchemas } from './schemas.js';
import type { ImportRunSummary } from './uploads.js';

/** Staff pages are German or English; problem messages come in both. */
const messageLanguage = (language: Language): 'de' | 'en' => (language === 'en' ? 'en' : 'de');
const numberFormat = (language: Language) => new Intl.NumberFormat(dateLocales[language]);
const kindLabel = (t: Translate, kind: string) => t(`imports.kinds.${kind}.label`, { defaultValue: kind });

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
          <button type="submit" class="kern-btn kern-btn--primary" aria-describedby="submit-hint">
            <span class="kern-label">{t('imports.submit')}</span>
          </button>
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

export interface PreviewPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  uploadId: string;
  outcome: ImportOutcome;
  /** Confirming found problems the preview had not shown. */
  changedSince?: boolean;
  /** The file of rejected rows with what is wrong (rejected.ts), when rows were rejected. */
  rejectedHref?: string;
}

/** What importing the uploaded file would do, with its rejected rows; confirm or discard. */
export function PreviewPage({ t, language, csrfToken, uploadId, outcome, changedSince, rejectedHref }: PreviewPageProps) {
  // in the order of the file, whatever order the checks found them in (sort is stable)
  const problems = outcome.problems.filter((problem) => problem.code !== 'more_problems').sort((a, b) => a.line - b.line);
  const hiddenProblems = outcome.problems.reduce((sum, problem) => sum + (problem.more ?? 0), 0);
  const hasProblems = outcome.problems.length > 0;
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('imports.preview.title', { file: outcome.fileName })}</h1>
      <p class="kern-body--large">{t('imports.preview.kind', { label: kindLabel(t, outcome.kind) })}</p>
      {hasProblems && <ProblemSummary t={t} language={language} problems={problems} total={problems.length + hiddenProblems} />}
      {changedSince && <Alert kind="warning">{t('imports.preview.changedSince')}</Alert>}
      <Counts t={t} language={language} outcome={outcome} partial={hasProblems} />
      <NewOrganisations t={t} outcome={outcome} />
      {hasProblems ? (
        <>
          <ProblemTable t={t} language={language} fileName={outcome.fileName} problems={problems} more={outcome.problems.find((problem) => problem.code === 'more_problems')} />
          <Alert kind="warning">
            <p>{t('imports.preview.nothingStored')}</p>
            {rejectedHref && (
              <p>
                <a class="kern-link" href={rejectedHref} download>
                  {t('imports.preview.rejectedDownload')}
                </a>{' '}
                {t('imports.preview.rejectedHint')}
              </p>
            )}
          </Alert>
          <div class="kern-btn-wrapper">
            <a class="kern-btn kern-btn--primary" href={`/imports?kind=${outcome.kind}`}>
              <span class="kern-label">{t('imports.preview.uploadCorrected')}</span>
            </a>
            <DiscardForm t={t} csrfToken={csrfToken} uploadId={uploadId} />
          </div>
        </>
      ) : (
        <div class="kern-stack-sm">
          <p id="confirm-hint">{t('imports.preview.confirmHint')}</p>
          <div class="kern-btn-wrapper">
            <form method="post" action={`/imports/${uploadId}/confirm`} class="mosaik-inline-form">
              <CsrfField token={csrfToken} />
              <button type="submit" class="kern-btn kern-btn--primary" aria-describedby="confirm-hint">
                <span class="kern-label">{t('imports.preview.confirm')}</span>
              </button>
            </form>
            <DiscardForm t={t} csrfToken={csrfToken} uploadId={uploadId} />
          </div>
        </div>
      )}
    </div>
  );
}

function DiscardForm({ t, csrfToken, uploadId }: { t: Translate; csrfToken: string; uploadId: string }) {
  return (
    <form method="post" action={`/imports/${uploadId}/discard`} class="mosaik-inline-form">
      <CsrfField token={csrfToken} />
      <button type="submit" class="kern-btn kern-btn--secondary">
        <span class="kern-label">{t('imports.preview.discard')}</span>
      </button>
    </form>
  );
}

/** The first problems, each linking to its row, then a link to the whole table. */
function ProblemSummary({ t, language, problems, total }: { t: Translate; language: Language; problems: ImportProblem[]; total: number }) {
  const shown = problems.slice(0, 5).map((problem, index) => ({
    field: `problem-${index}`,
    message: t(problem.line > 0 ? 'imports.preview.problemLink' : 'imports.preview.fileProblemLink', { line: problem.line, message: problem.message[messageLanguage(language)] }),
  }));
  const errors = total > shown.length ? [...shown, { field: 'problems', message: t('imports.preview.allProblems') }] : shown;
  return <ErrorSummary title={t('imports.preview.problemsTitle', { count: total })} errors={errors} />;
}

function Counts({ t, language, outcome, partial }: { t: Translate; language: Language; outcome: ImportOutcome; partial: boolean }) {
  const n = numberFormat(language);
  const entries: [string, number][] = [
    ['rows', outcome.rows],
    ['created', outcome.created],
    ['updated', outcome.updated],
    ['unchanged', outcome.unchanged],
    ['matched', outcome.matchedOrganisations],
    ['newOrganisationCount', outcome.newOrganisations.length],
  ];
  return (
    <section class="kern-stack-sm" aria-labelledby="counts-title">
      <h2 class="kern-heading-medium" id="counts-title">
        {t('imports.preview.countsTitle')}
      </h2>
      {!partial && <p>{t('imports.preview.intro')}</p>}
      <dl class="kern-description-list" id="counts">
        {entries.map(([key, value]) => (
          <div class="kern-description-list-item" key={key}>
            <dt class="kern-description-list-item__key">{t(`imports.preview.${key}`)}</dt>
            <dd class="kern-description-list-item__value" data-count={key}>
              {n.format(value)}
            </dd>
          </div>
        ))}
      </dl>
      {partial && <p class="kern-hint">{t('imports.preview.countsPartial')}</p>}
    </section>
  );
}

function NewOrganisations({ t, outcome }: { t: Translate; outcome: ImportOutcome }) {
  if (outcome.newOrganisations.length === 0) {
    return outcome.matchedOrganisations > 0 ? <p>{t('imports.preview.noNewOrganisations')}</p> : null;
  }
  return (
    <section class="kern-stack-sm" aria-labelledby="new-organisations-title">
      <h2 class="kern-heading-medium" id="new-organisations-title">
        {t('imports.preview.newOrganisationsTitle')}
      </h2>
      <p>{t('imports.preview.newOrganisationsIntro')}</p>
      <Table
        caption={t('imports.preview.newOrganisationsCaption')}
        captionVisible
        tableProps={{ id: 'new-organisations' }}
        rows={outcome.newOrganisations}
        rowKey={(organisation) => organisation.normalisedName}
        columns={[
          { key: 'name', label: t('imports.preview.name'), rowHeader: true, cell: (organisation) => organisation.name },
          { key: 'lines', label: t('imports.preview.lines'), cell: (organisation) => organisation.lines.join(', ') },
        ]}
      />
    </section>
  );
}

/** `more` is the "… and N more" entry when the list was capped. */
function ProblemTable({ t, language, fileName, problems, more }: { t: Translate; language: Language; fileName: string; problems: ImportProblem[]; more?: ImportProblem }) {
  const say = messageLanguage(language);
  return (
    <section class="kern-stack-sm" aria-labelledby="problems-title">
      <h2 class="kern-heading-medium" id="problems-title">
        {t('imports.preview.problemsHeading')}
      </h2>
      {/* the error summary's "all problems" link lands here */}
      <div id="problems" tabIndex={-1}>
        <Table
          caption={t('imports.preview.problemsCaption', { file: fileName })}
          captionVisible
          rows={problems}
          rowKey={(_, index) => index}
          // each row is a target of the error summary's links
          rowProps={(_, index) => ({ id: `problem-${index}`, tabIndex: -1 })}
          columns={[
            { key: 'line', label: t('imports.preview.line'), numeric: true, cell: (problem) => (problem.line > 0 ? problem.line : t('imports.preview.wholeFile')) },
            { key: 'column', label: t('imports.preview.column'), cell: (problem) => problem.column ?? t('imports.preview.noColumn') },
            { key: 'message', label: t('imports.preview.message'), cell: (problem) => problem.message[say] },
          ]}
        />
      </div>
      {more && <p>{more.message[say]}</p>}
    </section>
  );
}

/** Unknown, expired or someone else's upload. */
export function UploadMissing({ t, reason }: { t: Translate; reason: 'missing' | 'notYours' }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t(`imports.${reason}.title`)}</h1>
      <Alert kind="danger">
        <p>{t(`imports.${reason}.text`)}</p>
      </Alert>
      <p>
        <a class="kern-link" href="/imports">
          {t('imports.missing.back')}
        </a>
      </p>
    </div>
  );
}

export interface JobPageProps {
  t: Translate;
  language: Language;
  fileName: string;
  dryRun: boolean;
  status: 'queued' | 'running' | 'failed';
  progress: number;
  failure: { de: string; en: string } | null;
  refreshSeconds: number;
}

/**
 * A long import in the background. The page reloads itself (Refresh header and
 * meta refresh, no JavaScript needed) until the job is done, then shows the
 * preview or the stored result in its place.
 */
export function JobPage({ t, language, fileName, dryRun, status, progress, failure, refreshSeconds }: JobPageProps) {
  const title = t(dryRun ? 'imports.job.checkingTitle' : 'imports.job.storingTitle', { file: fileName });
  return (
    <div class="kern-stack-md">
      {status !== 'failed' && <meta http-equiv="refresh" content={String(refreshSeconds)} />}
      <h1 class="kern-heading-large">{title}</h1>
      {status === 'failed' ? (
        <Alert kind="danger">
          <p>{failure ? failure[messageLanguage(language)] : ''}</p>
        </Alert>
      ) : (
        <div class="kern-stack-sm" role="status">
          <p>{t('imports.job.progress', { percent: numberFormat(language).format(progress) })}</p>
          <progress max={100} value={progress}>
            {progress} %
          </progress>
          <p class="kern-body kern-body--small">{t('imports.job.refreshHint', { seconds: refreshSeconds })}</p>
        </div>
      )}
      <p>
        <a class="kern-link" href="/imports">
          {t('imports.missing.back')}
        </a>
      </p>
    </div>
  );
}
