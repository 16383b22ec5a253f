import type { Language, Translate } from '../../../i18n/index.js';
import { eventFormats } from '../../../db/tables.js';
import { Button } from '../../../ui/button.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass, SelectField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { ShownAggregate, Shown } from '../aggregate.js';
import { textIn, type Area, type ItemVersion } from '../items.js';
import { answers, textLanguages } from '../tables.js';

/**
 * The staff's pages: finding an organisation to check with, the aggregate
 * over all organisations (also for coordinators and the funder, with small
 * numbers hidden), and the items' wording and mapping.
 */

export function StaffStartPage({ t, q, found, recent }: { t: Translate; q: string; found: { id: number; name: string; district: string | null }[]; recent: { id: number; organisationId: number; name: string; submittedOn: string }[] }) {
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('selfcheck.staff.title')}</h1>
      <p class="kern-body">{t('selfcheck.staff.intro')}</p>
      <p><a class="kern-link" href="/selfcheck/overview">{t('selfcheck.overview.title')}</a> · <a class="kern-link" href="/selfcheck/items">{t('selfcheck.items.title')}</a></p>
      <form method="get" action="/selfcheck" class="kern-stack-sm" role="search">
        <FieldFrame name="q" label={t('selfcheck.staff.search')}>
          <input class={inputClass(false)} id="q" name="q" type="search" value={q} />
        </FieldFrame>
        <Button kind="secondary">{t('selfcheck.staff.searchButton')}</Button>
      </form>
      {q !== '' && (
        found.length === 0 ? <p class="kern-body">{t('selfcheck.staff.noneFound')}</p> : (
          <ul class="kern-list">{found.map((organisation) => <li key={organisation.id}><a class="kern-link" href={`/selfcheck/organisations/${organisation.id}`}>{organisation.name}</a>{organisation.district ? ` (${organisation.district})` : ''}</li>)}</ul>
        )
      )}
      <Table
        caption={t('selfcheck.staff.recent')}
        captionVisible
        rows={recent}
        rowKey={(row) => row.id}
        empty={<p class="kern-body">{t('selfcheck.staff.noRecent')}</p>}
        columns={[
          { key: 'date', label: t('selfcheck.history.date'), cell: (row) => <a class="kern-link" href={`/selfcheck/checks/${row.id}`}>{row.submittedOn}</a> },
          { key: 'organisation', label: t('selfcheck.staff.organisation'), rowHeader: true, cell: (row) => <a class="kern-link" href={`/selfcheck/organisations/${row.organisationId}`}>{row.name}</a> },
        ]}
      />
    </div>
  );
}

interface OverviewProps {
  t: Translate;
  language: Language;
  shown: ShownAggregate;
  items: ItemVersion[];
  areas: Area[];
  districts: string[];
  orientations: readonly string[];
  filter: { district?: string; orientation?: string };
  suppressed: boolean;
  threshold: number;
}

const shownText = (t: Translate, value: Shown, threshold: number) => (value === 'small' ? t('selfcheck.overview.small', { n: threshold }) : value === 'withheld' ? t('selfcheck.overview.withheld') : String(value));

export function OverviewPage({ t, language, shown, items, areas, districts, orientations, filter, suppressed, threshold }: OverviewProps) {
  const itemOf = new Map(items.map((item) => [item.key, item]));
  const areaOf = new Map(areas.map((area) => [area.key, area]));
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('selfcheck.overview.title')}</h1>
      <p class="kern-body">{t('selfcheck.overview.intro')}</p>
      {suppressed && <Alert kind="info">{t('selfcheck.overview.suppression', { n: threshold })}</Alert>}
      <form method="get" action="/selfcheck/overview" class="kern-stack-sm">
        <FieldFrame name="district" label={t('selfcheck.overview.district')}>
          <select class={inputClass(false)} id="district" name="district">
            <option value="">{t('selfcheck.overview.all')}</option>
            {districts.map((district) => <option value={district} selected={filter.district === district} key={district}>{district}</option>)}
          </select>
        </FieldFrame>
        <FieldFrame name="orientation" label={t('selfcheck.overview.orientation')}>
          <select class={inputClass(false)} id="orientation" name="orientation">
            <option value="">{t('selfcheck.overview.all')}</option>
            {orientations.map((orientation) => <option value={orientation} selected={filter.orientation === orientation} key={orientation}>{t(`organisations.profile.orientations.${orientation}`, { defaultValue: orientation })}</option>)}
          </select>
        </FieldFrame>
        <Button kind="secondary">{t('selfcheck.overview.filter')}</Button>
      </form>
      <p class="kern-body" data-organisations>{t('selfcheck.overview.organisations', { n: shownText(t, shown.organisations, threshold) })}</p>
      {shown.tooFew ? <Alert kind="info">{t('selfcheck.overview.tooFew', { n: threshold })}</Alert> : (
        <Table
          caption={t('selfcheck.overview.caption')}
          rows={shown.items}
          rowKey={(row) => row.itemKey}
          rowProps={(row) => ({ 'data-item': row.itemKey })}
          empty={<p class="kern-body">{t('selfcheck.overview.empty')}</p>}
          columns={[
            { key: 'item', label: t('selfcheck.overview.item'), rowHeader: true, cell: (row) => {
              const item = itemOf.get(row.itemKey);
              return <>{item ? textIn(item.texts, language) : row.itemKey}<br /><small>{item ? textIn(areaOf.get(item.areaKey)?.titles ?? {}, language) : ''}</small></>;
            } },
            ...answers.map((answer) => ({ key: answer, label: t(`selfcheck.answers.${answer}`), numeric: true, cellProps: (row: ShownAggregate['items'][number]) => ({ 'data-answer': answer, 'data-value': String(row.counts[answer]) }), cell: (row: ShownAggregate['items'][number]) => shownText(t, row.counts[answer], threshold) })),
          ]}
        />
      )}
    </div>
  );
}

