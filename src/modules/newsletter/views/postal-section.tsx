import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { formatDay } from '../../../ui/dates.js';
import type { OrganisationSectionContext } from '../../module.js';
import { postalConsentHistory, postalConsentOf } from '../postal.js';

/**
 * The brochure's postal consent on the organisation's page (staff only): the
 * state, the address, the change link, and the history from the audit log.
 */
export async function postalConsentSection(db: Kysely<Database>, { organisationId, t, language }: OrganisationSectionContext) {
  const consent = await postalConsentOf(db, organisationId);
  const history = await postalConsentHistory(db, organisationId);
  const active = consent && !consent.withdrawn_on;
  const state = !consent
    ? t('newsletter.postal.sectionNone')
    : active
      ? t('newsletter.postal.sectionActive', { date: formatDay(consent.agreed_on, language), source: t(`newsletter.postal.sources.${consent.source}`) })
      : t('newsletter.postal.withdrawnOn', { date: formatDay(consent.withdrawn_on!, language) });
  return (
    <section class="kern-stack-sm" id="postal-consent" aria-labelledby="postal-consent-title" data-postal-consent={active ? 'yes' : 'no'}>
      <h2 class="kern-heading-medium" id="postal-consent-title">{t('newsletter.postal.sectionTitle')}</h2>
      <p class="kern-body">{state}</p>
      {active && (
        <p class="kern-body mosaik-pre-line">{[consent.addressee, consent.street, `${consent.postcode} ${consent.city}`].filter(Boolean).join('\n')}</p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/newsletter/brochure/${organisationId}?back=organisation`}>{t(consent ? 'newsletter.postal.editConsent' : 'newsletter.postal.sectionRecord')}</a>
      </p>
      {history.length > 0 && (
        <>
          <h3 class="kern-heading-small">{t('newsletter.postal.sectionHistory')}</h3>
          <ul class="kern-list" data-postal-history>
            {history.map((entry) => (
              <li key={entry.id}>
                {formatDay(entry.at, language)}: {t(entry.action === 'newsletter.postal.consent' ? 'newsletter.postal.historyRecorded' : 'newsletter.postal.historyWithdrawn')}
                {entry.by ? ` (${entry.by})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
