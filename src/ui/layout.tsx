import { preloadedFonts } from './fonts.js';
import { registeredModules } from '../modules/registry.js';
import type { ComponentChildren } from 'preact';
import { textDirection, watchingFallbacks, type Language, type Translate } from '../i18n/index.js';
import { languagesFor, type SessionAccount } from '../modules/identity/index.js';
import { centreStaff } from '../http/access.js';
import { Button } from './button.js';

interface LayoutProps {
  title: string;
  description?: string;
  language: Language;
  t: Translate;
  account: SessionAccount | null;
  csrfToken: string;
  path: string;
  navigation: boolean;
  children: ComponentChildren;
}

interface NavItem {
  href: string;
  label: string;
}

/** What the modules of src/modules/registry.ts put in the public header or the footer. */
// The menus depend only on the role and the language (one translator per
// language, src/i18n): built once each, not on every page (issue 16 profile).
const menus = new WeakMap<Translate, Map<string, NavItem[]>>();
function remembered(t: Translate, key: string, build: () => NavItem[]): NavItem[] {
  if (watchingFallbacks()) return build();
  let byKey = menus.get(t);
  if (!byKey) menus.set(t, (byKey = new Map()));
  let items = byKey.get(key);
  if (!items) byKey.set(key, (items = build()));
  return items;
}

function publicEntries(place: 'header' | 'footer', t: Translate): NavItem[] {
  return remembered(t, `public|${place}`, () => buildPublicEntries(place, t));
}

function buildPublicEntries(place: 'header' | 'footer', t: Translate): NavItem[] {
  return registeredModules()
    .flatMap((module) => module.publicNavigation ?? [])
    .filter((entry) => entry.place === place)
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50))
    .map((entry) => ({ href: entry.href, label: t(entry.label) }));
}

function navigationFor(account: SessionAccount | null, t: Translate): NavItem[] {
  // the public portal's menu (calendar, handouts, FAQ, Wegweiser …) for visitors
  if (!account) return publicEntries('header', t);
  return remembered(t, `role|${account.role}`, () => buildNavigation(account, t));
}

function buildNavigation(account: SessionAccount, t: Translate): NavItem[] {
  // Association representatives have their own area instead of the figures.
  if (account.role === 'representative') {
    return [{ href: '/my', label: t('nav.my') }, ...registeredModules().flatMap((module) => module.navigation ?? []).filter((entry) => entry.roles.includes('representative')).map((entry) => ({ href: entry.href, label: t(entry.label) }))];
  }
  const items: NavItem[] = [{ href: '/dashboard', label: t('nav.dashboard') }];
  if (account.role === 'evaluator') items.push({ href: '/evaluation', label: t('nav.evaluation') });
  if (centreStaff.includes(account.role) || account.role === 'coordinator') {
    items.push({ href: '/events', label: t('nav.events') }, { href: '/organisations', label: t('nav.organisations') }, { href: '/people', label: t('nav.people') });
  }
  if (centreStaff.includes(account.role)) {
    items.push(
      { href: '/consultations', label: t('nav.consultations') },
      { href: '/claims', label: t('nav.claims') },
      { href: '/imports', label: t('nav.imports') },
      { href: '/organisations/review', label: t('nav.review') },
      { href: '/feedback/annex', label: t('nav.annex') },
      { href: '/outbox', label: t('nav.outbox') },
    );
  }
  // the modules of src/modules/registry.ts bring their own entries
  for (const module of registeredModules()) {
    for (const entry of module.navigation ?? []) if (entry.roles.includes(account.role)) items.push({ href: entry.href, label: t(entry.label) });
  }
  if (account.role === 'admin') {
    items.push(
      { href: '/admin/accounts', label: t('nav.accounts') },
      { href: '/admin/audit', label: t('nav.audit') },
      { href: '/privacy', label: t('nav.privacy') },
    );
  }
  return items;
}

/** Each language named in itself, as people look for their own. */
const languageNames: Record<Language, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  ru: 'Русский',
  uk: 'Українська',
};

