import type { Language, Translate } from '../../../i18n/index.js';
import type { District, HessenMap } from '../../places/index.js';
import { PageNav } from '../../../ui/pagination.js';
import { markerRadius, topics, type MapFilters, type MapModel } from '../present.js';
import { Button } from '../../../ui/button.js';

/**
 * The map of Hessen and, beside it, the same content as a list: the places
 * drawn (with their counts) and the associations under the filters. The SVG
 * is one image for assistive technology (its title and description say what
 * it shows); the list is where one navigates. map.js, if it runs, adds zoom
 * and pan and nothing else.
 */

export interface MapPageProps {
  t: Translate;
  language: Language;
  map: HessenMap;
  model: MapModel;
  filters: MapFilters;
  districts: District[];
  page: number;
  pageSize: number;
}

const query = (filters: MapFilters, language: Language, page?: number) => {
  const parts = [
    filters.year !== undefined ? `year=${filters.year}` : '',
    filters.topic ? `topic=${filters.topic}` : '',
    filters.district ? `district=${filters.district}` : '',
    language !== 'de' ? `lang=${language}` : '',
    page && page > 1 ? `page=${page}` : '',
  ].filter(Boolean);
  return parts.length ? `?${parts.join('&')}` : '';
};

function Filters({ t, language, model, filters, districts }: Pick<MapPageProps, 't' | 'language' | 'model' | 'filters' | 'districts'>) {
  const select = (name: string, label: string, all: string, options: [string, string][], selected: string | undefined) => (
    <div class="kern-form-input">
      <label class="kern-label" for={`map-${name}`}>
        {label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={`map-${name}`} name={name}>
          <option value="">{all}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value} selected={value === selected}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
  return (
    <form method="get" action="/map" class="mosaik-map__filters" aria-labelledby="map-filters-title">
      <h2 class="kern-heading-small" id="map-filters-title">
        {t('portraits.map.filters')}
      </h2>
      {language !== 'de' && <input type="hidden" name="lang" value={language} />}
      {select('year', t('portraits.map.year'), t('portraits.map.allYears'), model.years.map((year) => [String(year), String(year)]), filters.year?.toString())}
      {select('topic', t('portraits.map.topic'), t('portraits.map.allTopics'), topics.map((topic) => [topic, t(`portraits.topics.${topic}`)]), filters.topic)}
      {select('district', t('portraits.map.district'), t('portraits.map.allDistricts'), districts.map((district) => [district.code, district.name]), filters.district)}
      <div class="mosaik-actions">
        <Button>{t('portraits.map.apply')}</Button>{' '}
        <a class="kern-link" href={`/map${query({}, language)}`}>
          {t('portraits.map.reset')}
        </a>
      </div>
    </form>
  );
}

function MapImage({ t, map, model, filters }: Pick<MapPageProps, 't' | 'map' | 'model' | 'filters'>) {
  return (
    <figure class="mosaik-map__figure">
      <div class="mosaik-map__canvas" data-map-zoom={t('portraits.map.zoomIn')} data-map-unzoom={t('portraits.map.zoomOut')} data-map-reset={t('portraits.map.zoomReset')}>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox={map.viewBox} role="img" aria-labelledby="map-svg-title map-svg-desc" class="mosaik-map__svg">
          <title id="map-svg-title">{t('portraits.map.svgTitle')}</title>
          <desc id="map-svg-desc">{t('portraits.map.svgDescription')}</desc>
          <g class="mosaik-map__districts">
            {map.districts.map((district) => (
              <path key={district.code} d={district.path} class={district.code === filters.district ? 'mosaik-map__district mosaik-map__district--chosen' : 'mosaik-map__district'} />
            ))}
          </g>
          <path d={map.outline} class="mosaik-map__outline" />
          <g class="mosaik-map__markers">
            {model.places.map((place) => (
              <circle key={place.key} cx={place.x} cy={place.y} r={markerRadius(place).toFixed(1)}>
                <title>{t('portraits.map.marker', { place: place.name, associations: place.associations.length, projects: place.projects })}</title>
              </circle>
            ))}
          </g>
        </svg>
      </div>
      <figcaption class="kern-hint">
        {t('portraits.map.sources')}: {map.attribution.join(' · ')}
      </figcaption>
    </figure>
  );
}

function PlacesTable({ t, model }: Pick<MapPageProps, 't' | 'model'>) {
  return (
    <div class="mosaik-map__places" tabIndex={0} role="region" aria-labelledby="map-places-title">
      <table class="kern-table kern-table--small">
        <caption class="kern-title" id="map-places-title">
          {t('portraits.map.placesTable')}
        </caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{t('portraits.map.place')}</th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">{t('portraits.map.associations')}</th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">{t('portraits.map.projects')}</th>
          </tr>
        </thead>
        {/* rows without KERN's per-cell classes (map.css styles them alike): up to 426 places must stay light */}
        <tbody class="kern-table__body mosaik-map__rows" lang="de">
          {model.places.map((place) => (
            <tr key={place.key}>
              <th scope="row">{place.name}</th>
              <td>{place.associations.length}</td>
              <td>{place.projects}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MapPage({ t, language, map, model, filters, districts, page, pageSize }: MapPageProps) {
  const pages = Math.max(1, Math.ceil(model.associations.length / pageSize));
  const current = Math.min(page, pages);
  const shown = model.associations.slice((current - 1) * pageSize, current * pageSize);
  return (
    <div class="kern-stack-lg">
      <link rel="stylesheet" href="/map/map.css" />
      <h1 class="kern-heading-large">{t('portraits.map.title')}</h1>
      <p>{t('portraits.map.intro')}</p>
      <Filters t={t} language={language} model={model} filters={filters} districts={districts} />
      <p class="kern-body kern-body--bold" role="status">
        {t('portraits.map.summary', { associations: model.associations.length, projects: model.projects })}
      </p>
      <div class="mosaik-map">
        <MapImage t={t} map={map} model={model} filters={filters} />
        <div class="mosaik-map__list kern-stack-md">
          {model.associations.length === 0 ? <p>{t('portraits.map.noneFound')}</p> : <PlacesTable t={t} model={model} />}
          <section aria-labelledby="map-list-title" class="kern-stack-sm">
            <h2 class="kern-heading-medium" id="map-list-title">
              {t('portraits.map.listTitle')}
            </h2>
            <ul class="kern-list">
              {shown.map((association) => (
                <li key={association.id}>
                  <a class="kern-link" href={`/portraits/${association.id}${language === 'de' ? '' : `?lang=${language}`}`} lang="de">
                    {association.name}
                  </a>
                  {association.municipality && <span lang="de"> · {association.municipality}</span>}
                  {model.unplaced.includes(association) && <span> ({t('portraits.map.unplaced')})</span>}
                  {association.projects.length > 0 && (
                    <span>
                      {' '}· {t('portraits.map.projects')}: {association.projects.map((project) => project.year).join(', ')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            <PageNav t={t} label={t('portraits.map.pages')} page={current} pages={pages} href={(next) => `/map${query(filters, language, next)}#map-list-title`} />
          </section>
        </div>
      </div>
      <script src="/map/map.js" defer></script>
    </div>
  );
}
