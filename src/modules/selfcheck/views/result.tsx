import type { Language, Translate } from '../../../i18n/index.js';
import { Alert } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { textIn, type Area } from '../items.js';
import type { AreaProfile, Difference, Movement } from '../present.js';
import type { CheckHead, GivenAnswer } from '../queries.js';
import type { NextSteps } from '../recommendations.js';
import { answers } from '../tables.js';
import { easyQuery, EasySwitch } from './fill.js';
import { CarryToNeeds } from './needs.js';
import type { CarriableItem } from '../commands/needs.js';

/**
 * A check's result: the profile across the areas (a table, readable on a
 * phone as a list), what moved since the previous check, and for each open
 * item the next steps the centre offers.
 */

interface ResultProps {
  t: Translate;
  language: Language;
  head: CheckHead;
  previous: CheckHead | null;
  profile: AreaProfile[];
  difference: Difference | null;
  given: GivenAnswer[];
  steps: NextSteps[];
  areas: Area[];
  /** Representatives ask for a consultation; staff log one. */
  mayRequest: boolean;
  easy: boolean;
  done?: string;
  /** Staff, the organisation's latest check: the open items to carry into the needs log. */
  needs?: { csrfToken: string; items: CarriableItem[]; done?: { recorded: number; already: number } } | null;
}

export function ProfileTable({ t, language, profile, caption, easy }: { t: Translate; language: Language; profile: AreaProfile[]; caption: string; easy: boolean }) {
  return (
    <Table
      caption={caption}
      captionVisible
      rows={profile}
      rowKey={(row) => row.area.key}
      columns={[
        { key: 'area', label: t('selfcheck.result.area'), rowHeader: true, cell: (row) => <span lang={easy ? 'de' : undefined}>{textIn(row.area.titles, language, easy)}</span> },
        ...answers.map((answer) => ({ key: answer, label: t(`selfcheck.answers.${answer}`), numeric: true, cell: (row: AreaProfile) => String(row.counts[answer]) })),
      ]}
    />
  );
}

const movementMark: Record<Movement, string> = { forward: '↑', back: '↓', same: '=', changed: '↔', new: '+', gone: '−' };

