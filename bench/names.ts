import type { Random } from './random.js';

/**
 * Names for the generated dataset: organisations as migrant
 * self-organisations in Hesse call themselves, people as attendance lists
 * write them, and the spelling variants other hands produce.
 */

const communities = [
  'Deutsch-Türkischer', 'Afghanischer', 'Eritreischer', 'Syrischer', 'Kurdischer', 'Marokkanischer', 'Polnischer',
  'Russischsprachiger', 'Ukrainischer', 'Griechischer', 'Italienischer', 'Kroatischer', 'Bosnischer', 'Ghanaischer',
  'Nigerianischer', 'Kamerunischer', 'Iranischer', 'Irakischer', 'Somalischer', 'Äthiopischer', 'Tamilischer',
  'Vietnamesischer', 'Portugiesischer', 'Spanischer', 'Rumänischer', 'Bulgarischer', 'Albanischer', 'Kongolesischer',
  'Sudanesischer', 'Libanesischer', 'Internationaler', 'Interkultureller',
] as const;

const kinds = [
  'Kulturverein', 'Elternverein', 'Frauenverein', 'Jugendverein', 'Sportverein', 'Bildungsverein', 'Freundeskreis',
  'Gemeindeverein', 'Förderverein', 'Begegnungszentrum', 'Studierendenverein', 'Seniorenkreis', 'Musikverein',
  'Hilfsverein', 'Integrationsverein', 'Netzwerk', 'Arbeitskreis', 'Familienzentrum', 'Theaterverein', 'Kunstverein',
] as const;

export const municipalities = [
  ['Gießen', 'Gießen'], ['Frankfurt am Main', 'Frankfurt am Main'], ['Wiesbaden', 'Wiesbaden'], ['Kassel', 'Kassel'],
  ['Darmstadt', 'Darmstadt'], ['Offenbach am Main', 'Offenbach am Main'], ['Hanau', 'Main-Kinzig-Kreis'],
  ['Marburg', 'Marburg-Biedenkopf'], ['Fulda', 'Fulda'], ['Rüsselsheim', 'Groß-Gerau'], ['Wetzlar', 'Lahn-Dill-Kreis'],
  ['Bad Homburg', 'Hochtaunuskreis'], ['Rodgau', 'Offenbach'], ['Oberursel', 'Hochtaunuskreis'], ['Dreieich', 'Offenbach'],
  ['Bensheim', 'Bergstraße'], ['Hofheim', 'Main-Taunus-Kreis'], ['Limburg', 'Limburg-Weilburg'], ['Friedberg', 'Wetteraukreis'],
  ['Bad Hersfeld', 'Hersfeld-Rotenburg'], ['Eschwege', 'Werra-Meißner-Kreis'], ['Korbach', 'Waldeck-Frankenberg'],
  ['Alsfeld', 'Vogelsbergkreis'], ['Dietzenbach', 'Offenbach'], ['Maintal', 'Main-Kinzig-Kreis'], ['Neu-Isenburg', 'Offenbach'],
  ['Langen', 'Offenbach'], ['Mörfelden-Walldorf', 'Groß-Gerau'], ['Viernheim', 'Bergstraße'], ['Baunatal', 'Kassel (Landkreis)'],
  ['Idstein', 'Rheingau-Taunus-Kreis'], ['Heppenheim', 'Bergstraße'], ['Griesheim', 'Darmstadt-Dieburg'], ['Weiterstadt', 'Darmstadt-Dieburg'],
  ['Stadtallendorf', 'Marburg-Biedenkopf'], ['Butzbach', 'Wetteraukreis'], ['Bad Vilbel', 'Wetteraukreis'], ['Gelnhausen', 'Main-Kinzig-Kreis'],
  ['Lampertheim', 'Bergstraße'], ['Taunusstein', 'Rheingau-Taunus-Kreis'], ['Kelkheim', 'Main-Taunus-Kreis'], ['Herborn', 'Lahn-Dill-Kreis'],
  ['Dillenburg', 'Lahn-Dill-Kreis'], ['Flörsheim', 'Main-Taunus-Kreis'], ['Hattersheim', 'Main-Taunus-Kreis'], ['Obertshausen', 'Offenbach'],
  ['Eschborn', 'Main-Taunus-Kreis'], ['Mühlheim', 'Offenbach'], ['Seligenstadt', 'Offenbach'], ['Pfungstadt', 'Darmstadt-Dieburg'],
] as const;

