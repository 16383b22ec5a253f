import type { Language, Translate } from '../../../i18n/index.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldFrame, inputClass, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { mayMove } from '../commands/update.js';
import type { ListedEntry, ListFilters, EntryDetail } from '../queries.js';
import { concernStates, entryKinds, needStates, outcomeOf, titleIn } from '../tables.js';
import { concernTopics } from '../vocabulary.js';
import { TextArea } from './form.js';
import { dayText, organisationCount, whenText } from './shared.js';
import { DescriptionList, Detail } from '../../../ui/description-list.js';

/** The log and an entry's page (staff, coordinators, the funder: German and English). */

export function EntryList({ t, language, entries, filters, canEdit, names, notice }: { t: Translate; language: Language; entries: ListedEntry[]; filters: ListFilters; canEdit: boolean; names: boolean; notice?: string }) {
  const select = (name: string, options: readonly string[], prefix: string, value?: string) => (
    <FieldFrame name={name} label={t(`concerns.fields.${name}`)}>
      <select class={inputClass(false)} id={name} name={name}>
        <option value="">{t('concerns.list.all')}</option>
        {options.map((option) => <option value={option} selected={value === option} key={option}>{t(`concerns.${prefix}.${option}`)}</option>)}
      </select>
    </FieldFrame>
  );
  return (
    <>
      <h1 class="kern-heading-large">{t('concerns.staff.title')}</h1>
      <p class="kern-body">{names ? t('concerns.staff.intro') : t('concerns.staff.funderIntro')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p class="kern-body">
        {canEdit && <><a class="kern-link" href="/concerns/new">{t('concerns.staff.new')}</a> · </>}
        {(canEdit || !names) && <><a class="kern-link" href="/concerns/dialog">{t('concerns.meetings.title')}</a> · </>}
        <a class="kern-link" href="/sie-haben-gesagt">{t('concerns.staff.publicPage')}</a>
      </p>
      <form method="get" action="/concerns" class="mosaik-filters">
        {select('kind', entryKinds, 'kinds', filters.kind)}
        {select('state', [...needStates, ...concernStates], 'states', filters.state)}
        {select('topic', concernTopics, 'topics', filters.topic)}
        <Button kind="secondary">{t('concerns.list.filter')}</Button>
      </form>
      <Table
        caption={t('concerns.staff.title')}
        rows={entries}
        rowKey={(entry) => entry.id}
        rowProps={(entry) => ({ 'data-entry': entry.id })}
        empty={<p class="kern-body">{t('concerns.list.none')}</p>}
        columns={[
          { key: 'title', label: t('concerns.fields.title'), rowHeader: true, cell: (e) => <a class="kern-link" href={`/concerns/${e.id}`}>{titleIn(e, language)}</a> },
          { key: 'kind', label: t('concerns.fields.kind'), cell: (e) => t(`concerns.kinds.${e.kind}`) },
          { key: 'topic', label: t('concerns.fields.topic'), cell: (e) => t(`concerns.topics.${e.topic}`) },
          { key: 'state', label: t('concerns.fields.state'), cell: (e) => t(`concerns.states.${e.state}`) },
          { key: 'raised', label: t('concerns.fields.raisedOn'), cell: (e) => dayText(e.raised_on, language) },
          { key: 'who', label: t('concerns.fields.organisations'), cell: (e) => organisationCount(t, e.organisations, names) },
          { key: 'events', label: t('concerns.list.events'), numeric: true, cell: (e) => (e.kind === 'need' ? String(e.events) : '–') },
        ]}
      />
    </>
  );
}

function SourceLine({ t, language, source, names }: { t: Translate; language: Language; source: EntryDetail['sources'][number]; names: boolean }) {
  const kind = t(`concerns.sources.${source.kind}`);
  const day = dayText(source.raised_on, language);
  if (source.kind === 'event' && source.event_id) return <li>{kind}: {names ? <a class="kern-link" href={`/events/${source.event_id}`}>{source.event_title}</a> : source.event_title} ({day})</li>;
  if (source.kind === 'feedback' && source.feedback_event_id)
    return <li>{kind}: {names ? <a class="kern-link" href={`/events/${source.feedback_event_id}/feedback#open-title`}>{source.feedback_event_title}</a> : source.feedback_event_title} ({day})</li>;
  if (source.kind === 'consultation' && source.consultation_id && names) return <li>{kind}: <a class="kern-link" href={`/consultations/${source.consultation_id}`}>{dayText(source.consulted_on, language)}</a></li>;
  return <li>{kind} ({day}){source.note && names ? ` – ${source.note}` : ''}</li>;
}

export interface EntryPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  entry: EntryDetail;
  canEdit: boolean;
  names: boolean;
  events: { id: number; title: string; start_date: string }[];
  meetings: { id: number; title: string; held_on: string }[];
  mergeTargets: { id: number; title: string; raised_on: string }[];
  notice?: string;
  errors: FieldError[];
}

