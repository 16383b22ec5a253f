import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField, FieldFrame, inputClass } from '../../ui/forms.js';
import type { PublicFaqEntry } from './queries.js';
import { faqTopics } from './vocabulary.js';
import { Button } from '../../ui/button.js';

/** The public FAQ and an entry's page with "did this help?", in the six public languages. */

// one formatter per language: building an Intl formatter costs far more than using it, and the FAQ page shows a date per answer
const dayFormats = new Map<Language, Intl.DateTimeFormat>();
const day = (value: string, language: Language) => {
  if (!dayFormats.has(language)) dayFormats.set(language, new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }));
  return dayFormats.get(language)!.format(new Date(`${value}T12:00:00Z`));
};

function Answer({ t, language, entry }: { t: Translate; language: Language; entry: PublicFaqEntry }) {
  return (
    <>
      {entry.language !== language && <p class="kern-body--small">{t('faq.public.onlyGerman')}</p>}
      <div lang={entry.language} dir={entry.language === 'ar' ? 'rtl' : undefined}>
        {entry.answer.split(/\n\s*\n/).map((paragraph, index) => (
          <p class="kern-body" key={index}>
            {paragraph}
          </p>
        ))}
      </div>
      {entry.reviewed_on && <p class="kern-body--small">{t('faq.public.reviewed', { date: day(entry.reviewed_on, language) })}</p>}
    </>
  );
}

export function FaqPage({ t, language, entries, query, topic }: { t: Translate; language: Language; entries: PublicFaqEntry[]; query: string; topic?: string }) {
  const topics = faqTopics.filter((key) => entries.some((entry) => entry.topic === key));
  const searching = query.trim() !== '';
  return (
    <>
      <h1 class="kern-heading-large">{t('faq.public.title')}</h1>
      <p class="kern-body">{t('faq.public.intro')}</p>
      <form method="get" action="/faq" role="search" class="mosaik-filters">
        <input type="hidden" name="lang" value={language} />
        <FieldFrame name="q" label={t('faq.public.search')} hint={t('faq.public.searchHint')}>
          {(describedBy) => <input class={inputClass(false)} id="q" name="q" type="search" value={query} aria-describedby={describedBy} />}
        </FieldFrame>
        {topic && <input type="hidden" name="topic" value={topic} />}
        <Button kind="secondary">{t('faq.public.searchButton')}</Button>
      </form>
      <nav aria-label={t('faq.public.topics')}>
        <ul class="kern-list mosaik-inline-list">
          <li>
            <a class="kern-link" href={`/faq?lang=${language}`} aria-current={!topic ? 'page' : undefined}>{t('faq.public.allTopics')}</a>
          </li>
          {faqTopics.map((key) => (
            <li key={key}>
              <a class="kern-link" href={`/faq?lang=${language}&topic=${key}`} aria-current={topic === key ? 'page' : undefined}>{t(`faq.topics.${key}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {searching && <p class="kern-body" role="status">{t('faq.public.results', { count: entries.length, query })}</p>}
      {entries.length === 0 && <p class="kern-body">{t('faq.public.none')}</p>}
      {topics.map((key) => (
        <section key={key} aria-labelledby={`topic-${key}`}>
          <h2 class="kern-heading-medium" id={`topic-${key}`}>{t(`faq.topics.${key}`)}</h2>
          {entries
            .filter((entry) => entry.topic === key)
            .map((entry) => (
              <details class="kern-accordion" key={entry.id} data-faq={entry.id}>
                <summary class="kern-accordion__header">
                  <span class="kern-title" lang={entry.language}>{entry.question}</span>
                </summary>
                <div class="kern-accordion__body">
                  <Answer t={t} language={language} entry={entry} />
                  <p class="kern-body">
                    <a class="kern-link" href={`/faq/${entry.id}?lang=${language}`}>{t('faq.public.entryLink')}</a>
                  </p>
                </div>
              </details>
            ))}
        </section>
      ))}
    </>
  );
}

export function FaqEntryPage({ t, language, entry, csrfToken, thanks }: { t: Translate; language: Language; entry: PublicFaqEntry; csrfToken: string; thanks: boolean }) {
  return (
    <>
      <p class="kern-body">
        <a class="kern-link" href={`/faq?lang=${language}`}>{t('faq.public.back')}</a>
      </p>
      <p class="kern-body--small">{t(`faq.topics.${entry.topic}`)}</p>
      <h1 class="kern-heading-large" lang={entry.language}>{entry.question}</h1>
      <Answer t={t} language={language} entry={entry} />
      {thanks ? (
        <Alert kind="success">{t('faq.public.thanks')}</Alert>
      ) : (
        <form method="post" action={`/faq/${entry.id}/feedback?lang=${language}`} class="kern-stack">
          <CsrfField token={csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t('faq.public.helped')}</legend>
            <div class="kern-fieldset__body kern-fieldset__body--horizontal">
              {(['yes', 'no'] as const).map((value) => (
                <div class="kern-form-check" key={value}>
                  <input class="kern-form-check__radio" type="radio" id={value === 'yes' ? 'helpful' : 'helpful-no'} name="helpful" value={value} checked={value === 'yes'} />
                  <label class="kern-label" for={value === 'yes' ? 'helpful' : 'helpful-no'}>{t(`faq.public.${value}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <FieldFrame name="question" label={t('faq.public.question')} hint={t('faq.public.questionHint')}>
            {(describedBy) => <textarea class={inputClass(false)} id="question" name="question" rows={4} maxLength={2000} aria-describedby={describedBy} />}
          </FieldFrame>
          <Button>{t('faq.public.send')}</Button>
        </form>
      )}
    </>
  );
}
