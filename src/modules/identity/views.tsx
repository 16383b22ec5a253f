import { translator, type Translate } from '../../i18n/index.js';
import { Alert, CsrfField, ErrorSummary, TextField } from '../../ui/forms.js';
import { demoAccounts } from './demo-account.js';

interface SignInProps {
  t: Translate;
  csrfToken: string;
  next?: string;
  demo: { email: string; password: string } | null;
  failed?: boolean;
  signedOut?: boolean;
  /** Arrived from the password-setting link (an invitation). */
  passwordSet?: boolean;
  email?: string;
}

export function SignInPage({ t, csrfToken, next, demo, failed, signedOut, passwordSet, email }: SignInProps) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('signIn.title')}</h1>
      {failed && <ErrorSummary title={t('errors.summary')} errors={[{ field: 'email', message: t('signIn.failed') }]} />}
      {signedOut && <Alert kind="success">{t('signIn.signedOut')}</Alert>}
      {passwordSet && <Alert kind="success">{t('accounts.signIn.passwordSet')}</Alert>}
      {demo && (
        <Alert kind="info">
          <p class="kern-body--bold">{t('signIn.demoTitle')}</p>
          <p>{t('signIn.demoText', { email: demo.email, password: demo.password })}</p>
          <p>{t('signIn.demoRoles', { password: demo.password })}</p>
          <ul class="kern-list">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                {t(`signIn.demoRole.${account.role}`)}: {account.email}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <p>{t('signIn.intro')}</p>
      <form method="post" action="/sign-in" class="kern-stack-md">
        <CsrfField token={csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField name="email" type="email" label={t('signIn.email')} autocomplete="username" value={email} required />
        <TextField name="password" type="password" label={t('signIn.password')} autocomplete="current-password" required />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t('signIn.submit')}</span>
        </button>
      </form>
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
      <h1 class="kern-heading-large">{t('setPassword.title')}</h1>
      {problem && <ErrorSummary title={t('errors.summary')} errors={[{ field, message: t(`setPassword.${problem}`) }]} />}
      <p>{t('setPassword.intro')}</p>
      <form method="post" action="/set-password" class="kern-stack-md">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <TextField name="password" type="password" label={t('setPassword.password')} autocomplete="new-password" required />
        <TextField name="confirm" type="password" label={t('setPassword.confirm')} autocomplete="new-password" required />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t('setPassword.submit')}</span>
        </button>
      </form>
    </div>
  );
}

/** The refusal when the sign-in limit is reached: why, and in how many minutes to try again (German and English). */
export function SignInBlockedPage({ t, reason, minutes }: { t: Translate; reason: 'account' | 'address'; minutes: number }) {
  const english = translator('en');
  const text = (translate: Translate) => [translate(`identity.signInBlocked.${reason}`), translate('identity.signInBlocked.retry', { count: minutes })].join(' ');
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{t('identity.signInBlocked.title')}</h1>
      <Alert kind="warning">
        <p data-retry-minutes={String(minutes)}>{text(t)}</p>
        {t('identity.signInBlocked.title') !== english('identity.signInBlocked.title') && <p lang="en">{text(english)}</p>}
      </Alert>
      <p>{t('identity.signInBlocked.forgotten')}</p>
      <p><a class="kern-link" href="/sign-in">{t('identity.signInBlocked.back')}</a></p>
    </div>
  );
}
