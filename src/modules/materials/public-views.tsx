import { eventFormats } from '../../db/tables.js';
import { publicLanguages, type Language, type Translate } from '../../i18n/index.js';
import { downloadFacts, downloadPath } from './present.js';
import type { LibraryFilters, MaterialSummary } from './queries.js';
import { fileFormats } from './tables.js';
import { Select } from './select.js';
import { checklistKeys, checklistLabel, materialTopics } from './vocabulary.js';
import { Button } from '../../ui/button.js';

/** The public handout library and a handout's page, in the six public languages. */

/** A language's own name, marked with its language for screen readers. */
export const languageName = (t: Translate, language: string) => t(`materials.languages.${language}`);

function DownloadLink({ t, language, material }: { t: Translate; language: Language; material: MaterialSummary }) {
  const facts = downloadFacts(t, language, material);
  if (material.kind === 'link') {
    return (
      <a class="kern-link" href={material.link_url!} rel="noopener noreferrer">
        {t('materials.public.openLink', { title: material.title })} ({facts})
      </a>
    );
  }
  return (
    <a class="kern-link" href={downloadPath(material.id)} download>
      {t('materials.public.download', { title: material.title })} ({facts})
    </a>
  );
}

/** A handout in a list: title, what it is, and its download; used by the library and by the faces for event formats and checklist items. */
export function MaterialListItem({ t, language, material }: { t: Translate; language: Language; material: MaterialSummary }) {
  return (
    <li data-material={material.id}>
      <h3 class="kern-heading-small" lang={material.language}>
        <a class="kern-link" href={`/handouts/${material.id}?lang=${language}`}>
          {material.title}
        </a>
      </h3>
      {material.description && (
        <p class="kern-body" lang={material.language}>
          {material.description}
        </p>
      )}
      <p class="kern-body--small">
        {t(`materials.topics.${material.topic}`)} · <span lang={material.language}>{languageName(t, material.language)}</span>
      </p>
      <p class="kern-body">
        <DownloadLink t={t} language={language} material={material} />
      </p>
    </li>
  );
}

export function LibraryPage({ t, language, materials, filters }: { t: Translate; language: Language; materials: MaterialSummary[]; filters: LibraryFilters }) {
  const any = { value: '', label: t('materials.public.any') };
  const topics = materialTopics.filter((topic) => materials.some((material) => material.topic === topic));
  return (
    <>
      <h1 class="kern-heading-large">{t('materials.public.title')}</h1>
      <p class="kern-body">{t('materials.public.intro')}</p>
      <form method="get" action="/handouts" class="mosaik-filters">
        <input type="hidden" name="lang" value={language} />
        <Select name="topic" label={t('materials.public.topic')} value={filters.topic} options={[any, ...materialTopics.map((topic) => ({ value: topic, label: t(`materials.topics.${topic}`) }))]} />
        <Select name="language" label={t('materials.public.language')} value={filters.language} options={[any, ...publicLanguages.map((code) => ({ value: code, label: languageName(t, code), lang: code }))]} />
        <Select name="format" label={t('materials.public.format')} value={filters.format} options={[any, ...[...fileFormats, 'link'].map((format) => ({ value: format, label: t(`materials.formats.${format}`) }))]} />
        <Select name="item" label={t('materials.public.checklistItem')} value={filters.item} options={[any, ...checklistKeys.map((key) => ({ value: key, label: checklistLabel(t, key) }))]} />
        <Button kind="secondary">{t('materials.public.filter')}</Button>
      </form>
      {filters.item && (
        <p class="kern-body" data-checklist-filter={filters.item}>
          {t('materials.public.forItem', { item: checklistLabel(t, filters.item) })}
        </p>
      )}
      {materials.length === 0 && <p class="kern-body">{t('materials.public.none')}</p>}
      {topics.map((topic) => (
        <section key={topic} aria-labelledby={`topic-${topic}`}>
          <h2 class="kern-heading-medium" id={`topic-${topic}`}>
            {t(`materials.topics.${topic}`)}
          </h2>
          <ul class="kern-list mosaik-material-list">
            {materials
              .filter((material) => material.topic === topic)
              .map((material) => (
                <MaterialListItem key={material.id} t={t} language={language} material={material} />
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function MaterialPage({ t, language, material }: { t: Translate; language: Language; material: MaterialSummary }) {
  const formats = material.event_formats.filter((format) => eventFormats.includes(format as never));
  return (
    <>
      <p class="kern-body">
        <a class="kern-link" href={`/handouts?lang=${language}`}>
          {t('materials.public.back')}
        </a>
      </p>
      <h1 class="kern-heading-large" lang={material.language}>
        {material.title}
      </h1>
      {material.description && (
        <p class="kern-body" lang={material.language}>
          {material.description}
        </p>
      )}
      <dl class="mosaik-facts">
        <dt>{t('materials.public.language')}</dt>
        <dd lang={material.language}>{languageName(t, material.language)}</dd>
        <dt>{t('materials.public.topic')}</dt>
        <dd>{t(`materials.topics.${material.topic}`)}</dd>
        <dt>{t('materials.public.format')}</dt>
        <dd>{downloadFacts(t, language, material)}</dd>
        {formats.length > 0 && (
          <>
            <dt>{t('materials.public.eventFormats')}</dt>
            <dd>{formats.map((format) => t(`events.formats.${format}`)).join(', ')}</dd>
          </>
        )}
        {material.checklist_items.length > 0 && (
          <>
            <dt>{t('materials.public.checklistItems')}</dt>
            <dd>
              {/* each item leads to all handouts of that item */}
              <ul class="kern-list">
                {material.checklist_items.map((key) => (
                  <li key={key}>
                    <a class="kern-link" href={`/handouts?item=${encodeURIComponent(key)}&lang=${language}`} data-checklist-item={key}>
                      {checklistLabel(t, key)}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <p class="kern-body">
        <DownloadLink t={t} language={language} material={material} />
      </p>
      {material.checklist_items.length > 0 && (
        <p class="kern-body">
          {t('materials.public.selfcheckHint')} <a class="kern-link" href="/selfcheck">{t('materials.public.selfcheckLink')}</a>
        </p>
      )}
    </>
  );
}
