import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/index.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { computeAnnex, printMean, type AnnexBlock } from './annex.js';

/*
 * The demo's annex equals the evaluation report's printed annex
 * (reference/figures.md, "Feedback forms"): every event's number of forms,
 * every mean as printed and every N the report gives. Transcribed here from
 * figures.md on purpose, not read from the demo's own table. The two printed
 * typos are read as figures.md says: 04.11.2018 and 1,6.
 */
const printedAnnex: { date: string; forms: number; means: string[]; n?: number[] }[] = [
  // regional networking meetings
  { date: '2017-09-30', forms: 13, means: ['1,4', '1,2', '1,5', '1,0'] },
  { date: '2017-11-25', forms: 19, means: ['1,4', '1,5', '1,7', '1,5'] },
  { date: '2018-03-24', forms: 2, means: ['1,0', '1,0', '1,0', '1,5'] },
  { date: '2018-11-15', forms: 10, means: ['1,1', '1,2', '1,2', '1,0'] },
  // state-wide meetings, with N per question
  { date: '2018-08-24', forms: 22, means: ['1,9', '1,7', '1,6', '1,8', '1,8'], n: [22, 22, 20, 19, 21] },
  { date: '2019-06-01', forms: 28, means: ['1,4', '1,7', '1,4', '1,7', '1,3'], n: [28, 27, 28, 28, 28] },
  // application trainings
  { date: '2018-04-14', forms: 7, means: ['1,0', '1,0', '1,0', '1,7', '1,0'] },
  { date: '2018-04-21', forms: 4, means: ['1,0', '1,25', '1,25', '1,75', '1,75'] },
  { date: '2018-05-05', forms: 7, means: ['1,0', '1,0', '1,0', '1,6', '1,0'] },
  { date: '2018-10-22', forms: 5, means: ['1,2', '1,2', '1,4', '1,4', '1,4'] },
  { date: '2018-10-26', forms: 6, means: ['1,0', '1,2', '1,0', '1,3', '1,3'] },
  // writing workshops
  { date: '2017-12-16', forms: 7, means: ['1,6', '1,1', '1,7', '1,3', '1,1'] },
  { date: '2018-11-04', forms: 11, means: ['1,2', '1,0', '1,6', '1,5', '1,3'] },
  // implementation trainings (22.06.2018: wrong form, two left q4 empty)
  { date: '2018-06-22', forms: 4, means: ['1,5', '1,0', '1,25', '1,0', '1,25'], n: [4, 4, 4, 2, 4] },
  { date: '2018-09-10', forms: 10, means: ['1,1', '1,1', '1,3', '1,4', '1,1'] },
  { date: '2018-09-12', forms: 5, means: ['1,2', '1,2', '1,4', '1,6', '1,2'] },
  { date: '2019-05-11', forms: 5, means: ['1,4', '1,0', '1,4', '1,0', '1,0'] },
  { date: '2019-05-18', forms: 10, means: ['1,4', '1,2', '1,3', '1,5', '1,3'] },
  // reporting trainings
  // 1,75 cannot be the mean of 6 grades: two forms left q3 empty (the demo's reading, N = 4)
  { date: '2018-02-10', forms: 6, means: ['1,2', '1,0', '1,75', '1,3', '1,0'], n: [6, 6, 4, 6, 6] },
  { date: '2018-02-24', forms: 5, means: ['1,4', '1,6', '1,4', '1,6', '1,2'] },
];

let database: TestDatabase;
let blocks: AnnexBlock[];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db);
  blocks = await computeAnnex(database.db, { from: '2017-09-01', to: '2019-08-31' });
}, 120_000);
afterAll(async () => database?.close());

describe('the demo annex equals the printed annex', () => {
  it('has exactly the 20 events with forms, one block per format', () => {
    const dates = blocks.flatMap((block) => block.events.map((event) => event.start_date)).sort();
    expect(dates).toEqual(printedAnnex.map((entry) => entry.date).sort());
    expect(blocks.filter((block) => block.events.length > 0).map((block) => block.format)).toEqual(['regional_network_meeting', 'state_network_meeting', 'training_application', 'training_implementation', 'training_reporting', 'writing_workshop']);
  });

  it.each(printedAnnex)('$date: $forms forms, means $means', (entry) => {
    const block = blocks.find((candidate) => candidate.events.some((event) => event.start_date === entry.date))!;
    const column = block.events.findIndex((event) => event.start_date === entry.date);
    expect(block.events[column].forms).toBe(entry.forms);
    const ratings = block.rows.filter((row) => row.kind === 'rating');
    expect(ratings).toHaveLength(entry.means.length);
    ratings.forEach((row, index) => {
      const cell = row.cells[column]!;
      expect(printMean(cell.mean!), `q${index + 1}`).toBe(entry.means[index]);
      expect(cell.n, `N of q${index + 1}`).toBe(entry.n?.[index] ?? entry.forms);
    });
  });

  it('lists the application training in Gießen of 08.12.2017 (oral feedback only) as without forms', () => {
    const application = blocks.find((block) => block.format === 'training_application')!;
    expect(application.withoutForms.map((event) => event.start_date)).toContain('2017-12-08');
  });
});

describe('printMean', () => {
  it('prints one decimal, two for exact quarters, German notation', () => {
    expect(printMean(9 / 7)).toBe('1,3');
    expect(printMean(1.25)).toBe('1,25');
    expect(printMean(1.75, 'en')).toBe('1.75');
    expect(printMean(1)).toBe('1,0');
    expect(printMean(1.5)).toBe('1,5');
    expect(printMean(1.05)).toBe('1,1');
  });
});
