import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { CsrfField, FieldGroup } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { concernTopics } from '../../concerns/index.js';
import { TextArea, Input, Select } from '../../identity/index.js';
import { maxWorkshops, type FormBody } from '../input.js';
import type { ObservableEvent, Protocol } from '../workspace-queries.js';
import { day, errorOf, mean, Page, type FieldError } from './parts.js';
import { DescriptionList, Detail } from '../../../ui/description-list.js';

export function ObservationsPage({ t, language, events, today, notice }: { t: Translate; language: Language; events: ObservableEvent[]; today: string; notice?: string }) {
  const o = (key: string, options?: Record<string, unknown>) => t(`evaluation.observations.${key}`, options);
  return (
    <Page t={t} title={o('title')} current="observations" notice={notice}>
      <p class="kern-body">{o('intro')}</p>
      <p class="kern-body" role="status">
        {o('count', { observed: events.filter((event) => event.observed).length, count: events.length })}
      </p>
      <Table
        caption={o('title')}
        rows={events}
        rowKey={(event) => event.id}
        columns={[
          { key: 'date', label: o('date'), cell: (event) => day(language, event.startDate) },
          {
            key: 'title',
            label: o('event'),
            rowHeader: true,
            cell: (event) =>
              event.startDate > today ? (
                event.title
              ) : (
                <a class="kern-link" href={`/evaluation/observations/${event.id}`}>
                  {event.title}
                </a>
              ),
          },
          { key: 'format', label: o('format'), cell: (event) => t(`dashboard.formats.${event.format}`, { defaultValue: event.format }) },
          { key: 'organizer', label: o('organizer'), cell: (event) => o(`organizers.${event.organizer}`) },
          { key: 'observed', label: o('observed'), cell: (event) => (event.startDate > today ? o('notYet') : event.observed ? o('yesNeeds', { count: event.needs }) : o('no')) },
        ]}
      />
    </Page>
  );
}

interface ProtocolProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  protocol: Protocol;
  values?: FormBody;
  errors: FieldError[];
  notice?: string;
}

