import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { formatInstant } from '../../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary } from '../../../ui/forms.js';
import type { Dossier } from '../dossier.js';
import type { FormError } from '../form.js';
import { longestSection, type SavedReport } from '../report.js';
import { reportSections, type ReportSections } from '../sachbericht.js';
import { errorOf, summaryErrors, TextAreaField } from './parts.js';
import { LanguageLinks } from './project.js';

/**
 * The Sachbericht on the project: the association's representative and the
 * adviser complete Mosaik's draft section by section and save it; everyone
 * who reads the project reads it. One column of text areas, no JavaScript:
 * it reads and saves on a 390 px phone.
 */

export interface ReportPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  dossier: Dossier;
  header: string[];
  /** what the form holds: the saved text, the prefilled draft, or what was typed */
  sections: ReportSections;
  saved: SavedReport | null;
  /** the version the form was edited from (0: none saved yet) */
  version: number;
  errors: FormError[];
  /** another save came first: the version saved meanwhile */
  conflict?: SavedReport;
  done?: string;
  mayKeep: boolean;
}

const Prose = ({ text }: { text: string }) => <p class="kern-body" style="white-space: pre-wrap">{text || '–'}</p>;

export function ReportPage({ t, language, csrfToken, dossier, header, sections, saved, version, errors, conflict, done, mayKeep }: ReportPageProps) {
  const s = (key: string, values?: Record<string, unknown>) => t(`microprojects.sachbericht.${key}`, values);
  const when = (report: SavedReport) => formatInstant(report.savedAt, language, { time: 'short' });
  const { project } = dossier;
  const title = (key: string, index: number) => `${index + 1}. ${s(key)}`;
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href={`/microprojects/${project.id}`}>{t('microprojects.money.back', { project: project.title })}</a></p>
      <h1 class="kern-heading-large">{s('pageTitle')}</h1>
      {mayKeep && <LanguageLinks t={t} language={language} path={`/microprojects/${project.id}/sachbericht`} />}
      {done === 'report' && <Alert kind="success">{s('savedNow')}</Alert>}
      {conflict && (
        <Alert kind="danger">
          <span data-conflict="true">{s('conflict', { who: conflict.savedBy ?? '—', when: when(conflict) })}</span>
        </Alert>
      )}
      <ErrorSummary title={t('microprojects.form.errorTitle')} errors={summaryErrors(t, errors)} />
      <p data-report={saved ? 'saved' : 'draft'}>
        {saved ? s('savedBy', { who: saved.savedBy ?? '—', when: when(saved), version: saved.version }) : s('notSaved')}
      </p>
      <p>{header.map((line, index) => (index === 0 ? <strong key={index}>{line}</strong> : <><br />{line}</>))}</p>
      {mayKeep ? (
        <form method="post" action={`/microprojects/${project.id}/sachbericht`} class="kern-stack-sm" noValidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(version)} />
          <p>{s('intro')}</p>
          {reportSections.map((key, index) => (
            <TextAreaField key={key} name={key} label={title(key, index)} value={sections[key]} hint={s('sectionHint', { max: longestSection })} error={errorOf(t, errors, key)} rows={7} />
          ))}
          <Button>{s('save')}</Button>
        </form>
      ) : (
        reportSections.map((key, index) => (
          <section key={key} class="kern-stack-xs">
            <h2 class="kern-heading-small">{title(key, index)}</h2>
            <Prose text={sections[key]} />
          </section>
        ))
      )}
      {conflict && (
        <section aria-labelledby="saved-meanwhile" class="kern-stack-sm">
          <h2 class="kern-heading-medium" id="saved-meanwhile">{s('meanwhile')}</h2>
          {reportSections.map((key, index) => (
            <div key={key}>
              <h3 class="kern-heading-small">{title(key, index)}</h3>
              <Prose text={conflict.sections[key]} />
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
