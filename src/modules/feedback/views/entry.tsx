import type { Translate } from '../../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, type FieldError, inputClass } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { fieldOf } from '../answers.js';
import type { ResponseListItem } from '../evaluation.js';
import { ratingNumbers, type FeedbackEvent, type FormQuestion } from '../queries.js';
import { questionText } from '../translations.js';
import { PrintStylesheet } from './shared.js';
import { Button } from '../../../ui/button.js';

export interface EntryProps {
  t: Translate;
  language: 'de' | 'en';
  csrfToken: string;
  event: FeedbackEvent;
  questions: FormQuestion[];
  responses: ResponseListItem[];
  values?: Record<string, string>;
  errors?: FieldError[];
  notice?: string;
}

/** The short column label of a question: q1…qn for ratings (as on the import), j/n, Text 1…. */
export function cellLabel(questions: FormQuestion[], question: FormQuestion, language: 'de' | 'en'): string {
  if (question.kind === 'rating') return `q${ratingNumbers(questions).get(question.id)}`;
  const sameKind = questions.filter((item) => item.kind === question.kind);
  const index = sameKind.indexOf(question) + 1;
  const suffix = sameKind.length > 1 ? ` ${index}` : '';
  if (question.kind === 'yes_no') return (language === 'en' ? 'y/n' : 'j/n') + suffix;
  return `Text${sameKind.length > 1 ? ` ${index}` : ''}`;
}

/**
 * Keyboard-fast entry of paper forms: one form per row, a cell per question,
 * Tab from cell to cell, Enter saves the row; the page comes back with the
 * cursor in the first cell of the next row (autofocus, no script needed).
 */
export function EntryPage({ t, language, csrfToken, event, questions, responses, values = {}, errors = [], notice }: EntryProps) {
  const errorFields = new Set(errors.map((error) => error.field));
  const firstError = questions.find((question) => errorFields.has(fieldOf(question)));
  const focus = firstError ?? questions[0];
  return (
    <div class="kern-stack-lg">
      <PrintStylesheet />
      <h1 class="kern-heading-large">{t('feedback.entry.title', { title: event.title })}</h1>
      <p class="kern-body">{t('feedback.entry.help')}</p>
      <p class="kern-body kern-body--bold">{t('feedback.scale')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary title={t('feedback.staffErrors.title')} errors={errors} />
      <form method="post" action={`/events/${event.id}/feedback/entry`} class="feedback-entry-row" aria-label={t('feedback.entry.newRow')}>
        <CsrfField token={csrfToken} />
        {questions.map((question) => {
          const field = fieldOf(question);
          const error = errorFields.has(field);
          return (
            <div key={question.id} class={`feedback-entry-cell feedback-entry-cell--${question.kind}`}>
              <label class="kern-label" for={field}>
                {cellLabel(questions, question, language)}
                <span class="kern-sr-only">: {questionText(question.texts, language)}</span>
              </label>
              <input
                class={inputClass(error)}
                type="text"
                id={field}
                name={field}
                value={values[field] ?? ''}
                size={question.kind === 'open' ? 24 : 2}
                inputMode={question.kind === 'rating' ? 'numeric' : undefined}
                autocomplete="off"
                autoFocus={question === focus}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'error-summary-title' : undefined}
              />
            </div>
          );
        })}
        <div class="feedback-entry-cell">
          <Button>{t('feedback.entry.save')}</Button>
        </div>
      </form>
      <section aria-labelledby="entered-title">
        <h2 id="entered-title" class="kern-heading-medium">
          {t('feedback.entry.entered')} ({responses.length})
        </h2>
        {responses.length === 0 ? (
          <p class="kern-body">{t('feedback.entry.none')}</p>
        ) : (
          <Table
            caption={t('feedback.entry.entered')}
            rows={responses}
            rowKey={(response) => response.id}
            rowProps={(response) => ({ 'data-response': response.response_key })}
            columns={[
              { key: 'key', label: t('feedback.entry.key'), rowHeader: true, cell: (response) => response.response_key },
              { key: 'channel', label: t('feedback.entry.channel'), cell: (response) => t(`feedback.channels.${response.channel}`) },
              // the header is the short label (F1, F2 …); on a phone each answer is named by its whole question
              ...questions.map((question) => ({
                key: `question-${question.id}`,
                label: questionText(question.texts, language),
                header: <abbr title={questionText(question.texts, language)}>{cellLabel(questions, question, language)}</abbr>,
                cell: (response: ResponseListItem) => shown(t, response.answers[question.id]),
              })),
              {
                key: 'delete',
                label: t('feedback.entry.delete'),
                headerHidden: true,
                action: true,
                cell: (response) => (
                  <form method="post" action={`/events/${event.id}/feedback/entry/${response.id}/delete`}>
                    <CsrfField token={csrfToken} />
                    <Button kind="tertiary" size="x-small" aria-label={t('feedback.entry.deleteLabel', { key: response.response_key })}>{t('feedback.entry.delete')}</Button>
                  </form>
                ),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}

function shown(t: Translate, value: string | undefined): string {
  if (value === undefined) return '–';
  if (value === 'yes') return t('feedback.yes');
  if (value === 'no') return t('feedback.no');
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
