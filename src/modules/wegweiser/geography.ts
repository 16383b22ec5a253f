import { districtsOfHessen, distanceKm as placesDistance, findPostcode as placesPostcode, isInHessen as placesIsInHessen } from '../places/index.js';

/**
 * The geography the Wegweiser needs, from the `places` module (Hessen's
 * districts, municipalities and postcodes with coordinates), in the shapes
 * the Wegweiser's code uses. Values of `places` are read inside functions
 * (docs/architecture.md, "Adding a module").
 */

export interface Postcode {
  postcode: string;
  municipality: string;
  district: string;
  latitude: number;
  longitude: number;
}

/** The names of Hessen's 21 Landkreise and 5 kreisfreie Städte, sorted. */
export function hessianDistricts(): string[] {
  return districtsOfHessen().map((district) => district.name);
}

/** The postcode's municipality, district and centre; undefined for a postcode that does not exist in Hessen. */
export async function findPostcode(postcode: string): Promise<Postcode | undefined> {
  const place = placesPostcode(postcode);
  if (!place) return undefined;
  return { postcode: place.postcode, municipality: place.municipality, district: place.district.name, latitude: place.lat, longitude: place.lon };
}

export const isHessianDistrict = (name: string) => hessianDistricts().includes(name);

/** Whether a point (WGS 84) lies inside Hessen's outline. */
export const isInHessen = (latitude: number, longitude: number) => placesIsInHessen(latitude, longitude);

export const distanceKm = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) =>
  placesDistance({ lat: a.latitude, lon: a.longitude }, { lat: b.latitude, lon: b.longitude });
