import type { ComponentChildren } from 'preact';
import { eventFormats } from '../../db/tables.js';
import { publicLanguages, type Language, type Translate } from '../../i18n/index.js';
import { Choices } from '../../ui/choices.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import type { MaterialFields } from './form.js';
import { passesPdfBasics } from './pdf-check.js';
import { downloadFacts, downloadPath, formatSize } from './present.js';
import { languageName } from './public-views.js';
import type { MaterialSummary, versionsOf } from './queries.js';
import { Select } from './select.js';
import { materialSizeLimit } from './sniff.js';
import { checklistKeys, checklistLabel, materialTopics } from './vocabulary.js';
import { Button } from '../../ui/button.js';

/** The staff pages of the library (German and English). */

type Version = Awaited<ReturnType<typeof versionsOf>>[number];
const when = (date: Date, language: Language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(date));

/** The basic PDF check as staff read it: three lines, each passed or failed. */
export function PdfCheck({ t, facts }: { t: Translate; facts: { pdf_tagged: boolean | null; pdf_title: string | null; pdf_language: string | null } }) {
  const line = (passed: boolean, text: string) => (
    <li>
      <span class={`kern-badge kern-badge--${passed ? 'success' : 'danger'}`}>
        <span class="kern-label">{passed ? t('materials.check.passed') : t('materials.check.failed')}</span>
      </span>{' '}
      {text}
    </li>
  );
  return (
    <div data-pdf-check={passesPdfBasics(facts) ? 'passed' : 'failed'}>
      <ul class="kern-list">
        {line(facts.pdf_tagged === true, t(facts.pdf_tagged ? 'materials.check.tagged' : 'materials.check.untagged'))}
        {line(facts.pdf_title !== null, facts.pdf_title ? t('materials.check.title', { title: facts.pdf_title }) : t('materials.check.noTitle'))}
        {line(facts.pdf_language !== null, facts.pdf_language ? t('materials.check.language', { language: facts.pdf_language }) : t('materials.check.noLanguage'))}
      </ul>
      {!passesPdfBasics(facts) && <p class="kern-body--small">{t('materials.check.advice')}</p>}
    </div>
  );
}

function StaffLinks({ t }: { t: Translate }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href="/materials/new?kind=file">{t('materials.staff.newFile')}</a> ·{' '}
      <a class="kern-link" href="/materials/new?kind=link">{t('materials.staff.newLink')}</a> ·{' '}
      <a class="kern-link" href="/materials/links">{t('materials.staff.brokenLinks')}</a>
    </p>
  );
}

function checkCell(t: Translate, material: MaterialSummary): ComponentChildren {
  if (material.kind === 'link') {
    if (material.link_ok === null) return t('materials.staff.notChecked');
    return material.link_ok ? t('materials.staff.linkOk') : t('materials.staff.linkBroken', { problem: material.link_problem ?? '' });
  }
  if (material.format !== 'pdf') return '–';
  return passesPdfBasics(material) ? t('materials.check.passed') : t('materials.check.failed');
}

export function StaffListPage({ t, language, materials, title, intro }: { t: Translate; language: Language; materials: MaterialSummary[]; title: string; intro?: string }) {
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      {intro && <p class="kern-body">{intro}</p>}
      <StaffLinks t={t} />
      <Table
        caption={title}
        rows={materials}
        rowKey={(material) => material.id}
        rowProps={(material) => ({ 'data-material': material.id })}
        empty={<p class="kern-body">{t('materials.staff.none')}</p>}
        columns={[
          { key: 'title', label: t('materials.fields.title'), rowHeader: true, cell: (m) => <a class="kern-link" href={`/materials/${m.id}`}>{m.title}</a> },
          { key: 'what', label: t('materials.fields.format'), cell: (m) => downloadFacts(t, language, m) },
          { key: 'language', label: t('materials.fields.language'), cell: (m) => <span lang={m.language}>{languageName(t, m.language)}</span> },
          { key: 'topic', label: t('materials.fields.topic'), cell: (m) => t(`materials.topics.${m.topic}`) },
          { key: 'published', label: t('materials.staff.published'), cell: (m) => (m.published ? t('common.yes') : t('common.no')) },
          { key: 'check', label: t('materials.staff.check'), cell: (m) => checkCell(t, m) },
        ]}
      />
    </>
  );
}

