import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Alert, CsrfField, DateField, FieldGroup } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { Input, Select, TextArea } from '../../identity/index.js';
import type { FormBody } from '../input.js';
import type { Finding } from '../portrait.js';
import { interviewChannels, interviewKinds } from '../tables.js';
import type { GuideRow, InterviewRow } from '../workspace-queries.js';
import { day, errorOf, Page, Prose, type FieldError } from './parts.js';
import { DescriptionList, Detail } from '../../../ui/description-list.js';

export function InterviewsPage({ t, language, rows, notice }: { t: Translate; language: Language; rows: InterviewRow[]; notice?: string }) {
  const i = (key: string, options?: Record<string, unknown>) => t(`evaluation.interviews.${key}`, options);
  return (
    <Page t={t} title={i('title')} current="interviews" notice={notice}>
      <p class="kern-body">{i('intro')}</p>
      <p class="kern-body">
        <LinkButton href="/evaluation/interviews/new">{i('new')}</LinkButton>
      </p>
      <Table
        caption={i('title')}
        rows={rows}
        rowKey={(row) => row.id}
        empty={<p class="kern-body">{i('none')}</p>}
        columns={[
          {
            key: 'date',
            label: i('heldOn'),
            rowHeader: true,
            cell: (row) => (
              <a class="kern-link" href={`/evaluation/interviews/${row.id}`}>
                {day(language, row.heldOn)}
              </a>
            ),
          },
          { key: 'kind', label: i('kind'), cell: (row) => i(`kinds.${row.kind}`) },
          { key: 'channel', label: i('channel'), cell: (row) => i(`channels.${row.channel}`) },
          { key: 'organisation', label: i('organisation'), cell: (row) => (row.organisation ? <code>{row.organisation}</code> : '–') },
          { key: 'guide', label: i('guide'), cell: (row) => i('guideVersion', { title: row.guideTitle, version: row.guideVersion }) },
          { key: 'consent', label: i('consent'), cell: (row) => i('consentShort', { date: day(language, row.consentSignedOn), version: row.consentVersion }) },
          { key: 'notes', label: i('notes'), cell: (row) => (row.consentWithdrawnOn ? i('withdrawnShort', { date: day(language, row.consentWithdrawnOn) }) : row.notesErased ? i('notesErased') : row.notes ? i('notesKept') : '–') },
        ]}
      />
    </Page>
  );
}

interface InterviewFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  guides: GuideRow[];
  interview?: InterviewRow;
  values?: FormBody;
  errors: FieldError[];
  warnings: Finding[];
  notice?: string;
}

