import type { Language, Translate } from '../../../i18n/index.js';
import { formatDay } from '../../../ui/dates.js';
import { Choices } from '../../../ui/choices.js';
import { Alert, CsrfField, DateField, ErrorSummary, TextField, type FieldError } from '../../../ui/forms.js';
import { Table } from '../../../ui/table.js';
import type { PostalConsentInput } from '../postal.js';
import { consentSources } from '../tables.js';
import { errorOf, SubmitButton } from './fields.js';

/** Staff pages of the brochure's distribution list. */

interface Page {
  t: Translate;
  language: Language;
}

type OrganisationRow = { id: number; name: string; municipality: string | null; agreed_on: string | null; withdrawn_on: string | null; source: string | null };

function ConsentState({ t, language, row }: Page & { row: OrganisationRow }) {
  if (!row.agreed_on) return <>{t('newsletter.postal.noConsent')}</>;
  if (row.withdrawn_on) return <>{t('newsletter.postal.withdrawnOn', { date: formatDay(row.withdrawn_on, language) })}</>;
  return <>{t('newsletter.postal.since', { date: formatDay(row.agreed_on, language) })}</>;
}

export function BrochurePage({ t, language, organisations, consenting, notice }: Page & { organisations: OrganisationRow[]; consenting: number; notice?: string }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('newsletter.postal.title')}</h1>
      {notice && <Alert kind="success"><p class="kern-body">{notice}</p></Alert>}
      <p class="kern-body">{t('newsletter.postal.intro')}</p>
      <p class="kern-body" data-consenting={String(consenting)}>{t('newsletter.postal.count', { count: consenting })}</p>
      <ul class="kern-list">
        <li><a class="kern-link" href="/newsletter/brochure.csv" download>{t('newsletter.postal.csv')}</a></li>
        <li><a class="kern-link" href="/newsletter/brochure/labels.pdf" download>{t('newsletter.postal.labels')}</a></li>
      </ul>
      <Table
        caption={t('newsletter.postal.title')}
        rows={organisations}
        rowKey={(row) => row.id}
        columns={[
          { key: 'name', label: t('newsletter.postal.organisation'), rowHeader: true, cell: (row) => row.name },
          { key: 'municipality', label: t('newsletter.postal.municipality'), cell: (row) => row.municipality ?? '–' },
          { key: 'consent', label: t('newsletter.postal.consent'), cell: (row) => <ConsentState t={t} language={language} row={row} /> },
          { key: 'edit', label: t('newsletter.postal.editConsent'), action: true, cell: (row) => <a class="kern-link" href={`/newsletter/brochure/${row.id}`} aria-label={`${t('newsletter.postal.editConsent')}: ${row.name}`}>{t('newsletter.postal.editConsent')}</a> },
        ]}
      />
    </div>
  );
}

export function PostalConsentPage(props: Page & { csrfToken: string; organisation: { id: number; name: string }; values: PostalConsentInput; active: boolean; errors?: FieldError[]; notice?: string; backToOrganisation?: boolean }) {
  const { t, language, csrfToken, organisation, values, errors } = props;
  const action = `/newsletter/brochure/${organisation.id}`;
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('newsletter.postal.consentTitle', { name: organisation.name })}</h1>
      {props.notice && <Alert kind="success"><p class="kern-body">{props.notice}</p></Alert>}
      <ErrorSummary title={t('errors.summary')} errors={errors ?? []} />
      <p class="kern-body">{t('newsletter.postal.consentIntro')}</p>
      <form method="post" action={action} novalidate class="kern-stack">
        <CsrfField token={csrfToken} />
        {props.backToOrganisation && <input type="hidden" name="back" value="organisation" />}
        <TextField name="addressee" label={t('newsletter.postal.addressee')} value={values.addressee} error={errorOf(errors, 'addressee')} />
        <TextField name="street" label={t('newsletter.postal.street')} value={values.street} error={errorOf(errors, 'street')} autocomplete="street-address" required />
        <TextField name="postcode" label={t('newsletter.postal.postcode')} value={values.postcode} error={errorOf(errors, 'postcode')} autocomplete="postal-code" required />
        <TextField name="city" label={t('newsletter.postal.city')} value={values.city} error={errorOf(errors, 'city')} autocomplete="address-level2" required />
        <Choices name="source" type="radio" legend={t('newsletter.postal.source')} error={errorOf(errors, 'source')} options={consentSources.map((source) => [source, t(`newsletter.postal.sources.${source}`)])} checked={[values.source]} />
        <DateField t={t} language={language} name="agreed_on" label={t('newsletter.postal.agreedOn')} value={values.agreedOn} error={errorOf(errors, 'agreed_on')} required />
        <SubmitButton label={t('newsletter.postal.save')} />
      </form>
      {props.active && (
        <form method="post" action={`${action}/withdraw`} class="kern-stack">
          <CsrfField token={csrfToken} />
          {props.backToOrganisation && <input type="hidden" name="back" value="organisation" />}
          <SubmitButton label={t('newsletter.postal.withdraw')} secondary />
        </form>
      )}
      <p class="kern-body">
        {props.backToOrganisation ? (
          <a class="kern-link" href={`/organisations/${organisation.id}#postal-consent`}>{t('newsletter.postal.backToOrganisation', { name: organisation.name })}</a>
        ) : (
          <a class="kern-link" href="/newsletter/brochure">{t('newsletter.postal.back')}</a>
        )}
      </p>
    </div>
  );
}
