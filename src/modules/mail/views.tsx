import { isLanguage, type Language, type Translate } from '../../i18n/index.js';
import { formatInstant } from '../../ui/dates.js';
import { Table } from '../../ui/table.js';
import type { findOutboxMail, OutboxEntry, OutboxStatus } from './outbox.js';
import { outboxStatuses } from './outbox.js';
import { removedSecret } from './secret-links.js';
import { Button } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/**
 * The outbox page: what was (or would have been) sent. In the demo and in
 * development no mail server is configured, so this is where a registration's
 * confirmation can be read. Preact escapes every value.
 */

const asLanguage = (language: string): Language => (isLanguage(language) ? language : 'de');

type Mail = NonNullable<Awaited<ReturnType<typeof findOutboxMail>>>;

// timestamps arrive as Date (PostgreSQL, PGlite); typed loosely by the generated column types
const moment = (value: unknown, language: string) =>
  value === null || value === undefined ? '–' : formatInstant(new Date(value as Date), asLanguage(language), { style: 'numeric', time: 'medium' });

export function OutboxPage(props: { t: Translate; language: string; mails: OutboxEntry[]; status?: OutboxStatus; limit: number; failed?: number }) {
  const { t, mails, language } = props;
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('mail.outbox.title')}</h1>
      <p>{t('mail.outbox.intro')}</p>
      {(props.failed ?? 0) > 0 && (
        <div class="kern-alert kern-alert--warning" role="status" data-failed-mails={String(props.failed)}>
          <div class="kern-alert__body">
            <p class="kern-body">
              {t('mail.outbox.failedNotice', { count: props.failed })}{' '}
              {props.status !== 'failed' && <a class="kern-link" href="/outbox?status=failed">{t('mail.outbox.showFailed')}</a>}
            </p>
          </div>
        </div>
      )}
      <form method="get" action="/outbox" class="mosaik-inline-form">
        <div class="kern-form-input">
          <label class="kern-label" for="status">{t('mail.outbox.filter')}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="status" name="status">
              <option value="">{t('mail.outbox.allStatuses')}</option>
              {outboxStatuses.map((status) => (
                <option value={status} selected={status === props.status}>{t(`mail.status.${status}`)}</option>
              ))}
            </select>
          </div>
        </div>
        <Button kind="secondary">{t('mail.outbox.filterSubmit')}</Button>
      </form>
      {mails.length === 0 ? (
        <p>{t('mail.outbox.empty')}</p>
      ) : (
        <Table
          caption={t('mail.outbox.caption', { count: mails.length, limit: props.limit })}
          captionVisible
          tableProps={{ 'data-table': 'outbox' }}
          rows={mails}
          rowKey={(mail) => mail.id}
          rowProps={(mail) => ({ 'data-kind': mail.kind })}
          columns={[
            { key: 'created', label: t('mail.field.created'), cell: (mail) => moment(mail.created_at, language) },
            { key: 'to', label: t('mail.field.to'), cell: (mail) => mail.to_address },
            {
              key: 'subject',
              label: t('mail.field.subject'),
              rowHeader: true,
              cell: (mail) => (
                <a class="kern-link" href={`/outbox/${mail.id}`}>
                  {mail.subject}
                </a>
              ),
            },
            { key: 'kind', label: t('mail.field.kind'), cell: (mail) => mail.kind },
            { key: 'status', label: t('mail.field.status'), cell: (mail) => <span data-status={mail.status}>{t(`mail.status.${mail.status}`)}</span> },
            { key: 'attempts', label: t('mail.field.attempts'), numeric: true, cell: (mail) => mail.attempts },
            { key: 'nextAttempt', label: t('mail.field.nextAttempt'), cell: (mail) => (mail.status === 'queued' ? moment(mail.next_attempt_at, language) : '–') },
            { key: 'lastError', label: t('mail.field.lastError'), cell: (mail) => mail.last_error ?? '–' },
            { key: 'sentAt', label: t('mail.field.sentAt'), cell: (mail) => moment(mail.sent_at, language) },
          ]}
        />
      )}
    </div>
  );
}

export function OutboxMailPage(props: { t: Translate; language: string; mail: Mail }) {
  const { t, mail, language } = props;
  const hasRemovedSecret = mail.text_body.includes(removedSecret);
  const facts: [string, string][] = [
    [t('mail.field.to'), mail.to_address],
    [t('mail.field.kind'), mail.kind],
    [t('mail.field.status'), t(`mail.status.${mail.status}`)],
    [t('mail.field.created'), moment(mail.created_at, language)],
    [t('mail.field.attempts'), String(mail.attempts)],
    [t('mail.field.lastError'), mail.last_error ?? '–'],
    [t('mail.field.sentAt'), moment(mail.sent_at, language)],
  ];
  return (
    <div class="kern-stack-md">
      <p><a class="kern-link" href="/outbox">{t('mail.mail.back')}</a></p>
      <h1 class="kern-heading-large">{mail.subject}</h1>
      <DescriptionList>
        {facts.map(([key, value]) => (
          <Detail label={key}>{value}</Detail>
        ))}
      </DescriptionList>
      <h2 class="kern-heading-medium">{t('mail.mail.text')}</h2>
      {hasRemovedSecret && <p data-secrets-removed="">{t('mail.mail.secretsRemoved')}</p>}
      {/* paragraphs and line breaks as in the plain text; no inline styles (the CSP forbids them) */}
      <div class="kern-stack-sm" data-mail-text="">
        {mail.text_body.split(/\n{2,}/).map((paragraph) => (
          <p>
            {paragraph.split('\n').map((line, index) => (
              <>
                {index > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ))}
      </div>
    </div>
  );
}
