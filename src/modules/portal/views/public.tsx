import type { ComponentChildren } from 'preact';
import { textDirection, type Language, type Translate } from '../../../i18n/index.js';
import { Alert } from '../../../ui/forms.js';
import type { PageVersion } from '../queries.js';
import { LinkButton } from '../../../ui/button.js';

/**
 * A published portal page. The body is sanitised HTML (content.ts cleans it
 * before it is stored), so it is inserted as it is. A page not yet translated
 * shows the German text, marked as German for screen readers and with a note
 * in the visitor's language.
 */
export function PortalPage({ t, language, version, preview, children }: { t: Translate; language: Language; version: PageVersion; preview?: ComponentChildren; children?: ComponentChildren }) {
  const contentLanguage = version.language as Language;
  const isFallback = contentLanguage !== language;
  return (
    <div class="kern-stack-md">
      {preview}
      {isFallback && !preview && <Alert kind="info">{t('portal.public.fallback')}</Alert>}
      <article class="kern-stack-sm mosaik-portal-page" lang={isFallback ? contentLanguage : undefined} dir={isFallback ? textDirection(contentLanguage) : undefined}>
        <h1 class="kern-heading-x-large">{version.title}</h1>
        <div class="kern-body mosaik-portal-page__body" dangerouslySetInnerHTML={{ __html: version.body }} />
      </article>
      {children}
    </div>
  );
}

/** What every home page offers below its text: the calendar, and signing in. */
export function HomeActions({ t }: { t: Translate }) {
  return (
    <p class="mosaik-actions">
      <LinkButton href="/calendar">{t('nav.calendar')}</LinkButton>{' '}
      <LinkButton kind="secondary" href="/sign-in">{t('nav.signIn')}</LinkButton>
    </p>
  );
}

/** The home page before staff wrote one: the name and tagline of the installation. */
export function DefaultHome({ t }: { t: Translate }) {
  return (
    <div class="kern-stack-md">
      <h1 class="kern-heading-x-large">{t('app.name')}</h1>
      <p class="kern-body--large">{t('app.tagline')}</p>
      <HomeActions t={t} />
    </div>
  );
}