const suffixes = ['e.V.', 'e. V.', '', 'e.V.', 'gGmbH', 'e.V. i.G.'] as const;

/** The i-th organisation name; distinct for every i (and distinct after normalisation). */
export function organisationName(index: number): { name: string; municipality: string; district: string } {
  const combos = communities.length * kinds.length * municipalities.length;
  // a fixed permutation of the combinations (7919 is prime and coprime to combos)
  const position = (index * 7919) % combos;
  const community = communities[position % communities.length];
  const kind = kinds[Math.floor(position / communities.length) % kinds.length];
  const [municipality, district] = municipalities[Math.floor(position / (communities.length * kinds.length))];
  const round = Math.floor(index / combos);
  const suffix = suffixes[index % suffixes.length];
  const name = [community, kind, municipality, round > 0 ? roman(round + 1) : '', suffix].filter(Boolean).join(' ');
  return { name, municipality, district };
}

/** An acronym alias, e.g. "DTKG" for Deutsch-Türkischer Kulturverein Gießen. */
export function acronym(name: string): string {
  return name
    .replace(/\b(e\. ?V\.|gGmbH|i\.G\.)/g, '')
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/**
 * The same name as another hand writes it: umlauts spelled out, capitals,
 * the legal form in another spelling, no legal form, or the acronym.
 */
export function spellingVariant(name: string, random: Random, alias: string | null): string {
  const bare = name.replace(/\s*(e\. ?V\.( i\.G\.)?|gGmbH)$/, '');
  switch (random.int(0, 6)) {
    case 0:
      return bare.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
    case 1:
      return name.toUpperCase();
    case 2:
      return `${bare} eV`;
    case 3:
      return `${bare.replace(/-/g, ' ')} e. V.`;
    case 4:
      return alias ?? bare;
    case 5:
      return `  ${bare}  `;
    default:
      return name;
  }
}

function roman(value: number): string {
  const numerals: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let result = '';
  for (const [amount, numeral] of numerals) {
    while (value >= amount) {
      result += numeral;
      value -= amount;
    }
  }
  return result;
}

const firstNames = [
  'Ayşe', 'Mehmet', 'Fatma', 'Ahmet', 'Emine', 'Mustafa', 'Zeynep', 'Ali', 'Hatice', 'Hüseyin', 'Amina', 'Mohammed', 'Fatima',
  'Yusuf', 'Mariam', 'Omar', 'Leyla', 'Hassan', 'Nour', 'Karim', 'Olena', 'Andrij', 'Iryna', 'Serhij', 'Natalia', 'Dmitri',
  'Agnieszka', 'Piotr', 'Katarzyna', 'Tomasz', 'Abeba', 'Yonas', 'Selam', 'Tesfaye', 'Chiara', 'Giuseppe', 'Maria', 'José',
  'Ana', 'João', 'Efua', 'Kwame', 'Ama', 'Kofi', 'Parisa', 'Reza', 'Shirin', 'Dariush', 'Thi', 'Minh', 'Lan', 'Duc',
  'Elena', 'Ion', 'Ioana', 'Stefan', 'Jelena', 'Marko', 'Ivana', 'Luka', 'Sabine', 'Thomas', 'Julia', 'Michael',
] as const;

const lastNames = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Kılıç', 'Al-Hassan', 'Haddad',
  'Khalil', 'Nasser', 'Mansour', 'Rahimi', 'Ahmadi', 'Hosseini', 'Karimi', 'Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik',
  'Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Ivanova', 'Petrov', 'Smirnova', 'Tesfay', 'Gebremariam',
  'Haile', 'Bekele', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'García', 'Fernández', 'Silva', 'Santos', 'Mensah', 'Owusu',
  'Boateng', 'Asante', 'Okafor', 'Adeyemi', 'Nguyen', 'Tran', 'Pham', 'Le', 'Popescu', 'Ionescu', 'Horvat', 'Kovačević',
  'Babić', 'Jovanović', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch',
] as const;

/** A person's name; `index` makes otherwise equal names distinct where a list needs that. */
export function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}
