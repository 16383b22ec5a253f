import { placesData } from './data.js';
import { distanceKm, type Coordinates } from './geometry.js';

/** A Landkreis or kreisfreie Stadt; `code` is its official key (Regionalschlüssel, e.g. '06531'). */
export interface District {
  code: string;
  name: string;
  kind: 'Landkreis' | 'kreisfreie Stadt';
}

export interface Municipality extends Coordinates {
  /** The official municipality key (AGS, e.g. '06531005'). */
  code: string;
  name: string;
  district: District;
}

export interface PostcodePlace extends Coordinates {
  postcode: string;
  /** The first municipality the postcode serves; its centre gives lat and lon. */
  municipality: string;
  district: District;
  /** Every Hessian municipality the postcode serves (most serve one). */
  municipalities: string[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

/** Hessen's 26 districts (21 Landkreise, 5 kreisfreie Städte), by name. */
export function districtsOfHessen(): District[] {
  return placesData().districts.map(({ code, name, kind }) => ({ code, name, kind })).sort(byName);
}

/** Lower case, without "Landkreis", "Kreis", "Stadt" and the like, so that 'Landkreis Gießen', 'Gießen' and 'Kreis Gießen' meet. */
const plain = (text: string) =>
  text.toLocaleLowerCase('de').replace(/\b(landkreis|kreisfreie stadt|stadt|kreis|lk)\b\.?/g, '').replace(/[\s-]+/g, ' ').trim();

/**
 * The district a free text names: its code ('06531'), its name as listed, or
 * the short forms the directory holds ('Gießen', 'Marburg-Biedenkopf',
 * 'Bergstraße'). A city's name finds the kreisfreie Stadt, not the
 * Landkreis around it ('Kassel' → Kassel, 'Landkreis Kassel' → Landkreis Kassel).
 */
export function findDistrict(text: string | null | undefined): District | undefined {
  const wanted = text?.trim();
  if (!wanted) return undefined;
  const districts = districtsOfHessen();
  const exact = districts.find((district) => district.code === wanted || district.name.toLocaleLowerCase('de') === wanted.toLocaleLowerCase('de'));
  if (exact) return exact;
  const saysLandkreis = /\b(landkreis|kreis|lk)\b/i.test(wanted);
  const matches = districts.filter((district) => plain(district.name) === plain(wanted));
  return matches.find((district) => (district.kind === 'Landkreis') === saysLandkreis) ?? matches[0];
}

const districtByCode = (code: string) => districtsOfHessen().find((district) => district.code === code)!;

/** Hessen's municipalities (Städte and Gemeinden) with the centre of their area, by name. */
export function municipalitiesOfHessen(): Municipality[] {
  return placesData().municipalities.map((row) => ({ ...row, district: districtByCode(row.district) })).sort(byName);
}

/** A municipality by its key or its name ('Gießen', 'Friedberg (Hessen)'; 'Friedberg' finds it too when unambiguous). */
export function findMunicipality(text: string | null | undefined): Municipality | undefined {
  const wanted = text?.trim().toLocaleLowerCase('de');
  if (!wanted) return undefined;
  const all = municipalitiesOfHessen();
  const exact = all.find((municipality) => municipality.code === wanted || municipality.name.toLocaleLowerCase('de') === wanted);
  if (exact) return exact;
  const short = all.filter((municipality) => municipality.name.toLocaleLowerCase('de').replace(/\s*\(.*\)$/, '') === wanted);
  return short.length === 1 ? short[0] : undefined;
}

/**
 * A Hessian postcode: the municipality it serves and that municipality's
 * centre (so all of Frankfurt's postcodes share one point). Undefined for a
 * malformed code and for postcodes outside Hessen.
 */
export function findPostcode(code: string | null | undefined): PostcodePlace | undefined {
  const wanted = code?.trim();
  if (!wanted || !/^\d{5}$/.test(wanted)) return undefined;
  const row = placesData().postcodes.find((postcode) => postcode.code === wanted);
  if (!row) return undefined;
  const municipalities = row.municipalities.map((key) => placesData().municipalities.find((municipality) => municipality.code === key)!);
  return {
    postcode: row.code,
    municipality: municipalities[0].name,
    district: districtByCode(municipalities[0].district),
    municipalities: municipalities.map((municipality) => municipality.name),
    lat: row.lat,
    lon: row.lon,
  };
}

/** The Hessian municipality whose centre is nearest to a point: a cheap answer to "which district is this in". */
export function nearestMunicipality(point: Coordinates): Municipality {
  let best = municipalitiesOfHessen()[0];
  for (const municipality of municipalitiesOfHessen()) if (distanceKm(point, municipality) < distanceKm(point, best)) best = municipality;
  return best;
}

/** Items sorted by their distance from a point, nearest first; items without coordinates last, in their order. */
export function nearestFirst<T>(from: Coordinates, items: T[], where: (item: T) => Coordinates | null | undefined): (T & { distanceKm: number | null })[] {
  return items
    .map((item, index) => {
      const at = where(item);
      return { item, index, distance: at ? distanceKm(from, at) : null };
    })
    .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || a.index - b.index)
    .map(({ item, distance }) => ({ ...item, distanceKm: distance === null ? null : Math.round(distance * 10) / 10 }));
}
