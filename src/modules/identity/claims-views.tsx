import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary } from '../../ui/forms.js';
import type { Claim } from './claims.js';
import { formatMoment, Input, SubmitButton, TextArea } from './fields.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/** The staff queue of organisation claims (/claims). */

export type ClaimsDone = 'confirmed' | 'rejected';

export interface ClaimProblem {
  claimId: number;
  /** The field of that claim's forms the message belongs to. */
  field: 'existing' | 'note';
  message: string;
}

interface QueueProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  claims: Claim[];
  done?: ClaimsDone;
  problem?: ClaimProblem;
}

export function ClaimsPage({ t, language, csrfToken, claims, done, problem }: QueueProps) {
  const q = (key: string, options?: Record<string, unknown>) => t(`accounts.queue.${key}`, options);
  const fieldId = (claimId: number, field: string) => `claim-${claimId}-${field}`;
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{q('title')}</h1>
      {done && <Alert kind="success">{q(`done.${done}`)}</Alert>}
      {problem && <ErrorSummary title={t('accounts.form.errorTitle')} errors={[{ field: fieldId(problem.claimId, problem.field), message: problem.message }]} />}
      <p>{q('intro')}</p>
      {claims.length === 0 && <p>{q('empty')}</p>}
      {claims.map((claim) => {
        const errorFor = (field: 'existing' | 'note') => (problem?.claimId === claim.id && problem.field === field ? problem.message : undefined);
        return (
          <section aria-labelledby={`claim-${claim.id}`} class="kern-stack-sm" key={claim.id}>
            <h2 class="kern-heading-medium" id={`claim-${claim.id}`}>
              {claim.proposed ? q('proposalTitle', { name: claim.organisationName }) : claim.organisationName}
            </h2>
            <DescriptionList>
              <Detail label={q('who')}>{claim.accountName ? `${claim.accountName} (${claim.accountEmail})` : claim.accountEmail}</Detail>
              <Detail label={q('role')}>{t(`accounts.personRoles.${claim.role}`)}</Detail>
              <Detail label={q('place')}>{[claim.municipality, claim.district].filter(Boolean).join(', ') || '–'}</Detail>
              <Detail label={q('message')}>{claim.message || '–'}</Detail>
              <Detail label={q('since')}>{formatMoment(language, claim.createdAt)}</Detail>
            </DescriptionList>
            {claim.organisationId !== null && (
              <p>
                <a class="kern-link" href={`/organisations/${claim.organisationId}`}>
                  {q('openOrganisation', { name: claim.organisationName })}
                </a>
              </p>
            )}
            <form method="post" action={`/claims/${claim.id}/confirm`} class="kern-stack-sm" noValidate>
              <CsrfField token={csrfToken} />
              {claim.proposed && (
                <Input name="existing" label={q('existing')} hint={q('existingHint', { name: claim.organisationName })} value="" error={errorFor('existing')} id={fieldId(claim.id, 'existing')} />
              )}
              <SubmitButton label={q('confirm')} />
            </form>
            <form method="post" action={`/claims/${claim.id}/reject`} class="kern-stack-sm" noValidate>
              <CsrfField token={csrfToken} />
              <TextArea name="note" label={q('note')} hint={q('noteHint')} value="" error={errorFor('note')} rows={2} id={fieldId(claim.id, 'note')} />
              <SubmitButton label={q('reject')} kind="secondary" />
            </form>
          </section>
        );
      })}
    </div>
  );
}