export function InterviewForm({ t, language, csrfToken, guides, interview, values, errors, warnings, notice }: InterviewFormProps) {
  const i = (key: string, options?: Record<string, unknown>) => t(`evaluation.interviews.${key}`, options);
  const value = (name: string, fallback: string | number | null | undefined) => {
    const given = values?.[name];
    return given === undefined ? String(fallback ?? '') : Array.isArray(given) ? given.join('\n') : given;
  };
  const current = guides.filter((guide) => !guide.superseded || guide.id === interview?.guideId);
  const consented = values ? values.consent === 'yes' : interview !== undefined;
  return (
    <Page t={t} title={interview ? i('editTitle') : i('newTitle')} current="interviews" errors={errors} notice={notice}>
      <p class="kern-body">
        <a class="kern-link" href="/evaluation/interviews">
          {i('back')}
        </a>
      </p>
      {warnings.length > 0 && (
        <Alert kind="warning">
          <p class="kern-body">{i('warningsTitle')}</p>
          <ul class="kern-list">
            {warnings.map((finding) => (
              <li key={finding.kind}>{t(`evaluation.portrait.${finding.kind}`, { value: finding.value })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {interview?.consentWithdrawnOn ? (
        <WithdrawnInterview t={t} language={language} interview={interview} />
      ) : guides.length === 0 ? (
        <p class="kern-body">
          {i('noGuides')}{' '}
          <a class="kern-link" href="/evaluation/guides/new">
            {i('newGuide')}
          </a>
        </p>
      ) : (
        <form method="post" action={interview ? `/evaluation/interviews/${interview.id}` : '/evaluation/interviews'} class="kern-stack-lg" novalidate>
          <CsrfField token={csrfToken} />
          <FieldGroup legend={i('record')}>
            <DateField t={t} language={language} name="heldOn" label={i('heldOn')} value={value('heldOn', interview?.heldOn)} error={errorOf(errors, 'heldOn')} />
            <Select name="kind" label={i('kind')} value={value('kind', interview?.kind ?? 'association')} error={errorOf(errors, 'kind')} options={interviewKinds.map((kind) => ({ value: kind, label: i(`kinds.${kind}`) }))} />
            <Select name="channel" label={i('channel')} value={value('channel', interview?.channel ?? 'in_person')} error={errorOf(errors, 'channel')} options={interviewChannels.map((channel) => ({ value: channel, label: i(`channels.${channel}`) }))} />
            <Input name="durationMinutes" type="number" label={i('duration')} hint={i('durationHint')} value={value('durationMinutes', interview?.durationMinutes)} error={errorOf(errors, 'durationMinutes')} />
            <Select
              name="guideId"
              label={i('guide')}
              value={value('guideId', interview?.guideId ?? current[0]?.id)}
              error={errorOf(errors, 'guideId')}
              options={current.map((guide) => ({ value: String(guide.id), label: i('guideVersion', { title: guide.title, version: guide.version }) }))}
            />
            <Input name="organisation" label={i('organisation')} hint={i('organisationHint')} value={value('organisation', interview?.organisation)} error={errorOf(errors, 'organisation')} />
          </FieldGroup>
          <FieldGroup legend={i('consentTitle')}>
            <p class="kern-body">{i('consentIntro')}</p>
            <div class={`kern-form-check${errorOf(errors, 'consent') ? ' kern-form-check--error' : ''}`}>
              {errorOf(errors, 'consent') && (
                <p class="kern-error" id="consent-error">
                  {errorOf(errors, 'consent')}
                </p>
              )}
              <input class="kern-form-check__checkbox" type="checkbox" id="consent" name="consent" value="yes" checked={consented} aria-describedby={errorOf(errors, 'consent') ? 'consent-error' : undefined} />
              <label class="kern-label" for="consent">
                {i('consentGiven')}
              </label>
            </div>
            <DateField t={t} language={language} name="consentSignedOn" label={i('consentSignedOn')} value={value('consentSignedOn', interview?.consentSignedOn)} error={errorOf(errors, 'consentSignedOn')} />
            <Input name="consentVersion" label={i('consentVersion')} hint={i('consentVersionHint')} value={value('consentVersion', interview?.consentVersion)} error={errorOf(errors, 'consentVersion')} />
            <Select name="consentScope" label={i('consentScope')} value="evaluation_only" options={[{ value: 'evaluation_only', label: i('scopeEvaluationOnly') }]} />
          </FieldGroup>
          <FieldGroup legend={i('contentTitle')}>
            <Alert kind="info">{i('noAudio')}</Alert>
            {interview?.notesErased ? (
              <p class="kern-body">{i('notesErasedLong')}</p>
            ) : (
              <TextArea name="notes" label={i('notes')} hint={i('notesHint')} value={value('notes', interview?.notes)} rows={10} />
            )}
            <TextArea name="portrait" label={i('portrait')} hint={i('portraitHint')} value={value('portrait', interview?.portrait)} error={errorOf(errors, 'portrait')} rows={6} />
          </FieldGroup>
          <Button>{i('save')}</Button>
        </form>
      )}
      {interview && !interview.consentWithdrawnOn && (
        <form method="post" action={`/evaluation/interviews/${interview.id}/withdraw`} class="kern-stack-sm" novalidate>
          <CsrfField token={csrfToken} />
          <FieldGroup legend={i('withdrawTitle')}>
            <p class="kern-body">{i('withdrawIntro')}</p>
            <DateField t={t} language={language} name="withdrawnOn" label={i('withdrawnOn')} value={value('withdrawnOn', '')} error={errorOf(errors, 'withdrawnOn')} />
          </FieldGroup>
          <Button kind="secondary">{i('withdraw')}</Button>
        </form>
      )}
    </Page>
  );
}

/** What is left of an interview whose consent was withdrawn: the bare facts, no form. */
function WithdrawnInterview({ t, language, interview }: { t: Translate; language: Language; interview: InterviewRow }) {
  const i = (key: string, options?: Record<string, unknown>) => t(`evaluation.interviews.${key}`, options);
  return (
    <>
      <Alert kind="info">{i('withdrawnLong', { date: day(language, interview.consentWithdrawnOn!) })}</Alert>
      <DescriptionList>
        <Detail label={i('heldOn')}>{day(language, interview.heldOn)}</Detail>
        <Detail label={i('kind')}>{i(`kinds.${interview.kind}`)}</Detail>
        <Detail label={i('guide')}>{i('guideVersion', { title: interview.guideTitle, version: interview.guideVersion })}</Detail>
      </DescriptionList>
    </>
  );
}

export function GuidesPage({ t, language, rows, notice }: { t: Translate; language: Language; rows: GuideRow[]; notice?: string }) {
  const g = (key: string, options?: Record<string, unknown>) => t(`evaluation.guides.${key}`, options);
  return (
    <Page t={t} title={g('title')} current="guides" notice={notice}>
      <p class="kern-body">{g('intro')}</p>
      <p class="kern-body">
        <LinkButton href="/evaluation/guides/new">{g('new')}</LinkButton>
      </p>
      <Table
        caption={g('title')}
        rows={rows}
        rowKey={(row) => row.id}
        empty={<p class="kern-body">{g('none')}</p>}
        columns={[
          {
            key: 'title',
            label: g('guideTitle'),
            rowHeader: true,
            cell: (row) => (
              <a class="kern-link" href={`/evaluation/guides/${row.id}`}>
                {row.title}
              </a>
            ),
          },
          { key: 'version', label: g('version'), numeric: true, cell: (row) => row.version },
          { key: 'state', label: g('state'), cell: (row) => (row.superseded ? g('superseded') : g('current')) },
          { key: 'kind', label: g('kind'), cell: (row) => t(`evaluation.interviews.kinds.${row.kind}`) },
          { key: 'date', label: g('created'), cell: (row) => day(language, row.createdAt.toISOString().slice(0, 10)) },
          { key: 'interviews', label: g('interviews'), numeric: true, cell: (row) => row.interviews },
        ]}
      />
    </Page>
  );
}

export function GuideForm({ t, csrfToken, guide, values, errors }: { t: Translate; csrfToken: string; guide?: GuideRow; values?: FormBody; errors: FieldError[] }) {
  const g = (key: string, options?: Record<string, unknown>) => t(`evaluation.guides.${key}`, options);
  const value = (name: string, fallback: string | undefined) => {
    const given = values?.[name];
    return given === undefined ? (fallback ?? '') : Array.isArray(given) ? given.join('\n') : given;
  };
  return (
    <Page t={t} title={guide ? g('editTitle', { title: guide.title, version: guide.version }) : g('newTitle')} current="guides" errors={errors}>
      <p class="kern-body">
        <a class="kern-link" href="/evaluation/guides">
          {g('back')}
        </a>
      </p>
      {guide && <p class="kern-body">{guide.superseded ? g('oldVersion') : g('newVersionNote')}</p>}
      {guide && <Prose text={guide.questions} />}
      <form method="post" action={guide ? `/evaluation/guides/${guide.id}` : '/evaluation/guides'} class="kern-stack-lg" novalidate>
        <CsrfField token={csrfToken} />
        <Select name="kind" label={g('kind')} value={value('kind', guide?.kind ?? 'association')} error={errorOf(errors, 'kind')} options={interviewKinds.map((kind) => ({ value: kind, label: t(`evaluation.interviews.kinds.${kind}`) }))} />
        <Input name="title" label={g('guideTitle')} value={value('title', guide?.title)} error={errorOf(errors, 'title')} />
        <TextArea name="questions" label={g('questions')} hint={g('questionsHint')} value={value('questions', guide?.questions)} error={errorOf(errors, 'questions')} rows={12} />
        <Button>{guide ? g('saveVersion') : g('save')}</Button>
      </form>
    </Page>
  );
}
