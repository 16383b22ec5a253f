import type { MosaikModule } from '../module.js';

/**
 * places: Hessen's districts, municipalities and postcodes with coordinates,
 * and the shapes for a server-rendered SVG map. Read-only data shipped in
 * hessen.json (derived by scripts/derive-places.ts); no tables.
 */
export const ownedTables = [] as const;

export { distanceKm, isInHessen, projectToMap, type Coordinates } from './geometry.js';
export {
  districtsOfHessen, findDistrict, findMunicipality, findPostcode, municipalitiesOfHessen, nearestFirst, nearestMunicipality,
  type District, type Municipality, type PostcodePlace,
} from './lookup.js';
export { hessenMap, type HessenMap } from './map.js';

export const module: MosaikModule = { name: 'places' };
