import type { Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, FieldFrame, inputClass } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import type { ErasurePlan } from './erasure.js';
import { cellText, tableLabel } from './export-views.js';
import type { OrganisationErasurePlan } from './organisation-erasure.js';
import { catalogueEntry } from './personal-data.js';
import { Button } from '../../ui/button.js';

/** Confirmation pages of the erasures: what will change (a dry run), then a form with a typed reason. */

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

function ReasonForm({ t, action, csrfToken, reason, error, submit }: { t: Translate; action: string; csrfToken: string; reason: string; error?: string; submit: string }) {
  return (
    <form method="post" action={action} class="kern-stack-sm" noValidate>
      <CsrfField token={csrfToken} />
      <FieldFrame name="reason" label={t('privacy.erase.reason')} hint={t('privacy.erase.reasonHint')} error={error}>
        {(describedBy) => (
          <textarea class={inputClass(error)} id="reason" name="reason" rows={3} required aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
            {reason}
          </textarea>
        )}
      </FieldFrame>
      <Button>{submit}</Button>
    </form>
  );
}

interface PersonErasePageProps {
  t: Translate;
  csrfToken: string;
  plan: ErasurePlan;
  reason: string;
  error?: string;
  done: boolean;
}

export function PersonErasePage({ t, csrfToken, plan, reason, error, done }: PersonErasePageProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`privacy.erase.${key}`, options);
  return (
    <div class="kern-stack-lg">
      <ErrorSummary title={t('privacy.erase.errorTitle')} errors={error ? [{ field: 'reason', message: error }] : []} />
      <h1 class="kern-heading-large">{p('personTitle', { name: plan.name })}</h1>
      {done && <Alert kind="success">{p('personDone')}</Alert>}
      {plan.alreadyErased && !done && <Alert kind="info">{p('alreadyErased')}</Alert>}
      {!plan.alreadyErased && (
        <>
          <Alert kind="warning">{p('personWarning')}</Alert>
          <h2 class="kern-heading-medium" id="plan-title">{p('planTitle')}</h2>
          <Table
            caption={p('planCaption')}
            rows={plan.tables}
            rowKey={(table) => table.table}
            columns={[
              { key: 'table', label: p('table'), rowHeader: true, cell: (table) => tableLabel(t, table.table) },
              { key: 'count', label: p('count'), numeric: true, cell: (table) => table.count },
              { key: 'what', label: p('what'), cell: (table) => <span lang="de">{table.erasure}</span> },
              {
                key: 'examples',
                label: p('examples'),
                cell: (table) => {
                  const entry = catalogueEntry(table.table);
                  const columns = entry?.personal ? entry.columns : [];
                  return table.examples.map((row, index) => (
                    <div key={index}>{shorten(columns.map((column) => (row[column] == null ? '' : cellText(row[column]))).filter(Boolean).join(' · ') || '–')}</div>
                  ));
                },
              },
            ]}
          />
          <p class="kern-body">{p('consentNote')}</p>
          <ReasonForm t={t} action={`/people/${plan.personId}/erase`} csrfToken={csrfToken} reason={reason} error={error} submit={p('personSubmit')} />
        </>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/people/${plan.personId}`}>{p('backToPerson')}</a>
      </p>
    </div>
  );
}

interface OrganisationErasePageProps {
  t: Translate;
  csrfToken: string;
  plan: OrganisationErasurePlan;
  persons: { id: number; fullName: string }[];
  reason: string;
  error?: string;
  done: boolean;
}

export function OrganisationErasePage({ t, csrfToken, plan, persons, reason, error, done }: OrganisationErasePageProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`privacy.erase.${key}`, options);
  const list = (keys: string[]) => (
    <ul class="kern-list">
      {keys.map((key) => (
        <li key={key}>{p(key)}</li>
      ))}
    </ul>
  );
  return (
    <div class="kern-stack-lg">
      <ErrorSummary title={t('privacy.erase.errorTitle')} errors={error ? [{ field: 'reason', message: error }] : []} />
      <h1 class="kern-heading-large">{p('organisationTitle', { name: plan.name })}</h1>
      {done && <Alert kind="success">{p('organisationDone')}</Alert>}
      {plan.alreadyErased && !done && <Alert kind="info">{p('alreadyErased')}</Alert>}
      {!plan.alreadyErased && (
        <>
          <Alert kind="warning">{p('organisationWarning')}</Alert>
          <h2 class="kern-heading-medium">{p('clearedTitle')}</h2>
          {list(['clearedName', 'clearedContacts', 'clearedTexts', 'clearedRequests', 'clearedAccess'])}
          {plan.aliases.length > 0 && <p class="kern-body">{p('aliases', { aliases: plan.aliases.join(', ') })}</p>}
          <h2 class="kern-heading-medium">{p('keptTitle')}</h2>
          {list(['keptProfile', 'keptActivity'])}
          <p class="kern-body">
            {p('counts', { participations: plan.counts.participations, consultations: plan.counts.consultations, grants: plan.counts.grants, requests: plan.counts.consultationRequests, claims: plan.counts.claims, scopes: plan.counts.scopes })}
          </p>
          <h2 class="kern-heading-medium">{p('personsTitle')}</h2>
          <p class="kern-body">{p('personsNote', { count: persons.length })}</p>
          {persons.length > 0 && (
            <ul class="kern-list">
              {persons.map((person) => (
                <li key={person.id}>
                  <a class="kern-link" href={`/people/${person.id}/erase`}>{p('erasePerson', { name: person.fullName })}</a>
                </li>
              ))}
            </ul>
          )}
          <ReasonForm t={t} action={`/organisations/${plan.organisationId}/erase`} csrfToken={csrfToken} reason={reason} error={error} submit={p('organisationSubmit')} />
        </>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/organisations/${plan.organisationId}`}>{p('backToOrganisation')}</a>
      </p>
    </div>
  );
}
