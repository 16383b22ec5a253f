import type { Translate } from '../../i18n/index.js';
import type { findOutboxMail, OutboxEntry, OutboxStatus } from './outbox.js';
import { outboxStatuses } from './outbox.js';
import { removedSecret } from './secret-links.js';

/**
 * The outbox page: what was (or would have been) sent. In the demo and in
 * development no mail server is configured, so this is where a registration's
 * confirmation can be read. Preact escapes every value.
 */

type Mail = NonNullable<Awaited<ReturnType<typeof findOutboxMail>>>;

// timestamps arrive as Date (PostgreSQL, PGlite); typed loosely by the generated column types
const moment = (value: unknown, language: string) =>
  value === null || value === undefined ? '–' : new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(value as Date));

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
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('mail.outbox.filterSubmit')}</span></button>
      </form>
      {mails.length === 0 ? (
        <p>{t('mail.outbox.empty')}</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--small" data-table="outbox">
            <caption class="kern-title">{t('mail.outbox.caption', { count: mails.length, limit: props.limit })}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">{t('mail.field.created')}</th>
                <th scope="col" class="kern-table__header">{t('mail.field.to')}</th>
                <th scope="col" class="kern-table__header">{t('mail.field.subject')}</th>
                <th scope="col" class="kern-table__header">{t('mail.field.kind')}</th>
                <th scope="col" class="kern-table__header">{t('mail.field.status')}</th>
                <th scope="col" class="kern-table__header kern-table__header--numeric">{t('mail.field.attempts')}</th>
                <th scope="col" class="kern-table__header">{t('mail.field.nextAttempt')}</th>
                <th scope="col" class="kern-table__header">{t('mail.field.lastError')}</th>
                <th scope="col" class="kern-table__header">{t('mail.field.sentAt')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {mails.map((mail) => (
                <tr class="kern-table__row" data-kind={mail.kind}>
                  <td class="kern-table__cell">{moment(mail.created_at, language)}</td>
                  <td class="kern-table__cell">{mail.to_address}</td>
                  <td class="kern-table__cell"><a class="kern-link" href={`/outbox/${mail.id}`}>{mail.subject}</a></td>
                  <td class="kern-table__cell">{mail.kind}</td>
                  <td class="kern-table__cell" data-status={mail.status}>{t(`mail.status.${mail.status}`)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{mail.attempts}</td>
                  <td class="kern-table__cell">{mail.status === 'queued' ? moment(mail.next_attempt_at, language) : '–'}</td>
                  <td class="kern-table__cell">{mail.last_error ?? '–'}</td>
                  <td class="kern-table__cell">{moment(mail.sent_at, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
      <dl class="kern-description-list">
        {facts.map(([key, value]) => (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{key}</dt>
            <dd class="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
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
