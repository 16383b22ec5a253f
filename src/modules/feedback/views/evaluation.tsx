import type { Translate } from '../../../i18n/index.js';
import { Table } from '../../../ui/table.js';
import type { NumberFormats } from '../../reports/index.js';
import { smallSample, type EventEvaluation } from '../evaluation.js';
import type { FeedbackEvent } from '../queries.js';
import { questionText } from '../translations.js';
import { DistributionBar, Legend, PrintStylesheet } from './shared.js';

export interface EvaluationProps {
  t: Translate;
  language: 'de' | 'en';
  formats: NumberFormats;
  event: FeedbackEvent;
  evaluation: EventEvaluation;
  /** Only staff see the online link, QR code and entry links. */
  staff: { url: string; qrSvg: string } | null;
  /** Funder and evaluator see figures only, never the free-text answers. */
  showOpenAnswers?: boolean;
}

export function EvaluationPage({ t, language, formats, event, evaluation, staff, showOpenAnswers = true }: EvaluationProps) {
  const ratings = evaluation.questions.filter((item) => item.question.kind === 'rating');
  const yesNo = evaluation.questions.filter((item) => item.question.kind === 'yes_no');
  // open answers are free text that may name people: not for readers of aggregate figures only
  const open = showOpenAnswers ? evaluation.questions.filter((item) => item.question.kind === 'open') : [];
  const text = (texts: Record<string, string>) => questionText(texts, language);
  const anySmall = ratings.some((item) => item.mean !== null && item.n < smallSample);
  return (
    <div class="kern-stack-lg">
      <PrintStylesheet />
      <h1 class="kern-heading-large">{t('feedback.evaluation.title', { title: event.title })}</h1>
      <p class="kern-body">{t('feedback.evaluation.eventLine', { date: formats.day(event.start_date), place: event.municipality ?? '' })}</p>
      <p class="kern-body" data-testid="forms">
        <strong>{t('feedback.evaluation.forms')}:</strong> {formats.count(evaluation.forms)}
        {evaluation.forms > 0 &&
          ` (${t('feedback.evaluation.formsByChannel')} ${Object.entries(evaluation.byChannel)
            .map(([channel, count]) => `${t(`feedback.channels.${channel}`)} ${formats.count(count)}`)
            .join(', ')})`}
      </p>
      <p class="kern-body kern-body--bold">{t('feedback.scale')}</p>
      {evaluation.forms === 0 && <p class="kern-body">{t('feedback.evaluation.none')}</p>}
      {ratings.length > 0 && evaluation.forms > 0 && (
        <Table
          caption={t('feedback.evaluation.ratingsCaption')}
          captionVisible
          className="feedback-ratings"
          rows={ratings}
          rowKey={(item) => item.question.id}
          rowProps={(_, index) => ({ 'data-question': index + 1 })}
          columns={[
            {
              key: 'question',
              label: t('feedback.evaluation.question'),
              rowHeader: true,
              cell: (item, index) => (
                <>
                  {index + 1}. {text(item.question.texts)}
                </>
              ),
            },
            { key: 'n', label: t('feedback.evaluation.n'), numeric: true, cell: (item) => formats.count(item.n) },
            { key: 'noAnswer', label: t('feedback.evaluation.noAnswer'), numeric: true, cell: (item) => formats.count(item.noAnswer) },
            {
              key: 'mean',
              label: t('feedback.evaluation.mean'),
              numeric: true,
              cellProps: () => ({ 'data-mean': '' }),
              cell: (item) => (
                <>
                  {item.mean === null ? '–' : formats.decimal(item.mean)}
                  {item.mean !== null && item.n < smallSample && <span class="mosaik-muted-marker"> {t('feedback.evaluation.smallMark')}</span>}
                </>
              ),
            },
            ...[1, 2, 3, 4].map((grade) => ({
              key: `grade-${grade}`,
              label: t('feedback.evaluation.grade', { grade }),
              numeric: true,
              cell: (item: (typeof ratings)[number]) => formats.count(item.grades[grade - 1]),
            })),
            {
              key: 'distribution',
              label: t('feedback.evaluation.distribution'),
              cell: (item) => (
                <DistributionBar
                  counts={item.grades}
                  none={item.noAnswer}
                  label={t('feedback.evaluation.chartLabel', { question: text(item.question.texts), g1: item.grades[0], g2: item.grades[1], g3: item.grades[2], g4: item.grades[3], none: item.noAnswer })}
                />
              ),
            },
          ]}
        />
      )}
      {ratings.length > 0 && evaluation.forms > 0 && <Legend t={t} />}
      {anySmall && <p class="kern-body--small">{t('feedback.evaluation.small')}</p>}
      {yesNo.length > 0 && evaluation.forms > 0 && (
        <section aria-labelledby="yes-no-title">
          <h2 id="yes-no-title" class="kern-heading-medium">
            {t('feedback.evaluation.yesNoTitle')}
          </h2>
          <ul class="kern-list">
            {yesNo.map((item) => (
              <li key={item.question.id}>
                {text(item.question.texts)} – {t('feedback.evaluation.yesNo', { yes: item.yes, no: item.no, none: item.noAnswer })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {open.length > 0 && evaluation.forms > 0 && (
        <section aria-labelledby="open-title" class="kern-stack-md">
          <h2 id="open-title" class="kern-heading-medium">
            {t('feedback.evaluation.openTitle')}
          </h2>
          {open.map((item) => (
            <div key={item.question.id}>
              <h3 class="kern-heading-small">{text(item.question.texts)}</h3>
              {item.texts.length === 0 ? (
                <p class="kern-body">{t('feedback.evaluation.noTexts')}</p>
              ) : (
                <ul class="kern-list">
                  {item.texts.map((answer, index) => (
                    <li key={index}>
                      {answer}
                      {/* staff may turn an open answer into a need or concern (src/modules/concerns): the link names the answer, not the respondent */}
                      {staff && item.responseIds[index] ? (
                        <>
                          {' '}
                          <a class="kern-link kern-body--small" href={`/concerns/new?response=${item.responseIds[index]}&question=${item.question.id}`} data-answer-entry>
                            {t('concerns.links.fromAnswer')}
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
      {staff && (
        <section aria-labelledby="online-title" class="kern-stack-md">
          <h2 id="online-title" class="kern-heading-medium">
            {t('feedback.evaluation.onlineTitle')}
          </h2>
          <p class="kern-body">
            {t('feedback.evaluation.onlineText')}{' '}
            <a class="kern-link" href={staff.url} data-testid="online-link">
              {staff.url}
            </a>
          </p>
          <div class="feedback-qr" role="img" aria-label={t('feedback.evaluation.qrLabel', { url: staff.url })} dangerouslySetInnerHTML={{ __html: staff.qrSvg }} />
          <h2 class="kern-heading-medium">{t('feedback.evaluation.actions')}</h2>
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={`/events/${event.id}/feedback/entry`}>
                {t('feedback.evaluation.entry')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/events/${event.id}/feedback/paper`}>
                {t('feedback.evaluation.paper')}
              </a>
            </li>
            <li>
              <a class="kern-link" href="/feedback/annex">
                {t('feedback.evaluation.annex')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/feedback/templates/${event.format}`}>
                {t('feedback.evaluation.templates')}
              </a>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
