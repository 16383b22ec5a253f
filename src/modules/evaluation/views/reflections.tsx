import type { Language, Translate } from '../../../i18n/index.js';
import type { EventFormat } from '../../../db/tables.js';
import { Button, LinkButton } from '../../../ui/button.js';
import { CsrfField, DateField, FieldGroup } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import { Input, Select, TextArea } from '../../identity/index.js';
import { maxFollowups, type FormBody } from '../input.js';
import { followupStatuses } from '../tables.js';
import type { OpenEntryCount } from '../../concerns/index.js';
import type { AgendaItem, FollowupRow, ReflectionRow } from '../workspace-queries.js';
import { day, errorOf, mean, Page, Prose, type FieldError } from './parts.js';

export function ReflectionsPage({ t, language, rows, notice }: { t: Translate; language: Language; rows: ReflectionRow[]; notice?: string }) {
  const r = (key: string, options?: Record<string, unknown>) => t(`evaluation.reflections.${key}`, options);
  return (
    <Page t={t} title={r('title')} current="reflections" notice={notice}>
      <p class="kern-body">{r('intro')}</p>
      <p class="kern-body">
        <LinkButton href="/evaluation/reflections/new">{r('new')}</LinkButton>
      </p>
      <Table
        caption={r('title')}
        rows={rows}
        rowKey={(row) => row.id}
        empty={<p class="kern-body">{r('none')}</p>}
        columns={[
          {
            key: 'date',
            label: r('heldOn'),
            rowHeader: true,
            cell: (row) => (
              <a class="kern-link" href={`/evaluation/reflections/${row.id}`}>
                {day(language, row.heldOn)}
              </a>
            ),
          },
          { key: 'followups', label: r('followups'), numeric: true, cell: (row) => row.followups.length },
          { key: 'open', label: r('open'), numeric: true, cell: (row) => row.followups.filter((followup) => followup.status === 'open').length },
        ]}
      />
    </Page>
  );
}

/**
 * The open part of the needs log, one line per kind and state with its
 * topics: "- Bedarf, offen (5, 2 neu): Räume 3, Sonstiges 2".
 */
function openConcernLines(t: Translate, concerns: OpenEntryCount[]): string[] {
  const r = (key: string, options?: Record<string, unknown>) => t(`evaluation.reflections.${key}`, options);
  if (concerns.length === 0) return [`- ${r('agendaNoConcerns')}`];
  // needs first, then concerns on their way to the ministry; within a line the largest topic first
  const order = ['need open', 'concern collected', 'concern forwarded'];
  const groups = new Map<string, OpenEntryCount[]>();
  for (const row of concerns) groups.set(`${row.kind} ${row.state}`, [...(groups.get(`${row.kind} ${row.state}`) ?? []), row]);
  const sorted = [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, rows]) => [...rows].sort((a, b) => b.count - a.count));
  return sorted.map((rows) => {
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    const raisedSince = rows.reduce((sum, row) => sum + row.raisedSince, 0);
    const topics = rows.map((row) => `${t(`concerns.topics.${row.topic}`, { defaultValue: row.topic })} ${row.count}`).join(', ');
    const head = `${t(`concerns.kinds.${rows[0]!.kind}`)}, ${t(`concerns.states.${rows[0]!.state}`)}`;
    return `- ${head} (${r('agendaConcernCount', { count: total, raisedSince })}): ${topics}`;
  });
}

/** The agenda prefilled with what happened since the last meeting, as plain text the evaluator edits. */
export function agendaText(t: Translate, language: Language, since: string | null, items: AgendaItem[], open: FollowupRow[], concerns: OpenEntryCount[] = []): string {
  const r = (key: string, options?: Record<string, unknown>) => t(`evaluation.reflections.${key}`, options);
  const format = (value: EventFormat) => t(`dashboard.formats.${value}`, { defaultValue: value });
  const lines = [since ? r('agendaSince', { date: day(language, since) }) : r('agendaAll'), ''];
  for (const item of items) {
    const feedback = item.forms > 0 ? r('agendaFeedback', { count: item.forms, mean: mean(language, item.mean) }) : r('agendaNoFeedback');
    lines.push(`- ${day(language, item.startDate)} ${item.title} (${format(item.format)}): ${feedback}; ${item.observed ? r('agendaObserved') : r('agendaNotObserved')}`);
  }
  if (items.length === 0) lines.push(`- ${r('agendaNoEvents')}`);
  lines.push('', r('agendaConcerns'), ...openConcernLines(t, concerns));
  if (open.length > 0) {
    lines.push('', r('agendaOpen'));
    for (const followup of open) lines.push(`- ${followup.task} (${followup.owner}, ${day(language, followup.dueOn)})`);
  }
  return lines.join('\n');
}

