import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { saveService } from './commands/save-service.js';
import { emptyServiceInput, type ServiceInput } from './input.js';

/** Entries for the Wegweiser's tests: a complete one with a location in Gießen, changed by `overrides`. */
export function serviceInput(overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    ...emptyServiceInput(),
    organizationName: 'Beratungszentrum Mittelhessen',
    name: 'Migrationsberatung Gießen',
    description: 'Beratung zu Aufenthalt, Sprachkurs und Arbeit.',
    topics: ['migrationsberatung'],
    areas: ['Landkreis Gießen'],
    languages: ['de', 'ar'],
    phone: '0641 123456',
    email: 'beratung@beispiel.example',
    openingHours: 'Mo–Do 9–12 Uhr',
    assurerName: 'Amal Haddad',
    assurerEmail: 'amal.haddad@beispiel.example',
    locations: [{ name: null, address_1: 'Bahnhofstraße 4', postal_code: '35390', city: 'Gießen', latitude: 50.5841, longitude: 8.6784, transportation: 'Bus 1', accessibility: 'Stufenlos' }],
    translations: { ar: { name: 'استشارات الهجرة في غيسن', description: 'استشارات حول الإقامة ودورات اللغة والعمل.' }, en: { name: 'Migration counselling Giessen' } },
    easyRead: 'Sie sind neu in Deutschland?\nWir helfen Ihnen.',
    easyReadChecked: true,
    ...overrides,
  };
}

export const staffActor = { id: null, role: 'staff' as const, email: 'redaktion@kompetenzzentrum.example' };

/** Saves an entry and sets its last confirmation (as if the assurer had confirmed on that day). */
export async function confirmedService(db: Kysely<Database>, assuredDate: string | null, overrides: Partial<ServiceInput> = {}, now = new Date('2026-03-02T09:00:00Z')): Promise<string> {
  const outcome = await saveService(db, staffActor, serviceInput(overrides), { now });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  if (assuredDate) await db.updateTable('wegweiser_service').set({ assured_date: assuredDate }).where('id', '=', outcome.id).execute();
  return outcome.id;
}
