import { normaliseName } from '../names/index.js';
import { Random, check } from './random.js';

/**
 * Invented names for the demo: organisations in the style of migrant
 * associations in Hessen and persons of several origins. Every name is put
 * together from invented parts; none is meant to be a real organisation or
 * person.
 */

/** Municipalities of Hessen with their district (Landkreis or kreisfreie Stadt) and a postcode. */
export const towns = {
  frankfurt: { municipality: 'Frankfurt am Main', district: 'Frankfurt am Main', postcode: '60311' },
  offenbach: { municipality: 'Offenbach am Main', district: 'Offenbach am Main', postcode: '63065' },
  wiesbaden: { municipality: 'Wiesbaden', district: 'Wiesbaden', postcode: '65183' },
  darmstadt: { municipality: 'Darmstadt', district: 'Darmstadt', postcode: '64283' },
  kassel: { municipality: 'Kassel', district: 'Kassel', postcode: '34117' },
  giessen: { municipality: 'Gießen', district: 'Landkreis Gießen', postcode: '35390' },
  marburg: { municipality: 'Marburg', district: 'Landkreis Marburg-Biedenkopf', postcode: '35037' },
  fulda: { municipality: 'Fulda', district: 'Landkreis Fulda', postcode: '36037' },
  hanau: { municipality: 'Hanau', district: 'Main-Kinzig-Kreis', postcode: '63450' },
  wetzlar: { municipality: 'Wetzlar', district: 'Lahn-Dill-Kreis', postcode: '35578' },
  ruesselsheim: { municipality: 'Rüsselsheim am Main', district: 'Landkreis Groß-Gerau', postcode: '65428' },
  grossGerau: { municipality: 'Groß-Gerau', district: 'Landkreis Groß-Gerau', postcode: '64521' },
  kelsterbach: { municipality: 'Kelsterbach', district: 'Landkreis Groß-Gerau', postcode: '65451' },
  badHersfeld: { municipality: 'Bad Hersfeld', district: 'Landkreis Hersfeld-Rotenburg', postcode: '36251' },
  eschwege: { municipality: 'Eschwege', district: 'Werra-Meißner-Kreis', postcode: '37269' },
  witzenhausen: { municipality: 'Witzenhausen', district: 'Werra-Meißner-Kreis', postcode: '37213' },
  langen: { municipality: 'Langen (Hessen)', district: 'Landkreis Offenbach', postcode: '63225' },
  dreieich: { municipality: 'Dreieich', district: 'Landkreis Offenbach', postcode: '63303' },
  dietzenbach: { municipality: 'Dietzenbach', district: 'Landkreis Offenbach', postcode: '63128' },
  badHomburg: { municipality: 'Bad Homburg vor der Höhe', district: 'Hochtaunuskreis', postcode: '61348' },
  limburg: { municipality: 'Limburg an der Lahn', district: 'Landkreis Limburg-Weilburg', postcode: '65549' },
  friedberg: { municipality: 'Friedberg (Hessen)', district: 'Wetteraukreis', postcode: '61169' },
  bensheim: { municipality: 'Bensheim', district: 'Kreis Bergstraße', postcode: '64625' },
  baunatal: { municipality: 'Baunatal', district: 'Landkreis Kassel', postcode: '34225' },
  korbach: { municipality: 'Korbach', district: 'Landkreis Waldeck-Frankenberg', postcode: '34497' },
  alsfeld: { municipality: 'Alsfeld', district: 'Vogelsbergkreis', postcode: '36304' },
  maintal: { municipality: 'Maintal', district: 'Main-Kinzig-Kreis', postcode: '63477' },
  hofheim: { municipality: 'Hofheim am Taunus', district: 'Main-Taunus-Kreis', postcode: '65719' },
  dieburg: { municipality: 'Dieburg', district: 'Landkreis Darmstadt-Dieburg', postcode: '64807' },
  viernheim: { municipality: 'Viernheim', district: 'Kreis Bergstraße', postcode: '68519' },
} as const;
export type TownKey = keyof typeof towns;
export type Town = (typeof towns)[TownKey];

/** Where organisations of a region come from: the towns around each regional meeting, and all of Hessen. */
export const regions: Record<'south' | 'north' | 'east' | 'offenbach' | 'hessen', TownKey[]> = {
  south: ['grossGerau', 'ruesselsheim', 'kelsterbach', 'darmstadt', 'dieburg', 'bensheim'],
  north: ['kassel', 'baunatal', 'korbach', 'kassel', 'witzenhausen'],
  east: ['eschwege', 'witzenhausen', 'badHersfeld'],
  offenbach: ['langen', 'dreieich', 'dietzenbach', 'offenbach'],
  hessen: Object.keys(towns) as TownKey[],
};

