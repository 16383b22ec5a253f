import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { loadPeople, type ConsentPurpose, type PersonLanguage, type PersonRole, type PersonToLoad } from '../people/index.js';
import { demoSeed } from './generate.js';
import { personName } from './names.js';
import { Random } from './random.js';

/**
 * Invented persons for the demo (issue 4): contact persons and board members
 * of the first organisations, with a few consents, one of them withdrawn. No
 * report figure reads these tables: participations stay the minimal record of
 * who attended (docs/decisions.md), so the figures of test/demo-figures.test.ts
 * do not change. Consents are dated after the wording's valid_from (2026-01-01).
 */

const organisationsWithPeople = 30;

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[letter]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/[^a-z]+/g, '.');

export async function loadDemoPeople(db: Kysely<Database>): Promise<number> {
  // a seed of its own: the other lists are generated without drawing from this source
  const random = new Random(demoSeed + 4);
  const organisations = await db.selectFrom('organisation').select('id').orderBy('id').limit(organisationsWithPeople).execute();
  const people: PersonToLoad[] = [];
  for (const organisation of organisations) {
    const roles: PersonRole[] = random.chance(0.5) ? ['contact', 'board'] : ['contact'];
    if (random.chance(0.2)) roles.push('project_lead');
    for (const role of roles) {
      const name = personName(random);
      const language = random.weighted<PersonLanguage>({ de: 10, tr: 3, ar: 2, ru: 2, uk: 1, en: 1 });
      const person = {
        full_name: name,
        email: random.chance(0.85) ? `${slug(name)}.${people.length + 1}@example.org` : null,
        phone: random.chance(0.6) ? `0611 555 ${String(random.int(1000, 9999))}` : null,
        preferred_language: language,
        source: 'staff' as const,
      };
      const since = random.chance(0.6) ? random.day('2015-01-01', '2019-06-30') : null;
      people.push({ person, roles: [{ organisation_id: organisation.id, role, since, until: null }], consents: demoConsents(random) });
    }
  }
  await db.transaction().execute((trx) => loadPeople(trx, people));
  return people.length;
}

function demoConsents(random: Random): PersonToLoad['consents'] {
  const purposes: [ConsentPurpose, number][] = [
    ['contact', 0.85],
    ['directory', 0.5],
    ['newsletter', 0.4],
    ['photos', 0.15],
  ];
  const consents: PersonToLoad['consents'] = [];
  for (const [purpose, probability] of purposes) {
    if (!random.chance(probability)) continue;
    const givenOn = random.day('2026-01-05', '2026-03-31');
    // some newsletter consents are withdrawn again: the history keeps both days
    const withdrawn = purpose === 'newsletter' && random.chance(0.25);
    consents.push({
      purpose,
      wording_version: '2026-01',
      given_on: givenOn,
      source: random.pick(['form', 'paper', 'staff'] as const),
      withdrawn_on: withdrawn ? random.day('2026-04-01', '2026-06-30') : null,
      withdrawal_source: withdrawn ? 'form' : null,
    });
  }
  return consents;
}