export function DifferenceSection({ t, language, difference, previous, easy }: { t: Translate; language: Language; difference: Difference; previous: CheckHead; easy: boolean }) {
  const moved = difference.items.filter((item) => item.movement !== 'same');
  return (
    <section class="kern-stack-sm" aria-labelledby="section-difference">
      <h2 class="kern-heading-medium" id="section-difference">{t('selfcheck.result.differenceTitle', { date: previous.submittedOn })}</h2>
      <p class="kern-body">{t('selfcheck.result.differenceSummary', { forward: difference.forward, back: difference.back })}</p>
      <Table
        caption={t('selfcheck.result.differenceAreas')}
        rows={difference.areas}
        rowKey={(row) => row.area.key}
        columns={[
          { key: 'area', label: t('selfcheck.result.area'), rowHeader: true, cell: (row) => <span lang={easy ? 'de' : undefined}>{textIn(row.area.titles, language, easy)}</span> },
          { key: 'done', label: t('selfcheck.result.doneBeforeAfter'), numeric: true, cell: (row) => `${row.before.done} → ${row.after.done}` },
          { key: 'forward', label: t('selfcheck.result.forward'), numeric: true, cell: (row) => String(row.forward) },
          { key: 'back', label: t('selfcheck.result.back'), numeric: true, cell: (row) => String(row.back) },
        ]}
      />
      {moved.length === 0 ? (
        <p class="kern-body">{t('selfcheck.result.nothingMoved')}</p>
      ) : (
        <ul class="kern-list" data-difference>
          {moved.map((item) => {
            const entry = item.current ?? item.previous!;
            return (
              <li key={item.itemKey} data-item={item.itemKey} data-movement={item.movement}>
                <span aria-hidden="true">{movementMark[item.movement]} </span>
                <span lang={easy ? 'de' : undefined}>{textIn(entry.item.texts, language, easy)}</span>:{' '}
                {t(`selfcheck.movement.${item.movement}`, {
                  before: item.previous ? t(`selfcheck.answers.${item.previous.answer}`) : '',
                  after: item.current ? t(`selfcheck.answers.${item.current.answer}`) : '',
                })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function StepsOf({ t, step, mayRequest }: { t: Translate; step: NextSteps; mayRequest: boolean }) {
  return (
    <ul class="kern-list">
      {step.events.map((event) => (
        <li key={`event-${event.id}`}>{t('selfcheck.steps.event')}: <a class="kern-link" href={`/calendar/${event.id}`}>{event.title}</a> ({event.startDate})</li>
      ))}
      {step.handouts.map((handout) => (
        <li key={`handout-${handout.id}`}>{t('selfcheck.steps.handout')}: <a class="kern-link" href={`/handouts/${handout.id}`}>{handout.title}</a></li>
      ))}
      {step.wegweiser.map((service) => (
        <li key={`service-${service.id}`}>{t('selfcheck.steps.wegweiser')}: <a class="kern-link" href={`/wegweiser/${service.id}`}>{service.name}</a></li>
      ))}
      {step.wegweiserTopic && step.wegweiser.length > 0 && (
        <li><a class="kern-link" href={`/wegweiser?topic=${encodeURIComponent(step.wegweiserTopic)}`}>{t('selfcheck.steps.moreWegweiser')}</a></li>
      )}
      {step.pinboard.map((entry) => (
        <li key={`pinboard-${entry.kind}`}>{t('selfcheck.steps.pinboard')}: <a class="kern-link" href={entry.href}>{t(`pinboard.kinds.${entry.kind}`)}</a></li>
      ))}
      {mayRequest && (
        <li><a class="kern-link" href={step.consultation.href} data-consultation={step.consultation.topic}>{t('selfcheck.steps.consultation')}</a></li>
      )}
    </ul>
  );
}

export function ResultPage({ t, language, head, previous, profile, difference, given, steps, areas, mayRequest, easy, done, needs }: ResultProps) {
  const stepOf = new Map(steps.map((step) => [step.itemKey, step]));
  const open = given.filter((entry) => stepOf.has(entry.item.key));
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('selfcheck.result.title', { organisation: head.organisationName, date: head.submittedOn })}</h1>
      {done === 'submitted' && <Alert kind="success">{t('selfcheck.result.submitted')}</Alert>}
      <EasySwitch t={t} easy={easy} href={`/selfcheck/checks/${head.id}`} />
      <p class="kern-body">{t('selfcheck.result.intro')}</p>
      <ProfileTable t={t} language={language} profile={profile} caption={t('selfcheck.result.profile')} easy={easy} />
      {difference && previous ? <DifferenceSection t={t} language={language} difference={difference} previous={previous} easy={easy} /> : <p class="kern-body">{t('selfcheck.result.first')}</p>}
      <section class="kern-stack-sm" aria-labelledby="section-steps">
        <h2 class="kern-heading-medium" id="section-steps">{t('selfcheck.steps.title')}</h2>
        {open.length === 0 ? <p class="kern-body">{t('selfcheck.steps.none')}</p> : (
          areas.filter((area) => open.some((entry) => entry.item.areaKey === area.key)).map((area) => (
            <div class="kern-stack-sm" key={area.key} data-steps-area={area.key}>
              <h3 class="kern-heading-small" lang={easy ? 'de' : undefined}>{textIn(area.titles, language, easy)}</h3>
              {open.filter((entry) => entry.item.areaKey === area.key).map((entry) => (
                <div class="kern-stack-xs" key={entry.item.key} data-steps={entry.item.key}>
                  <p class="kern-body"><strong lang={easy ? 'de' : undefined}>{textIn(entry.item.texts, language, easy)}</strong> — {t(`selfcheck.answers.${entry.answer}`)}</p>
                  {entry.note && <p class="kern-body kern-body--small">{t('selfcheck.result.yourNote')}: {entry.note}</p>}
                  <StepsOf t={t} step={stepOf.get(entry.item.key)!} mayRequest={mayRequest} />
                </div>
              ))}
            </div>
          ))
        )}
      </section>
      {needs && needs.items.length > 0 && <CarryToNeeds t={t} language={language} csrfToken={needs.csrfToken} checkId={head.id} items={needs.items} done={needs.done} />}
      <section class="kern-stack-sm" aria-labelledby="section-answers">
        <h2 class="kern-heading-medium" id="section-answers">{t('selfcheck.result.answersTitle')}</h2>
        {areas.map((area) => {
          const inArea = given.filter((entry) => entry.item.areaKey === area.key);
          if (inArea.length === 0) return null;
          return (
            <div key={area.key}>
              <h3 class="kern-heading-small" lang={easy ? 'de' : undefined}>{textIn(area.titles, language, easy)}</h3>
              <ul class="kern-list">
                {inArea.map((entry) => (
                  <li key={entry.item.key}>
                    <span lang={easy ? 'de' : undefined}>{textIn(entry.item.texts, language, easy)}</span>: {t(`selfcheck.answers.${entry.answer}`)}
                    {entry.note && <> — <em>{entry.note}</em></>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <p><a class="kern-link" href={`/selfcheck/organisations/${head.organisationId}${easyQuery(easy)}`}>{t('selfcheck.start.history')}</a></p>
    </div>
  );
}