interface ReflectionFormProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  reflection?: ReflectionRow;
  heldOn: string;
  agenda: string;
  previous: FollowupRow[];
  values?: FormBody;
  errors: FieldError[];
  notice?: string;
}

export function ReflectionForm({ t, language, csrfToken, reflection, heldOn, agenda, previous, values, errors, notice }: ReflectionFormProps) {
  const r = (key: string, options?: Record<string, unknown>) => t(`evaluation.reflections.${key}`, options);
  const value = (name: string, fallback: string | undefined) => {
    const given = values?.[name];
    return given === undefined ? (fallback ?? '') : Array.isArray(given) ? given.join('\n') : given;
  };
  const rows = Math.min(maxFollowups, Math.max((reflection?.followups.length ?? 0) + 2, 3));
  return (
    <Page t={t} title={reflection ? r('editTitle', { date: day(language, reflection.heldOn) }) : r('newTitle')} current="reflections" errors={errors} notice={notice}>
      <p class="kern-body">
        <a class="kern-link" href="/evaluation/reflections">
          {r('back')}
        </a>
      </p>
      {!reflection && (
        <form method="get" action="/evaluation/reflections/new" class="mosaik-inline-form">
          {/* its own name: the meeting's form below has the field heldOn, and ids must be unique */}
          <DateField t={t} language={language} name="agendaFor" label={r('prefillFor')} value={heldOn} />
          <Button kind="secondary">{r('prefill')}</Button>
        </form>
      )}
      <form method="post" action={reflection ? `/evaluation/reflections/${reflection.id}` : '/evaluation/reflections'} class="kern-stack-lg" novalidate>
        <CsrfField token={csrfToken} />
        <DateField t={t} language={language} name="heldOn" label={r('heldOn')} value={value('heldOn', heldOn)} error={errorOf(errors, 'heldOn')} />
        {previous.length > 0 && (
          <FieldGroup legend={r('previousTitle')}>
            <p class="kern-body">{r('previousIntro')}</p>
            {previous.map((followup) => (
              <div class="kern-stack-sm" key={followup.id}>
                <p class="kern-body">
                  <strong>{followup.task}</strong> — {r('ownerDue', { owner: followup.owner, date: day(language, followup.dueOn), meeting: day(language, followup.heldOn) })}
                </p>
                <Select
                  name={`previous_${followup.id}_status`}
                  label={r('status')}
                  value={value(`previous_${followup.id}_status`, followup.status)}
                  options={followupStatuses.map((status) => ({ value: status, label: r(`statuses.${status}`) }))}
                />
                <TextArea name={`previous_${followup.id}_outcome`} label={r('outcome')} value={value(`previous_${followup.id}_outcome`, followup.outcome ?? '')} rows={2} />
              </div>
            ))}
          </FieldGroup>
        )}
        <TextArea name="agenda" label={r('agenda')} hint={r('agendaHint')} value={value('agenda', agenda)} rows={12} />
        <TextArea name="decisions" label={r('decisions')} value={value('decisions', reflection?.decisions)} rows={6} />
        <FieldGroup legend={r('followupsTitle')}>
          <p class="kern-body">{r('followupsHint')}</p>
          {Array.from({ length: rows }, (_, index) => {
            const number = index + 1;
            const followup = reflection?.followups.find((item) => item.position === number);
            return (
              <div class="kern-stack-sm" key={number}>
                <Input name={`followup_${number}_task`} label={r('task', { number })} value={value(`followup_${number}_task`, followup?.task)} error={errorOf(errors, `followup_${number}_task`)} />
                <Input name={`followup_${number}_owner`} label={r('owner', { number })} value={value(`followup_${number}_owner`, followup?.owner)} error={errorOf(errors, `followup_${number}_owner`)} />
                <DateField t={t} language={language} name={`followup_${number}_due`} label={r('due', { number })} value={value(`followup_${number}_due`, followup?.dueOn)} error={errorOf(errors, `followup_${number}_due`)} />
              </div>
            );
          })}
        </FieldGroup>
        <Button>{r('save')}</Button>
      </form>
      {reflection && reflection.agenda && (
        <section class="kern-stack-sm">
          <h2 class="kern-heading-medium">{r('savedAgenda')}</h2>
          <Prose text={reflection.agenda} />
        </section>
      )}
    </Page>
  );
}
