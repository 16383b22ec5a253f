import type { Translate } from '../../i18n/index.js';

/**
 * The people section of an organisation's profile. The profile page renders
 * synchronously from data its route loads, so instead of a list (which would
 * need the route, owned by the organisations module, to load persons) the
 * section links to the people list filtered by the organisation, which
 * applies the reader's scope and consent rules itself.
 */
export function OrganisationPeopleSection({ t, organisationId }: { t: Translate; organisationId: number }) {
  return (
    <section aria-labelledby="section-people" class="kern-stack-sm">
      <h2 class="kern-heading-medium" id="section-people">
        {t('people.profileSection.title')}
      </h2>
      <p>
        <a class="kern-link" href={`/people?organisation=${organisationId}`}>
          {t('people.profileSection.link')}
        </a>
      </p>
    </section>
  );
}
