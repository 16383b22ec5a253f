/**
 * The regions a subscriber may choose: Hessen's 21 districts and 5 district-free
 * cities, spelled as the directory spells organisation.district.
 */
export const hessenRegions = [
  'Kreis Bergstraße', 'Landkreis Darmstadt-Dieburg', 'Kreis Groß-Gerau', 'Hochtaunuskreis', 'Main-Kinzig-Kreis',
  'Main-Taunus-Kreis', 'Odenwaldkreis', 'Landkreis Offenbach', 'Rheingau-Taunus-Kreis', 'Wetteraukreis',
  'Landkreis Gießen', 'Lahn-Dill-Kreis', 'Landkreis Limburg-Weilburg', 'Landkreis Marburg-Biedenkopf', 'Vogelsbergkreis',
  'Landkreis Fulda', 'Landkreis Hersfeld-Rotenburg', 'Landkreis Kassel', 'Schwalm-Eder-Kreis', 'Landkreis Waldeck-Frankenberg',
  'Werra-Meißner-Kreis', 'Darmstadt', 'Frankfurt am Main', 'Kassel', 'Offenbach am Main', 'Wiesbaden',
] as const;

export const isHessenRegion = (value: string): boolean => (hessenRegions as readonly string[]).includes(value);
