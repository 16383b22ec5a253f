import type { Language, Translate } from '../../../i18n/index.js';
import { PageNav } from '../../../ui/pagination.js';
import type { PublicPortrait, ReleasedAssociation } from '../queries.js';
import { locate, topics, type Topic } from '../present.js';

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
        <dl class="kern-description-list mosaik-portrait-facts">
          {place && (
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">{t('portraits.page.place')}</dt>
              <dd class="kern-description-list-item__value" lang="de">{place.name}</dd>
            </div>
          )}
          {place?.district && (
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">{t('portraits.page.district')}</dt>
              <dd class="kern-description-list-item__value" lang="de">{place.district.name}</dd>
            </div>
          )}
          {portrait.fields.length > 0 && (
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">{t('portraits.page.topics')}</dt>
              <dd class="kern-description-list-item__value">{portrait.fields.map((field) => topicLabel(t, field)).join(', ')}</dd>
            </div>
          )}
          {portrait.languages.length > 0 && (
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">{t('portraits.page.languages')}</dt>
              <dd class="kern-description-list-item__value">{portrait.languages.join(', ')}</dd>
            </div>
          )}
          {website && (
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">{t('portraits.page.website')}</dt>
              <dd class="kern-description-list-item__value">
                <a class="kern-link" href={website} rel="external nofollow">
                  {website}
                </a>
              </dd>
            </div>
          )}
        </dl>
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