/** The same page in another language: the query (a chosen period, a search) stays. */
function withLanguage(path: string, language: Language): string {
  const url = new URL(path, 'http://mosaik.invalid');
  url.searchParams.delete('_csrf');
  url.searchParams.set('lang', language);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** The page's address without a language of its own: after the switch the remembered choice decides. */
function withoutLanguage(path: string): string {
  const url = new URL(path, 'http://mosaik.invalid');
  url.searchParams.delete('_csrf');
  url.searchParams.delete('lang');
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

function NavList({ items, currentItem, className }: { items: NavItem[]; currentItem: string | undefined; className: string }) {
  return (
    <ul class={className}>
      {items.map((item) => (
        <li key={item.href}>
          <a class="kern-link" href={item.href} aria-current={item.href === currentItem ? 'page' : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The language switch of a signed-in page: a button per language, posted to
 * /language, which keeps the choice on the account as well as in the cookie
 * (docs/languages.md). Visitors get links (?lang=): nothing to remember but
 * the cookie, and search engines follow them.
 */
function LanguageSwitch({ languages, path, csrfToken, label }: { languages: Language[]; path: string; csrfToken: string; label: string }) {
  return (
    <form method="post" action="/language" class="mosaik-inline-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="next" value={withoutLanguage(path)} />
      <ul class="mosaik-languages" aria-label={label}>
        {languages.map((other) => (
          <li key={other}>
            <button type="submit" name="language" value={other} class="kern-link mosaik-language-button" lang={other} dir={textDirection(other)}>
              {languageNames[other]}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}

/** The page frame: KERN header, navigation, language switch, main, footer. */
export function Layout({ title, description, language, t, account, csrfToken, path, navigation, children }: LayoutProps) {
  const items = navigation ? navigationFor(account, t) : [];
  const pathOnly = path.split('?')[0];
  const currentItem = items
    .map((item) => item.href)
    .filter((href) => pathOnly === href || pathOnly.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  // six languages for visitors and representatives, German and English for the other roles (docs/languages.md)
  const languages = languagesFor(account?.role).filter((other) => other !== language);
  return (
    <html lang={language} dir={textDirection(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('app.name')}`}</title>
        {description && <meta name="description" content={description} />}
        {/* Fira Sans subset by weight and script (public/fonts/fira-sans.css, issue 16); the first paint needs the
            regular and semibold faces of the page's script, fetched with the page instead of after the CSS */}
        {preloadedFonts(language).map((file) => (
          <link key={file} rel="preload" href={`/assets/fonts/${file}`} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href="/assets/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        <link rel="stylesheet" href="/assets/mosaik.css" />
      </head>
      <body>
        <a class="mosaik-skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header class="mosaik-header">
          <div class="kern-container mosaik-header__bar">
            <a class="mosaik-brand" href={!account ? '/' : account.role === 'representative' ? '/my' : '/dashboard'}>
              <span class="kern-title">{t('app.name')}</span>
              <span class="kern-body--small mosaik-brand__tagline">{t('app.tagline')}</span>
            </a>
            <div class="mosaik-header__tools">
              {account ? (
                <LanguageSwitch languages={languages} path={path} csrfToken={csrfToken} label={t('nav.languages')} />
              ) : (
                <ul class="mosaik-languages" aria-label={t('nav.languages')}>
                  {languages.map((other) => (
                    <li key={other}>
                      <a class="kern-link" href={withLanguage(path, other)} lang={other} hreflang={other} dir={textDirection(other)}>
                        {languageNames[other]}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {account ? (
                <form method="post" action="/sign-out" class="mosaik-inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  {/* the account's own page (password, e-mail, sign out everywhere) for every role */}
                  <a class="kern-link kern-body--small" href="/account">{t('nav.signedInAs', { email: account.email })}</a>{' '}
                  <Button kind="tertiary" size="x-small">{t('nav.signOut')}</Button>
                </form>
              ) : (
                <a class="kern-link" href="/sign-in">
                  {t('nav.signIn')}
                </a>
              )}
            </div>
          </div>
          {items.length > 0 && (
            <nav aria-label={t('nav.label')} class="kern-container mosaik-nav">
              {/* a phone shows the menu folded (details/summary: works without JavaScript), a wider screen the bar */}
              <details class="mosaik-menu">
                <summary>{t('nav.menu')}</summary>
                <NavList items={items} currentItem={currentItem} className="mosaik-menu__list" />
              </details>
              <NavList items={items} currentItem={currentItem} className="mosaik-nav__bar" />
            </nav>
          )}
        </header>
        <main id="main" class="kern-container mosaik-main" tabIndex={-1}>
          {children}
        </main>
        <footer class="kern-container mosaik-footer">
          {(() => {
            const links = publicEntries('footer', t);
            return links.length > 0 && (
              <nav aria-label={t('nav.footer')}>
                <NavList items={links} currentItem={currentItem} className="mosaik-footer__links" />
              </nav>
            );
          })()}
          <p class="kern-body--small">{t('app.footer')}</p>
        </footer>
      </body>
    </html>
  );
}
