import { publicLanguages, textDirection, type Language, type Translate } from '../../../i18n/index.js';
import { Table } from '../../../ui/table.js';
import type { NumberFormats } from '../../reports/index.js';
import type { FeedbackEvent, FormQuestion } from '../queries.js';
import { questionText } from '../translations.js';
import { PrintStylesheet } from './shared.js';
import { Button } from '../../../ui/button.js';

const languageNames: Record<Language, string> = { de: 'Deutsch', en: 'English', tr: 'Türkçe', ar: 'العربية', ru: 'Русский', uk: 'Українська' };

export interface PaperProps {
  t: Translate;
  /** The form's own language (the page around it stays in the staff language). */
  formT: Translate;
  formLanguage: Language;
  formats: NumberFormats;
  event: FeedbackEvent;
  questions: FormQuestion[];
  online: { url: string; qrSvg: string };
}

/** The printable one-page A4 form, like the report's: tick boxes per grade, lines for open answers. */
export function PaperPage({ t, formT, formLanguage, formats, event, questions, online }: PaperProps) {
  const ratings = questions.filter((question) => question.kind === 'rating');
  const others = questions.filter((question) => question.kind !== 'rating');
  const box = <span class="feedback-paper__box" aria-hidden="true" />;
  return (
    <div class="kern-stack-lg">
      <PrintStylesheet />
      <div class="mosaik-no-print kern-stack-md">
        <h1 class="kern-heading-large">{t('feedback.paper.title', { title: event.title })}</h1>
        <form method="get" action={`/events/${event.id}/feedback/paper`} class="mosaik-inline-form">
          <div class="kern-form-input">
            <label class="kern-label" for="language">
              {t('feedback.paper.language')}
            </label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="language" name="language">
                {publicLanguages.map((language) => (
                  <option key={language} value={language} selected={language === formLanguage} lang={language}>
                    {languageNames[language]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Button kind="secondary">{t('feedback.paper.show')}</Button>
        </form>
        <p class="kern-body--small">{t('feedback.paper.print')}</p>
      </div>
      <article class="feedback-paper" lang={formLanguage} dir={textDirection(formLanguage)} aria-label={formT('feedback.paperForm.heading')}>
        <h2 class="kern-heading-medium">{formT('feedback.paperForm.heading')}</h2>
        <p class="kern-body kern-body--bold">
          {event.title} – {formats.day(event.start_date)}
        </p>
        <p class="kern-body--small">{formT('feedback.paperForm.anonymous')}</p>
        <p class="kern-body">{formT('feedback.form.scaleHint')}</p>
        {ratings.length > 0 && (
          <Table
            caption={formT('feedback.paperForm.heading')}
            className="feedback-paper__ratings"
            small={false}
            rows={ratings}
            rowKey={(question) => question.id}
            columns={[
              {
                key: 'question',
                label: formT('feedback.form.title', { title: '' }),
                headerHidden: true,
                rowHeader: true,
                cell: (question, index) => (
                  <>
                    {index + 1}. {questionText(question.texts, formLanguage)}
                  </>
                ),
              },
              ...[1, 2, 3, 4, 0].map((grade) => ({
                key: `grade-${grade}`,
                label: grade === 0 ? formT('feedback.noAnswer') : `${grade} ${formT(`feedback.grades.${grade}`)}`,
                header:
                  grade === 0 ? undefined : (
                    <>
                      {grade}
                      <br />
                      <span class="feedback-paper__grade">{formT(`feedback.grades.${grade}`)}</span>
                    </>
                  ),
                cell: () => box,
              })),
            ]}
          />
        )}
        {others.map((question) =>
          question.kind === 'yes_no' ? (
            <p key={question.id} class="kern-body feedback-paper__yes-no">
              {questionText(question.texts, formLanguage)} {box} {formT('feedback.yes')} {box} {formT('feedback.no')}
            </p>
          ) : (
            <div key={question.id} class="feedback-paper__open">
              <p class="kern-body">{questionText(question.texts, formLanguage)}</p>
              <div class="feedback-paper__lines" aria-hidden="true" />
            </div>
          ),
        )}
        <div class="feedback-paper__online">
          <div class="feedback-paper__qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: online.qrSvg }} />
          <p class="kern-body--small">
            {formT('feedback.paperForm.online')} <span dir="ltr">{online.url}</span>
          </p>
        </div>
        <p class="kern-body kern-body--bold">{formT('feedback.paperForm.thanks')}</p>
      </article>
    </div>
  );
}
