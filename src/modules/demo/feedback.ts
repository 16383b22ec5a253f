import { annex, printAs, printed, type AnnexEntry } from './annex.js';
import { Random, check } from './random.js';

/**
 * Returned feedback forms that reproduce the annex: per question exactly N
 * answers whose mean, rounded as printed, prints the same. The grades are
 * ones with as many twos (then threes) as the sum needs, spread over the
 * forms at random; the forms left empty on a question are chosen at random.
 */

export type FeedbackRecord = Record<string, string | null>;

const commentsMore = [
  'Sehr gut organisiert, vielen Dank an das Team!',
  'Ich habe viele neue Kontakte zu anderen Vereinen geknüpft.',
  'Bitte öfter solche Treffen, auch in unserer Region.',
  'Die Beispiele aus anderen Vereinen waren sehr hilfreich.',
  'Wir möchten gern beim nächsten Mal unser Projekt vorstellen.',
  'Danke für die Unterlagen zum Mitnehmen.',
];
const commentsImprove = [
  'Mehr Zeit für den Austausch in Kleingruppen.',
  'Der Raum war etwas zu klein.',
  'Die Veranstaltung könnte am Wochenende später beginnen.',
  'Eine Kinderbetreuung würde mehr Eltern die Teilnahme ermöglichen.',
  'Mehr Beispiele für Finanzpläne wären gut.',
  'Die Präsentation auch in einfacher Sprache anbieten.',
];

/** Every feedback row of the demo, in annex order. */
export function feedbackRecords(random: Random): FeedbackRecord[] {
  return annex.flatMap((entry) => formsOf(random, entry));
}

function formsOf(random: Random, entry: AnnexEntry): FeedbackRecord[] {
  const forms: FeedbackRecord[] = Array.from({ length: entry.forms }, (_, i) => ({
    event_key: entry.eventKey,
    response_key: `bogen-${String(i + 1).padStart(2, '0')}`,
    comment_more: null,
    comment_improve: null,
    language: null,
  }));
  entry.means.forEach((mean, index) => {
    const n = entry.n?.[index] ?? entry.forms;
    const grades = gradesFor(random, mean, n);
    const answering = random.shuffle(forms).slice(0, n);
    answering.forEach((form, i) => (form[`q${index + 1}`] = String(grades[i])));
    for (const form of forms) form[`q${index + 1}`] ??= null;
  });
  for (const form of forms) {
    if (random.chance(0.25)) form.comment_more = random.pick(commentsMore);
    if (random.chance(0.2)) form.comment_improve = random.pick(commentsImprove);
  }
  // a few forms were filled in in Turkish or Arabic (translated versions of the form)
  if (entry.forms >= 10) {
    forms[1].language = 'tr';
    forms[3].language = 'ar';
  }
  return forms;
}

/** n grades from 1 to 4 whose mean, rounded as the annex prints it, is `mean`. */
export function gradesFor(random: Random, mean: string, n: number): number[] {
  const { value, decimals } = printed(mean);
  const candidates = Array.from({ length: 3 * n + 1 }, (_, i) => n + i).filter((sum) => printAs(sum / n, decimals) === mean);
  check(candidates.length > 0, `no ${n} grades have the mean ${mean}`);
  const sum = candidates.reduce((best, candidate) => (Math.abs(candidate / n - value) < Math.abs(best / n - value) ? candidate : best));
  const grades = new Array<number>(n).fill(1);
  for (let extra = sum - n; extra > 0; extra -= 1) {
    const lowest = Math.min(...grades);
    const candidatesAt = grades.flatMap((grade, i) => (grade === lowest ? [i] : []));
    grades[random.pick(candidatesAt)] += 1;
  }
  return random.shuffle(grades);
}
