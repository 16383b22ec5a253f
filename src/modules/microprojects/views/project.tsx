import { publicLanguages, textDirection, type Language, type Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, DateField, ErrorSummary } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { ChecklistTask, TaskGroup } from '../checklist.js';
import type { Dossier } from '../dossier.js';
import type { FormError } from '../form.js';
import { stages } from '../tables.js';
import { day, errorOf, euros, SelectField, summaryErrors } from './parts.js';
import { WarningList } from './money.js';
import { Button } from '../../../ui/button.js';
import { TagSection, type Tagging } from './tags.js';

/** Links to the same page in the six languages of the association's pages. */
export function LanguageLinks({ t, language, path }: { t: Translate; language: Language; path: string }) {
  return (
    <nav aria-label={t('microprojects.languages')}>
      <ul class="mosaik-languages">
        {publicLanguages.filter((other) => other !== language).map((other) => (
          <li key={other}>
            <a class="kern-link" href={`${path}?lang=${other}`} lang={other} hreflang={other} dir={textDirection(other)}>
              {t(`microprojects.languageNames.${other}`, { lng: other })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface ProjectPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  dossier: Dossier;
  path: string;
  mayKeep: boolean;
  mayManage: boolean;
  done?: string;
  errors: FormError[];
  /** Staff only: the tags of chapter 5.6 with the suggestions. */
  tagging?: Tagging;
}

const groups: TaskGroup[] = ['application', 'approval', 'minijob', 'running', 'proof'];

function TaskRow({ t, language, csrfToken, task, projectId, mayKeep }: { t: Translate; language: Language; csrfToken: string; task: ChecklistTask; projectId: number; mayKeep: boolean }) {
  const name = t(`microprojects.tasks.${task.key}`);
  return (
    <li id={`task-${task.key}`} data-task={task.key} data-state={task.state} class="kern-stack-xs">
      <div>
        <strong>{name}</strong>
        {task.optional && ` (${t('microprojects.checklist.optional')})`}
      </div>
      <div class="kern-body--small">{t(`microprojects.taskHints.${task.key}`)}</div>
      <div>
        {t(`microprojects.checklist.state.${task.state}`, { due: day(task.due, language) })}
        {task.state !== 'done' && task.due && ` · ${t('microprojects.checklist.due', { due: day(task.due, language) })}`}
      </div>
      {mayKeep && (
        <form method="post" action={`/microprojects/${projectId}/tasks`} class="mosaik-inline-form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="task" value={task.key} />
          <input type="hidden" name="done" value={task.done ? 'no' : 'yes'} />
          <button type="submit" class={`kern-btn kern-btn--${task.done ? 'tertiary' : 'secondary'}`}>
            <span class="kern-label">{t(task.done ? 'microprojects.checklist.reopen' : 'microprojects.checklist.tick', { task: name })}</span>
          </button>
        </form>
      )}
    </li>
  );
}

export function ProjectPage({ t, language, csrfToken, dossier, path, mayKeep, mayManage, done, errors, tagging }: ProjectPageProps) {
  const { project, rule } = dossier;
  const p = (key: string, values?: Record<string, unknown>) => t(`microprojects.project.${key}`, values);
  const facts: [string, string][] = [
    [p('organisation'), project.organisation_name],
    [p('year'), String(project.year)],
    [p('stage'), t(`microprojects.stages.${project.stage}`) + (project.approved_on ? ` (${p('noticeOf', { date: day(project.approved_on, language) })})` : '')],
    [p('type'), t(`microprojects.applicationTypes.${project.application_type}`)],
    [p('period'), project.starts_on ? `${day(project.starts_on, language)} – ${day(project.ends_on, language)}` : p('noPeriod')],
    [p('deadline'), rule ? day(rule.application_deadline, language) : p('noRules', { year: project.year })],
    [p('proofDue'), day(dossier.proofDue, language)],
    [p('adviser'), project.adviser_name ?? '—'],
    [p('integrationOffice'), project.integration_office || '—'],
    [p('contacts'), dossier.contacts.map((contact) => contact.name).join(', ') || '—'],
    [p('grant'), project.grant_application_id ? p('grantLinked', { id: project.grant_application_id }) : p('grantNone')],
  ];
  return (
    <div class="kern-stack-lg">
      <p>
        <a class="kern-link" href="/microprojects">{p('back')}</a>
      </p>
      <h1 class="kern-heading-large">{project.title}</h1>
      {mayKeep && !mayManage && <LanguageLinks t={t} language={language} path={path} />}
      {done && <Alert kind="success">{t(`microprojects.done.${done}`, { defaultValue: t('microprojects.done.saved') })}</Alert>}
      <ErrorSummary title={t('microprojects.form.errorTitle')} errors={summaryErrors(t, errors)} />
      {project.summary && <p>{project.summary}</p>}
      <dl class="mosaik-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {project.previous_project_id && (
        <p>
          <a class="kern-link" href={`/microprojects/${project.previous_project_id}`}>{p('previous')}</a>
        </p>
      )}
      <section aria-labelledby="budget" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="budget">{p('budget')}</h2>
        <Table
          caption={p('budget')}
          columns={[
            { key: 'line', label: p('line'), rowHeader: true, cell: (row) => t(`microprojects.lines.${row.line}`) },
            { key: 'planned', label: p('planned'), numeric: true, cell: (row) => euros(row.planned, language) },
            { key: 'actual', label: p('actual'), numeric: true, cell: (row) => euros(row.actual, language) },
          ]}
          rows={dossier.money.lines}
          rowKey={(row) => row.line}
        />
        <WarningList t={t} language={language} warnings={dossier.money.warnings} />
        <ul class="kern-list">
          <li><a class="kern-link" href={`/microprojects/${project.id}/receipts`}>{p('receipts', { count: dossier.receipts.length })}</a></li>
          <li><a class="kern-link" href={`/microprojects/${project.id}/sachbericht`}>{p('sachbericht')}</a></li>
        </ul>
      </section>
      <section aria-labelledby="checklist" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="checklist">{p('checklist')}</h2>
        <p>
          <a class="kern-link" href={`/microprojects/${project.id}/due-dates.ics?lang=${language}`} type="text/calendar">{p('calendar')}</a>
        </p>
        {groups.map((group) => {
          const tasks = dossier.tasks.filter((task) => task.group === group);
          if (tasks.length === 0) return null;
          return (
            <div key={group} class="kern-stack-sm">
              <h3 class="kern-heading-small">{t(`microprojects.groups.${group}`)}</h3>
              <ul class="kern-list kern-stack-sm">
                {tasks.map((task) => <TaskRow key={task.key} t={t} language={language} csrfToken={csrfToken} task={task} projectId={project.id} mayKeep={mayKeep} />)}
              </ul>
            </div>
          );
        })}
      </section>
      {mayKeep && (
        <section aria-labelledby="documents-title" id="documents" class="kern-stack-sm">
          <h2 class="kern-heading-medium" id="documents-title">{p('documents')}</h2>
          <p>{p('documentsIntro')}</p>
          {dossier.documents.length > 0 && (
            <ul class="kern-list">
              {dossier.documents.map((document) => (
                <li key={document.id}>
                  <a class="kern-link" href={`/microprojects/${project.id}/documents/${document.id}`}>{document.file_name}</a> ({Math.ceil(document.size_bytes / 1024)} KB)
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/microprojects/${project.id}/documents`} enctype="multipart/form-data" class="kern-stack-sm">
            <CsrfField token={csrfToken} />
            <div class={`kern-form-input${errorOf(t, errors, 'document') ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for="document">{t('microprojects.fields.document')}</label>
              <div class="kern-hint" id="document-hint">{p('documentHint')}</div>
              {errorOf(t, errors, 'document') && <p class="kern-error" id="document-error">{errorOf(t, errors, 'document')}</p>}
              <input class="kern-form-input__input" type="file" id="document" name="document" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" aria-describedby={errorOf(t, errors, 'document') ? 'document-hint document-error' : 'document-hint'} />
            </div>
            <Button kind="secondary">{p('upload')}</Button>
          </form>
        </section>
      )}
      {tagging && <TagSection t={t} language={language} csrfToken={csrfToken} projectId={project.id} tagging={tagging} errors={errors} />}
      {mayManage && (
        <section aria-labelledby="stage-title" class="kern-stack-sm">
          <h2 class="kern-heading-medium" id="stage-title">{p('changeStage')}</h2>
          <form method="post" action={`/microprojects/${project.id}/stage`} class="kern-stack-sm" noValidate>
            <CsrfField token={csrfToken} />
            <SelectField name="stage" label={t('microprojects.fields.stage')} value={project.stage} error={errorOf(t, errors, 'stage')} options={stages.map((stage) => ({ value: stage, label: t(`microprojects.stages.${stage}`) }))} />
            <DateField t={t} language={language} name="approved_on" label={t('microprojects.fields.approved_on')} value={project.approved_on ?? ''} error={errorOf(t, errors, 'approved_on')} />
            <Button>{p('saveStage')}</Button>
          </form>
          <p><a class="kern-link" href={`/microprojects/${project.id}/edit`}>{p('edit')}</a></p>
          <form method="post" action={`/microprojects/${project.id}/follow-up`}>
            <CsrfField token={csrfToken} />
            <Button kind="secondary">{p('followUp')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="timeline" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="timeline">{p('timeline')}</h2>
        <Table
          caption={p('timeline')}
          columns={[
            { key: 'day', label: p('day'), cell: (entry) => day(entry.day, language) },
            { key: 'kind', label: p('kind'), cell: (entry) => t(`microprojects.timeline.${entry.kind}`) },
            { key: 'label', label: p('what'), cell: (entry) => entry.label },
            { key: 'persons', label: p('persons'), numeric: true, cell: (entry) => (entry.persons === null ? '—' : String(entry.persons)) },
          ]}
          rows={dossier.timeline}
          rowKey={(entry) => `${entry.kind}-${entry.id}`}
          empty={<p>{p('noTimeline')}</p>}
        />
      </section>
    </div>
  );
}
