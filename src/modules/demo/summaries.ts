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

/*
 * The 41 summaries of 2019's approvals (chapter 5.6), planned so that the
 * clusters the report counts come out exactly when the micro-projects
 * module suggests tags from them (its keyword list,
 * src/modules/microprojects/migrations/155_microproject_tags.sql) and staff
 * confirm the suggestions: target groups children and youth 8, women 7,
 * parents 4, refugees 5; integration 20 (education 13, labour market 7,
 * media literacy 3), empowerment 14, intercultural dialogue 12, art and
 * culture 6, everyday support 9, professionalisation 7, municipal
 * networking 5 (no summary both), one or two clusters each.
 */
type Cluster = 'professionalisation' | 'networking' | 'education' | 'labour' | 'media' | 'empowerment' | 'dialogue' | 'art' | 'everyday';
type Target = 'children' | 'women' | 'parents' | 'refugees';

const clusterPhrase: Record<Cluster, string> = {
  professionalisation: 'die ehrenamtliche Vereinsarbeit professionalisieren',
  networking: 'Vernetzung mit der Kommune und den Beratungsdiensten',
  education: 'Integration durch Bildung',
  labour: 'Integration in den Arbeitsmarkt',
  media: 'Medienkompetenz',
  empowerment: 'Empowerment und Selbsthilfe',
  dialogue: 'interkulturelle Begegnung',
  art: 'Kunst und Kultur teilen',
  everyday: 'Unterstützung im Alltag',
};
const clusterActivity: Partial<Record<Cluster, string>> = {
  professionalisation: 'Fortbildungsreihe zur Vereinsführung',
  networking: 'Runder Tisch mit Vertreterinnen und Vertretern der Kommune',
  education: 'Lernwerkstatt mit Lesepatenschaften',
  labour: 'Bewerbungstraining in Kleingruppen',
  dialogue: 'Nachbarschaftsfest mit Gesprächsrunden',
};
const targetName: Record<Target, string> = { children: children, women, parents, refugees };

function plannedClusters(index: number): { clusters: Cluster[]; target: Target | null } {
  const clusters: Cluster[] = [];
  if (index <= 6) clusters.push('professionalisation');
  else if (index <= 11) clusters.push('networking');
  else if (index <= 24) clusters.push('education');
  else if (index <= 31) clusters.push('labour');
  if (index >= 12 && index <= 14) clusters.push('media');
  if (index >= 12 && index <= 25) clusters.push('empowerment');
  if (index <= 2 || index >= 32) clusters.push('dialogue');
  if ((index >= 26 && index <= 31) || (index >= 32 && index <= 34)) clusters.push('everyday');
  if (index >= 35) clusters.push('art');
  const targets: [Target, number[]][] = [
    ['children', [12, 15, 16, 17, 18, 19, 35, 36]],
    ['parents', [13, 14, 20, 21]],
    ['women', [22, 23, 24, 25, 26, 27, 37]],
    ['refugees', [28, 29, 30, 31, 32]],
  ];
  return { clusters, target: targets.find(([, indexes]) => indexes.includes(index))?.[0] ?? null };
}

/** Summary `index` (0–40) of 2019's approvals, in the style of the funder's list. */
export function plannedSummary2019(index: number, place: string): string {
  const { clusters, target } = plannedClusters(index);
  const activity = clusters.includes('art') ? 'Theaterprojekt mit Aufführung im Bürgerhaus' : clusterActivity[clusters[0]!]!;
  const goals = clusters.includes('media') ? ['Integration durch Bildung und Medienkompetenz', ...clusters.filter((c) => c !== 'education' && c !== 'media').map((c) => clusterPhrase[c])]
    : clusters.map((c) => clusterPhrase[c]);
  return `${activity}${target ? ` für ${targetName[target]}` : ''} in ${place}; Ziel: ${goals.join(' sowie ')}.`;
}