export interface MaterialFormValues extends MaterialFields {
  url?: string;
}

/** The fields every handout has; `kind` adds the file or the address. */
function MaterialFieldset({ t, values, errors }: { t: Translate; values: Partial<MaterialFormValues>; errors: FieldError[] }) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const choose = { value: '', label: t('materials.staff.choose') };
  return (
    <>
      <TextField name="title" label={t('materials.fields.title')} value={values.title} error={error('title')} required />
      <FieldFrame name="description" label={t('materials.fields.description')} hint={t('materials.fields.descriptionHint')}>
        {(describedBy) => (
          <textarea class={inputClass(false)} id="description" name="description" rows={4} aria-describedby={describedBy}>
            {values.description ?? ''}
          </textarea>
        )}
      </FieldFrame>
      <Select name="language" label={t('materials.fields.language')} value={values.language ?? 'de'} error={error('language')} options={publicLanguages.map((code) => ({ value: code, label: languageName(t, code), lang: code }))} />
      <Select name="topic" label={t('materials.fields.topic')} value={values.topic} error={error('topic')} options={[choose, ...materialTopics.map((topic) => ({ value: topic, label: t(`materials.topics.${topic}`) }))]} />
      <Choices name="eventFormats" type="checkbox" legend={t('materials.fields.eventFormats')} options={eventFormats.map((format) => [format, t(`events.formats.${format}`)])} checked={values.eventFormats ?? []} />
      <Choices name="checklistItems" type="checkbox" legend={t('materials.fields.checklistItems')} hint={t('materials.fields.checklistHint')} options={checklistKeys.map((key) => [key, checklistLabel(t, key)])} checked={values.checklistItems ?? []} />
    </>
  );
}

function FileField({ t, error }: { t: Translate; error?: string }) {
  const hint = t('materials.fields.fileHint', { limit: formatSize(materialSizeLimit, 'de') });
  return (
    <FieldFrame name="file" label={t('materials.fields.file')} hint={hint} error={error}>
      {(describedBy) => <input class={inputClass(error)} id="file" name="file" type="file" accept=".pdf,.pptx,.odp,.docx,.odt,.xlsx,.ods" aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />}
    </FieldFrame>
  );
}

export function NewMaterialPage({ t, csrfToken, kind, values, errors }: { t: Translate; csrfToken: string; kind: 'file' | 'link'; values: Partial<MaterialFormValues>; errors: FieldError[] }) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <h1 class="kern-heading-large">{kind === 'file' ? t('materials.staff.newFile') : t('materials.staff.newLink')}</h1>
      <ErrorSummary title={t('materials.errors.summary')} errors={errors} />
      <form method="post" action="/materials" enctype="multipart/form-data" class="kern-stack" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="kind" value={kind} />
        <MaterialFieldset t={t} values={values} errors={errors} />
        {kind === 'file' ? <FileField t={t} error={error('file')} /> : <TextField name="url" type="url" label={t('materials.fields.url')} hint={t('materials.fields.urlHint')} value={values.url} error={error('url')} />}
        <Button>{t('materials.staff.save')}</Button>
      </form>
    </>
  );
}

interface MaterialStaffProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  material: MaterialSummary;
  versions: Version[];
  errors: FieldError[];
  values?: Partial<MaterialFormValues>;
  notice?: string;
}

