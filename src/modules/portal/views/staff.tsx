import type { Language, Translate } from '../../../i18n/index.js';
import { Choices } from '../../../ui/choices.js';
import { formatInstant } from '../../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { PageDraft } from '../commands.js';
import { pagePaths, sourceLanguage, translationLanguages, type PageKey, type TranslationStatus } from '../pages.js';
import type { PageOverview, PageVersion, versionHistory } from '../queries.js';
import { Button, LinkButton } from '../../../ui/button.js';

const editPath = (pageKey: string, language: string) => `/admin/pages/${pageKey}/${language}`;

function StatusTag({ t, status }: { t: Translate; status: TranslationStatus }) {
  const kind = status === 'upToDate' ? 'success' : status === 'outdated' ? 'warning' : 'danger';
  return <span class={`kern-badge kern-badge--${kind}`} data-status={status}><span class="kern-label kern-label--small">{t(`portal.statuses.${status}`)}</span></span>;
}

export function PagesList({ t, pages }: { t: Translate; pages: PageOverview[] }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('portal.staff.title')}</h1>
      <p class="kern-body">{t('portal.staff.intro')}</p>
      <Table
        caption={t('portal.staff.caption')}
        rows={pages}
        rowKey={(page) => page.pageKey}
        rowProps={(page) => ({ 'data-page': page.pageKey })}
        columns={[
          { key: 'page', label: t('portal.staff.page'), rowHeader: true, cell: (page) => <a class="kern-link" href={editPath(page.pageKey, sourceLanguage)}>{t(`portal.pageNames.${page.pageKey}`)}</a> },
          {
            key: 'de',
            label: t('portal.staff.german'),
            cell: (page) => (page.german ? `${t('portal.staff.revision')} ${page.german.revision}: ${t(page.german.draftAhead ? (page.german.published ? 'portal.staff.draftAhead' : 'portal.staff.unpublished') : 'portal.staff.published')}` : t('portal.staff.notWritten')),
          },
          ...translationLanguages.map((language) => ({
            key: language,
            label: t(`portal.languages.${language}`),
            cell: (page: PageOverview) => (
              <a class="kern-link" href={editPath(page.pageKey, language)} data-language={language}>
                <StatusTag t={t} status={page.translations[language]} />
                <span class="kern-sr-only"> – {t('portal.staff.edit', { page: t(`portal.pageNames.${page.pageKey}`), language: t(`portal.languages.${language}`) })}</span>
              </a>
            ),
          })),
        ]}
      />
    </div>
  );
}

export interface EditPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  pageKey: PageKey;
  pageLanguage: Language;
  /** What the form shows: the latest version, or what the editor sent (errors, conflict). */
  draft: PageDraft;
  latest: PageVersion | undefined;
  german: PageVersion | undefined;
  status: TranslationStatus | null;
  history: Awaited<ReturnType<typeof versionHistory>>;
  errors: FieldError[];
  notices: string[];
  conflict?: PageVersion;
}

function EditForm({ t, csrfToken, pageKey, pageLanguage, draft, errors }: Pick<EditPageProps, 't' | 'csrfToken' | 'pageKey' | 'pageLanguage' | 'draft' | 'errors'>) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <form method="post" action={editPath(pageKey, pageLanguage)} class="kern-stack-sm" lang={pageLanguage}>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="baseRevision" value={String(draft.baseRevision)} />
      <TextField name="title" label={t('portal.staff.fieldTitle')} value={draft.title} error={errorOf('title')} />
      <TextField name="description" label={t('portal.staff.fieldDescription')} hint={t('portal.staff.descriptionHint')} value={draft.description} error={errorOf('description')} />
      <FieldFrame name="body" label={t('portal.staff.fieldBody')} hint={t('portal.staff.bodyHint')} error={errorOf('body')}>
        {(describedBy) => (
          <textarea class={inputClass(errorOf('body'))} id="body" name="body" rows={16} aria-describedby={describedBy} aria-invalid={errorOf('body') ? 'true' : undefined} dir="auto">
            {draft.body}
          </textarea>
        )}
      </FieldFrame>
      {pageLanguage === sourceLanguage && draft.baseRevision > 0 && (
        <Choices name="minor" legend={t('portal.staff.fieldMinor')} type="checkbox" options={[['1', t('portal.staff.minorMark')]]} checked={draft.minor ? ['1'] : []} />
      )}
      <Button>{t('portal.staff.save')}</Button>
    </form>
  );
}

