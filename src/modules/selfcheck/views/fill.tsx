import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Alert, CsrfField, ErrorSummary, type FieldError } from '../../../ui/forms.js';
import { answerName, idOf, noteMax, noteName } from '../form.js';
import { textIn, type Area, type ItemVersion } from '../items.js';
import type { CheckHead, GivenAnswer } from '../queries.js';
import { answers, type Answer } from '../tables.js';

/**
 * The representative's pages: the start (their organisations, their checks),
 * one area of a check per page (a phone shows one fieldset per item, four
 * choices and a note behind a "details" that works without JavaScript), and
 * the check's overview with the submit button.
 */

export interface OrganisationEntry {
  id: number;
  name: string;
  draftId: number | null;
  latest: { id: number; submittedOn: string } | null;
}

export const easyQuery = (easy: boolean, first = true) => (easy ? `${first ? '?' : '&'}easy=1` : '');

export function EasySwitch({ t, easy, href }: { t: Translate; easy: boolean; href: string }) {
  return (
    <p>
      <a class="kern-link" href={`${href}${easy ? '' : `${href.includes('?') ? '&' : '?'}easy=1`}`} lang={easy ? undefined : 'de'}>
        {easy ? t('selfcheck.easy.off') : t('selfcheck.easy.on')}
      </a>
    </p>
  );
}

export function StartPage({ t, csrfToken, token, organisations, done }: { t: Translate; csrfToken: string; token: string; organisations: OrganisationEntry[]; done?: string }) {
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('selfcheck.start.title')}</h1>
      {done === 'discarded' && <Alert kind="success">{t('selfcheck.start.discarded')}</Alert>}
      <p class="kern-body">{t('selfcheck.start.intro')}</p>
      <p class="kern-body">{t('selfcheck.start.noGrade')}</p>
      {organisations.length === 0 && <Alert kind="info">{t('selfcheck.start.noOrganisation')}</Alert>}
      {organisations.map((organisation) => (
        <section class="kern-stack-sm" aria-labelledby={`organisation-${organisation.id}`} key={organisation.id}>
          <h2 class="kern-heading-medium" id={`organisation-${organisation.id}`}>{organisation.name}</h2>
          {organisation.latest ? (
            <p class="kern-body">
              {t('selfcheck.start.latest', { date: organisation.latest.submittedOn })}{' '}
              <a class="kern-link" href={`/selfcheck/checks/${organisation.latest.id}`}>{t('selfcheck.start.showResult')}</a>{' · '}
              <a class="kern-link" href={`/selfcheck/organisations/${organisation.id}`}>{t('selfcheck.start.history')}</a>
            </p>
          ) : (
            <p class="kern-body">{t('selfcheck.start.none')}</p>
          )}
          {organisation.draftId ? (
            <LinkButton href={`/selfcheck/checks/${organisation.draftId}`}>{t('selfcheck.start.continue')}</LinkButton>
          ) : (
            <form method="post" action="/selfcheck/start">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="organisation_id" value={String(organisation.id)} />
              <Button>{organisation.latest ? t('selfcheck.start.again') : t('selfcheck.start.begin')}</Button>
            </form>
          )}
        </section>
      ))}
    </div>
  );
}

interface AreaPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  head: CheckHead;
  area: Area;
  position: number;
  areaCount: number;
  items: ItemVersion[];
  given: Map<string, { answer: Answer | null; note: string | null }>;
  errors: FieldError[];
  easy: boolean;
}

