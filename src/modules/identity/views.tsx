import { translator, type Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, TextField } from '../../ui/forms.js';
import { demoAccounts } from './demo-account.js';
import { Button } from '../../ui/button.js';

interface SignInProps {
  t: Translate;
  csrfToken: string;
  next?: string;
  demo: { email: string; password: string } | null;
  failed?: boolean;
  signedOut?: boolean;
  /** Came from "sign out everywhere" on the account page. */
  signedOutEverywhere?: boolean;
  /** Arrived from the password-setting link (an invitation). */
  passwordSet?: boolean;
  email?: string;
}

export function SignInPage({ t, csrfToken, next, demo, failed, signedOut, signedOutEverywhere, passwordSet, email }: SignInProps) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('identity.signIn.title')}</h1>
      {failed && <ErrorSummary title={t('errors.summary')} errors={[{ field: 'email', message: t('identity.signIn.failed') }]} />}
      {signedOut && <Alert kind="success">{t(signedOutEverywhere ? 'identity.signIn.signedOutEverywhere' : 'identity.signIn.signedOut')}</Alert>}
      {passwordSet && <Alert kind="success">{t('identity.signIn.passwordSet')}</Alert>}
      {demo && (
        <Alert kind="info">
          <p class="kern-body--bold">{t('identity.signIn.demoTitle')}</p>
          <p>{t('identity.signIn.demoText', { email: demo.email, password: demo.password })}</p>
          <p>{t('identity.signIn.demoRoles', { password: demo.password })}</p>
          <ul class="kern-list">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                {t(`identity.signIn.demoRole.${account.role}`)}: {account.email}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <p>{t('identity.signIn.intro')}</p>
      <form method="post" action="/sign-in" class="kern-stack-md">
        <CsrfField token={csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField name="email" type="email" label={t('identity.signIn.email')} autocomplete="username" value={email} required />
        <TextField name="password" type="password" label={t('identity.signIn.password')} autocomplete="current-password" required />
        <Button>{t('identity.signIn.submit')}</Button>
      </form>
      <p><a class="kern-link" href="/forgot-password">{t('identity.signIn.forgot')}</a></p>
    </div>
  );
}

interface SetPasswordProps {
  t: Translate;
  csrfToken: string;
  token: string;
  problem?: 'invalidLink' | 'tooShort' | 'mismatch';
}

export function SetPasswordPage({ t, csrfToken, token, problem }: SetPasswordProps) {
  const field = problem === 'mismatch' ? 'confirm' : 'password';
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('identity.setPassword.title')}</h1>
      {problem && <ErrorSummary title={t('errors.summary')} errors={[{ field, message: t(`identity.setPassword.${problem}`) }]} />}
      <p>{t('identity.setPassword.intro')}</p>
      {problem === 'invalidLink' && <p><a class="kern-link" href="/forgot-password">{t('identity.setPassword.newLink')}</a></p>}
      <form method="post" action="/set-password" class="kern-stack-md">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <TextField name="password" type="password" label={t('identity.setPassword.password')} autocomplete="new-password" required />
        <TextField name="confirm" type="password" label={t('identity.setPassword.confirm')} autocomplete="new-password" required />
        <Button>{t('identity.setPassword.submit')}</Button>
      </form>
    </div>
  );
}

/** The refusal when the sign-in limit is reached: why, and in how many minutes to try again (German and English). */
export function SignInBlockedPage({ t, reason, minutes }: { t: Translate; reason: 'account' | 'address' | 'resetAddress'; minutes: number }) {
  const english = translator('en');
  const text = (translate: Translate) => [translate(`identity.signInBlocked.${reason}`), translate('identity.signInBlocked.retry', { count: minutes })].join(' ');
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('identity.signInBlocked.title')}</h1>
      <Alert kind="warning">
        <p data-retry-minutes={String(minutes)}>{text(t)}</p>
        {t('identity.signInBlocked.title') !== english('identity.signInBlocked.title') && <p lang="en">{text(english)}</p>}
      </Alert>
      {reason !== 'resetAddress' && <p>{t('identity.signInBlocked.forgotten')} <a class="kern-link" href="/forgot-password">{t('identity.signIn.forgot')}</a></p>}
      <p><a class="kern-link" href="/sign-in">{t('identity.signInBlocked.back')}</a></p>
    </div>
  );
}

/** "Passwort vergessen?": the address, then always the same answer. */
export function ForgotPasswordPage({ t, csrfToken, sent, missing }: { t: Translate; csrfToken: string; sent?: boolean; missing?: boolean }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('identity.forgotPassword.title')}</h1>
      {missing && <ErrorSummary title={t('errors.summary')} errors={[{ field: 'email', message: t('identity.forgotPassword.missing') }]} />}
      {sent ? (
        <Alert kind="success">
          <p data-reset-requested="">{t('identity.forgotPassword.sent')}</p>
        </Alert>
      ) : (
        <>
          <p>{t('identity.forgotPassword.intro')}</p>
          <form method="post" action="/forgot-password" class="kern-stack-md">
            <CsrfField token={csrfToken} />
            <TextField name="email" type="email" label={t('identity.forgotPassword.email')} autocomplete="username" required />
            <Button>{t('identity.forgotPassword.submit')}</Button>
          </form>
        </>
      )}
      <p><a class="kern-link" href="/sign-in">{t('identity.forgotPassword.back')}</a></p>
    </div>
  );
}
