/**
 * The feedback annex of the evaluation report (reference/figures.md,
 * "Feedback forms"): per event the number of returned forms and, per rating
 * question, the mean as printed (German decimal comma) and N where it differs
 * from the number of forms. The two printed typos are read as the figures
 * file says: the Frankfurt writing workshop took place on 04.11.2018, and its
 * q3 mean "16" is 1,6.
 */

export interface AnnexEntry {
  eventKey: string;
  forms: number;
  /** Means as printed, one per rating question. */
  means: string[];
  /** Answers given per question; the number of forms where absent. */
  n?: number[];
}

export const annex: AnnexEntry[] = [
  { eventKey: 'ev-2017-09-30', forms: 13, means: ['1,4', '1,2', '1,5', '1,0'] },
  { eventKey: 'ev-2017-11-25', forms: 19, means: ['1,4', '1,5', '1,7', '1,5'] },
  { eventKey: 'ev-2018-03-24', forms: 2, means: ['1,0', '1,0', '1,0', '1,5'] },
  { eventKey: 'ev-2018-11-15', forms: 10, means: ['1,1', '1,2', '1,2', '1,0'] },
  { eventKey: 'ev-2018-08-24', forms: 22, means: ['1,9', '1,7', '1,6', '1,8', '1,8'], n: [22, 22, 20, 19, 21] },
  { eventKey: 'ev-2019-06-01', forms: 28, means: ['1,4', '1,7', '1,4', '1,7', '1,3'], n: [28, 27, 28, 28, 28] },
  { eventKey: 'ev-2018-04-14', forms: 7, means: ['1,0', '1,0', '1,0', '1,7', '1,0'] },
  { eventKey: 'ev-2018-04-21', forms: 4, means: ['1,0', '1,25', '1,25', '1,75', '1,75'] },
  { eventKey: 'ev-2018-05-05', forms: 7, means: ['1,0', '1,0', '1,0', '1,6', '1,0'] },
  { eventKey: 'ev-2018-10-22', forms: 5, means: ['1,2', '1,2', '1,4', '1,4', '1,4'] },
  { eventKey: 'ev-2018-10-26', forms: 6, means: ['1,0', '1,2', '1,0', '1,3', '1,3'] },
  { eventKey: 'ev-2017-12-16', forms: 7, means: ['1,6', '1,1', '1,7', '1,3', '1,1'] },
  { eventKey: 'ev-2018-11-04', forms: 11, means: ['1,2', '1,0', '1,6', '1,5', '1,3'] },
  // the wrong form was handed out: two participants left the self-assessment empty
  { eventKey: 'ev-2018-06-22', forms: 4, means: ['1,5', '1,0', '1,25', '1,0', '1,25'], n: [4, 4, 4, 2, 4] },
  { eventKey: 'ev-2018-09-10', forms: 10, means: ['1,1', '1,1', '1,3', '1,4', '1,1'] },
  { eventKey: 'ev-2018-09-12', forms: 5, means: ['1,2', '1,2', '1,4', '1,6', '1,2'] },
  { eventKey: 'ev-2019-05-11', forms: 5, means: ['1,4', '1,0', '1,4', '1,0', '1,0'] },
  { eventKey: 'ev-2019-05-18', forms: 10, means: ['1,4', '1,2', '1,3', '1,5', '1,3'] },
  // 1,75 cannot be the mean of 6 grades: two forms must have left q3 empty (N = 4)
  { eventKey: 'ev-2018-02-10', forms: 6, means: ['1,2', '1,0', '1,75', '1,3', '1,0'], n: [6, 6, 4, 6, 6] },
  { eventKey: 'ev-2018-02-24', forms: 5, means: ['1,4', '1,6', '1,4', '1,6', '1,2'] },
];

/** A printed mean as a number and its decimals: "1,25" → { value: 1.25, decimals: 2 }. */
export function printed(mean: string): { value: number; decimals: number } {
  return { value: Number(mean.replace(',', '.')), decimals: mean.split(',')[1]?.length ?? 0 };
}

/** A mean rounded as the annex prints it, in German notation: 1.2857 → "1,3". */
export function printAs(mean: number, decimals: number): string {
  const factor = 10 ** decimals;
  return (Math.round(mean * factor + 1e-9) / factor).toFixed(decimals).replace('.', ',');
}
