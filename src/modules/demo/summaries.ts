import type { Random } from './random.js';

/**
 * Invented project summaries in the style of the funder's list (chapter 5.6):
 * an activity, a target group where there is one, and what it is for.
 */

const children = 'Kinder und Jugendliche';
const women = 'Frauen';
const parents = 'Eltern';
const refugees = 'Geflüchtete';

/** Activity, purpose, and the target groups it may name. */
const activities: [activity: string, purpose: string, targets: string[]][] = [
  ['Lernwerkstatt mit Hausaufgabenhilfe und Lesepatenschaften', 'bessere Bildungschancen und Anschluss an die Schule', [children]],
  ['Deutsch-Lesecafé mit ehrenamtlichen Sprachpatinnen', 'Sprachpraxis im Alltag und Zugang zu Bildungsangeboten', [women, parents, refugees]],
  ['Informationsabende zum hessischen Schulsystem', 'Eltern als Partner der Schule stärken', [parents]],
  ['Bewerbungstraining und Berufsorientierung in Kleingruppen', 'den Einstieg in Ausbildung und Arbeit erleichtern', [children, women, refugees]],
  ['Mentoringprogramm mit Berufstätigen aus der eigenen Community', 'Wege in den Arbeitsmarkt aufzeigen', [women, refugees]],
  ['Medienworkshop zum sicheren Umgang mit sozialen Netzwerken', 'Medienkompetenz und kritisches Lesen von Nachrichten', [children, parents]],
  ['Empowerment-Workshops und Selbsthilfegruppe', 'Selbstvertrauen und gegenseitige Unterstützung stärken', [women, refugees]],
  ['Resilienztraining mit anschließendem Gesprächskreis', 'Belastungen gemeinsam bewältigen', [women, refugees, children]],
  ['Interkulturelles Nachbarschaftsfest mit Gesprächsrunden', 'Begegnung und Dialog im Stadtteil', []],
  ['Reihe von Dialogabenden mit Kirchen- und Moscheegemeinden', 'Vorurteile abbauen und einander kennenlernen', []],
  ['Theaterprojekt mit anschließender Aufführung im Bürgerhaus', 'eigene Geschichten sichtbar machen', [children, women]],
  ['Musik- und Tanzworkshop mit traditionellen und neuen Stilen', 'kulturelles Erbe teilen und weitergeben', [children]],
  ['Sprechstunde zu Asylverfahren, Wohnungssuche und Behördengängen', 'Orientierung im Alltag', [refugees]],
  ['Orientierungskurs „Deutschland verstehen“', 'Rechte, Pflichten und Angebote vor Ort kennenlernen', [refugees, women]],
  ['Fortbildungsreihe zu Vereinsführung, Finanzen und Ehrenamtsgewinnung', 'die ehrenamtliche Vereinsarbeit professionalisieren', []],
  ['Runder Tisch mit Kommune, Integrationsbüro und Beratungsdiensten', 'Vernetzung mit der Kommune und den Integrationsdiensten', []],
];

export function projectSummary(random: Random, place: string): string {
  const [activity, purpose, targets] = random.pick(activities);
  const target = targets.length > 0 && random.chance(0.7) ? ` für ${random.pick(targets)}` : '';
  return `${activity}${target} in ${place}; Ziel: ${purpose}.`;
}
