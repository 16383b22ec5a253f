import type { Language, Translate } from '../../../i18n/index.js';
import { PageNav } from '../../../ui/pagination.js';
import type { Entry } from '../entry.js';
import type { SearchHit } from '../queries.js';
import { FreshnessNote } from './freshness-note.js';
import { Button } from '../../../ui/button.js';

/** The public Wegweiser: search, an entry, its Leichte Sprache summary, in the six public languages. */

export interface SearchFilters {
  q: string;
  topic: string;
  district: string;
  postcode: string;
  language: string;
}

interface SearchPageProps {
  t: Translate;
  language: Language;
  today: string;
  filters: SearchFilters;
  hits: SearchHit[];
  page: number;
  perPage: number;
  topics: { code: string; name: string }[];
  districts: string[];
  /** The postcode typed is not one Mosaik knows. */
  postcodeUnknown: boolean;
}

/** ISO 639-1 codes offered in the language filter (the languages services in Hessen are most often offered in). */
export const offeredLanguages = ['de', 'en', 'tr', 'ar', 'ru', 'uk', 'fa', 'ps', 'ti', 'ku', 'fr', 'pl', 'ro', 'bg', 'es', 'it', 'so', 'sq'];

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={name}>{label}</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={name} name={name}>
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue} selected={optionValue === value}>{optionLabel}</option>
          ))}
        </select>
      </div>
    </div>
  );
}

export const topicName = (t: Translate, topic: { code: string; name: string }) => t(`wegweiser.topics.${topic.code}`, { defaultValue: topic.name });
export const languageName = (t: Translate, code: string) => t(`wegweiser.languages.${code}`, { defaultValue: code });

export function SearchPage({ t, language, today, filters, hits, page, perPage, topics, districts, postcodeUnknown }: SearchPageProps) {
  const any: [string, string] = ['', t('wegweiser.public.any')];
  const total = hits[0]?.total ?? 0;
  const query = (p: number) =>
    `/wegweiser?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')), lang: language, page: String(p) })}`;
  return (
    <>
      <h1 class="kern-heading-large">{t('wegweiser.public.title')}</h1>
      <p class="kern-body">{t('wegweiser.public.intro')}</p>
      <form method="get" action="/wegweiser" class="mosaik-filters" role="search">
        <input type="hidden" name="lang" value={language} />
        <div class="kern-form-input">
          <label class="kern-label" for="q">{t('wegweiser.public.q')}</label>
          <div class="kern-hint" id="q-hint">{t('wegweiser.public.qHint')}</div>
          <input class="kern-form-input__input" type="search" id="q" name="q" value={filters.q} aria-describedby="q-hint" />
        </div>
        <Select name="topic" label={t('wegweiser.public.topic')} value={filters.topic} options={[any, ...topics.map((topic): [string, string] => [topic.code, topicName(t, topic)])]} />
        <Select name="district" label={t('wegweiser.public.district')} value={filters.district} options={[any, ...districts.map((d): [string, string] => [d, d])]} />
        <div class={`kern-form-input${postcodeUnknown ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="postcode">{t('wegweiser.public.postcode')}</label>
          <div class="kern-hint" id="postcode-hint">{t('wegweiser.public.postcodeHint')}</div>
          {postcodeUnknown && <p class="kern-error" id="postcode-error">{t('wegweiser.errors.postcodeUnknown', { value: filters.postcode })}</p>}
          <input class={`kern-form-input__input${postcodeUnknown ? ' kern-form-input__input--error' : ''}`} type="text" inputMode="numeric" autocomplete="postal-code" id="postcode" name="postcode" value={filters.postcode}
            aria-describedby={postcodeUnknown ? 'postcode-hint postcode-error' : 'postcode-hint'} aria-invalid={postcodeUnknown ? 'true' : undefined} />
        </div>
        <Select name="language" label={t('wegweiser.public.language')} value={filters.language} options={[any, ...offeredLanguages.map((code): [string, string] => [code, languageName(t, code)])]} />
        <Button>{t('wegweiser.public.search')}</Button>
      </form>
      <p class="kern-body" role="status">{t('wegweiser.public.found', { count: total })}</p>
      {hits.length > 0 && (
        <ul class="kern-list mosaik-event-cards" aria-label={t('wegweiser.public.results')}>
          {hits.map((hit) => (
            <li key={hit.id} data-service={hit.id}>
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/wegweiser/${hit.id}?lang=${language}`}>{hit.name}</a>
              </h2>
              <p class="kern-body">
                {hit.organization_name}
                {hit.city ? ` · ${hit.city}` : ''}
                {hit.distance_km !== null ? ` · ${t('wegweiser.public.distance', { km: hit.distance_km.toFixed(1) })}` : ''}
              </p>
              {hit.description && <p class="kern-body--small">{hit.description.length > 240 ? `${hit.description.slice(0, 240)}…` : hit.description}</p>}
              {hit.has_easy_read && (
                <p class="kern-body--small">
                  <a class="kern-link" href={`/wegweiser/${hit.id}/leichte-sprache?lang=${language}`}>{t('wegweiser.public.easyReadLink', { name: hit.name })}</a>
                </p>
              )}
              <FreshnessNote t={t} language={language} service={hit} today={today} />
            </li>
          ))}
        </ul>
      )}
      <PageNav t={t} label={t('wegweiser.public.pages')} page={page} pages={Math.max(1, Math.ceil(total / perPage))} href={query} />
      <p class="kern-body mosaik-no-print">
        <a class="kern-link" href={`/wegweiser/brochure?lang=${language}${filters.district ? `&district=${encodeURIComponent(filters.district)}` : ''}${filters.topic ? `&topic=${encodeURIComponent(filters.topic)}` : ''}`}>{t('wegweiser.public.brochureLink')}</a>
        {' · '}
        <a class="kern-link" href={`/wegweiser/suggest?lang=${language}`}>{t('wegweiser.public.suggestLink')}</a>
      </p>
    </>
  );
}

