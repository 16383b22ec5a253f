import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, FieldGroup, inputClass, type FieldError } from '../../../ui/forms.js';
import type { eventForResults } from '../queries.js';
import { entryKinds } from '../tables.js';
import { concernTopics } from '../vocabulary.js';
import { dayText } from './shared.js';

/**
 * "Ergebnisse erfassen": a past workshop's needs and concerns, several at
 * once (one fieldset per row, each with its kind, what, topic and the
 * organisations present that raised it). Works without JavaScript: five
 * empty rows, and "more rows" reloads with five more.
 */

export const resultRowsDefault = 5;

type ResultEvent = NonNullable<Awaited<ReturnType<typeof eventForResults>>>;

export function ResultsPage({ t, language, csrfToken, event, rows, values, errors, past, notice }: { t: Translate; language: Language; csrfToken: string; event: ResultEvent; rows: number; values: Record<string, string | string[]>; errors: FieldError[]; past: boolean; notice?: string }) {
  const value = (name: string) => { const v = values[name]; return Array.isArray(v) ? v[0] ?? '' : v ?? ''; };
  const checked = (name: string) => { const v = values[name]; return Array.isArray(v) ? v : v ? [v] : []; };
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="kern-stack-lg">
      <p class="kern-body"><a class="kern-link" href={`/events/${event.id}`}>{event.title}</a></p>
      <h1 class="kern-heading-large">{t('concerns.results.title', { event: event.title })}</h1>
      <p class="kern-body">{t('concerns.results.intro', { date: dayText(event.start_date, language) })}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {!past && <Alert kind="info">{t('concerns.results.notYet')}</Alert>}
      {event.recorded.length > 0 && (
        <section aria-labelledby="recorded-title">
          <h2 class="kern-heading-medium" id="recorded-title">{t('concerns.results.recorded')}</h2>
          <ul class="kern-list">{event.recorded.map((entry) => <li key={entry.id}><a class="kern-link" href={`/concerns/${entry.id}`}>{entry.title}</a> ({t(`concerns.kinds.${entry.kind}`)})</li>)}</ul>
        </section>
      )}
      {past && (
        <form method="post" action={`/concerns/events/${event.id}/results`} class="kern-stack" novalidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="rows" value={String(rows)} />
          <ErrorSummary title={t('concerns.errors.summary')} errors={errors} />
          <p class="kern-body">{t('concerns.results.emptyRows')}</p>
          {Array.from({ length: rows }, (_, index) => {
            const p = `r${index + 1}_`;
            return (
              <FieldGroup legend={t('concerns.results.row', { row: index + 1 })} key={p}>
                <FieldFrame name={`${p}kind`} label={t('concerns.fields.kind')} error={error(`${p}kind`)}>
                  <select class={inputClass(error(`${p}kind`))} id={`${p}kind`} name={`${p}kind`}>
                    {entryKinds.map((kind) => <option value={kind} selected={value(`${p}kind`) === kind} key={kind}>{t(`concerns.kinds.${kind}`)}</option>)}
                  </select>
                </FieldFrame>
                <FieldFrame name={`${p}title`} label={t('concerns.fields.title')} error={error(`${p}title`)}>
                  {(describedBy) => <textarea class={inputClass(error(`${p}title`))} id={`${p}title`} name={`${p}title`} rows={2} aria-describedby={describedBy}>{value(`${p}title`)}</textarea>}
                </FieldFrame>
                <FieldFrame name={`${p}topic`} label={t('concerns.fields.topic')} error={error(`${p}topic`)}>
                  <select class={inputClass(error(`${p}topic`))} id={`${p}topic`} name={`${p}topic`}>
                    <option value="">{t('concerns.fields.choose')}</option>
                    {concernTopics.map((topic) => <option value={topic} selected={value(`${p}topic`) === topic} key={topic}>{t(`concerns.topics.${topic}`)}</option>)}
                  </select>
                </FieldFrame>
                {event.organisations.length > 0 && (
                  <fieldset class="kern-fieldset">
                    <legend class="kern-label">{t('concerns.results.raisedBy')}</legend>
                    <div class="kern-fieldset__body">
                      {event.organisations.map((o) => (
                        <div class="kern-form-check" key={o.id}>
                          <input class="kern-form-check__checkbox" type="checkbox" id={`${p}org-${o.id}`} name={`${p}organisationId`} value={String(o.id)} checked={checked(`${p}organisationId`).includes(String(o.id))} />
                          <label class="kern-label" for={`${p}org-${o.id}`}>{o.name}</label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                )}
              </FieldGroup>
            );
          })}
          <div class="mosaik-inline-form">
            <Button>{t('concerns.results.save')}</Button>
            <Button kind="secondary" name="more" value="yes">{t('concerns.results.more')}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
