import type { Language, Translate } from '../../../i18n/index.js';
import { formatInstant } from '../../../ui/dates.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { BarrierInput, QueuedReport } from '../barriers.js';
import { Button } from '../../../ui/button.js';

export interface BarrierFormProps {
  t: Translate;
  csrfToken: string;
  input: BarrierInput;
  errors: FieldError[];
  sent: boolean;
  answerWeeks: number;
}

/** The feedback mechanism of the accessibility statement (BITV 2.0 § 7): no account needed. */
export function BarrierForm({ t, csrfToken, input, errors, sent, answerWeeks }: BarrierFormProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <section class="kern-stack-sm" aria-labelledby="barrier-form-title" id="barrier-form">
      <h2 class="kern-heading-medium" id="barrier-form-title">{t('portal.barriers.formTitle')}</h2>
      {sent && <Alert kind="success">{t('portal.barriers.sent', { weeks: answerWeeks })}</Alert>}
      <ErrorSummary title={t('portal.barriers.errorTitle')} errors={errors} />
      <p class="kern-body">{t('portal.barriers.intro', { weeks: answerWeeks })}</p>
      <form method="post" action="/barrierefreiheit/barriere-melden" class="kern-stack-sm">
        <CsrfField token={csrfToken} />
        <FieldFrame name="description" label={t('portal.barriers.description')} hint={t('portal.barriers.descriptionHint')} error={errorOf('description')}>
          {(describedBy) => (
            <textarea class={inputClass(errorOf('description'))} id="description" name="description" rows={6} aria-describedby={describedBy} aria-invalid={errorOf('description') ? 'true' : undefined} dir="auto">
              {input.description}
            </textarea>
          )}
        </FieldFrame>
        <TextField name="pageAddress" label={t('portal.barriers.pageAddress')} hint={t('portal.barriers.optional')} value={input.pageAddress} error={errorOf('pageAddress')} />
        <TextField name="name" label={t('portal.barriers.name')} hint={t('portal.barriers.optional')} value={input.name} error={errorOf('name')} autocomplete="name" />
        <TextField name="email" type="email" label={t('portal.barriers.email')} hint={t('portal.barriers.emailHint')} value={input.email} error={errorOf('email')} autocomplete="email" />
        <Button>{t('portal.barriers.send')}</Button>
      </form>
    </section>
  );
}

export function BarrierQueue({ t, language, csrfToken, reports, answerWeeks }: { t: Translate; language: Language; csrfToken: string; reports: QueuedReport[]; answerWeeks: number }) {
  const open = reports.filter((report) => !report.answered_at);
  const overdue = open.filter((report) => report.overdue).length;
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('portal.barriers.queueTitle')}</h1>
      <p class="kern-body">{t('portal.barriers.queueIntro', { weeks: answerWeeks, open: open.length, overdue })}</p>
      {overdue > 0 && <Alert kind="warning">{t('portal.barriers.overdueCount', { count: overdue })}</Alert>}
      <Table
        caption={t('portal.barriers.queueTitle')}
        rows={reports}
        rowKey={(report) => report.id}
        rowProps={(report) => ({ 'data-report': report.id, 'data-state': report.answered_at ? 'answered' : report.overdue ? 'overdue' : 'open' })}
        empty={<p class="kern-body">{t('portal.barriers.none')}</p>}
        columns={[
          { key: 'received', label: t('portal.barriers.received'), rowHeader: true, cell: (report) => formatInstant(report.received_at, language, { time: 'short' }) },
          {
            key: 'report',
            label: t('portal.barriers.report'),
            cell: (report) => (
              <div class="kern-stack-xs">
                <p class="kern-body" dir="auto">{report.description}</p>
                {report.page_address && <p class="kern-body--small">{t('portal.barriers.pageAddress')}: <span dir="ltr">{report.page_address}</span></p>}
                {(report.reporter_name || report.reporter_email) && <p class="kern-body--small">{[report.reporter_name, report.reporter_email].filter(Boolean).join(', ')} ({t(`portal.languages.${report.language}`)})</p>}
              </div>
            ),
          },
          {
            key: 'deadline',
            label: t('portal.barriers.deadline'),
            cell: (report) => (
              <>
                {formatInstant(report.deadline, language)}
                {report.overdue && <> <span class="kern-badge kern-badge--danger"><span class="kern-label kern-label--small">{t('portal.barriers.overdue')}</span></span></>}
              </>
            ),
          },
          {
            key: 'state',
            label: t('portal.staff.state'),
            cell: (report) =>
              report.answered_at ? (
                <span>{t('portal.barriers.answeredAt', { date: formatInstant(report.answered_at, language) })}{report.answer_note ? `: ${report.answer_note}` : ''}</span>
              ) : (
                <form method="post" action={`/admin/barriers/${report.id}/answered`} class="kern-stack-xs">
                  <CsrfField token={csrfToken} />
                  <TextField name={`note-${report.id}`} label={t('portal.barriers.note')} />
                  <Button kind="secondary" size="small">{t('portal.barriers.markAnswered')}</Button>
                </form>
              ),
          },
        ]}
      />
    </div>
  );
}
