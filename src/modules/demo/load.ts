import type { Kysely } from 'kysely';
import { registeredModules } from '../registry.js';
import type { Database } from '../../db/tables.js';
import { formatProblems, importRecords, type ImportKind, type ImportOutcome } from '../imports/index.js';
import { generateDemo } from './generate.js';
import { todayInBerlin } from '../events/index.js';
import { loadDemoPeople } from './people.js';
import { markDemoDatabase } from './startup.js';
import { loadUpcomingDemo, type UpcomingDemo } from './upcoming.js';

/**
 * Loads the demo dataset through the public import API, list by list, in the
 * order the lists depend on each other. Imports are idempotent, so loading
 * twice changes nothing; the CLI refuses a non-empty database anyway.
 */

const order: ImportKind[] = ['organizations', 'events', 'participants', 'feedback', 'consultations', 'grants'];

export interface DemoOptions {
  /** The day the demo is loaded ('YYYY-MM-DD'); the events around it are dated from it. Default: today in Berlin. */
  today?: string;
  /** Told what the events around today offer (the feedback link), e.g. the start-up log. */
  log?: (message: string) => void;
}

export async function loadDemo(db: Kysely<Database>, options: DemoOptions = {}): Promise<ImportOutcome[]> {
  const dataset = generateDemo();
  const outcomes: ImportOutcome[] = [];
  for (const kind of order) {
    const outcome = await importRecords(db, kind, dataset[kind], { source: 'demo', fileName: `demo-${kind}.json` });
    if (outcome.problems.length > 0 || !outcome.stored) {
      throw new Error(`demo dataset: the ${kind} list was refused:\n${formatProblems(outcome, 'en').join('\n')}`);
    }
    // Every spelling on the demo's lists means an organisation of its distribution list.
    if (kind !== 'organizations' && outcome.newOrganisations.length > 0) {
      throw new Error(`demo dataset: ${kind} named unknown organisations: ${outcome.newOrganisations.map((item) => item.name).join(', ')}`);
    }
    outcomes.push(outcome);
  }
  // persons with roles and consents (issue 4); no report figure reads them
  await loadDemoPeople(db);
  // events in the coming months, with registrations, a waitlist and an open feedback link (./upcoming.ts)
  const today = options.today ?? (await todayInBerlin(db));
  const upcoming: UpcomingDemo = await loadUpcomingDemo(db, today);
  options.log?.(`demo: ${upcoming.upcoming} upcoming events on /calendar; online feedback of a recent event: ${upcoming.feedbackLinks.join(', ')}`);
  // the parts of the demo the modules of src/modules/registry.ts bring (a Wegweiser, projects, …)
  for (const module of registeredModules()) await module.loadDemo?.(db, { today });
  // the demo's accounts may exist only on a database marked so (./startup.ts)
  await markDemoDatabase(db);
  return outcomes;
}
