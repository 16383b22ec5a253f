/**
 * Geography the Wegweiser needs: the districts of Hessen, postcodes with a
 * centre point, and whether a point lies in Hessen. A stand-in until the
 * `places` module (postcodes, districts, municipalities) is merged; then this
 * file only forwards to `../places/index.js`. The postcodes here are those of
 * the demo's towns and of the district seats.
 */

/** The 21 Landkreise and 5 kreisfreie Städte of Hessen. */
export const hessianDistricts = [
  'Landkreis Bergstraße', 'Landkreis Darmstadt-Dieburg', 'Landkreis Fulda', 'Landkreis Gießen', 'Landkreis Groß-Gerau',
  'Landkreis Hersfeld-Rotenburg', 'Hochtaunuskreis', 'Landkreis Kassel', 'Lahn-Dill-Kreis', 'Landkreis Limburg-Weilburg',
  'Main-Kinzig-Kreis', 'Main-Taunus-Kreis', 'Landkreis Marburg-Biedenkopf', 'Odenwaldkreis', 'Landkreis Offenbach',
  'Rheingau-Taunus-Kreis', 'Schwalm-Eder-Kreis', 'Vogelsbergkreis', 'Landkreis Waldeck-Frankenberg', 'Werra-Meißner-Kreis',
  'Wetteraukreis', 'Darmstadt', 'Frankfurt am Main', 'Kassel', 'Offenbach am Main', 'Wiesbaden',
] as const;

export interface Postcode {
  postcode: string;
  municipality: string;
  district: string;
  latitude: number;
  longitude: number;
}

const postcodes: Postcode[] = [
  ['60311', 'Frankfurt am Main', 'Frankfurt am Main', 50.1109, 8.6821],
  ['60487', 'Frankfurt am Main', 'Frankfurt am Main', 50.1195, 8.6403],
  ['65183', 'Wiesbaden', 'Wiesbaden', 50.0826, 8.2400],
  ['64283', 'Darmstadt', 'Darmstadt', 49.8728, 8.6512],
  ['34117', 'Kassel', 'Kassel', 51.3127, 9.4797],
  ['63065', 'Offenbach am Main', 'Offenbach am Main', 50.1055, 8.7623],
  ['35390', 'Gießen', 'Landkreis Gießen', 50.5841, 8.6784],
  ['35037', 'Marburg', 'Landkreis Marburg-Biedenkopf', 50.8021, 8.7667],
  ['36037', 'Fulda', 'Landkreis Fulda', 50.5558, 9.6808],
  ['64521', 'Groß-Gerau', 'Landkreis Groß-Gerau', 49.9214, 8.4818],
  ['65428', 'Rüsselsheim am Main', 'Landkreis Groß-Gerau', 49.9953, 8.4136],
  ['64625', 'Bensheim', 'Landkreis Bergstraße', 49.6811, 8.6170],
  ['68519', 'Viernheim', 'Landkreis Bergstraße', 49.5380, 8.5787],
  ['64807', 'Dieburg', 'Landkreis Darmstadt-Dieburg', 49.8993, 8.8390],
  ['36251', 'Bad Hersfeld', 'Landkreis Hersfeld-Rotenburg', 50.8683, 9.7077],
  ['61348', 'Bad Homburg vor der Höhe', 'Hochtaunuskreis', 50.2268, 8.6182],
  ['34225', 'Baunatal', 'Landkreis Kassel', 51.2519, 9.4190],
  ['35578', 'Wetzlar', 'Lahn-Dill-Kreis', 50.5606, 8.5045],
  ['65549', 'Limburg an der Lahn', 'Landkreis Limburg-Weilburg', 50.3836, 8.0503],
  ['63450', 'Hanau', 'Main-Kinzig-Kreis', 50.1264, 8.9283],
  ['63477', 'Maintal', 'Main-Kinzig-Kreis', 50.1438, 8.8320],
  ['65719', 'Hofheim am Taunus', 'Main-Taunus-Kreis', 50.0900, 8.4460],
  ['64720', 'Michelstadt', 'Odenwaldkreis', 49.6786, 9.0036],
  ['63128', 'Dietzenbach', 'Landkreis Offenbach', 50.0086, 8.7794],
  ['63225', 'Langen (Hessen)', 'Landkreis Offenbach', 49.9894, 8.6717],
  ['63303', 'Dreieich', 'Landkreis Offenbach', 50.0195, 8.6943],
  ['65307', 'Bad Schwalbach', 'Rheingau-Taunus-Kreis', 50.1397, 8.0694],
  ['34576', 'Homberg (Efze)', 'Schwalm-Eder-Kreis', 51.0297, 9.4036],
  ['36304', 'Alsfeld', 'Vogelsbergkreis', 50.7515, 9.2711],
  ['34497', 'Korbach', 'Landkreis Waldeck-Frankenberg', 51.2750, 8.8731],
  ['37269', 'Eschwege', 'Werra-Meißner-Kreis', 51.1881, 10.0528],
  ['37213', 'Witzenhausen', 'Werra-Meißner-Kreis', 51.3417, 9.8572],
  ['61169', 'Friedberg (Hessen)', 'Wetteraukreis', 50.3353, 8.7553],
  ['65451', 'Kelsterbach', 'Landkreis Groß-Gerau', 50.0631, 8.5311],
].map(([postcode, municipality, district, latitude, longitude]) => ({ postcode, municipality, district, latitude, longitude }) as Postcode);

const byPostcode = new Map(postcodes.map((entry) => [entry.postcode, entry]));

/** The postcode's municipality, district and centre; undefined for a postcode Mosaik does not know. */
export async function findPostcode(postcode: string): Promise<Postcode | undefined> {
  return byPostcode.get(postcode.trim());
}

export const isHessianDistrict = (name: string) => (hessianDistricts as readonly string[]).includes(name);

/** Hessen's bounding box (WGS 84): a coarse but safe test for "a typo put this point in another Land". */
export function isInHessen(latitude: number, longitude: number): boolean {
  return latitude >= 49.39 && latitude <= 51.66 && longitude >= 7.77 && longitude <= 10.24;
}

/** Great-circle distance in kilometres, for "nearest first". */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
