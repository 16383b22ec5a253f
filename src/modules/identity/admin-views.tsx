import type { Language, Translate } from '../../i18n/index.js';
import { roles } from '../../http/access.js';
import { Alert, CsrfField, ErrorSummary } from '../../ui/forms.js';
import { Table } from '../../ui/table.js';
import type { AccountField, AccountFormError, AccountInput } from './account-form.js';
import { formatMoment, Input, Select, SubmitButton, TextArea } from './fields.js';
import type { AccountSummary } from './invitations.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

/** /admin/accounts: the list of accounts, the invitation form, one account's page. */

export type AccountsDone = 'invited' | 'saved' | 'resent' | 'disabled' | 'enabled';

const fieldMessage = (t: Translate, error: AccountFormError) =>
  t(`accounts.form.errors.${error.code}`, { field: t(`accounts.form.labels.${error.field}`), names: error.names ?? '' });

function AccountFields({ t, input, errors, newAccount }: { t: Translate; input: AccountInput; errors: AccountFormError[]; newAccount: boolean }) {
  const f = (key: string) => t(`accounts.form.${key}`);
  const errorOf = (field: AccountField) => {
    const error = errors.find((entry) => entry.field === field);
    return error ? fieldMessage(t, error) : undefined;
  };
  const value = (field: AccountField) => input[field] ?? '';
  return (
    <>
      {newAccount && <Input name="email" type="email" autocomplete="off" label={f('labels.email')} value={value('email')} error={errorOf('email')} />}
      <Input name="display_name" label={f('labels.display_name')} hint={f('hints.display_name')} value={value('display_name')} error={errorOf('display_name')} />
      <Select name="role" label={f('labels.role')} value={value('role') || 'staff'} error={errorOf('role')} options={roles.map((role) => ({ value: role, label: t(`accounts.roles.${role}`) }))} />
      <TextArea name="districts" label={f('labels.districts')} hint={f('hints.districts')} value={value('districts')} error={errorOf('districts')} rows={3} />
      <TextArea name="organisations" label={f('labels.organisations')} hint={f('hints.organisations')} value={value('organisations')} error={errorOf('organisations')} rows={3} />
    </>
  );
}

interface ListProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  accounts: AccountSummary[];
  input: AccountInput;
  errors: AccountFormError[];
  done?: AccountsDone;
  doneEmail?: string;
}

export function AccountsPage({ t, language, csrfToken, accounts, input, errors, done, doneEmail }: ListProps) {
  const a = (key: string, options?: Record<string, unknown>) => t(`accounts.admin.${key}`, options);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{a('title')}</h1>
      {done && <Alert kind="success">{a(`done.${done}`, { email: doneEmail ?? '' })}</Alert>}
      <ErrorSummary title={t('accounts.form.errorTitle')} errors={errors.map((error) => ({ field: error.field, message: fieldMessage(t, error) }))} />
      <p>{a('intro')}</p>
      <Table
        caption={a('caption')}
        rows={accounts}
        rowKey={(account) => account.id}
        columns={[
          {
            key: 'email',
            label: a('columns.email'),
            rowHeader: true,
            cell: (account) => (
              <>
                <a class="kern-link" href={`/admin/accounts/${account.id}`}>
                  {account.email}
                </a>
                {account.displayName && <div class="kern-body--small">{account.displayName}</div>}
              </>
            ),
          },
          { key: 'role', label: a('columns.role'), cell: (account) => t(`accounts.roles.${account.role}`) },
          { key: 'scopes', label: a('columns.scopes'), cell: (account) => scopeText(t, account) },
          { key: 'status', label: a('columns.status'), cell: (account) => t(`accounts.status.${account.status}`) },
          { key: 'lastSignIn', label: a('columns.lastSignIn'), cell: (account) => (account.lastSignIn ? formatMoment(language, account.lastSignIn) : a('never')) },
        ]}
      />
      <section aria-labelledby="invite-title" class="kern-stack-md">
        <h2 class="kern-heading-medium" id="invite-title">
          {a('inviteTitle')}
        </h2>
        <p>{a('inviteIntro')}</p>
        <form method="post" action="/admin/accounts" class="kern-stack-md" noValidate>
          <CsrfField token={csrfToken} />
          <AccountFields t={t} input={input} errors={errors} newAccount />
          <SubmitButton label={a('invite')} />
        </form>
      </section>
    </div>
  );
}

