import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { Choices } from '../../../ui/choices.js';
import { Alert, CsrfField, ErrorSummary, TextField } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { ProjectAnalysis } from '../analysis.js';
import type { FormError, FormInput } from '../form.js';
import { tagLabel, type Tag } from '../tags.js';
import { errorOf, SelectField, summaryErrors } from './parts.js';

/** The tags of a project, as staff confirm them; suggestions from the summary are marked. */
export interface Tagging {
  tags: Tag[];
  confirmed: Set<string>;
  suggested: string[];
}

export function TagSection({ t, language, csrfToken, projectId, tagging, errors }: { t: Translate; language: Language; csrfToken: string; projectId: number; tagging: Tagging; errors: FormError[] }) {
  const g = (key: string, values?: Record<string, unknown>) => t(`microprojects.tags.${key}`, values);
  const open = tagging.suggested.filter((key) => !tagging.confirmed.has(key));
  const optionsOf = (kind: Tag['kind']) =>
    tagging.tags.filter((tag) => tag.kind === kind).map((tag): [string, string] => [tag.key, tagging.suggested.includes(tag.key) ? `${tagLabel(tag, language)} (${g('suggested')})` : tagLabel(tag, language)]);
  const labelOf = (key: string) => tagLabel(tagging.tags.find((tag) => tag.key === key) ?? { label_de: key, label_en: key }, language);
  return (
    <section aria-labelledby="tags-title" id="tags" class="kern-stack-sm">
      <h2 class="kern-heading-medium" id="tags-title">{g('title')}</h2>
      <p>{g('intro')}</p>
      {open.length > 0 ? <p>{g('suggestions', { tags: open.map(labelOf).join(', ') })}</p> : <p>{g('noSuggestions')}</p>}
      <form method="post" action={`/microprojects/${projectId}/tags`} class="kern-stack-sm" noValidate>
        <CsrfField token={csrfToken} />
        <Choices name="tags" legend={g('targetGroups')} type="checkbox" options={optionsOf('target_group')} checked={[...tagging.confirmed]} error={errorOf(t, errors, 'tags')} />
        <Choices name="tags" legend={g('goals')} type="checkbox" options={optionsOf('goal')} checked={[...tagging.confirmed]} />
        <div class="mosaik-actions">
          <Button>{g('save')}</Button>
          {open.length > 0 && <Button kind="secondary" name="accept" value="suggestions">{g('accept')}</Button>}
        </div>
      </form>
      <p><a class="kern-link" href="/microprojects/tags">{g('keepList')}</a></p>
    </section>
  );
}

/** The staff-kept list of target groups and goals, with the keywords that suggest each. */
export function TagListPage({ t, language, csrfToken, tags, input, errors, done }: { t: Translate; language: Language; csrfToken: string; tags: Tag[]; input: FormInput; errors: FormError[]; done?: string }) {
  const g = (key: string) => t(`microprojects.tags.${key}`);
  return (
    <div class="kern-stack-lg">
      <p><a class="kern-link" href="/microprojects">{t('microprojects.project.back')}</a></p>
      <h1 class="kern-heading-large">{g('listTitle')}</h1>
      {done && <Alert kind="success">{t('microprojects.done.saved')}</Alert>}
      <ErrorSummary title={t('microprojects.form.errorTitle')} errors={summaryErrors(t, errors)} />
      <p>{g('listIntro')}</p>
      <Table
        caption={g('listTitle')}
        columns={[
          { key: 'label', label: g('label'), rowHeader: true, cell: (tag) => tagLabel(tag, language) },
          { key: 'key', label: g('key'), cell: (tag) => <code>{tag.key}</code> },
          { key: 'kind', label: g('kind'), cell: (tag) => g(tag.kind === 'goal' ? 'goal' : 'targetGroup') },
          { key: 'keywords', label: g('keywords'), cell: (tag) => tag.keywords || '—' },
        ]}
        rows={tags}
        rowKey={(tag) => tag.key}
      />
      <section aria-labelledby="tag-form" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="tag-form">{g('edit')}</h2>
        <form method="post" action="/microprojects/tags" class="kern-stack-sm" noValidate>
          <CsrfField token={csrfToken} />
          <TextField name="key" label={g('key')} value={input.key ?? ''} hint={g('keyHint')} error={errorOf(t, errors, 'key')} />
          <SelectField name="kind" label={g('kind')} value={input.kind ?? 'goal'} error={errorOf(t, errors, 'kind')} options={[{ value: 'target_group', label: g('targetGroup') }, { value: 'goal', label: g('goal') }]} />
          <TextField name="label_de" label={g('labelDe')} value={input.label_de ?? ''} error={errorOf(t, errors, 'label_de')} />
          <TextField name="label_en" label={g('labelEn')} value={input.label_en ?? ''} error={errorOf(t, errors, 'label_en')} />
          <TextField name="keywords" label={g('keywords')} value={input.keywords ?? ''} hint={g('keywordsHint')} error={errorOf(t, errors, 'keywords')} />
          <TextField name="position" label={g('position')} value={input.position ?? ''} hint={g('positionHint')} error={errorOf(t, errors, 'position')} />
          <Button>{g('saveTag')}</Button>
        </form>
      </section>
    </div>
  );
}

