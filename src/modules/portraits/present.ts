import { findDistrict, findMunicipality, findPostcode, isInHessen, projectToMap, type Coordinates, type District } from '../places/index.js';
import type { MicroProject, ReleasedAssociation } from './queries.js';

/**
 * What the map and the list beside it show, computed once for both so that
 * they hold the same content: released associations grouped by the place
 * they are drawn at (a municipality, or their own coordinates), each with
 * its approved micro-projects under the filters.
 */

/** Fields of activity (spec/exchange.md, organisations.fields), the map's topics. */
export const topics = ['education', 'counselling', 'culture', 'women', 'youth', 'sport', 'health', 'refugees', 'other'] as const;
export type Topic = (typeof topics)[number];

export interface MapFilters {
  year?: number;
  topic?: Topic;
  /** A district's code ('06531'). */
  district?: string;
}

export interface PlacedAssociation {
  id: number;
  name: string;
  municipality: string | null;
  district: District | undefined;
  hasPhoto: boolean;
  projects: MicroProject[];
}

export interface MapPlace {
  /** Stable within a page: the municipality key, or the rounded coordinates. */
  key: string;
  name: string;
  district: string | undefined;
  x: number;
  y: number;
  associations: PlacedAssociation[];
  projects: number;
}

export interface MapModel {
  places: MapPlace[];
  /** Released associations under the filters, by name (placed or not). */
  associations: PlacedAssociation[];
  /** Associations whose place Mosaik cannot tell (no postcode, municipality or coordinates in Hessen). */
  unplaced: PlacedAssociation[];
  projects: number;
  /** Years with approved micro-projects among released associations, newest first (for the filter). */
  years: number[];
}

interface Location extends Coordinates {
  key: string;
  name: string;
  district: District | undefined;
}

/** Where an association is drawn: its own coordinates, else its postcode's municipality, else its municipality. */
export function locate(association: Pick<ReleasedAssociation, 'latitude' | 'longitude' | 'postcode' | 'municipality' | 'district'>): Location | undefined {
  const district = findDistrict(association.district);
  if (association.latitude !== null && association.longitude !== null && isInHessen(association.latitude, association.longitude)) {
    const key = `${association.latitude.toFixed(3)},${association.longitude.toFixed(3)}`;
    return { key, name: association.municipality ?? key, district, lat: association.latitude, lon: association.longitude };
  }
  const postcode = findPostcode(association.postcode);
  if (postcode) return { key: postcode.municipalityCode, name: postcode.municipality, district: district ?? postcode.district, lat: postcode.lat, lon: postcode.lon };
  const municipality = findMunicipality(association.municipality);
  if (municipality) return { key: municipality.code, name: municipality.name, district: district ?? municipality.district, lat: municipality.lat, lon: municipality.lon };
  return undefined;
}

export function mapModel(released: ReleasedAssociation[], filters: MapFilters): MapModel {
  const years = [...new Set(released.flatMap((association) => association.projects.map((project) => project.year)))].sort((a, b) => b - a);
  const places = new Map<string, MapPlace>();
  const associations: PlacedAssociation[] = [];
  const unplaced: PlacedAssociation[] = [];
  for (const association of released) {
    if (filters.topic && !association.fields.includes(filters.topic)) continue;
    const projects = filters.year === undefined ? association.projects : association.projects.filter((project) => project.year === filters.year);
    if (filters.year !== undefined && projects.length === 0) continue;
    const location = locate(association);
    const district = location?.district ?? findDistrict(association.district);
    if (filters.district && district?.code !== filters.district) continue;
    const placed: PlacedAssociation = { id: association.id, name: association.name, municipality: association.municipality, district, hasPhoto: association.hasPhoto, projects };
    associations.push(placed);
    if (!location) {
      unplaced.push(placed);
      continue;
    }
    const place = places.get(location.key) ?? { key: location.key, name: location.name, district: district?.name, ...projectToMap(location.lat, location.lon), associations: [], projects: 0 };
    place.associations.push(placed);
    place.projects += projects.length;
    places.set(location.key, place);
  }
  return {
    places: [...places.values()].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.key.localeCompare(b.key)),
    associations,
    unplaced,
    projects: associations.reduce((sum, association) => sum + association.projects.length, 0),
    years,
  };
}

/** A marker's radius in map units: grows with the square root of the associations there, within bounds. */
export const markerRadius = (place: MapPlace) => Math.min(14, 3.5 + 2 * Math.sqrt(place.associations.length - 1));
