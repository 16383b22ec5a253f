import { publicLanguages, type Language, type Translate } from '../../i18n/index.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldFrame, FieldGroup, inputClass, TextField, type FieldError } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import type { findEntryForStaff, openQuestions, staffFaqList } from './queries.js';
import { faqStates } from './tables.js';
import { faqTopics } from './vocabulary.js';
import { Choices } from '../../ui/choices.js';
import { Button } from '../../ui/button.js';

/** The staff pages of the FAQ (German and English). */

type Entry = NonNullable<Awaited<ReturnType<typeof findEntryForStaff>>>;

function FaqLinks({ t }: { t: Translate }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href="/staff/faq/new">{t('faq.staff.new')}</a> · <a class="kern-link" href="/staff/faq/questions">{t('faq.staff.questions')}</a> ·{' '}
      <a class="kern-link" href="/faq">{t('faq.staff.publicPage')}</a>
    </p>
  );
}

export function StaffFaqList({ t, entries, notice }: { t: Translate; entries: Awaited<ReturnType<typeof staffFaqList>>; notice?: string }) {
  return (
    <>
      <h1 class="kern-heading-large">{t('faq.staff.title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <FaqLinks t={t} />
      <Table
        caption={t('faq.staff.title')}
        rows={entries}
        rowKey={(entry) => entry.id}
        rowProps={(entry) => ({ 'data-faq': entry.id })}
        empty={<p class="kern-body">{t('faq.staff.none')}</p>}
        columns={[
          { key: 'question', label: t('faq.fields.question'), rowHeader: true, cell: (e) => <a class="kern-link" href={`/staff/faq/${e.id}`}>{e.question}</a> },
          { key: 'topic', label: t('faq.fields.topic'), cell: (e) => t(`faq.topics.${e.topic}`) },
          { key: 'state', label: t('faq.fields.state'), cell: (e) => t(`faq.states.${e.state}`) },
          { key: 'reviewed', label: t('faq.fields.reviewedOn'), cell: (e) => e.reviewed_on ?? '–' },
          { key: 'languages', label: t('faq.staff.languages'), cell: (e) => e.languages.join(', ') },
          { key: 'helped', label: t('faq.staff.helped'), numeric: true, cell: (e) => t('faq.staff.helpedCounts', { yes: e.helpful, no: e.unhelpful }) },
        ]}
      />
    </>
  );
}

export function FaqEntryForm({ t, language, csrfToken, entry, values, errors }: { t: Translate; language: Language; csrfToken: string; entry?: Entry; values?: Record<string, string>; errors: FieldError[] }) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const initial: Record<string, string> = values ?? {
    topic: entry?.topic ?? '',
    state: entry?.state ?? 'draft',
    reviewedOn: entry?.reviewed_on ?? '',
    position: String(entry?.position ?? 0),
    ...Object.fromEntries((entry?.translations ?? []).flatMap((tr) => [[`question_${tr.language}`, tr.question], [`answer_${tr.language}`, tr.answer]])),
  };
  return (
    <>
      <p class="kern-body"><a class="kern-link" href="/staff/faq">{t('faq.staff.title')}</a></p>
      <h1 class="kern-heading-large">{entry ? t('faq.staff.edit') : t('faq.staff.new')}</h1>
      <ErrorSummary title={t('faq.errors.summary')} errors={errors} />
      <form method="post" action={entry ? `/staff/faq/${entry.id}` : '/staff/faq'} class="kern-stack" novalidate>
        <CsrfField token={csrfToken} />
        <Choices name="topic" type="radio" legend={t('faq.fields.topic')} error={error('topic')} options={faqTopics.map((key) => [key, t(`faq.topics.${key}`)])} checked={[initial.topic]} />
        <Choices name="state" type="radio" legend={t('faq.fields.state')} hint={t('faq.fields.stateHint')} options={faqStates.map((state) => [state, t(`faq.states.${state}`)])} checked={[initial.state]} />
        <DateField name="reviewedOn" label={t('faq.fields.reviewedOn')} value={initial.reviewedOn} error={error('reviewedOn')} t={t} language={language} />
        <TextField name="position" type="number" label={t('faq.fields.position')} value={initial.position} />
        {publicLanguages.map((code) => (
          <FieldGroup key={code} legend={t(`faq.languages.${code}`)}>
            <TextField name={`question_${code}`} label={t('faq.fields.question')} value={initial[`question_${code}`]} error={error(`question_${code}`)} required={code === 'de'} />
            <FieldFrame name={`answer_${code}`} label={t('faq.fields.answer')} hint={t('faq.fields.answerHint')} error={error(`answer_${code}`)}>
              {(describedBy) => (
                <textarea class={inputClass(error(`answer_${code}`))} id={`answer_${code}`} name={`answer_${code}`} rows={6} lang={code} dir={code === 'ar' ? 'rtl' : undefined} aria-describedby={describedBy}>
                  {initial[`answer_${code}`] ?? ''}
                </textarea>
              )}
            </FieldFrame>
          </FieldGroup>
        ))}
        <Button>{t('faq.staff.save')}</Button>
      </form>
    </>
  );
}

export function QuestionQueue({ t, language, csrfToken, questions, notice }: { t: Translate; language: Language; csrfToken: string; questions: Awaited<ReturnType<typeof openQuestions>>; notice?: string }) {
  const when = (date: Date) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(date));
  return (
    <>
      <p class="kern-body"><a class="kern-link" href="/staff/faq">{t('faq.staff.title')}</a></p>
      <h1 class="kern-heading-large">{t('faq.staff.questions')}</h1>
      <p class="kern-body">{t('faq.staff.questionsIntro')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <Table
        caption={t('faq.staff.questions')}
        rows={questions}
        rowKey={(q) => q.id}
        rowProps={(q) => ({ 'data-question': q.id })}
        empty={<p class="kern-body">{t('faq.staff.noQuestions')}</p>}
        columns={[
          { key: 'question', label: t('faq.staff.readerQuestion'), rowHeader: true, cell: (q) => <span lang={q.language}>{q.question}</span> },
          { key: 'entry', label: t('faq.staff.entry'), cell: (q) => <a class="kern-link" href={`/staff/faq/${q.entry_id}`}>{q.entry_question}</a> },
          { key: 'helped', label: t('faq.staff.helped'), cell: (q) => (q.helpful ? t('common.yes') : t('common.no')) },
          { key: 'when', label: t('faq.staff.received'), cell: (q) => `${when(q.created_at)} (${q.language})` },
          {
            key: 'done', label: t('faq.staff.done'), action: true, headerHidden: true,
            cell: (q) => (
              <form method="post" action={`/staff/faq/questions/${q.id}/done`}>
                <CsrfField token={csrfToken} />
                <Button kind="secondary" size="small">{t('faq.staff.markDone')}</Button>
              </form>
            ),
          },
        ]}
      />
    </>
  );
}
