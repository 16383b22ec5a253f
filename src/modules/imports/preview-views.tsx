import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import type { ImportOutcome, ImportProblem } from './index.js';
import { kindLabel, messageLanguage, numberFormat } from './view-text.js';
import { Button, LinkButton } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/** The preview of an upload: what confirming would store, the new organisations, and the problems row by row. */
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
            <LinkButton href={`/imports?kind=${outcome.kind}`}>{t('imports.preview.uploadCorrected')}</LinkButton>
            <DiscardForm t={t} csrfToken={csrfToken} uploadId={uploadId} />
          </div>
        </>
      ) : (
        <div class="kern-stack-sm">
          <p id="confirm-hint">{t('imports.preview.confirmHint')}</p>
          <div class="kern-btn-wrapper">
            <form method="post" action={`/imports/${uploadId}/confirm`} class="mosaik-inline-form">
              <CsrfField token={csrfToken} />
              <Button aria-describedby="confirm-hint">{t('imports.preview.confirm')}</Button>
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
      <Button kind="secondary">{t('imports.preview.discard')}</Button>
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
      <DescriptionList id="counts">
        {entries.map(([key, value]) => (
          <Detail key={key} label={t(`imports.preview.${key}`)} data-count={key}>
              {n.format(value)}
            </Detail>
        ))}
      </DescriptionList>
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

