import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, dateHint, ErrorSummary, FieldFrame, type FieldError, inputClass } from '../../ui/forms.js';
import type { FormInput } from './form.js';
import type { ConsentRecord, ConsentWording, PersonRecord, PersonRoleRecord } from './queries.js';
import { consentSources, personRoles } from './tables.js';
import { formatDay } from '../../ui/dates.js';
import { Button } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/** One person's page: details, roles in organisations, consents with their history. */

export const dayOf = (language: Language, isoDay: string) => formatDay(isoDay, language);

/** A failed form on the page: which form, its errors (the field is the control's id) and what was typed. */
export interface PageProblem {
  form: 'role' | 'consent' | `withdraw-${number}` | 'roleChange';
  errors: FieldError[];
  input: FormInput;
}

interface PersonProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  person: PersonRecord;
  roles: PersonRoleRecord[];
  consents: ConsentRecord[];
  wordings: ConsentWording[];
  /** Centre staff: everything, with the forms. Coordinators: name, language, roles; contact only with consent. */
  staffView: boolean;
  /** Admins may erase a person (Art. 17 GDPR). */
  canErase?: boolean;
  showContact: boolean;
  today: string;
  done?: string;
  problem?: PageProblem;
}

export function PersonPage(props: PersonProps) {
  const { t, person, staffView, done, problem } = props;
  const p = (key: string, options?: Record<string, unknown>) => t(`people.person.${key}`, options);
  if (person.erasedAt !== null) {
    return (
      <div class="kern-stack-lg">
        <h1 class="kern-heading-large">{t('people.erased')}</h1>
        <Alert kind="info">{p('erasedNotice')}</Alert>
      </div>
    );
  }
  const none = '–';
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{person.fullName}</h1>
      {done && <Alert kind="success">{p(`done.${done}`)}</Alert>}
      {problem && <ErrorSummary title={p('errorTitle')} errors={problem.errors} />}
      {staffView && (
        <p>
          <a class="kern-link" href={`/people/${person.id}/edit`}>
            {p('edit')}
          </a>{' '}
          · <a class="kern-link" href={`/people/${person.id}/export`}>{p('exportLink')}</a>
          {props.canErase && (
            <>
              {' '}
              · <a class="kern-link" href={`/people/${person.id}/erase`}>{p('eraseLink')}</a>
            </>
          )}
        </p>
      )}
      <Section id="details" title={p('details')}>
        <DescriptionList>
          {props.showContact ? (
            <>
              <Detail label={t('people.form.labels.email')}>{person.email ? <a class="kern-link" href={`mailto:${person.email}`}>{person.email}</a> : none}</Detail>
              <Detail label={t('people.form.labels.phone')}>{person.phone ?? none}</Detail>
            </>
          ) : (
            <Detail label={p('contact')}>{p('contactHidden')}</Detail>
          )}
          <Detail label={t('people.form.labels.preferred_language')}>{t(`people.languages.${person.preferredLanguage}`)}</Detail>
          {staffView && <Detail label={t('people.form.labels.notes')}>{person.notes ?? none}</Detail>}
          {staffView && <Detail label={p('source')}>{p(`sources.${person.source}`)}</Detail>}
        </DescriptionList>
      </Section>
      <RolesSection {...props} />
      {staffView && <ConsentsSection {...props} />}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`section-${id}`} class="kern-stack-sm">
      <h2 class="kern-heading-medium" id={`section-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}


/** The error shown at a control, from the page's problem. */
const errorAt = (problem: PageProblem | undefined, id: string) => problem?.errors.find((error) => error.field === id)?.message;

function Input({ id, name, label, value, type = 'text', problem, hint }: { id: string; name: string; label: string; value?: string; type?: string; problem?: PageProblem; hint?: string }) {
  const error = errorAt(problem, id);
  return (
    <FieldFrame name={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          class={`${inputClass(error)}${type === 'date' ? ' kern-form-input__input--width-10' : ''}`}
          id={id}
          name={name}
          type={type}
          value={value ?? ''}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      )}
    </FieldFrame>
  );
}

function Select({ id, name, label, options, value, problem, choose }: { id: string; name: string; label: string; options: [string, string][]; value?: string; problem?: PageProblem; choose: string }) {
  const error = errorAt(problem, id);
  return (
    <FieldFrame name={id} label={label} error={error}>
      {(describedBy) => (
        <div class="kern-form-input__select-wrapper">
          <select class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`} id={id} name={name} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
            <option value="">{choose}</option>
            {options.map(([option, label]) => (
              <option key={option} value={option} selected={value === option}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}

function RolesSection({ t, language, csrfToken, person, roles, staffView, problem }: PersonProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`people.person.${key}`, options);
  const period = (role: PersonRoleRecord) =>
    [role.since ? p('since', { date: dayOf(language, role.since) }) : '', role.until ? p('until', { date: dayOf(language, role.until) }) : ''].filter(Boolean).join(' ');
  const input = problem?.form === 'role' ? problem.input : {};
  const hidden = (role: PersonRoleRecord) => (
    <>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="organisation_id" value={String(role.organisationId)} />
      <input type="hidden" name="role" value={role.role} />
    </>
  );
  return (
    <Section id="roles" title={p('roles')}>
      {roles.length === 0 ? (
        <p>{p('noRoles')}</p>
      ) : (
        <ul class="kern-list">
          {roles.map((role) => (
            <li key={`${role.organisationId}-${role.role}`}>
              <span class="kern-body--bold">{t(`people.roles.${role.role}`)}</span>:{' '}
              <a class="kern-link" href={`/organisations/${role.organisationId}`}>
                {role.organisationName}
              </a>{' '}
              {period(role) && <span class="kern-body--small">({period(role)})</span>} {!role.active && <span class="kern-body--small">– {p('ended')}</span>}
              {staffView && role.active && (
                <form method="post" action={`/people/${person.id}/roles/end`} class="mosaik-inline-form">
                  {hidden(role)}
                  <Button kind="tertiary" size="small" aria-label={p('endRoleFor', { role: t(`people.roles.${role.role}`), organisation: role.organisationName })}>{p('endRole')}</Button>
                </form>
              )}
              {staffView && (
                <form method="post" action={`/people/${person.id}/roles/remove`} class="mosaik-inline-form">
                  {hidden(role)}
                  <Button kind="tertiary" size="small" aria-label={p('removeRoleFor', { role: t(`people.roles.${role.role}`), organisation: role.organisationName })}>{p('removeRole')}</Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {staffView && (
        <form method="post" action={`/people/${person.id}/roles`} class="kern-stack-sm" noValidate>
          <CsrfField token={csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{p('addRole')}</legend>
            <div class="kern-fieldset__body kern-stack-sm">
              <Input id="role-organisation" name="organisation" label={p('labels.organisation')} hint={p('hints.organisation')} value={input.organisation} problem={problem} />
              <Select id="role-role" name="role" label={p('labels.role')} choose={p('choose')} value={input.role} problem={problem} options={personRoles.map((role) => [role, t(`people.roles.${role}`)])} />
              <Input id="role-since" name="since" type="date" hint={dateHint(t, language)} label={p('labels.since')} value={input.since} problem={problem} />
              <Input id="role-until" name="until" type="date" hint={dateHint(t, language)} label={p('labels.until')} value={input.until} problem={problem} />
            </div>
          </fieldset>
          <Button kind="secondary">{p('addRoleSubmit')}</Button>
        </form>
      )}
    </Section>
  );
}

function ConsentsSection({ t, language, csrfToken, person, consents, wordings, today, problem }: PersonProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`people.person.${key}`, options);
  const source = (value: string) => t(`people.consentSources.${value}`);
  const input = problem?.form === 'consent' ? problem.input : {};
  return (
    <Section id="consents" title={p('consents')}>
      {consents.length === 0 ? (
        <p>{p('noConsents')}</p>
      ) : (
        <ul class="kern-list kern-stack-sm">
          {consents.map((consent) => {
            const withdrawInput = problem?.form === `withdraw-${consent.id}` ? problem.input : {};
            const prefix = `withdraw-${consent.id}`;
            return (
              <li key={consent.id}>
                <span class="kern-body--bold">{t(`people.purposes.${consent.purpose}`)}</span>:{' '}
                {p('given', { date: dayOf(language, consent.givenOn), source: source(consent.source) })}
                {consent.withdrawnOn && ` / ${p('withdrawn', { date: dayOf(language, consent.withdrawnOn), source: source(consent.withdrawalSource ?? 'staff') })}`}{' '}
                <span class={consent.active ? 'kern-badge kern-badge--success' : 'kern-badge'}>{consent.active ? p('active') : p('inactive')}</span>
                <blockquote class="kern-body--small">
                  {p('wording', { version: consent.wordingVersion })}: „{language === 'en' ? consent.textEn : consent.textDe}“
                </blockquote>
                {consent.withdrawnOn === null && (
                  <form method="post" action={`/people/${person.id}/consents/${consent.id}/withdraw`} class="kern-stack-sm" noValidate>
                    <CsrfField token={csrfToken} />
                    <fieldset class="kern-fieldset">
                      <legend class="kern-label">{p('withdrawLegend', { purpose: t(`people.purposes.${consent.purpose}`) })}</legend>
                      <div class="kern-fieldset__body kern-stack-sm">
                        <Input id={`${prefix}-withdrawn_on`} name="withdrawn_on" type="date" hint={dateHint(t, language)} label={p('labels.withdrawn_on')} value={withdrawInput.withdrawn_on ?? today} problem={problem} />
                        <Select
                          id={`${prefix}-withdrawal_source`}
                          name="withdrawal_source"
                          label={p('labels.withdrawal_source')}
                          choose={p('choose')}
                          value={withdrawInput.withdrawal_source}
                          problem={problem}
                          options={consentSources.map((value) => [value, source(value)])}
                        />
                      </div>
                    </fieldset>
                    <Button kind="tertiary">{p('withdrawSubmit')}</Button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form method="post" action={`/people/${person.id}/consents`} class="kern-stack-sm" noValidate>
        <CsrfField token={csrfToken} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{p('recordConsent')}</legend>
          <div class="kern-fieldset__body kern-stack-sm">
            <Select
              id="consent-wording"
              name="wording"
              label={p('labels.wording')}
              choose={p('choose')}
              value={input.wording}
              problem={problem}
              options={wordings.map((wording) => [`${wording.purpose}:${wording.version}`, p('wordingOption', { purpose: t(`people.purposes.${wording.purpose}`), version: wording.version })])}
            />
            <details class="kern-body--small">
              <summary>{p('wordingTexts')}</summary>
              <DescriptionList>
                {wordings.map((wording) => (
                  <Detail key={`${wording.purpose}:${wording.version}`} label={p('wordingOption', { purpose: t(`people.purposes.${wording.purpose}`), version: wording.version })}>
                    {language === 'en' ? wording.textEn : wording.textDe}
                  </Detail>
                ))}
              </DescriptionList>
            </details>
            <Input id="consent-given_on" name="given_on" type="date" hint={dateHint(t, language)} label={p('labels.given_on')} value={input.given_on ?? today} problem={problem} />
            <Select id="consent-source" name="source" label={p('labels.source')} choose={p('choose')} value={input.source} problem={problem} options={consentSources.map((value) => [value, source(value)])} />
          </div>
        </fieldset>
        <Button kind="secondary">{p('recordSubmit')}</Button>
      </form>
    </Section>
  );
}
