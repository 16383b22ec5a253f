import type { Role } from '../db/tables.js';
import type { Translate } from '../i18n/index.js';
import { Button } from './button.js';

/**
 * Where an error page leads on (issue 10: no page may be a dead end). Each
 * link is one the role may open: a representative's home is "Mein Bereich"
 * (/my), every other role's the dashboard; "/" would send a signed-in
 * account to the dashboard, which a representative may not see. Signed out,
 * the start page and the sign-in. test/error-pages.test.ts opens every link.
 */
export function onwardLinks(role: Role | null, t: Translate): { href: string; label: string }[] {
  if (role === null) return [{ href: '/', label: t('errors.home') }, { href: '/sign-in', label: t('nav.signIn') }];
  const home = role === 'representative' ? { href: '/my', label: t('nav.my') } : { href: '/dashboard', label: t('nav.dashboard') };
  return [home, { href: '/account', label: t('identity.links.account') }];
}

interface ErrorPageProps {
  title: string;
  message: string;
  details?: string[];
  t: Translate;
  /** The signed-in account's role; null or absent when signed out. */
  role?: Role | null;
  /** For the sign-out button of a signed-in account. */
  csrfToken?: string;
}

export function ErrorPage({ title, message, details, t, role = null, csrfToken }: ErrorPageProps) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-large">{title}</h1>
      <div class="kern-alert kern-alert--danger" role="alert">
        <div class="kern-alert__body">
          <p class="kern-body">{message}</p>
          {details && details.length > 0 ? (
            <ul class="kern-list">
              {details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <ul class="kern-list" data-onward-links="">
        {onwardLinks(role, t).map((link) => (
          <li key={link.href}>
            <a class="kern-link" href={link.href}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      {role !== null && csrfToken ? (
        <form method="post" action="/sign-out">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <Button kind="secondary">{t('nav.signOut')}</Button>
        </form>
      ) : null}
    </div>
  );
}
