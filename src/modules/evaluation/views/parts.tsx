import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../../i18n/index.js';
import { formatDay } from '../../../ui/dates.js';
import { ErrorSummary, type FieldError } from '../../../ui/forms.js';

/** Pieces shared by the workspace's pages. */

export type { FieldError };

export const errorOf = (errors: FieldError[], field: string) => errors.find((error) => error.field === field)?.message;

export const day = (language: Language, value: string | null) => (value ? formatDay(value, language) : '–');

export function mean(language: Language, value: number | null): string {
  return value === null ? '–' : new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
}

export function WorkspaceNav({ t, current }: { t: Translate; current: string }) {
  const items = [
    ['/evaluation/observations', 'observations'],
    ['/evaluation/interviews', 'interviews'],
    ['/evaluation/guides', 'guides'],
    ['/evaluation/reflections', 'reflections'],
    ['/evaluation/methods', 'methods'],
    ['/evaluation/settings', 'settings'],
  ] as const;
  return (
    <nav aria-label={t('evaluation.workspace.nav')} class="mosaik-inline-form">
      <ul class="kern-list mosaik-inline-list">
        {items.map(([href, key]) => (
          <li key={key}>
            <a class="kern-link" href={href} aria-current={current === key ? 'page' : undefined}>
              {t(`evaluation.workspace.${key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Page({ t, title, current, errors = [], notice, children }: { t: Translate; title: string; current: string; errors?: FieldError[]; notice?: string; children: ComponentChildren }) {
  return (
    <div class="kern-stack-lg">
      <WorkspaceNav t={t} current={current} />
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary title={t('evaluation.errors.title')} errors={errors} />
      {notice && (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__body">{notice}</div>
        </div>
      )}
      {children}
    </div>
  );
}

/** A block of free text kept with its line breaks. */
export const Prose = ({ text }: { text: string }) => <p class="kern-body mosaik-prewrap" style="white-space: pre-wrap">{text || '–'}</p>;
