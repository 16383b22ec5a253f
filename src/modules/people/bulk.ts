import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { ConsentTable, PersonRoleTable, PersonTable } from './tables.js';

/**
 * Persons stored as they come, with their roles and consents: for a loader
 * that brings a whole set of records at once (the demo dataset), not for a
 * person typed by staff. Nothing is audited here, because no one acted; the
 * caller runs it inside its own transaction so that a failure stores none.
 * The people module keeps the writes of its tables (docs/architecture.md).
 */
export interface PersonToLoad {
  person: Insertable<PersonTable>;
  roles: Omit<Insertable<PersonRoleTable>, 'person_id'>[];
  consents: Omit<Insertable<ConsentTable>, 'person_id'>[];
}

export async function loadPeople(db: Kysely<Database>, people: PersonToLoad[]): Promise<number[]> {
  const ids: number[] = [];
  for (const { person, roles, consents } of people) {
    const { id } = await db.insertInto('person').values(person).returning('id').executeTakeFirstOrThrow();
    if (roles.length > 0) await db.insertInto('person_role').values(roles.map((role) => ({ ...role, person_id: id }))).execute();
    if (consents.length > 0) await db.insertInto('consent').values(consents.map((consent) => ({ ...consent, person_id: id }))).execute();
    ids.push(id);
  }
  return ids;
}
