import type { Language, Translate } from '../../i18n/index.js';
import { Alert } from '../../ui/forms.js';
import { messageLanguage, numberFormat } from './view-text.js';

/** A background import job while it runs, and the page for an upload that is gone or not the reader's. */
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
