import type { ComponentChildren } from 'preact';
import type { Language, Translate } from '../../i18n/index.js';
import { Alert, CsrfField } from '../../ui/forms.js';
import type { LinkedOrganisation, OrganisationProfile } from './profile.js';
import { OrganisationPeopleSection } from '../people/index.js';
import type { TimelineEntry, TimelinePage } from './timeline.js';
import { formatDay } from '../../ui/dates.js';
import { Button, LinkButton } from '../../ui/button.js';
import { DescriptionList, Detail } from '../../ui/description-list.js';

export type ProfileDone = 'saved' | 'created' | 'linked' | 'unlinked';

interface ProfileProps {
  t: Translate;
  language: Language;
  csrfToken: string;
  profile: OrganisationProfile;
  timeline: TimelinePage;
  timelinePage: number;
  /** Centre staff: edit link, notes, link forms. */
  canEdit: boolean;
  /** The people section links to /people, which representatives cannot open. */
  showPeople?: boolean;
  /** Admins may erase an organisation (Art. 17 GDPR). */
  canErase?: boolean;
  done?: ProfileDone;
  linkError?: string;
}

const dateFormat = (language: Language) => ({ format: (day: Date | string) => formatDay(day, language) });
const euros = (language: Language) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE', { style: 'currency', currency: 'EUR' });

/** An organisation's profile page: details, links, review notice, timeline. */
export function ProfilePage({ t, language, csrfToken, profile, timeline, timelinePage, canEdit, showPeople = true, canErase = false, done, linkError }: ProfileProps) {
  const { organisation: o } = profile;
  const p = (key: string, options?: Record<string, unknown>) => t(`organisations.profile.${key}`, options);
  const none = '–';
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : none);
  return (
    <div class="kern-stack-lg">
      <h1 class="kern-heading-large">{o.name}</h1>
      {done && <Alert kind="success">{p(`done.${done}`)}</Alert>}
      {linkError && <Alert kind="danger">{linkError}</Alert>}
      {(o.needs_review || profile.likelyDuplicates > 0) && (
        <Alert kind="warning">
          {o.needs_review ? p('needsReview') : ''} {profile.likelyDuplicates > 0 ? p('duplicates', { count: profile.likelyDuplicates }) : ''}{' '}
          {canEdit && (
            <a class="kern-link" href="/organisations/review">
              {p('toReview')}
            </a>
          )}
        </Alert>
      )}
      {canEdit && (
        <p>
          <a class="kern-link" href={`/organisations/${o.id}/edit`}>
            {p('edit')}
          </a>
          {canErase && (
            <>
              {' '}
              · <a class="kern-link" href={`/organisations/${o.id}/erase`}>{p('eraseLink')}</a>
            </>
          )}
        </p>
      )}
      <Section id="basics" title={p('basics')}>
        <Detail label={p('names')}>
          <ul class="kern-list">
            {profile.names.map((name) => (
              <li key={name.name}>
                {name.name}
                {name.isAlias && <span class="kern-body--small"> ({p('alias')})</span>}
              </li>
            ))}
          </ul>
        </Detail>
        <Detail label={p('legalForm')}>{o.legal_form ? p(`legalForms.${o.legal_form}`) : none}</Detail>
        <Detail label={p('foundedYear')}>{o.founded_year ?? none}</Detail>
        <Detail label={p('orientation')}>{o.orientation ? p(`orientations.${o.orientation}`) : none}</Detail>
        <Detail label={p('communities')}>{list(o.communities)}</Detail>
        <Detail label={p('languages')}>{list(o.languages)}</Detail>
        <Detail label={p('fields')}>{list(o.fields.map((field) => p(`fieldsOfActivity.${field}`)))}</Detail>
        <Detail label={p('targetGroups')}>{list(o.target_groups)}</Detail>
        <Detail label={p('rooms')}>{o.rooms ? p(`roomOptions.${o.rooms}`) : none}</Detail>
      </Section>
      <Section id="place" title={p('placeAndContact')}>
        <Detail label={p('municipality')}>{o.municipality ?? none}</Detail>
        <Detail label={p('district')}>{o.district ?? none}</Detail>
        <Detail label={p('postcode')}>{o.postcode ?? none}</Detail>
        <Detail label={p('email')}>{o.email ? <a class="kern-link" href={`mailto:${o.email}`}>{o.email}</a> : none}</Detail>
        <Detail label={p('website')}>{o.website ? <a class="kern-link" href={o.website}>{o.website}</a> : none}</Detail>
        <Detail label={p('phone')}>{o.phone ?? none}</Detail>
        {o.latitude !== null && <Detail label={p('position')}>{`${o.latitude}, ${o.longitude}`}</Detail>}
      </Section>
      <LinksSection t={t} csrfToken={csrfToken} id={o.id} belongsTo={profile.belongsTo} members={profile.members} canEdit={canEdit} />
      {showPeople && <OrganisationPeopleSection t={t} organisationId={o.id} />}
      <Section id="portrait" title={p('portrait')}>
        <Detail label={p('portraitText')}>{o.portrait ?? none}</Detail>
        <Detail label={p('portraitStatus')}>
          {o.portrait_published ? p('published') : p('notPublished')}
          {o.portrait_consent_on && (
            <div class="kern-body--small">
              {p('consent', { by: o.portrait_consent_by ?? none, on: dateFormat(language).format(o.portrait_consent_on), wording: o.portrait_consent_wording ?? none })}
            </div>
          )}
        </Detail>
        {canEdit && <Detail label={p('notes')}>{o.notes ?? none}</Detail>}
      </Section>
      {canEdit && (
        <p>
          <LinkButton kind="secondary" href={`/consultations/new?organisation=${o.id}`}>{t('organisations.timeline.logConsultation')}</LinkButton>
        </p>
      )}
      <Timeline t={t} language={language} id={o.id} timeline={timeline} page={timelinePage} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`section-${id}`} class="kern-stack-sm">
      <h2 class="kern-heading-medium" id={`section-${id}`}>
        {title}
      </h2>
      <DescriptionList>{children}</DescriptionList>
    </section>
  );
}


