import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The shape of hessen.json, derived by scripts/derive-places.ts from the
 * BKG's administrative areas and OpenStreetMap's postcodes (sources and
 * licences inside the file and in docs/decisions.md, "places").
 */
export interface PlacesData {
  sources: { name: string; attribution: string; licence: string }[];
  projection: { west: number; north: number; referenceLatitude: number; unitsPerDegreeLatitude: number; width: number; height: number };
  /** SVG path of the Land's outline, in map units. */
  outline: string;
  /** The outline as rings of [lon, lat], finer than the drawing (about 100 m), for isInHessen. */
  outlineForLookup: [number, number][][];
  districts: { code: string; name: string; kind: 'Landkreis' | 'kreisfreie Stadt'; path: string; label: [number, number] }[];
  municipalities: { code: string; name: string; district: string; lat: number; lon: number }[];
  postcodes: { code: string; municipalities: string[]; lat: number; lon: number }[];
}

// Read from src/ at run time (dist/modules/places is at the same depth as src/modules/places).
const file = fileURLToPath(new URL('../../../src/modules/places/hessen.json', import.meta.url));
let loaded: PlacesData | undefined;

/** The data, read once on first use (≈140 KB). */
export function placesData(): PlacesData {
  loaded ??= JSON.parse(readFileSync(file, 'utf8')) as PlacesData;
  return loaded;
}
