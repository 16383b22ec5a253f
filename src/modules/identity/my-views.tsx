import type { VNode } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary } from '../../ui/forms.js';
import type { RepresentedOrganisation } from './scopes.js';
import { personRoles } from '../people/index.js';
import type { ClaimField, ClaimFormError, ClaimInput } from './claim-form.js';
import type { Claim } from './claims.js';
import { formatMoment, Input, Select, SubmitButton, TextArea } from './fields.js';

/** The representative's home (/my) and the claim page (/my/claim). */

/** `sections`: what other modules show here (representativeSection of src/modules/module.ts), in their order. */
export function MyPage({ t, language, organisations, claims, claimed, sections = [] }: { t: Translate; language: Language; organisations: RepresentedOrganisation[]; claims: Claim[]; claimed: boolean; sections?: VNode[] }) {
  const m = (key: string, options?: Record<string, unknown>) => t(`accounts.my.${key}`, options);
  const pending = claims.filter((claim) => claim.status === 'pending');
  const decided = claims.filter((claim) => claim.status !== 'pending');
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{m('title')}</h1>
      {claimed && <Alert kind="success">{m('claimed')}</Alert>}
      <section aria-labelledby="my-organisations" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="my-organisations">
          {m('organisations')}
        </h2>
        {organisations.length === 0 ? (
          <p>{m('noOrganisations')}</p>
        ) : (
          <ul class="kern-list">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <a class="kern-link" href={`/organisations/${organisation.id}`}>
                  {organisation.name}
                </a>{' '}
                (
                <a class="kern-link" href={`/organisations/${organisation.id}/edit`} aria-label={m('editNamed', { name: organisation.name })}>
                  {m('edit')}
                </a>
                )
              </li>
            ))}
          </ul>
        )}
        <p>
          <a class="kern-link" href="/my/claim">
            {m('claimLink')}
          </a>
        </p>
      </section>
      {sections}
      <section aria-labelledby="my-claims" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="my-claims">
          {m('claims')}
        </h2>
        {claims.length === 0 && <p>{m('noClaims')}</p>}
        {pending.length > 0 && (
          <ul class="kern-list">
            {pending.map((claim) => (
              <li key={claim.id}>{m('pending', { name: claim.organisationName, role: t(`accounts.personRoles.${claim.role}`), date: formatMoment(language, claim.createdAt) })}</li>
            ))}
          </ul>
        )}
        {decided.length > 0 && (
          <ul class="kern-list">
            {decided.map((claim) => (
              <li key={claim.id}>
                {m(claim.status, { name: claim.organisationName, date: formatMoment(language, claim.decidedAt ?? claim.createdAt) })}
                {claim.decisionNote && <div class="kern-body--small">{m('note', { note: claim.decisionNote })}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-more" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="my-more">
          {m('more')}
        </h2>
        <ul class="kern-list">
          <li>
            <a class="kern-link" href="/my/consultation-requests">
              {m('consultation')}
            </a>
          </li>
          <li>
            <a class="kern-link" href="/my/data">
              {m('data')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}

interface ClaimPageProps {
  t: Translate;
  csrfToken: string;
  q: string;
  /** null: no search yet (or too short). */
  results: { id: number; name: string; municipality: string | null }[] | null;
  tooShort: boolean;
  chosen: { id: number; name: string; municipality: string | null } | null;
  propose: boolean;
  input: ClaimInput;
  errors: ClaimFormError[];
}

const claimMessage = (t: Translate, error: ClaimFormError) => t(`accounts.claim.errors.${error.code}`, { field: t(`accounts.claim.labels.${error.field}`) });

export function ClaimPage({ t, csrfToken, q, results, tooShort, chosen, propose, input, errors }: ClaimPageProps) {
  const c = (key: string, options?: Record<string, unknown>) => t(`accounts.claim.${key}`, options);
  const errorOf = (field: ClaimField) => {
    const error = errors.find((entry) => entry.field === field);
    return error ? claimMessage(t, error) : undefined;
  };
  const roleAndMessage = (
    <>
      <Select name="role" label={c('labels.role')} value={input.role ?? 'board'} error={errorOf('role')} options={personRoles.map((role) => ({ value: role, label: t(`accounts.personRoles.${role}`) }))} />
      <TextArea name="message" label={c('labels.message')} hint={c('hints.message')} value={input.message ?? ''} error={errorOf('message')} />
    </>
  );
  return (
    <div class="kern-stack-lg">
      <p>
        <a class="kern-link" href="/my">
          {c('back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{c('title')}</h1>
      <ErrorSummary title={t('accounts.form.errorTitle')} errors={errors.map((error) => ({ field: error.field, message: claimMessage(t, error) }))} />
      <p>{c('intro')}</p>
      <form method="get" action="/my/claim" class="kern-stack-sm" role="search">
        <Input name="q" label={c('search')} hint={c('searchHint')} value={q} error={tooShort ? c('tooShort') : undefined} />
        <SubmitButton label={c('searchSubmit')} kind="secondary" />
      </form>
      {results && (
        <section aria-labelledby="claim-results" class="kern-stack-sm">
          <h2 class="kern-heading-medium" id="claim-results">
            {c('results', { count: results.length })}
          </h2>
          {results.length === 0 && <p>{c('noResults')}</p>}
          <ul class="kern-list">
            {results.map((organisation) => (
              <li key={organisation.id}>
                {organisation.name}
                {organisation.municipality && ` (${organisation.municipality})`}{' '}
                <a class="kern-link" href={`/my/claim?organisation=${organisation.id}`} aria-label={c('chooseNamed', { name: organisation.name })}>
                  {c('choose')}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a class="kern-link" href={`/my/claim?propose=1&q=${encodeURIComponent(q)}`}>
              {c('notFound')}
            </a>
          </p>
        </section>
      )}
      {chosen && (
        // id: the error summary links here for problems with the organisation itself
        <section aria-labelledby="claim-existing" class="kern-stack-sm" id="organisation_id" tabIndex={-1}>
          <h2 class="kern-heading-medium" id="claim-existing">
            {c('claimTitle', { name: chosen.name })}
          </h2>
          {chosen.municipality && <p>{c('municipality', { municipality: chosen.municipality })}</p>}
          <form method="post" action="/my/claim" class="kern-stack-md" noValidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="organisation_id" value={String(chosen.id)} />
            {roleAndMessage}
            <SubmitButton label={c('submit')} />
          </form>
        </section>
      )}
      {propose && !chosen && (
        <section aria-labelledby="claim-propose" class="kern-stack-sm">
          <h2 class="kern-heading-medium" id="claim-propose">
            {c('proposeTitle')}
          </h2>
          <p>{c('proposeIntro')}</p>
          <form method="post" action="/my/claim" class="kern-stack-md" noValidate>
            <CsrfField token={csrfToken} />
            <Input name="proposed_name" label={c('labels.proposed_name')} value={input.proposed_name ?? ''} error={errorOf('proposed_name')} />
            <Input name="proposed_municipality" label={c('labels.proposed_municipality')} value={input.proposed_municipality ?? ''} error={errorOf('proposed_municipality')} />
            {roleAndMessage}
            <SubmitButton label={c('proposeSubmit')} />
          </form>
        </section>
      )}
    </div>
  );
}
