import { normalisePersonName } from '../src/modules/names/index.js';
import type { GeneratedDataset } from './generate.js';
import { municipalities, personName, spellingVariant } from './names.js';
import { Random } from './random.js';

/**
 * The attendance list of the import benchmark: participant rows for the
 * generated centre events, naming the generated organisations the way lists
 * do (spelling variants, acronyms, upper case, other legal-form spellings)
 * and a number of organisations the database has never seen.
 */

export interface ParticipantList {
  bytes: Uint8Array;
  rows: number;
  /** Distinct organisation spellings in the file. */
  spellings: number;
  /** Distinct known organisations named. */
  knownOrganisations: number;
  /** Distinct names that match nothing (they become organisations for review). */
  newNames: number;
}

export function buildParticipantList(dataset: GeneratedDataset, options: { rows: number; newNames: number; seed?: number }): ParticipantList {
  const random = new Random(options.seed ?? 4711);
  const lines = ['event_key,organization,person,email'];
  const spellings = new Set<string>();
  const known = new Set<number>();
  const unknown = new Set<number>();
  const identities = new Set<string>();
  // lists arrive per event: about 50 rows each, for events spread over the years
  let event = '';
  for (let row = 0; row < options.rows; row++) {
    if (row % 50 === 0) event = random.pick(dataset.eventKeys);
    let organisation = '';
    let identity = 'none';
    if (random.chance(0.88)) {
      if (random.chance(0.9)) {
        const index = random.int(0, dataset.organisations.length - 1);
        const { name, alias } = dataset.organisations[index];
        organisation = spellingVariant(name, random, alias);
        identity = `k${index}`;
        known.add(index);
      } else {
        const index = random.int(0, options.newNames - 1);
        organisation = newOrganisationName(index, random);
        identity = `n${index}`;
        unknown.add(index);
      }
      spellings.add(organisation);
    }
    // (event, organisation, person) must be unique within the file: a repeated row is refused
    let person = personName(random);
    for (let attempt = 2; identities.has(`${event}|${identity}|${normalisePersonName(person)}`); attempt++) person = `${personName(random)} ${attempt}`;
    identities.add(`${event}|${identity}|${normalisePersonName(person)}`);
    const email = random.chance(0.3) ? `p${row}@example.org` : '';
    lines.push([event, organisation, person, email].map(quote).join(','));
  }
  return {
    bytes: new TextEncoder().encode(lines.join('\r\n') + '\r\n'),
    rows: options.rows,
    spellings: spellings.size,
    knownOrganisations: known.size,
    newNames: unknown.size,
  };
}

/** A name no generated organisation has ("Verein" and a number never occur there), in one of two spellings. */
function newOrganisationName(index: number, random: Random): string {
  const [municipality] = municipalities[index % municipalities.length];
  const name = `Neuer Verein ${index + 1} ${municipality}`;
  return random.chance(0.5) ? `${name} e.V.` : name.toUpperCase();
}

const quote = (value: string) => (/[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);
