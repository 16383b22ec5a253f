import type { EventFormat } from '../../db/tables.js';

/**
 * The events of the demo: the centre's 24 events of September 2017 to August
 * 2019 (reference/figures.md, "Events" and "Reach") and the regional meeting a
 * WIR coordinator ran in November 2017, which the report must never count.
 * `organisations` and `persons` are the attendance each event gets: the
 * per-event figures of the evaluation report where it gives them, and an
 * allocation that adds up to its totals (177 and 244) where it does not.
 */

export interface DemoEvent {
  key: string;
  title: string;
  format: EventFormat;
  date: string;
  municipality: string;
  district: string;
  organizer: 'centre' | 'partner';
  /** Organisation participations (distinct organisations at this event). */
  organisations: number;
  /** Participant rows (persons present). */
  persons: number;
  /** Participant rows without an organisation ("came for no organisation"). */
  individuals: number;
}

type Place = [municipality: string, district: string];
const place = {
  grossGerau: ['Groß-Gerau', 'Landkreis Groß-Gerau'],
  kassel: ['Kassel', 'Kassel'],
  eschwege: ['Eschwege', 'Werra-Meißner-Kreis'],
  langen: ['Langen (Hessen)', 'Landkreis Offenbach'],
  hanau: ['Hanau', 'Main-Kinzig-Kreis'],
  giessen: ['Gießen', 'Landkreis Gießen'],
  frankfurt: ['Frankfurt am Main', 'Frankfurt am Main'],
  darmstadt: ['Darmstadt', 'Darmstadt'],
  fulda: ['Fulda', 'Landkreis Fulda'],
  badHersfeld: ['Bad Hersfeld', 'Landkreis Hersfeld-Rotenburg'],
} satisfies Record<string, Place>;

function event(date: string, format: EventFormat, title: string, where: Place, organisations: number, persons: number, extra: Partial<DemoEvent> = {}): DemoEvent {
  return { key: `ev-${date}`, title, format, date, municipality: where[0], district: where[1], organizer: 'centre', organisations, persons, individuals: 0, ...extra };
}

const application = (date: string, where: Place, organisations: number, persons: number) =>
  event(date, 'training_application', `Schulung Antragstellung WIR-Mikroprojekte, ${where[0]}`, where, organisations, persons);
const implementation = (date: string, where: Place, organisations: number, persons: number) =>
  event(date, 'training_implementation', `Schulung Umsetzung von Mikroprojekten, ${where[0]}`, where, organisations, persons);
const reporting = (date: string, where: Place, organisations: number, persons: number) =>
  event(date, 'training_reporting', `Schulung Sachbericht und Verwendungsnachweis, ${where[0]}`, where, organisations, persons);
const writing = (date: string, where: Place, organisations: number, persons: number) =>
  event(date, 'writing_workshop', `Schreibwerkstatt, ${where[0]}`, where, organisations, persons);

export const demoEvents: DemoEvent[] = [
  event('2017-09-30', 'regional_network_meeting', 'Netzwerktreffen Groß-Gerau', place.grossGerau, 11, 16),
  event('2017-11-11', 'regional_network_meeting', 'Regionales Netzwerktreffen der WIR-Koordination, Hanau', place.hanau, 5, 7, { organizer: 'partner' }),
  event('2017-11-25', 'regional_network_meeting', 'Netzwerktreffen Nordhessen, Kassel', place.kassel, 14, 22, { individuals: 1 }),
  application('2017-12-08', place.giessen, 3, 5),
  writing('2017-12-16', place.kassel, 5, 7),
  reporting('2018-02-10', place.frankfurt, 5, 6),
  reporting('2018-02-24', place.kassel, 5, 5),
  event('2018-03-24', 'regional_network_meeting', 'Netzwerktreffen Eschwege / Werra-Meißner-Kreis', place.eschwege, 3, 4),
  application('2018-04-14', place.frankfurt, 6, 7),
  application('2018-04-21', place.kassel, 4, 4),
  application('2018-05-05', place.giessen, 6, 7),
  implementation('2018-06-22', place.frankfurt, 4, 4),
  event('2018-08-24', 'state_network_meeting', 'Hessenweites Vernetzungstreffen, Gießen', place.giessen, 26, 40, { individuals: 2 }),
  implementation('2018-09-10', place.giessen, 9, 10),
  implementation('2018-09-12', place.kassel, 5, 5),
  application('2018-10-22', place.giessen, 4, 5),
  application('2018-10-26', place.frankfurt, 5, 6),
  // printed "4.11.2019" in the annex: a typo, the period ends in August 2019
  writing('2018-11-04', place.frankfurt, 6, 11),
  event('2018-11-15', 'regional_network_meeting', 'Netzwerktreffen Langen / Landkreis Offenbach', place.langen, 10, 15),
  application('2019-02-16', place.darmstadt, 2, 2),
  application('2019-03-09', place.fulda, 1, 2),
  event('2019-03-23', 'pr_training', 'Qualifizierung Öffentlichkeitsarbeit, Frankfurt am Main', place.frankfurt, 1, 1),
  implementation('2019-05-11', place.badHersfeld, 5, 5),
  implementation('2019-05-18', place.frankfurt, 9, 10),
  event('2019-06-01', 'state_network_meeting', 'Hessenweites Vernetzungstreffen „Demokratisches Engagement“, Frankfurt am Main', place.frankfurt, 28, 45, { individuals: 2 }),
];

export const centreEvents = demoEvents.filter((item) => item.organizer === 'centre');
export const partnerEvents = demoEvents.filter((item) => item.organizer === 'partner');