function scopeText(t: Translate, account: AccountSummary): string {
  const parts = [...account.districts, ...account.organisations.map((organisation) => organisation.name)];
  return parts.length > 0 ? parts.join(', ') : t('accounts.admin.noScope');
}

interface AccountPageProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  account: AccountSummary;
  input: AccountInput;
  errors: AccountFormError[];
  done?: AccountsDone;
  /** The admin looks at their own account: role and disabling are not offered (no lock-out). */
  self: boolean;
}

export function AccountPage({ t, language, csrfToken, account, input, errors, done, self }: AccountPageProps) {
  const a = (key: string, options?: Record<string, unknown>) => t(`accounts.admin.${key}`, options);
  return (
    <div class="kern-stack-lg">
      <p>
        <a class="kern-link" href="/admin/accounts">
          {a('back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{account.email}</h1>
      {done && <Alert kind="success">{a(`done.${done}`, { email: account.email })}</Alert>}
      <ErrorSummary title={t('accounts.form.errorTitle')} errors={errors.map((error) => ({ field: error.field, message: fieldMessage(t, error) }))} />
      <DescriptionList>
        <Detail label={a('columns.status')}>{t(`accounts.status.${account.status}`)}</Detail>
        <Detail label={a('columns.lastSignIn')}>{account.lastSignIn ? formatMoment(language, account.lastSignIn) : a('never')}</Detail>
      </DescriptionList>
      <section aria-labelledby="change-title" class="kern-stack-md">
        <h2 class="kern-heading-medium" id="change-title">
          {a('changeTitle')}
        </h2>
        {self && <Alert kind="info">{a('selfNote')}</Alert>}
        <form method="post" action={`/admin/accounts/${account.id}`} class="kern-stack-md" noValidate>
          <CsrfField token={csrfToken} />
          <AccountFields t={t} input={input} errors={errors} newAccount={false} />
          <SubmitButton label={a('save')} />
        </form>
      </section>
      <section aria-labelledby="access-title" class="kern-stack-md">
        <h2 class="kern-heading-medium" id="access-title">
          {a('accessTitle')}
        </h2>
        {account.status === 'invited' && (
          <form method="post" action={`/admin/accounts/${account.id}/resend`} class="kern-stack-sm">
            <CsrfField token={csrfToken} />
            <p>{a('resendIntro')}</p>
            <SubmitButton label={a('resend')} kind="secondary" />
          </form>
        )}
        {!self && account.status !== 'disabled' && (
          <form method="post" action={`/admin/accounts/${account.id}/disable`} class="kern-stack-sm">
            <CsrfField token={csrfToken} />
            <p>{a('disableIntro')}</p>
            <SubmitButton label={a('disable')} kind="secondary" />
          </form>
        )}
        {account.status === 'disabled' && (
          <form method="post" action={`/admin/accounts/${account.id}/enable`} class="kern-stack-sm">
            <CsrfField token={csrfToken} />
            <p>{a('enableIntro')}</p>
            <SubmitButton label={a('enable')} kind="secondary" />
          </form>
        )}
      </section>
    </div>
  );
}

/** The change form's text for an existing account. */
export function accountInput(account: AccountSummary): AccountInput {
  return {
    display_name: account.displayName,
    role: account.role,
    districts: account.districts.join('\n'),
    organisations: account.organisations.map((organisation) => organisation.name).join('\n'),
  };
}