interface LinksProps {
  t: Translate;
  csrfToken: string;
  id: number;
  belongsTo: LinkedOrganisation[];
  members: LinkedOrganisation[];
  canEdit: boolean;
}

function LinksSection({ t, csrfToken, id, belongsTo, members, canEdit }: LinksProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`organisations.profile.${key}`, options);
  const item = (link: LinkedOrganisation, removable: boolean) => (
    <li key={`${link.kind}-${link.id}`}>
      <a class="kern-link" href={`/organisations/${link.id}`}>
        {link.name}
      </a>{' '}
      <span class="kern-body--small">
        ({p(`linkKinds.${link.kind}`)}
        {link.sinceYear ? `, ${p('since', { year: link.sinceYear })}` : ''})
      </span>
      {removable && (
        <form method="post" action={`/organisations/${id}/links/remove`} class="mosaik-inline-form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="to" value={String(link.id)} />
          <input type="hidden" name="kind" value={link.kind} />
          <Button kind="tertiary" size="small" aria-label={p('unlink', { name: link.name })}>{p('remove')}</Button>
        </form>
      )}
    </li>
  );
  return (
    <section aria-labelledby="section-links" class="kern-stack-sm">
      <h2 class="kern-heading-medium" id="section-links">
        {p('links')}
      </h2>
      <h3 class="kern-heading-small">{p('belongsTo')}</h3>
      {belongsTo.length > 0 ? <ul class="kern-list">{belongsTo.map((link) => item(link, canEdit))}</ul> : <p>{p('noLinks')}</p>}
      {members.length > 0 && (
        <>
          <h3 class="kern-heading-small">{p('members')}</h3>
          <ul class="kern-list">{members.map((link) => item(link, false))}</ul>
        </>
      )}
      {canEdit && (
        <form method="post" action={`/organisations/${id}/links`} class="kern-stack-sm">
          <CsrfField token={csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{p('addLink')}</legend>
            <div class="kern-fieldset__body kern-stack-sm">
              <div class="kern-form-input">
                <label class="kern-label" for="link-name">
                  {p('linkName')}
                </label>
                <input class="kern-form-input__input" id="link-name" name="name" required />
              </div>
              <div class="kern-form-input">
                <label class="kern-label" for="link-kind">
                  {p('linkKind')}
                </label>
                <div class="kern-form-input__select-wrapper">
                  <select class="kern-form-input__select" id="link-kind" name="kind">
                    <option value="member_of">{p('linkKinds.member_of')}</option>
                    <option value="network">{p('linkKinds.network')}</option>
                  </select>
                </div>
              </div>
              <div class="kern-form-input">
                <label class="kern-label" for="link-since">
                  {p('linkSince')}
                </label>
                <input class="kern-form-input__input kern-form-input__input--width-4" id="link-since" name="since" inputMode="numeric" />
              </div>
            </div>
          </fieldset>
          <Button kind="secondary">{p('addLinkSubmit')}</Button>
        </form>
      )}
    </section>
  );
}

