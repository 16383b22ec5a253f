import type { Language, Translate } from '../../../i18n/index.js';
import { PageNav } from '../../../ui/pagination.js';
import type { PublicPortrait, ReleasedAssociation } from '../queries.js';
import { locate, topics, type Topic } from '../present.js';
import { DescriptionList, Detail } from '../../../ui/description-list.js';

/** The public list of released portraits and one portrait's page (six languages). */

const topicLabel = (t: Translate, field: string) => (topics.includes(field as Topic) ? t(`portraits.topics.${field}`) : field);
const withLang = (path: string, language: Language) => (language === 'de' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=${language}`);

export function PortraitList({ t, language, associations, page, pages }: { t: Translate; language: Language; associations: ReleasedAssociation[]; page: number; pages: number }) {
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{t('portraits.list.title')}</h1>
      <p>{t('portraits.list.intro')}</p>
      <p>
        <a class="kern-link" href={withLang('/map', language)}>
          {t('portraits.list.toMap')}
        </a>
      </p>
      {associations.length === 0 ? (
        <p>{t('portraits.list.empty')}</p>
      ) : (
        <ul class="kern-list mosaik-portrait-list">
          {associations.map((association) => {
            const place = locate(association);
            return (
              <li key={association.id}>
                <a class="kern-link" href={withLang(`/portraits/${association.id}`, language)} lang="de">
                  {association.name}
                </a>
                {place && <span class="kern-body"> · {place.name}</span>}
                {association.fields.length > 0 && <span class="kern-body"> · {association.fields.map((field) => topicLabel(t, field)).join(', ')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <PageNav t={t} label={t('portraits.list.pages')} page={page} pages={pages} href={(next) => withLang(`/portraits?page=${next}`, language)} />
    </div>
  );
}

export function PortraitPage({ t, language, portrait }: { t: Translate; language: Language; portrait: PublicPortrait }) {
  const place = locate(portrait);
  const website = portrait.website && /^https?:\/\//i.test(portrait.website) ? portrait.website : null;
  return (
    <article class="kern-stack-lg" aria-labelledby="portrait-title">
      <link rel="stylesheet" href="/map/map.css" />
      <h1 class="kern-heading-large" id="portrait-title" lang="de">
        {portrait.name}
      </h1>
      {portrait.hasPhoto && (
        <img
          class="mosaik-portrait-photo"
          src={`/portraits/${portrait.id}/photo`}
          alt={portrait.photoAlt ?? ''}
          width={portrait.photoWidth ?? undefined}
          height={portrait.photoHeight ?? undefined}
          lang="de"
        />
      )}
      <div class="mosaik-portrait-text kern-stack-sm" lang="de">
        {portrait.text.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <section aria-labelledby="portrait-facts" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="portrait-facts">
          {t('portraits.page.facts')}
        </h2>
        <DescriptionList class="mosaik-portrait-facts">
          {place && (
            <Detail label={t('portraits.page.place')} lang="de">{place.name}</Detail>
          )}
          {place?.district && (
            <Detail label={t('portraits.page.district')} lang="de">{place.district.name}</Detail>
          )}
          {portrait.fields.length > 0 && (
            <Detail label={t('portraits.page.topics')}>{portrait.fields.map((field) => topicLabel(t, field)).join(', ')}</Detail>
          )}
          {portrait.languages.length > 0 && (
            <Detail label={t('portraits.page.languages')}>{portrait.languages.join(', ')}</Detail>
          )}
          {website && (
            <Detail label={t('portraits.page.website')}>
                <a class="kern-link" href={website} rel="external nofollow">
                  {website}
                </a>
              </Detail>
          )}
        </DescriptionList>
      </section>
      <section aria-labelledby="portrait-projects" class="kern-stack-sm">
        <h2 class="kern-heading-medium" id="portrait-projects">
          {t('portraits.page.projects')}
        </h2>
        {portrait.projects.length === 0 ? (
          <p>{t('portraits.page.noProjects')}</p>
        ) : (
          <ul class="kern-list">
            {portrait.projects.map((project) => (
              <li key={project.year}>
                <strong>{t('portraits.page.projectTitle', { year: project.year })}</strong>
                {project.summary && <span lang="de">: {project.summary}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="mosaik-actions">
        {place && (
          <a class="kern-link" href={withLang(`/map${place.district ? `?district=${place.district.code}` : ''}`, language)}>
            {t('portraits.page.onMap')}
          </a>
        )}{' '}
        <a class="kern-link" href={withLang('/portraits', language)}>
          {t('portraits.page.backToList')}
        </a>
      </p>
    </article>
  );
}