export function EntryPage({ t, language, csrfToken, entry, canEdit, names, events, meetings, mergeTargets, notice, errors }: EntryPageProps) {
  const row = (label: string, value: preact.ComponentChildren) => (
    <Detail key={label} label={label}>{value}</Detail>
  );
  const isConcern = entry.kind === 'concern';
  const steps = isConcern ? concernStates.filter((state) => mayMove(entry.state, state)) : [];
  return (
    <div class="kern-stack-lg">
      <p class="kern-body"><a class="kern-link" href="/concerns">{t('concerns.staff.title')}</a></p>
      <h1 class="kern-heading-large">{titleIn(entry, language)}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary title={t('concerns.errors.summary')} errors={errors} />
      <DescriptionList>
        {row(t('concerns.fields.kind'), t(`concerns.kinds.${entry.kind}`))}
        {row(t('concerns.fields.state'), <span data-state={entry.state}>{t(`concerns.states.${entry.state}`)}{isConcern ? ` (${t(`concerns.outcomes.${outcomeOf(entry.state)}`)})` : ''}</span>)}
        {row(t('concerns.fields.topic'), t(`concerns.topics.${entry.topic}`))}
        {row(t('concerns.fields.raisedOn'), dayText(entry.raised_on, language))}
        {entry.description && row(t('concerns.fields.description'), <span class="mosaik-pre-line">{entry.description}</span>)}
        {names && entry.district && row(t('concerns.fields.district'), entry.district)}
        {row(t('concerns.fields.organisations'), names && entry.organisations.length > 0 ? (
          <ul class="kern-list">{entry.organisations.map((o) => <li key={o.id}><a class="kern-link" href={`/organisations/${o.id}`}>{o.name}</a></li>)}</ul>
        ) : organisationCount(t, entry.organisations.length, names))}
        {isConcern && row(t('concerns.fields.forwardedOn'), entry.forwarded_on ? `${dayText(entry.forwarded_on, language)}${entry.meeting_title ? ` – ${entry.meeting_title}` : ''}` : '–')}
        {isConcern && row(t('concerns.fields.answer'), entry.answer ? <span class="mosaik-pre-line">{entry.answer}</span> : '–')}
        {names && row(t('concerns.fields.public'), entry.is_public ? t('concerns.fields.publicShown') : t('concerns.fields.publicHidden'))}
      </DescriptionList>
      <section aria-labelledby="sources-title">
        <h2 class="kern-heading-medium" id="sources-title">{t('concerns.detail.sources')}</h2>
        <ul class="kern-list">{entry.sources.map((source) => <SourceLine key={source.id} t={t} language={language} source={source} names={names} />)}</ul>
      </section>
      {!isConcern && (
        <section aria-labelledby="events-title">
          <h2 class="kern-heading-medium" id="events-title">{t('concerns.detail.takenUpBy')}</h2>
          {entry.events.length === 0 ? <p class="kern-body">{t('concerns.detail.noEvents')}</p> : (
            <ul class="kern-list">
              {entry.events.map((event) => (
                <li key={event.id} data-event={event.id}>
                  <a class="kern-link" href={`/events/${event.id}`}>{event.title}</a> ({dayText(event.start_date, language)})
                  {canEdit && (
                    <form method="post" action={`/concerns/${entry.id}/events`} class="mosaik-inline-form">
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="eventId" value={String(event.id)} />
                      <input type="hidden" name="linked" value="no" />
                      <Button kind="tertiary" size="small">{t('concerns.detail.unlink')}</Button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <form method="post" action={`/concerns/${entry.id}/events`} class="kern-stack-sm">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="linked" value="yes" />
              <FieldFrame name="eventId" label={t('concerns.detail.linkEvent')}>
                <select class={inputClass(false)} id="eventId" name="eventId">
                  {events.map((event) => <option value={String(event.id)} key={event.id}>{`${event.title} (${dayText(event.start_date, language)})`}</option>)}
                </select>
              </FieldFrame>
              <Button kind="secondary">{t('concerns.detail.link')}</Button>
            </form>
          )}
        </section>
      )}
      {canEdit && steps.length > 0 && (
        <section aria-labelledby="state-title">
          <h2 class="kern-heading-medium" id="state-title">{t('concerns.detail.nextStep')}</h2>
          <form method="post" action={`/concerns/${entry.id}/state`} class="kern-stack-sm" novalidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="version" value={String(entry.version)} />
            <FieldFrame name="state" label={t('concerns.fields.state')}>
              <select class={inputClass(false)} id="state" name="state">
                {steps.map((state) => <option value={state} key={state}>{t(`concerns.steps.${state}`)}</option>)}
              </select>
            </FieldFrame>
            <DateField name="forwardedOn" label={t('concerns.fields.forwardedOn')} value={entry.forwarded_on ?? ''} error={errors.find((e) => e.field === 'forwardedOn')?.message} t={t} language={language} />
            <FieldFrame name="meetingId" label={t('concerns.fields.meeting')}>
              <select class={inputClass(false)} id="meetingId" name="meetingId">
                <option value="">{t('concerns.fields.noMeeting')}</option>
                {meetings.map((m) => <option value={String(m.id)} key={m.id} selected={entry.forwarded_meeting_id === m.id}>{`${m.title} (${dayText(m.held_on, language)})`}</option>)}
              </select>
            </FieldFrame>
            <TextArea name="answer" label={t('concerns.fields.answer')} value={entry.answer} />
            <TextArea name="note" label={t('concerns.fields.note')} rows={2} />
            <Button>{t('concerns.detail.saveStep')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="history-title">
        <h2 class="kern-heading-medium" id="history-title">{t('concerns.detail.history')}</h2>
        <ol class="kern-list" data-history>
          {entry.history.map((h) => (
            <li key={h.id} data-to={h.to_state}>
              {whenText(h.changed_at, language)}: {h.from_state && h.from_state !== h.to_state && !h.to_state.startsWith('merged') ? `${t(`concerns.states.${h.from_state}`)} → ` : ''}
              {t(`concerns.states.${h.to_state}`)}{h.to_state.startsWith('merged') ? ` ${h.note}` : ''}{h.meeting_title ? ` (${h.meeting_title})` : ''}
              {names && h.who ? ` – ${h.who}` : ''}{names && h.note && !h.to_state.startsWith('merged') ? `: ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
      {canEdit && (
        <section aria-labelledby="actions-title" class="kern-stack-sm">
          <h2 class="kern-heading-medium" id="actions-title">{t('concerns.detail.actions')}</h2>
          <LinkButton kind="secondary" href={`/concerns/${entry.id}/edit`}>{t('concerns.staff.edit')}</LinkButton>
          {mergeTargets.length > 0 && (
            <form method="post" action={`/concerns/${entry.id}/merge`} class="kern-stack-sm">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(entry.version)} />
              <FieldFrame name="into" label={t('concerns.detail.mergeInto')} hint={t('concerns.detail.mergeHint')} error={errors.find((e) => e.field === 'into')?.message}>
                {(describedBy) => (
                  <select class={inputClass(false)} id="into" name="into" aria-describedby={describedBy}>
                    {mergeTargets.map((target) => <option value={String(target.id)} key={target.id}>{`#${target.id} ${target.title} (${dayText(target.raised_on, language)})`}</option>)}
                  </select>
                )}
              </FieldFrame>
              <Button kind="tertiary">{t('concerns.detail.merge')}</Button>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