function Timeline({ t, language, id, timeline, page }: { t: Translate; language: Language; id: number; timeline: TimelinePage; page: number }) {
  const p = (key: string, options?: Record<string, unknown>) => t(`organisations.timeline.${key}`, options);
  const dates = dateFormat(language);
  return (
    <section aria-labelledby="section-timeline" class="kern-stack-sm">
      <h2 class="kern-heading-medium" id="section-timeline">
        {p('title')}
      </h2>
      {timeline.entries.length === 0 ? (
        <p>{p('empty')}</p>
      ) : (
        <ol class="kern-list mosaik-timeline">
          {timeline.entries.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`}>
              <time dateTime={entry.on}>{dates.format(entry.on)}</time>: <span class="kern-body--bold">{p(`kinds.${entry.kind}`)}</span> – {describe(t, language, entry)}
            </li>
          ))}
        </ol>
      )}
      {(page > 1 || timeline.more) && (
        <nav aria-label={p('pagination')} class="mosaik-inline-form">
          {page > 1 && (
            <a class="kern-link" href={`/organisations/${id}?timeline=${page - 1}#section-timeline`} rel="prev">
              {p('newer')}
            </a>
          )}
          {timeline.more && (
            <a class="kern-link" href={`/organisations/${id}?timeline=${page + 1}#section-timeline`} rel="next">
              {p('older')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}

function describe(t: Translate, language: Language, entry: TimelineEntry): string {
  const p = (key: string, options?: Record<string, unknown>) => t(`organisations.timeline.${key}`, options);
  switch (entry.kind) {
    case 'event':
      return p('event', { title: entry.title, format: t(`dashboard.formats.${entry.format}`), count: entry.persons });
    case 'consultation':
      return [p(`channels.${entry.channel}`), (language === 'en' ? entry.topics.en : entry.topics.de).join(', '), entry.durationMinutes !== null ? p('minutes', { count: entry.durationMinutes }) : '']
        .filter(Boolean)
        .join(', ');
    case 'referral':
      return p('referral', { service: entry.serviceName, organisation: entry.serviceOrganization });
    case 'grant':
      return [
        p('grant', { year: entry.year, type: p(`applicationTypes.${entry.applicationType}`), status: p(`statuses.${entry.status}`) }),
        entry.amountEur !== null ? euros(language).format(entry.amountEur) : '',
        entry.summary ?? '',
      ]
        .filter(Boolean)
        .join(' – ');
    case 'change': {
      const action = p(`actions.${entry.action}`, { defaultValue: entry.action, name: entry.otherName ?? '' });
      const fields = entry.fields.map((field) => t(`organisations.profileForm.labels.${field}`, { defaultValue: field })).join(', ');
      return fields ? `${action}: ${fields}` : action;
    }
  }
}