function History({ t, language, history }: Pick<EditPageProps, 't' | 'language' | 'history'>) {
  return (
    <Table
      caption={t('portal.staff.historyCaption')}
      captionVisible
      rows={history}
      rowKey={(row) => row.revision}
      columns={[
        { key: 'revision', label: t('portal.staff.revision'), rowHeader: true, numeric: true, cell: (row) => row.revision },
        { key: 'title', label: t('portal.staff.fieldTitle'), cell: (row) => row.title },
        { key: 'savedAt', label: t('portal.staff.savedAt'), cell: (row) => formatInstant(row.created_at, language, { time: 'short' }) },
        { key: 'author', label: t('portal.staff.author'), cell: (row) => row.author ?? '–' },
        {
          key: 'state',
          label: t('portal.staff.state'),
          cell: (row) => [row.published_at ? t('portal.staff.publishedAt', { date: formatInstant(row.published_at, language) }) : t('portal.staff.draft'), row.minor ? t('portal.staff.minorMark') : ''].filter(Boolean).join(', '),
        },
      ]}
    />
  );
}

export function EditPage(props: EditPageProps) {
  const { t, csrfToken, pageKey, pageLanguage, latest, german, status, errors, notices, conflict } = props;
  const pageName = t(`portal.pageNames.${pageKey}`);
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('portal.staff.editTitle', { page: pageName, language: t(`portal.languages.${pageLanguage}`) })}</h1>
      <ErrorSummary title={t('portal.staff.errorTitle')} errors={errors} />
      {notices.map((notice) => (
        <Alert kind="success" key={notice}>{notice}</Alert>
      ))}
      {status && <p class="kern-body">{t('portal.staff.status', { status: t(`portal.statuses.${status}`) })} <StatusTag t={t} status={status} /></p>}
      {conflict && (
        <div class="kern-stack-sm" data-conflict>
          <Alert kind="warning">
            <strong>{t('portal.staff.conflictTitle')}</strong> {t('portal.staff.conflictIntro', { revision: conflict.revision })}
          </Alert>
          <h2 class="kern-heading-medium">{t('portal.staff.theirs', { revision: conflict.revision })}</h2>
          <div class="mosaik-portal-compare" lang={pageLanguage} data-theirs>
            <p class="kern-body"><strong>{conflict.title}</strong></p>
            <pre class="mosaik-portal-source">{conflict.body}</pre>
          </div>
          <h2 class="kern-heading-medium">{t('portal.staff.yours')}</h2>
        </div>
      )}
      {pageLanguage !== sourceLanguage && !german && <Alert kind="warning">{t('portal.staff.noGerman')}</Alert>}
      <EditForm {...props} />
      {latest && (
        <div class="mosaik-actions">
          <LinkButton kind="secondary" href={`${editPath(pageKey, pageLanguage)}/preview`}>{t('portal.staff.preview')}</LinkButton>{' '}
          {!latest.published_at && (
            <form method="post" action={`${editPath(pageKey, pageLanguage)}/publish`} class="mosaik-inline-form">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="revision" value={String(latest.revision)} />
              <Button>{t('portal.staff.publish', { revision: latest.revision })}</Button>
            </form>
          )}
        </div>
      )}
      {pageLanguage !== sourceLanguage && german && (
        <details class="kern-stack-sm">
          <summary>{t('portal.staff.germanReference', { revision: german.revision })}</summary>
          <div lang="de" class="kern-body">
            <h2 class="kern-heading-medium">{german.title}</h2>
            <div dangerouslySetInnerHTML={{ __html: german.body }} />
          </div>
        </details>
      )}
      {props.history.length > 0 && <History {...props} />}
      <p class="kern-body--small">
        <a class="kern-link" href={pagePaths[pageKey]}>{pagePaths[pageKey]}</a>
      </p>
    </div>
  );
}

export const previewBanner = (t: Translate, pageKey: PageKey, pageLanguage: Language, revision: number) => (
  <Alert kind="info">
    {t('portal.staff.previewBanner', { revision })}{' '}
    <a class="kern-link" href={editPath(pageKey, pageLanguage)}>{t('portal.staff.backToEdit')}</a>
  </Alert>
);
