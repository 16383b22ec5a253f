import type { Translate } from '../i18n/index.js';

/**
 * "Vorherige Seite · Seite 2 von 5 · Nächste Seite" under a numbered list.
 * `label` names the list for screen readers (several lists page alike);
 * `href` builds the address of a page with the list's own filters.
 */
export function PageNav({ t, label, page, pages, href }: { t: Translate; label: string; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const current = Math.min(page, pages);
  return (
    <nav aria-label={label} class="mosaik-inline-form">
      {current > 1 && (
        <a class="kern-link" href={href(current - 1)} rel="prev">
          {t('pagination.previous')}
        </a>
      )}
      <span class="kern-body">{t('pagination.page', { page: current, pages })}</span>
      {current < pages && (
        <a class="kern-link" href={href(current + 1)} rel="next">
          {t('pagination.next')}
        </a>
      )}
    </nav>
  );
}
