import type { Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary } from '../../ui/forms.js';
import { Input, SubmitButton } from './fields.js';

/** "Mein Konto": password, e-mail address, sign out everywhere. Fields of the two forms have their own ids. */

export type OwnProblem = { form: 'password' | 'email'; field: string; code: string; message?: string };

interface OwnAccountProps {
  t: Translate;
  csrfToken: string;
  account: { email: string; sessions: number };
  done?: 'password' | 'email';
  problem?: OwnProblem;
  /** The new address as typed, shown again after an error. */
  newEmail?: string;
}

export function OwnAccountPage({ t, csrfToken, account, done, problem, newEmail }: OwnAccountProps) {
  const errorOf = (form: OwnProblem['form'], field: string) => (problem && problem.form === form && problem.field === field ? (problem.message ?? t(`accounts.own.errors.${problem.code}`)) : undefined);
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('accounts.own.title')}</h1>
      {problem && <ErrorSummary title={t('errors.summary')} errors={[{ field: `${problem.form}-${problem.field}`, message: errorOf(problem.form, problem.field)! }]} />}
      {done && <Alert kind="success"><p data-done={done}>{t(`accounts.own.${done}.done`)}</p></Alert>}
      <p>{t('accounts.own.intro', { email: account.email })} {t('accounts.own.sessions', { count: account.sessions })}</p>
      <p><a class="kern-link" href="/my/data">{t('accounts.own.data')}</a></p>

      <section class="kern-stack-sm" aria-labelledby="own-password">
        <h2 class="kern-heading-medium" id="own-password">{t('accounts.own.password.title')}</h2>
        <form method="post" action="/account/password" class="kern-stack-md">
          <CsrfField token={csrfToken} />
          <Input id="password-current" name="current" type="password" autocomplete="current-password" label={t('accounts.own.current')} hint={t('accounts.own.currentHint')} value="" error={errorOf('password', 'current')} />
          <Input id="password-new" name="password" type="password" autocomplete="new-password" label={t('accounts.own.password.new')} hint={t('accounts.own.password.newHint')} value="" error={errorOf('password', 'new')} />
          <Input id="password-confirm" name="confirm" type="password" autocomplete="new-password" label={t('accounts.own.password.confirm')} value="" error={errorOf('password', 'confirm')} />
          <SubmitButton label={t('accounts.own.password.submit')} />
        </form>
      </section>

      <section class="kern-stack-sm" aria-labelledby="own-email">
        <h2 class="kern-heading-medium" id="own-email">{t('accounts.own.email.title')}</h2>
        <form method="post" action="/account/email" class="kern-stack-md">
          <CsrfField token={csrfToken} />
          <Input id="email-new" name="email" type="email" autocomplete="email" label={t('accounts.own.email.new')} hint={t('accounts.own.email.newHint')} value={newEmail ?? ''} error={errorOf('email', 'new')} />
          <Input id="email-current" name="current" type="password" autocomplete="current-password" label={t('accounts.own.current')} value="" error={errorOf('email', 'current')} />
          <SubmitButton label={t('accounts.own.email.submit')} />
        </form>
      </section>

      <section class="kern-stack-sm" aria-labelledby="own-everywhere">
        <h2 class="kern-heading-medium" id="own-everywhere">{t('accounts.own.everywhere.title')}</h2>
        <p>{t('accounts.own.everywhere.intro')}</p>
        <form method="post" action="/account/sign-out-everywhere">
          <CsrfField token={csrfToken} />
          <SubmitButton kind="secondary" label={t('accounts.own.everywhere.submit')} />
        </form>
      </section>
    </div>
  );
}

/** The page the confirmation link opens: a button (a link preview must not change the address), then the outcome. */
export function ConfirmEmailPage({ t, csrfToken, token, email, outcome, signedIn }: { t: Translate; csrfToken: string; token: string; email: string; outcome?: 'ok' | 'invalidLink' | 'taken'; signedIn: boolean }) {
  const onward = signedIn ? <a class="kern-link" href="/account">{t('accounts.own.confirm.toAccount')}</a> : <a class="kern-link" href="/sign-in">{t('accounts.own.confirm.toSignIn')}</a>;
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('accounts.own.confirm.title')}</h1>
      {outcome === undefined ? (
        <>
          <p>{t('accounts.own.confirm.intro', { email })}</p>
          <form method="post" action="/account/email/confirm">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="email" value={email} />
            <SubmitButton label={t('accounts.own.confirm.submit')} />
          </form>
        </>
      ) : outcome === 'ok' ? (
        <Alert kind="success"><p data-email-changed="">{t('accounts.own.confirm.done', { email })}</p></Alert>
      ) : (
        <Alert kind="danger"><p>{t(`accounts.own.confirm.${outcome}`)}</p></Alert>
      )}
      <p>{onward}</p>
    </div>
  );
}
