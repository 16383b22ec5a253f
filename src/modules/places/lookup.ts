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
  /** That municipality's key (AGS). */
  municipalityCode: string;
  district: District;
  /** Every Hessian municipality the postcode serves (most serve one). */
  municipalities: string[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

let districts: District[] | undefined;
let municipalities: Municipality[] | undefined;
let postcodes: Map<string, PostcodePlace> | undefined;

/** Hessen's 26 districts (21 Landkreise, 5 kreisfreie Städte), by name. */
export function districtsOfHessen(): District[] {
  districts ??= placesData().districts.map(({ code, name, kind }) => ({ code, name, kind })).sort(byName);
  return districts.map((district) => ({ ...district }));
}

/** Lower case, without "Landkreis", "Kreis", "Stadt" and the like, so that 'Landkreis Gießen', 'Gießen' and 'Kreis Gießen' meet. */
const plain = (text: string) =>
  text.toLocaleLowerCase('de').replace(/\b(landkreis|kreisfreie stadt|stadt|kreis|lk)\b\.?/g, '').replace(/[\s-]+/g, ' ').trim();

const districtAnswers = new Map<string, District | undefined>();

/**
 * The district a free text names: its code ('06531'), its name as listed, or
 * the short forms the directory holds ('Gießen', 'Marburg-Biedenkopf',
 * 'Bergstraße'). A city's name finds the kreisfreie Stadt, not the
 * Landkreis around it ('Kassel' → Kassel, 'Landkreis Kassel' → Landkreis Kassel).
 */
export function findDistrict(text: string | null | undefined): District | undefined {
  const wanted = text?.trim();
  if (!wanted) return undefined;
  if (districtAnswers.has(wanted)) {
    const known = districtAnswers.get(wanted);
    return known && { ...known };
  }
  const found = districtFor(wanted);
  // the directory holds a few dozen spellings; a bound keeps odd input from growing the map
  if (districtAnswers.size < 2000) districtAnswers.set(wanted, found);
  return found && { ...found };
}

function districtFor(wanted: string): District | undefined {
  const districts = districtsOfHessen();
  const exact = districts.find((district) => district.code === wanted || district.name.toLocaleLowerCase('de') === wanted.toLocaleLowerCase('de'));
  if (exact) return exact;
  const saysLandkreis = /\b(landkreis|kreis|lk)\b/i.test(wanted);
  const matches = districts.filter((district) => plain(district.name) === plain(wanted));
  return matches.find((district) => (district.kind === 'Landkreis') === saysLandkreis) ?? matches[0];
}

const districtByCode = (code: string) => districtsOfHessen().find((district) => district.code === code)!;

function allMunicipalities(): Municipality[] {
  municipalities ??= placesData().municipalities.map((row) => ({ ...row, district: districtByCode(row.district) })).sort(byName);
  return municipalities;
}

/** Hessen's municipalities (Städte and Gemeinden) with the centre of their area, by name. */
export function municipalitiesOfHessen(): Municipality[] {
  return allMunicipalities().map((municipality) => ({ ...municipality, district: { ...municipality.district } }));
}

let municipalitiesByName: Map<string, Municipality[]> | undefined;

/** Municipalities by key, by lower-case name and by that name without its qualifier ('friedberg' for 'Friedberg (Hessen)'). */
function municipalityIndex(): Map<string, Municipality[]> {
  if (municipalitiesByName) return municipalitiesByName;
  const index = new Map<string, Municipality[]>();
  const add = (key: string, municipality: Municipality) => index.set(key, [...(index.get(key) ?? []).filter((known) => known !== municipality), municipality]);
  for (const municipality of allMunicipalities()) add(municipality.code, municipality);
  for (const municipality of allMunicipalities()) add(municipality.name.toLocaleLowerCase('de'), municipality);
  for (const municipality of allMunicipalities()) {
    const short = municipality.name.toLocaleLowerCase('de').replace(/\s*\(.*\)$/, '');
    if (short !== municipality.name.toLocaleLowerCase('de') && !allMunicipalities().some((other) => other.name.toLocaleLowerCase('de') === short)) add(`short:${short}`, municipality);
  }
  municipalitiesByName = index;
  return index;
}

/** A municipality by its key or its name ('Gießen', 'Friedberg (Hessen)'; 'Friedberg' finds it too when unambiguous). */
export function findMunicipality(text: string | null | undefined): Municipality | undefined {
  const wanted = text?.trim().toLocaleLowerCase('de');
  if (!wanted) return undefined;
  const index = municipalityIndex();
  const found = index.get(wanted) ?? index.get(`short:${wanted}`) ?? [];
  return found.length === 1 ? { ...found[0], district: { ...found[0].district } } : undefined;
}

/**
 * A Hessian postcode: the municipality it serves and that municipality's
 * centre (so all of Frankfurt's postcodes share one point). Undefined for a
 * malformed code and for postcodes outside Hessen.
 */
export function findPostcode(code: string | null | undefined): PostcodePlace | undefined {
  const wanted = code?.trim();
  if (!wanted || !/^\d{5}$/.test(wanted)) return undefined;
  postcodes ??= new Map(
    placesData().postcodes.map((row) => {
      const served = row.municipalities.map((key) => placesData().municipalities.find((municipality) => municipality.code === key)!);
      const place: PostcodePlace = {
        postcode: row.code, municipality: served[0].name, municipalityCode: served[0].code, district: districtByCode(served[0].district),
        municipalities: served.map((municipality) => municipality.name), lat: row.lat, lon: row.lon,
      };
      return [row.code, place];
    }),
  );
  const place = postcodes.get(wanted);
  return place && { ...place, district: { ...place.district }, municipalities: [...place.municipalities] };
}

/** The Hessian municipality whose centre is nearest to a point: a cheap answer to "which district is this in". */
export function nearestMunicipality(point: Coordinates): Municipality {
  let best = allMunicipalities()[0];
  for (const municipality of allMunicipalities()) if (distanceKm(point, municipality) < distanceKm(point, best)) best = municipality;
  return { ...best, district: { ...best.district } };
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