export function ProtocolPage({ t, language, csrfToken, protocol, values, errors, notice }: ProtocolProps) {
  const o = (key: string, options?: Record<string, unknown>) => t(`evaluation.observations.${key}`, options);
  const { event, observation } = protocol;
  const value = (name: string, fallback: string) => {
    const given = values?.[name];
    return given === undefined ? fallback : Array.isArray(given) ? given.join('\n') : given;
  };
  // the needs log's topics (concerns vocabulary); "other" first: choosing none leaves the sorting to staff
  const topicOptions = ['other' as const, ...concernTopics.filter((topic) => topic !== 'other')].map((topic) => ({ value: topic, label: t(`concerns.topics.${topic}`) }));
  const shownWorkshops = Math.min(maxWorkshops, Math.max(protocol.workshops.length + 1, 2));
  return (
    <Page t={t} title={o('protocolTitle', { title: event.title })} current="observations" errors={errors} notice={notice}>
      <p class="kern-body">
        <a class="kern-link" href="/evaluation/observations">
          {o('back')}
        </a>
      </p>
      <DescriptionList>
        <Detail label={o('date')}>{day(language, event.startDate)}</Detail>
        <Detail label={o('format')}>{t(`dashboard.formats.${event.format}`, { defaultValue: event.format })}</Detail>
        <Detail label={o('observed')}>{observation ? o('observedSince', { date: day(language, observation.updatedAt.toISOString().slice(0, 10)) }) : o('notObserved')}</Detail>
      </DescriptionList>
      <section class="kern-stack-sm" aria-labelledby="feedback-title">
        <h2 class="kern-heading-medium" id="feedback-title">
          {o('feedbackTitle')}
        </h2>
        {protocol.feedback && protocol.feedback.forms > 0 ? (
          <>
            <p class="kern-body">{o('feedbackForms', { count: protocol.feedback.forms })}</p>
            <Table
              caption={o('feedbackTitle')}
              rows={protocol.feedback.ratings}
              rowKey={(rating) => rating.ordinal}
              columns={[
                { key: 'question', label: o('question'), rowHeader: true, cell: (rating) => (language === 'de' ? rating.de : rating.en) },
                { key: 'n', label: 'N', numeric: true, cell: (rating) => rating.n },
                { key: 'mean', label: o('mean'), numeric: true, cell: (rating) => mean(language, rating.mean) },
              ]}
            />
          </>
        ) : (
          <p class="kern-body">{event.organizer === 'centre' ? o('noFeedback') : o('partnerEvent')}</p>
        )}
        {event.organizer === 'centre' && (
          <p class="kern-body">
            <a class="kern-link" href={`/events/${event.id}/feedback`}>
              {o('feedbackLink')}
            </a>
          </p>
        )}
      </section>
      <form method="post" action={`/evaluation/observations/${event.id}`} class="kern-stack-lg" novalidate>
        <CsrfField token={csrfToken} />
        <FieldGroup legend={o('template')}>
          <TextArea name="course" label={o('course')} hint={o('courseHint')} value={value('course', observation?.course ?? '')} error={errorOf(errors, 'course')} rows={6} />
          <TextArea name="topics" label={o('topics')} hint={o('topicsHint')} value={value('topics', observation?.topics ?? '')} rows={4} />
          <TextArea name="needs" label={o('needs')} hint={o('needsHint')} value={value('needs', protocol.needs.join('\n'))} error={errorOf(errors, 'needs')} rows={4} />
          <Select name="needs_topic" label={o('needsTopic')} hint={o('needsTopicHint')} value={value('needs_topic', protocol.needsTopic)} error={errorOf(errors, 'needs_topic')} options={topicOptions} />
          <TextArea name="worked" label={o('worked')} value={value('worked', observation?.worked ?? '')} rows={4} />
          <TextArea name="suggestions" label={o('suggestions')} value={value('suggestions', observation?.suggestions ?? '')} rows={4} />
        </FieldGroup>
        <FieldGroup legend={o('workshops')}>
          <p class="kern-body">{o('workshopsHint')}</p>
          {Array.from({ length: shownWorkshops }, (_, index) => {
            const number = index + 1;
            const workshop = protocol.workshops[index];
            return (
              <div class="kern-stack-sm" key={number}>
                <Input name={`workshop_${number}_title`} label={o('workshopTitle', { number })} value={value(`workshop_${number}_title`, workshop?.title ?? '')} error={errorOf(errors, `workshop_${number}_title`)} />
                <TextArea name={`workshop_${number}_notes`} label={o('workshopNotes', { number })} value={value(`workshop_${number}_notes`, workshop?.notes ?? '')} rows={3} />
                <TextArea name={`workshop_${number}_needs`} label={o('workshopNeeds', { number })} hint={o('needsHint')} value={value(`workshop_${number}_needs`, workshop?.needs.join('\n') ?? '')} rows={2} />
                <Select name={`workshop_${number}_needs_topic`} label={o('workshopNeedsTopic', { number })} value={value(`workshop_${number}_needs_topic`, workshop?.needsTopic ?? 'other')} error={errorOf(errors, `workshop_${number}_needs_topic`)} options={topicOptions} />
              </div>
            );
          })}
        </FieldGroup>
        <p class="kern-body" id="needs-log">
          {observation ? o('needsLogged', { count: protocol.loggedNeeds }) : o('needsFlow')}
        </p>
        <p class="kern-body">{o('noNames')}</p>
        <Button>{observation ? o('save') : o('markAndSave')}</Button>
      </form>
      {observation && (
        <form method="post" action={`/evaluation/observations/${event.id}/remove`}>
          <CsrfField token={csrfToken} />
          <Button kind="secondary">{o('remove')}</Button>
        </form>
      )}
    </Page>
  );
}
