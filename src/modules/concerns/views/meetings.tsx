import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { Alert, CsrfField, DateField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { listMeetings, MeetingDetail, openConcerns } from '../meeting-queries.js';
import { dayText, organisationCount } from './shared.js';

/** The Dialogtreffen with the ministry: the list, a meeting's agenda (picked and ordered from the open concerns) and its minutes. */

export function MeetingList({ t, language, csrfToken, meetings, canEdit, errors }: { t: Translate; language: Language; csrfToken: string; meetings: Awaited<ReturnType<typeof listMeetings>>; canEdit: boolean; errors: FieldError[] }) {
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="kern-stack-lg">
      <p class="kern-body"><a class="kern-link" href="/concerns">{t('concerns.staff.title')}</a></p>
      <h1 class="kern-heading-large">{t('concerns.meetings.title')}</h1>
      <p class="kern-body">{t('concerns.meetings.intro')}</p>
      <Table caption={t('concerns.meetings.title')} rows={meetings} rowKey={(m) => m.id} empty={<p class="kern-body">{t('concerns.meetings.none')}</p>}
        columns={[
          { key: 'title', label: t('concerns.meetings.name'), rowHeader: true, cell: (m) => <a class="kern-link" href={`/concerns/dialog/${m.id}`}>{m.title}</a> },
          { key: 'held', label: t('concerns.meetings.heldOn'), cell: (m) => dayText(m.held_on, language) },
          { key: 'items', label: t('concerns.meetings.items'), numeric: true, cell: (m) => String(m.items) },
          { key: 'minutes', label: t('concerns.meetings.minutes'), cell: (m) => (m.minutes_recorded_at ? t('concerns.meetings.minutesDone') : t('concerns.meetings.minutesOpen')) },
        ]} />
      {canEdit && (
        <form method="post" action="/concerns/dialog" class="kern-stack-sm" novalidate>
          <h2 class="kern-heading-medium">{t('concerns.meetings.new')}</h2>
          <ErrorSummary title={t('concerns.errors.summary')} errors={errors} />
          <CsrfField token={csrfToken} />
          <DateField name="heldOn" label={t('concerns.meetings.heldOn')} error={error('heldOn')} t={t} language={language} />
          <TextField name="title" label={t('concerns.meetings.name')} value={t('concerns.meetings.defaultName')} error={error('title')} />
          <TextField name="place" label={t('concerns.meetings.place')} />
          <Button>{t('concerns.meetings.create')}</Button>
        </form>
      )}
    </div>
  );
}

export function MeetingPage({ t, language, csrfToken, meeting, open, canEdit, names, errors, notice }: {
  t: Translate; language: Language; csrfToken: string; meeting: MeetingDetail; open: Awaited<ReturnType<typeof openConcerns>>; canEdit: boolean; names: boolean; errors: FieldError[]; notice?: string;
}) {
  const onAgenda = new Map(meeting.agenda.map((item) => [item.id, item.position]));
  const recorded = meeting.minutes_recorded_at !== null;
  return (
    <div class="kern-stack-lg">
      <p class="kern-body"><a class="kern-link" href="/concerns/dialog">{t('concerns.meetings.title')}</a></p>
      <h1 class="kern-heading-large">{meeting.title}</h1>
      <p class="kern-body">{dayText(meeting.held_on, language)}{meeting.place ? ` – ${meeting.place}` : ''}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorSummary title={t('concerns.errors.summary')} errors={errors} />
      <section aria-labelledby="agenda-title">
        <h2 class="kern-heading-medium" id="agenda-title">{t('concerns.meetings.agenda')}</h2>
        {meeting.agenda.length === 0 ? <p class="kern-body">{t('concerns.meetings.noAgenda')}</p> : (
          <ol class="kern-list" data-agenda>
            {meeting.agenda.map((item) => (
              <li key={item.id} data-entry={item.id}>
                {names ? <a class="kern-link" href={`/concerns/${item.id}`}>{item.title}</a> : <a class="kern-link" href={`/concerns/${item.id}`}>{item.title}</a>}
                {' – '}{t(`concerns.states.${item.state}`)} · {organisationCount(t, item.organisations, names)}
                {item.minutes && <p class="kern-body mosaik-pre-line">{item.minutes}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {canEdit && !recorded && (
        <form method="post" action={`/concerns/dialog/${meeting.id}/agenda`} class="kern-stack-sm">
          <h2 class="kern-heading-medium">{t('concerns.meetings.pick')}</h2>
          <p class="kern-body">{t('concerns.meetings.pickHint')}</p>
          <CsrfField token={csrfToken} />
          {open.length === 0 ? <p class="kern-body">{t('concerns.meetings.noOpen')}</p> : (
            <Table caption={t('concerns.meetings.pick')} rows={open} rowKey={(c) => c.id}
              columns={[
                { key: 'pick', label: t('concerns.meetings.onAgenda'), cell: (c) => (
                  <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id={`pick-${c.id}`} name="entryId" value={String(c.id)} checked={onAgenda.has(c.id)} />
                    <label class="kern-label" for={`pick-${c.id}`}>{c.title}</label>
                  </div>
                ) },
                { key: 'position', label: t('concerns.meetings.position'), cell: (c) => (
                  <>
                    <label class="kern-label" for={`position-${c.id}`}><span class="kern-sr-only">{t('concerns.meetings.positionOf', { title: c.title })}</span></label>
                    <input class={inputClass(false)} type="number" min="1" max="99" id={`position-${c.id}`} name={`position_${c.id}`} value={String(onAgenda.get(c.id) ?? '')} inputmode="numeric" />
                  </>
                ) },
                { key: 'state', label: t('concerns.fields.state'), cell: (c) => t(`concerns.states.${c.state}`) },
                { key: 'raised', label: t('concerns.fields.raisedOn'), cell: (c) => dayText(c.raised_on, language) },
              ]} />
          )}
          <Button kind="secondary">{t('concerns.meetings.saveAgenda')}</Button>
        </form>
      )}
      {canEdit && !recorded && meeting.agenda.length > 0 && (
        <form method="post" action={`/concerns/dialog/${meeting.id}/minutes`} class="kern-stack-sm" novalidate>
          <h2 class="kern-heading-medium">{t('concerns.meetings.recordMinutes')}</h2>
          <p class="kern-body">{t('concerns.meetings.minutesHint')}</p>
          <CsrfField token={csrfToken} />
          {meeting.agenda.map((item) => (
            <fieldset class="kern-fieldset" key={item.id}>
              <legend class="kern-title">{`${item.position}. ${item.title}`}</legend>
              <div class="kern-fieldset__body kern-stack-sm">
                <input type="hidden" name={`version_${item.id}`} value={String(item.version)} />
                <FieldFrame name={`state_${item.id}`} label={t('concerns.meetings.outcome')}>
                  <select class={inputClass(false)} id={`state_${item.id}`} name={`state_${item.id}`}>
                    {(['forwarded', 'changed', 'declined'] as const).map((state) => <option value={state} key={state}>{t(`concerns.outcomeChoices.${state}`)}</option>)}
                  </select>
                </FieldFrame>
                <FieldFrame name={`minutes_${item.id}`} label={t('concerns.meetings.said')}>
                  {(describedBy) => <textarea class={inputClass(false)} id={`minutes_${item.id}`} name={`minutes_${item.id}`} rows={3} aria-describedby={describedBy}>{item.minutes}</textarea>}
                </FieldFrame>
              </div>
            </fieldset>
          ))}
          <Button>{t('concerns.meetings.saveMinutes')}</Button>
        </form>
      )}
    </div>
  );
}