/** Origin adjectives, stem only: + "er" (masculine), "e" (feminine), "es" (neuter). */
const origins = [
  'Deutsch-Eritreisch', 'Afghanisch', 'Deutsch-Türkisch', 'Kurdisch', 'Syrisch', 'Marokkanisch', 'Griechisch', 'Polnisch',
  'Tamilisch', 'Ghanaisch', 'Kamerunisch', 'Somalisch', 'Iranisch', 'Bosnisch', 'Vietnamesisch', 'Deutsch-Italienisch',
  'Portugiesisch', 'Kroatisch', 'Äthiopisch', 'Nigerianisch', 'Peruanisch', 'Ukrainisch', 'Armenisch', 'Jesidisch',
  'Tunesisch', 'Albanisch', 'Sudanesisch', 'Togoisch', 'Georgisch', 'Chilenisch',
];
const masculine = ['Kulturverein', 'Elternverein', 'Frauenverein', 'Bildungsverein', 'Jugendverein', 'Sportverein', 'Förderverein', 'Studierendenverein'];
const feminine = ['Gemeinschaft', 'Initiative', 'Gesellschaft für Bildung und Begegnung'];
const neuter = ['Kulturzentrum', 'Frauenforum', 'Elternnetzwerk', 'Bildungswerk', 'Jugendforum'];
/** Invented proper names, as associations give themselves. */
const invented = [
  'Amal', 'Zeytin', 'Pusula', 'Baobab', 'Nour', 'Dalia', 'Sahel', 'Lale', 'Kalina', 'Tamarinde', 'Morgenland', 'Zugvogel',
  'Sonnenbrücke', 'Olivenhain', 'Granatapfel', 'Akwaaba', 'Sitara', 'Kompass', 'Brückenschlag', 'Samowar', 'Jasmin', 'Haus der Sprachen',
  'Mosaikstein', 'Lotusblüte', 'Weltenbummler', 'Kaleidoskop', 'Regenbogenbrücke', 'Safran', 'Sternenzelt', 'Zedernhain',
];
const crossCommunity = [
  (place: string) => `Interkulturelles Frauennetzwerk ${place}`,
  (place: string) => `Internationaler Elterntreff ${place}`,
  (place: string) => `Verein für Begegnung und Vielfalt ${place}`,
  (place: string) => `Interkulturelles Jugendforum ${place}`,
  (place: string) => `Migrantinnenbeirat-Initiative ${place}`,
  (place: string) => `Forum der Kulturen ${place}`,
  (place: string) => `Netzwerk Neue Nachbarn ${place}`,
  (place: string) => `Internationaler Kulturtreff ${place}`,
];

export type Orientation = 'community' | 'cross_community' | 'mixed';
export type LegalForm = 'initiative' | 'ev_in_gruendung' | 'ev' | 'ev_gemeinnuetzig' | 'ggmbh' | 'other';

export interface OrganisationName {
  name: string;
  orientation: Orientation;
  legalForm: LegalForm;
}

/** The short place name used in an organisation's name ("Frankfurt", "Langen"). */
export const placeLabel = (town: Town) => town.municipality.replace(/ (am Main|an der Lahn|am Taunus|vor der Höhe|\(Hessen\))$/, '');

const suffixOf: Record<LegalForm, string> = {
  initiative: '', ev_in_gruendung: ' e.V. i.G.', ev: ' e.V.', ev_gemeinnuetzig: ' e.V.', ggmbh: ' gGmbH', other: '',
};

/**
 * An invented organisation name for a town; `used` (normalised names) keeps
 * names unique; `orientation`, when given, is the orientation the name must have.
 */
export function organisationName(random: Random, town: Town, used: Set<string>, orientation?: Orientation): OrganisationName {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const candidate = nameCandidate(random, placeLabel(town));
    const key = normaliseName(candidate.name);
    if (orientation && candidate.orientation !== orientation) continue;
    if (!used.has(key)) {
      used.add(key);
      return candidate;
    }
  }
  throw new Error('demo dataset: ran out of organisation names');
}

function nameCandidate(random: Random, place: string): OrganisationName {
  const legalForm = random.pick<LegalForm>(['ev', 'ev', 'ev_gemeinnuetzig', 'ev_gemeinnuetzig', 'ev', 'initiative', 'ev_in_gruendung', 'other']);
  const suffix = suffixOf[legalForm];
  const origin = random.pick(origins);
  switch (random.int(0, 5)) {
    case 0:
    case 1:
      return { name: `${origin}er ${random.pick(masculine)} ${place}${suffix}`, orientation: 'community', legalForm };
    case 2:
      return { name: `${origin}es ${random.pick(neuter)} „${random.pick(invented)}“ ${place}${suffix}`, orientation: 'community', legalForm };
    case 3:
      return { name: `${origin}e ${random.pick(feminine)} ${place}${suffix}`, orientation: 'community', legalForm };
    case 4: {
      const kind = random.pick(['Frauennetzwerk', 'Elternforum', 'Kulturverein', 'Jugendtreff', 'Bildungsinitiative', 'Nachbarschaftsverein']);
      return { name: `${kind} ${random.pick(invented)} ${place}${suffix}`, orientation: 'mixed', legalForm };
    }
    default: {
      const ownForm = random.chance(0.15) ? 'ggmbh' : legalForm;
      return { name: `${random.pick(crossCommunity)(place)}${suffixOf[ownForm]}`, orientation: 'cross_community', legalForm: ownForm };
    }
  }
}