/** Chapter 5.6 for a year: the same figures as `report projects`, as tables. */
export function AnalysisPage({ t, language, analysis, tags, years, suppressed }: { t: Translate; language: Language; analysis: ProjectAnalysis; tags: Tag[]; years: number[]; suppressed: string[] }) {
  const a = (key: string, values?: Record<string, unknown>) => t(`microprojects.analysis.${key}`, values);
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE').format(Math.round((100 * part) / whole))}\u00a0%`);
  const labelOf = (key: string) => {
    const tag = tags.find((entry) => entry.key === key);
    return tag ? tagLabel(tag, language) : key;
  };
  const shown = (path: string, value: number) => (suppressed.includes(path) ? a('hidden') : String(value));
  const rows = (counts: Record<string, number>) => Object.entries(counts).map(([key, value]) => ({ key, value }));
  const columns = (base: number) => [
    { key: 'label', label: a('tag'), rowHeader: true, cell: (row: { key: string }) => (row.key.includes('.') ? `– ${labelOf(row.key)}` : labelOf(row.key)) },
    { key: 'value', label: a('projects'), numeric: true, cell: (row: { value: number }) => String(row.value) },
    { key: 'share', label: a('share', { base }), numeric: true, cell: (row: { value: number }) => percent(row.value, base) },
  ];
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{a('title', { year: analysis.year })}</h1>
      <p>{a('intro')}</p>
      <form method="get" action="/microprojects/analysis" class="kern-stack-sm">
        <SelectField name="year" label={a('year')} value={String(analysis.year)} options={years.map((year) => ({ value: String(year), label: String(year) }))} />
        <Button kind="secondary">{a('show')}</Button>
      </form>
      <dl class="mosaik-facts">
        <div><dt>{a('approved')}</dt><dd>{analysis.approved}</dd></div>
        <div><dt>{a('withSummary')}</dt><dd>{analysis.with_summary}</dd></div>
        <div><dt>{a('community')}</dt><dd>{shown('orientation.community', analysis.orientation.community)}{!suppressed.includes('orientation.community') && ` (${percent(analysis.orientation.community, analysis.approved)})`}</dd></div>
        <div><dt>{a('crossCommunity')}</dt><dd>{shown('orientation.cross_community', analysis.orientation.cross_community)}{!suppressed.includes('orientation.cross_community') && ` (${percent(analysis.orientation.cross_community, analysis.approved)})`}</dd></div>
      </dl>
      <p class="kern-body--small">{a('orientationNote')}</p>
      {suppressed.length > 0 && <Alert kind="info">{a('suppressedNote')}</Alert>}
      <Table caption={a('targetGroups')} captionVisible columns={columns(analysis.with_summary)} rows={rows(analysis.target_groups)} rowKey={(row) => row.key} />
      <Table caption={a('goals')} captionVisible columns={columns(analysis.with_summary)} rows={rows(analysis.goals)} rowKey={(row) => row.key} />
      <p>
        <a class="kern-link" href={`/api/v1/reports/projects?year=${analysis.year}`}>{a('json')}</a>
      </p>
    </div>
  );
}