function Fact({ label, children }: { label: string; children: unknown }) {
  if (children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <>
      <dt class="kern-label">{label}</dt>
      <dd class="kern-body mosaik-pre-line">{children as string}</dd>
    </>
  );
}

/** The facts of one entry: also used by the brochure and the assurer's page. */
export function EntryFacts({ t, entry }: { t: Translate; entry: Entry }) {
  const s = entry.service;
  const locations = (s.service_at_locations ?? []).map((sal: any) => sal.location).filter(Boolean);
  return (
    <dl class="mosaik-facts">
      <Fact label={t('wegweiser.fields.organization')}>{s.organization?.name}</Fact>
      <Fact label={t('wegweiser.fields.topics')}>{entry.topics.map((topic) => topicName(t, topic)).join(', ')}</Fact>
      {locations.map((location: any) => (
        <>
          <Fact label={t('wegweiser.fields.address')}>{(location.addresses ?? []).map((a: any) => `${a.address_1}, ${a.postal_code} ${a.city}`).join('\n')}</Fact>
          <Fact label={t('wegweiser.fields.transportation')}>{location.transportation}</Fact>
          <Fact label={t('wegweiser.fields.accessibility')}>{(location.accessibility ?? []).map((a: any) => a.description).filter(Boolean).join('\n')}</Fact>
        </>
      ))}
      <Fact label={t('wegweiser.fields.openingHours')}>{(s.schedules ?? []).map((x: any) => x.description ?? [x.byday, x.opens_at && `${x.opens_at}–${x.closes_at}`].filter(Boolean).join(' ')).join('\n')}</Fact>
      <Fact label={t('wegweiser.fields.phone')}>{(s.phones ?? []).map((p: any) => p.number).join(', ')}</Fact>
      <Fact label={t('wegweiser.fields.email')}>{s.email}</Fact>
      <Fact label={t('wegweiser.fields.url')}>{s.url}</Fact>
      <Fact label={t('wegweiser.fields.languages')}>{(s.languages ?? []).map((l: any) => languageName(t, l.code)).join(', ')}</Fact>
      <Fact label={t('wegweiser.fields.areas')}>{entry.districts.join(', ')}</Fact>
      <Fact label={t('wegweiser.fields.fees')}>{s.fees_description}</Fact>
      <Fact label={t('wegweiser.fields.applicationProcess')}>{s.application_process}</Fact>
    </dl>
  );
}

export function EntryPage({ t, language, entry, today }: { t: Translate; language: Language; entry: Entry; today: string }) {
  return (
    <>
      <p class="kern-body mosaik-no-print"><a class="kern-link" href={`/wegweiser?lang=${language}`}>{t('wegweiser.public.back')}</a></p>
      <h1 class="kern-heading-large" lang={entry.textLanguage}>{entry.name}</h1>
      <FreshnessNote t={t} language={language} service={{ assured_date: entry.assuredDate, recheck_months: entry.recheckMonths }} today={today} />
      {entry.easyRead && (
        <p class="kern-body">
          <a class="kern-link" href={`/wegweiser/${entry.service.id}/leichte-sprache?lang=${language}`}>{t('wegweiser.public.easyReadLink', { name: entry.name })}</a>
        </p>
      )}
      {entry.description && <p class="kern-body mosaik-pre-line" lang={entry.textLanguage}>{entry.description}</p>}
      {entry.textLanguage !== language && <p class="kern-body--small">{t('wegweiser.public.untranslated')}</p>}
      <EntryFacts t={t} entry={entry} />
    </>
  );
}

export function EasyReadPage({ t, language, entry, today }: { t: Translate; language: Language; entry: Entry; today: string }) {
  return (
    <>
      <p class="kern-body"><a class="kern-link" href={`/wegweiser/${entry.service.id}?lang=${language}`}>{t('wegweiser.public.backToEntry')}</a></p>
      <h1 class="kern-heading-large" lang="de">{entry.service.name}</h1>
      <p class="kern-body--small">{t('wegweiser.public.easyReadTitle')}</p>
      <div class="kern-body mosaik-pre-line mosaik-easy-read" lang="de">{entry.easyRead}</div>
      <FreshnessNote t={t} language={language} service={{ assured_date: entry.assuredDate, recheck_months: entry.recheckMonths }} today={today} />
    </>
  );
}