export function MaterialStaffPage({ t, language, csrfToken, material, versions, errors, values, notice }: MaterialStaffProps) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const current = versions[0];
  return (
    <>
      <p class="kern-body">
        <a class="kern-link" href="/materials">{t('materials.staff.title')}</a>
      </p>
      <h1 class="kern-heading-large">{material.title}</h1>
      <ErrorSummary title={t('materials.errors.summary')} errors={errors} />
      {notice && <Alert kind="success">{notice}</Alert>}
      <p class="kern-body">
        {material.published ? t('materials.staff.isPublished') : t('materials.staff.isDraft')} ·{' '}
        {material.published && <a class="kern-link" href={`/handouts/${material.id}`}>{t('materials.staff.publicPage')}</a>}
      </p>
      <p class="kern-body">
        {t('materials.staff.stableAddress')} <code>{material.kind === 'link' ? material.link_url : downloadPath(material.id)}</code>
      </p>
      {current && current.format === 'pdf' && (
        <section aria-labelledby="pdf-check">
          <h2 class="kern-heading-medium" id="pdf-check">{t('materials.check.heading', { version: current.version_number })}</h2>
          <PdfCheck t={t} facts={current} />
        </section>
      )}
      {material.kind === 'link' && <p class="kern-body">{checkCell(t, material)}{material.link_checked_at && ` (${when(material.link_checked_at, language)})`}</p>}
      <form method="post" action={`/materials/${material.id}/publish`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="published" value={material.published ? 'no' : 'yes'} />
        <button type="submit" class={`kern-btn kern-btn--${material.published ? 'secondary' : 'primary'}`}>
          <span class="kern-label">{material.published ? t('materials.staff.unpublish') : t('materials.staff.publish')}</span>
        </button>
      </form>
      {material.kind === 'file' && (
        <section aria-labelledby="versions">
          <h2 class="kern-heading-medium" id="versions">{t('materials.staff.versions')}</h2>
          <Table
            caption={t('materials.staff.versions')}
            rows={versions}
            rowKey={(v) => v.version_number}
            rowProps={(v) => ({ 'data-version': v.version_number })}
            columns={[
              { key: 'number', label: t('materials.staff.version'), rowHeader: true, cell: (v) => <a class="kern-link" href={`/materials/${material.id}/versions/${v.version_number}/download`}>{t('materials.staff.versionNumber', { number: v.version_number })}</a> },
              { key: 'file', label: t('materials.fields.file'), cell: (v) => `${v.file_name} (${formatSize(v.byte_size, language)}${v.page_count !== null ? `, ${t('materials.public.pages', { count: v.page_count })}` : ''})` },
              { key: 'uploaded', label: t('materials.staff.uploaded'), cell: (v) => when(v.uploaded_at, language) },
              { key: 'note', label: t('materials.fields.note'), cell: (v) => v.note },
            ]}
          />
          <h3 class="kern-heading-small">{t('materials.staff.newVersion')}</h3>
          <p class="kern-body">{t('materials.staff.newVersionHint')}</p>
          <form method="post" action={`/materials/${material.id}/versions`} enctype="multipart/form-data" class="kern-stack" novalidate>
            <CsrfField token={csrfToken} />
            <FileField t={t} error={error('file')} />
            <TextField name="note" label={t('materials.fields.note')} />
            <Button>{t('materials.staff.upload')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="edit">
        <h2 class="kern-heading-medium" id="edit">{t('materials.staff.edit')}</h2>
        <form method="post" action={`/materials/${material.id}/edit`} class="kern-stack" novalidate>
          <CsrfField token={csrfToken} />
          <MaterialFieldset t={t} values={values ?? { ...material, eventFormats: material.event_formats, checklistItems: material.checklist_items }} errors={errors} />
          {material.kind === 'link' && <TextField name="url" type="url" label={t('materials.fields.url')} value={values?.url ?? material.link_url ?? ''} error={error('url')} />}
          <Button>{t('materials.staff.save')}</Button>
        </form>
      </section>
    </>
  );
}