/** An acronym alias, as staff write it on lists: "DTKV Gießen" for "Deutsch-Türkischer Kulturverein Gießen e.V.". */
export function acronymOf(name: string, place: string): string | null {
  const initials = name
    .replace(/ (e\.V\.|gGmbH)( i\.G\.)?$/, '')
    .replace(place, '')
    .replace(/[„“]/g, '')
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    // "Sportverein" gives SV, as associations abbreviate it
    .map((word) => (/.verein$/.test(word) ? `${word[0]}V` : word[0]))
    .join('');
  return initials.length >= 2 ? `${initials} ${place}` : null;
}

/**
 * The ways a name arrives on a handwritten or retyped list (spec/exchange.md,
 * "Which organisation a name means"): umlauts transliterated, capitals,
 * "e. V." spelt differently. Only variants that normalise to the name itself
 * are returned, so that none of them can create a new organisation.
 */
export function spellingVariants(name: string): string[] {
  const transliterated = name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');
  const candidates = [
    transliterated,
    name.toUpperCase().replace(/E\.V\./g, 'E. V.'),
    name.replace(/ e\.V\./, ' e. V.'),
    name.replace(/ e\.V\./, ' eV'),
    name.replace(/ e\.V\.( i\.G\.)?$/, ''),
    name.replace(/[„“]/g, '"'),
    name.replace(/ und /g, ' & '),
  ];
  const target = normaliseName(name);
  return [...new Set(candidates)].filter((candidate) => candidate !== name && normaliseName(candidate) === target);
}

const people: { first: string[]; last: string[] }[] = [
  { first: ['Ayşe', 'Mehmet', 'Elif', 'Emre', 'Zeynep', 'Hakan', 'Derya', 'Serkan'], last: ['Yıldırım', 'Kaya', 'Aksoy', 'Demirtaş', 'Özcan', 'Karaca'] },
  { first: ['Fatima', 'Ahmad', 'Layla', 'Omar', 'Yasmin', 'Khaled', 'Rania', 'Samir'], last: ['Haddad', 'Al-Khatib', 'Nasser', 'Mansour', 'Saleh', 'Darwish'] },
  { first: ['Semhar', 'Tesfay', 'Yonas', 'Selam', 'Luwam', 'Kidane'], last: ['Tekle', 'Gebremedhin', 'Haile', 'Berhane', 'Woldu'] },
  { first: ['Farida', 'Wahid', 'Mina', 'Nasrin', 'Jawid', 'Shabnam'], last: ['Ahmadzai', 'Sultani', 'Rahimi', 'Noori', 'Karimi'] },
  { first: ['Akosua', 'Kwame', 'Abena', 'Kofi', 'Efua', 'Yaw'], last: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Appiah'] },
  { first: ['Linh', 'Minh', 'Thao', 'Duc', 'Hoa'], last: ['Nguyen', 'Tran', 'Pham', 'Le', 'Vu'] },
  { first: ['Katarzyna', 'Piotr', 'Agnieszka', 'Tomasz', 'Olena', 'Dmytro', 'Irina', 'Sergej'], last: ['Nowak', 'Wiśniewska', 'Kowalczyk', 'Shevchenko', 'Petrenko', 'Iwanowa'] },
  { first: ['Dilan', 'Rojda', 'Azad', 'Berfin', 'Shirin', 'Dariush', 'Parisa'], last: ['Aydin', 'Zana', 'Hosseini', 'Tehrani', 'Moradi'] },
  { first: ['Eleni', 'Giorgos', 'Giulia', 'Marco', 'Ana', 'João'], last: ['Papadopoulou', 'Georgiou', 'Rossi', 'Esposito', 'Ferreira', 'Santos'] },
  { first: ['Anna', 'Jonas', 'Miriam', 'Tobias', 'Sabine', 'Lukas'], last: ['Becker', 'Schneider', 'Hofmann', 'Krüger', 'Wagner'] },
  { first: ['Amina', 'Abdi', 'Hodan', 'Fadumo', 'Aminata', 'Moussa'], last: ['Warsame', 'Farah', 'Diallo', 'Traoré', 'Ndiaye'] },
];

/** A person's invented name; first and last name mostly from the same origin. */
export function personName(random: Random): string {
  const origin = random.pick(people);
  const lastFrom = random.chance(0.85) ? origin : random.pick(people);
  return `${random.pick(origin.first)} ${random.pick(lastFrom.last)}`;
}

/** Makes sure a name list has no two names with the same normalised form (they would be one organisation). */
export function checkDistinctNames(names: string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = normaliseName(name);
    check(!seen.has(key), `the names "${seen.get(key)}" and "${name}" would mean the same organisation`);
    seen.set(key, name);
  }
}