export function AreaPage({ t, language, csrfToken, head, area, position, areaCount, items, given, errors, easy }: AreaPageProps) {
  const action = `/selfcheck/checks/${head.id}/areas/${area.key}`;
  const errorOf = (name: string) => errors.find((error) => error.field === idOf(name))?.message;
  return (
    <div class="kern-stack">
      <p class="kern-body kern-body--small">{t('selfcheck.area.progress', { position, count: areaCount, organisation: head.organisationName })}</p>
      <h1 class="kern-heading-large" lang={easy ? 'de' : undefined}>{textIn(area.titles, language, easy)}</h1>
      <ErrorSummary title={t('selfcheck.errors.title')} errors={errors} />
      <EasySwitch t={t} easy={easy} href={action} />
      <p class="kern-body">{t('selfcheck.area.hint')}</p>
      <form method="post" action={`${action}${easyQuery(easy)}`} class="kern-stack" novalidate>
        <CsrfField token={csrfToken} />
        {items.map((item) => {
          const name = answerName(item.key);
          const current = given.get(item.key);
          const error = errorOf(name);
          const noteError = errorOf(noteName(item.key));
          return (
            <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} key={item.key} aria-describedby={error ? `${idOf(name)}-error` : undefined}>
              <legend class="kern-label" lang={easy ? 'de' : undefined}>{textIn(item.texts, language, easy)}</legend>
              {error && <p class="kern-error" id={`${idOf(name)}-error`}>{error}</p>}
              <div class="kern-fieldset__body">
                {answers.map((answer, index) => {
                  const id = index === 0 ? idOf(name) : `${idOf(name)}-${answer}`;
                  return (
                    <div class="kern-form-check" key={answer}>
                      <input class="kern-form-check__radio" type="radio" id={id} name={name} value={answer} checked={current?.answer === answer} />
                      <label class="kern-label" for={id}>{t(`selfcheck.answers.${answer}`)}</label>
                    </div>
                  );
                })}
              </div>
              <details class="mosaik-selfcheck-note" open={Boolean(current?.note) || Boolean(noteError)}>
                <summary class="kern-link">{t('selfcheck.area.addNote')}</summary>
                <div class={`kern-form-input${noteError ? ' kern-form-input--error' : ''}`}>
                  <label class="kern-label" for={idOf(noteName(item.key))}>{t('selfcheck.area.note')}</label>
                  <div class="kern-hint" id={`${idOf(noteName(item.key))}-hint`}>{t('selfcheck.area.noteHint', { max: noteMax })}</div>
                  {noteError && <p class="kern-error" id={`${idOf(noteName(item.key))}-error`}>{noteError}</p>}
                  <textarea class={`kern-form-input__input${noteError ? ' kern-form-input__input--error' : ''}`} id={idOf(noteName(item.key))} name={noteName(item.key)} rows={3} aria-describedby={`${idOf(noteName(item.key))}-hint`}>{current?.note ?? ''}</textarea>
                </div>
              </details>
            </fieldset>
          );
        })}
        <div class="mosaik-actions">
          <Button name="then" value="next">{position < areaCount ? t('selfcheck.area.saveNext') : t('selfcheck.area.saveFinish')}</Button>
          <Button kind="secondary" name="then" value="overview">{t('selfcheck.area.saveDraft')}</Button>
        </div>
      </form>
      <p><a class="kern-link" href={`/selfcheck/checks/${head.id}${easyQuery(easy)}`}>{t('selfcheck.area.back')}</a></p>
    </div>
  );
}

interface DraftPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  head: CheckHead;
  areas: { area: Area; answered: number; items: number }[];
  unanswered: string[];
  easy: boolean;
  done?: string;
}

export function DraftPage({ t, language, csrfToken, head, areas, unanswered, easy, done }: DraftPageProps) {
  const total = areas.reduce((sum, entry) => sum + entry.items, 0);
  const answered = areas.reduce((sum, entry) => sum + entry.answered, 0);
  const errors = unanswered.map((key) => ({ field: `area-${key}`, message: t('selfcheck.errors.unansweredArea', { area: textIn(areas.find((entry) => entry.area.key === key)?.area.titles ?? {}, language, easy) }) }));
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('selfcheck.draft.title', { organisation: head.organisationName })}</h1>
      {done === 'saved' && <Alert kind="success">{t('selfcheck.draft.saved')}</Alert>}
      <ErrorSummary title={t('selfcheck.errors.submitTitle')} errors={errors} />
      <p class="kern-body">{t('selfcheck.draft.progress', { answered, total })}</p>
      {head.withAdviser && <p class="kern-body">{t('selfcheck.draft.withAdviser')}</p>}
      <ol class="kern-list mosaik-selfcheck-areas">
        {areas.map((entry) => (
          <li key={entry.area.key} id={`area-${entry.area.key}`}>
            <a class="kern-link" href={`/selfcheck/checks/${head.id}/areas/${entry.area.key}${easyQuery(easy)}`} lang={easy ? 'de' : undefined}>{textIn(entry.area.titles, language, easy)}</a>{' '}
            <span class={entry.answered === entry.items ? 'mosaik-selfcheck-complete' : ''}>{t('selfcheck.draft.areaProgress', { answered: entry.answered, total: entry.items })}</span>
          </li>
        ))}
      </ol>
      <form method="post" action={`/selfcheck/checks/${head.id}/submit`}>
        <CsrfField token={csrfToken} />
        <p class="kern-body">{t('selfcheck.draft.submitHint')}</p>
        <Button>{t('selfcheck.draft.submit')}</Button>
      </form>
      <form method="post" action={`/selfcheck/checks/${head.id}/discard`}>
        <CsrfField token={csrfToken} />
        <Button kind="tertiary">{t('selfcheck.draft.discard')}</Button>
      </form>
    </div>
  );
}

export const givenMap = (answered: readonly GivenAnswer[]) => new Map(answered.map((entry) => [entry.item.key, { answer: entry.answer as Answer | null, note: entry.note }]));
