import type { Language, Translate } from '../../../i18n/index.js';
import type { PublicEntry } from '../meeting-queries.js';
import { outcomeOf, titleIn } from '../tables.js';
import { concernTopics } from '../vocabulary.js';

/**
 * "Sie haben gesagt – wir haben getan": the entries staff chose, without
 * names, in the six languages (the frame is translated; the entry's text
 * is as written, in German, or its public wording; a need carried from the
 * Vereins-Check without a public wording reads in the page's language).
 */

const year = (day: string) => day.slice(0, 4);

function Entry({ t, language, entry }: { t: Translate; language: Language; entry: PublicEntry }) {
  const outcome = entry.kind === 'concern' ? outcomeOf(entry.state) : entry.events.length > 0 ? 'taken_up' : 'open';
  const said = entry.public_wording || titleIn(entry, language);
  const inGerman = said === entry.public_wording || said === entry.title;
  return (
    <article class="kern-card mosaik-said-done" data-public-entry={entry.id}>
      <div class="kern-card__container">
        <div class="kern-card__body kern-stack-sm">
          <p class="kern-body--small">{t(`concerns.public.kind.${entry.kind}`)} · {year(entry.raised_on)}</p>
          <h3 class="kern-heading-small">{t('concerns.public.said')}</h3>
          <p class="kern-body" lang={inGerman ? 'de' : undefined} dir={inGerman ? 'ltr' : undefined}>{said}</p>
          <h3 class="kern-heading-small">{t('concerns.public.done')}</h3>
          <p class="kern-body"><strong data-outcome={outcome}>{t(`concerns.public.outcome.${outcome}`)}</strong></p>
          {entry.kind === 'concern' && entry.answer && <p class="kern-body mosaik-pre-line" lang="de" dir="ltr">{entry.answer}</p>}
          {entry.events.length > 0 && (
            <ul class="kern-list">
              {entry.events.map((event) => <li key={event.id}><a class="kern-link" href={`/calendar/${event.id}?lang=${language}`} lang="de" dir="ltr">{event.title}</a></li>)}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
}

export function SaidDonePage({ t, language, entries }: { t: Translate; language: Language; entries: PublicEntry[] }) {
  const topics = concernTopics.filter((topic) => entries.some((entry) => entry.topic === topic));
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('concerns.public.title')}</h1>
      <p class="kern-body">{t('concerns.public.intro')}</p>
      {language !== 'de' && entries.length > 0 && <p class="kern-body--small">{t('concerns.public.germanTexts')}</p>}
      {entries.length === 0 && <p class="kern-body">{t('concerns.public.none')}</p>}
      {topics.map((topic) => (
        <section key={topic} aria-labelledby={`topic-${topic}`} class="kern-stack">
          <h2 class="kern-heading-medium" id={`topic-${topic}`}>{t(`concerns.public.topics.${topic}`)}</h2>
          {entries.filter((entry) => entry.topic === topic).map((entry) => <Entry key={entry.id} t={t} language={language} entry={entry} />)}
        </section>
      ))}
    </div>
  );
}
