import { placesData } from './data.js';

export interface Coordinates {
  lat: number;
  lon: number;
}

const earthRadiusKm = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine) in kilometres. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Even–odd rule over all rings, so that a hole would count as outside. */
function insideRings(rings: [number, number][][], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether a point lies in Hessen, by its outline simplified to about 100 m:
 * a point closer than that to the Land's border may be answered either way.
 */
export function isInHessen(lat: number, lon: number): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
  return insideRings(placesData().outlineForLookup, lon, lat);
}

/** Where a point is drawn on the SVG map of Hessen (units of hessenMap().viewBox; y grows southwards). */
export function projectToMap(lat: number, lon: number): { x: number; y: number } {
  const { west, north, referenceLatitude, unitsPerDegreeLatitude } = placesData().projection;
  const x = (lon - west) * Math.cos(radians(referenceLatitude)) * unitsPerDegreeLatitude;
  const y = (north - lat) * unitsPerDegreeLatitude;
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}
