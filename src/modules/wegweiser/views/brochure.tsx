import type { Language, Translate } from '../../../i18n/index.js';
import type { Entry } from '../entry.js';
import { formatDay } from '../present.js';
import { FreshnessNote } from './freshness-note.js';
import { EntryFacts } from './public.js';
import { Button } from '../../../ui/button.js';

/** The brochure as an HTML page: prints on A4 (the layout's print CSS hides header, footer and the links). */
export function BrochurePage({ t, language, title, entries, today, pdfHref, choose }: {
  t: Translate; language: Language; title: string; entries: Entry[]; today: string; pdfHref: string;
  choose: { districts: string[]; topics: { code: string; label: string }[]; district: string; topic: string };
}) {
  return (
    <>
      <form method="get" action="/wegweiser/brochure" class="mosaik-filters mosaik-no-print">
        <input type="hidden" name="lang" value={language} />
        <div class="kern-form-input">
          <label class="kern-label" for="district">{t('wegweiser.public.district')}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="district" name="district">
              <option value="">{t('wegweiser.public.any')}</option>
              {choose.districts.map((d) => <option key={d} value={d} selected={d === choose.district}>{d}</option>)}
            </select>
          </div>
        </div>
        <div class="kern-form-input">
          <label class="kern-label" for="topic">{t('wegweiser.public.topic')}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="topic" name="topic">
              <option value="">{t('wegweiser.public.any')}</option>
              {choose.topics.map((topic) => <option key={topic.code} value={topic.code} selected={topic.code === choose.topic}>{topic.label}</option>)}
            </select>
          </div>
        </div>
        <Button kind="secondary">{t('wegweiser.brochure.show')}</Button>
      </form>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('wegweiser.brochure.asOf', { date: formatDay(today, language) })}</p>
      <p class="kern-body mosaik-no-print"><a class="kern-link" href={pdfHref}>{t('wegweiser.brochure.pdf')}</a></p>
      {entries.length === 0 && <p class="kern-body">{t('wegweiser.public.none')}</p>}
      {entries.map((entry) => (
        <section key={entry.service.id} class="mosaik-brochure-entry" aria-labelledby={`entry-${entry.service.id}`}>
          <h2 class="kern-heading-medium" id={`entry-${entry.service.id}`} lang={entry.textLanguage}>{entry.name}</h2>
          {entry.description && <p class="kern-body" lang={entry.textLanguage}>{entry.description}</p>}
          <EntryFacts t={t} entry={entry} />
          <FreshnessNote t={t} language={language} service={{ assured_date: entry.assuredDate, recheck_months: entry.recheckMonths }} today={today} />
        </section>
      ))}
    </>
  );
}
