import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { addDocumentationPhoto, saveDocumentation, setDocumentationPublished } from './documentation.js';

/** A published documentation of a past event, with a photo (its bytes given by the test), for tests outside this module. */
export async function publishDocumentationForTest(db: Kysely<Database>, input: { eventId: number; accountId: number; photo: Buffer; today: string }) {
  const actor = { accountId: input.accountId };
  await saveDocumentation(db, actor, input.eventId, { programme: '10:00 Begrüßung\n10:30 Vortrag', talks: 'Was ist neu bei WIR?', results: 'Workshop 1: Ehrenamt gewinnen', downloadIds: [] });
  const added = await addDocumentationPhoto(db, actor, input.eventId, { bytes: input.photo, caption: 'Pinnwand Workshop 1: drei Ideen' });
  if (!added.ok) throw new Error(`photo refused: ${added.problem}`);
  await setDocumentationPublished(db, actor, input.eventId, true, input.today);
}