export function ItemsPage({ t, language, items, areas, done }: { t: Translate; language: Language; items: ItemVersion[]; areas: Area[]; done?: string }) {
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{t('selfcheck.items.title')}</h1>
      {done === 'saved' && <Alert kind="success">{t('selfcheck.items.saved')}</Alert>}
      <p class="kern-body">{t('selfcheck.items.intro')}</p>
      {areas.map((area) => (
        <section key={area.key} class="kern-stack-sm" aria-labelledby={`area-${area.key}`}>
          <h2 class="kern-heading-medium" id={`area-${area.key}`}>{textIn(area.titles, language)}</h2>
          <ul class="kern-list">
            {items.filter((item) => item.areaKey === area.key).map((item) => (
              <li key={item.key}>
                <a class="kern-link" href={`/selfcheck/items/${item.key}`}>{textIn(item.texts, language)}</a>{' '}
                <small>({t('selfcheck.items.version', { version: item.version })}{item.active ? '' : `, ${t('selfcheck.items.inactive')}`})</small>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface ItemFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  item: ItemVersion;
  values: Record<string, string>;
  errors: FieldError[];
  wegweiserTopics: string[];
  consultationTopics: { key: string; label: string }[];
  pinboardKinds: readonly string[];
}

export function ItemFormPage({ t, language, csrfToken, item, values, errors, wegweiserTopics, consultationTopics, pinboardKinds }: ItemFormProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const formats = new Set((values.event_formats ?? '').split(',').filter(Boolean));
  const kinds = new Set((values.pinboard_kinds ?? '').split(',').filter(Boolean));
  return (
    <div class="kern-stack">
      <h1 class="kern-heading-large">{textIn(item.texts, language)}</h1>
      <ErrorSummary title={t('selfcheck.errors.title')} errors={errors} />
      <p class="kern-body">{t('selfcheck.items.versionHint', { version: item.version })}</p>
      <form method="post" action={`/selfcheck/items/${item.key}`} class="kern-stack" novalidate>
        <CsrfField token={csrfToken} />
        {textLanguages.map((lang) => {
          const name = `text_${lang}`;
          const error = errorOf(name);
          return (
            <FieldFrame name={name} label={t(`selfcheck.items.text.${lang}`)} error={error} key={lang}>
              {(describedBy) => <textarea class={inputClass(error)} id={name} name={name} rows={2} lang={lang === 'easy' ? 'de' : lang} dir={lang === 'ar' ? 'rtl' : undefined} aria-describedby={describedBy}>{values[name] ?? ''}</textarea>}
            </FieldFrame>
          );
        })}
        <fieldset class={`kern-fieldset${errorOf('event_formats') ? ' kern-fieldset--error' : ''}`}>
          <legend class="kern-label">{t('selfcheck.items.eventFormats')}</legend>
          {errorOf('event_formats') && <p class="kern-error" id="event_formats-error">{errorOf('event_formats')}</p>}
          <div class="kern-fieldset__body">
            {eventFormats.map((format, index) => (
              <div class="kern-form-check" key={format}>
                <input class="kern-form-check__checkbox" type="checkbox" id={index === 0 ? 'event_formats' : `event_formats-${format}`} name="event_formats" value={format} checked={formats.has(format)} />
                <label class="kern-label" for={index === 0 ? 'event_formats' : `event_formats-${format}`}>{t(`events.formats.${format}`, { defaultValue: format })}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FieldFrame name="wegweiser_topics" label={t('selfcheck.items.wegweiserTopics')} hint={t('selfcheck.items.wegweiserTopicsHint', { topics: wegweiserTopics.join(', ') })} error={errorOf('wegweiser_topics')}>
          {(describedBy) => <input class={inputClass(errorOf('wegweiser_topics'))} id="wegweiser_topics" name="wegweiser_topics" value={values.wegweiser_topics ?? ''} aria-describedby={describedBy} />}
        </FieldFrame>
        <SelectField
          name="consultation_topic"
          label={t('selfcheck.items.consultationTopic')}
          value={values.consultation_topic ?? ''}
          error={errorOf('consultation_topic')}
          options={[{ value: '', label: t('selfcheck.items.consultationOther') }, ...consultationTopics.map((topic) => ({ value: topic.key, label: topic.label }))]}
        />
        <fieldset class={`kern-fieldset${errorOf('pinboard_kinds') ? ' kern-fieldset--error' : ''}`}>
          <legend class="kern-label">{t('selfcheck.items.pinboardKinds')}</legend>
          {errorOf('pinboard_kinds') && <p class="kern-error" id="pinboard_kinds-error">{errorOf('pinboard_kinds')}</p>}
          <div class="kern-fieldset__body">
            {pinboardKinds.map((kind, index) => (
              <div class="kern-form-check" key={kind}>
                <input class="kern-form-check__checkbox" type="checkbox" id={index === 0 ? 'pinboard_kinds' : `pinboard_kinds-${kind}`} name="pinboard_kinds" value={kind} checked={kinds.has(kind)} />
                <label class="kern-label" for={index === 0 ? 'pinboard_kinds' : `pinboard_kinds-${kind}`}>{t(`pinboard.kinds.${kind}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div class="kern-form-check">
          <input class="kern-form-check__checkbox" type="checkbox" id="active" name="active" value="1" checked={values.active === '1'} />
          <label class="kern-label" for="active">{t('selfcheck.items.active')}</label>
        </div>
        <Button>{t('selfcheck.items.save')}</Button>
      </form>
      <p><a class="kern-link" href="/selfcheck/items">{t('selfcheck.items.back')}</a></p>
    </div>
  );
}
