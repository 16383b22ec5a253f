import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { entriesOfSourceNotes, recordNeedInTransaction, type ConcernTopic } from '../../concerns/index.js';
import { textIn } from '../items.js';
import { openItemsOf, type CheckHead, type OpenItem } from '../queries.js';
import type { Texts } from '../tables.js';

/**
 * Open items of a Vereins-Check carried into the needs log (issue 14: "needs
 * gathered … from the self-check"): each chosen item that is still "not
 * yet" or "in progress" in the organisation's latest check becomes one need,
 * raised by the organisation on the day of the check, with the association's
 * note as its description. Its title is the item's wording as answered: German,
 * and the item's other languages beside it, so that the log reads in its
 * reader's language (the source note names the item). Each carried item is marked in the entry's source
 * note, so that a second click (or a second tab) carries nothing twice.
 */

type Db = Kysely<Database>;

/** The area of the checklist → the topic of the needs log it belongs to (concerns/vocabulary.ts). */
export const topicOfArea: Record<string, ConcernTopic> = {
  network: 'networking', pr: 'public_relations', umbrella: 'networking', info: 'referral', training: 'other', advice: 'referral',
  funding: 'funding_rules', rooms: 'rooms', office: 'funding_rules', provider: 'application', statute: 'other', quality: 'other',
};

const otherLanguages = ['en', 'tr', 'ar', 'ru', 'uk'] as const;

/** The item's wording in the languages other than German (the log's limit of 300 characters, as for the German title). */
export function titleTranslationsOf(texts: Texts): Partial<Record<(typeof otherLanguages)[number], string>> {
  const translations: Partial<Record<(typeof otherLanguages)[number], string>> = {};
  for (const language of otherLanguages) {
    const text = texts[language]?.trim();
    if (text) translations[language] = text.slice(0, 300);
  }
  return translations;
}

/** The source note that marks an item of a check as carried (shown on the entry's page too). */
export const sourceNoteOf = (checkId: number, itemKey: string) => `Vereins-Check #${checkId}: ${itemKey}`;

export interface CarriableItem extends OpenItem {
  /** The need it already became, if it did. */
  entryId: number | null;
}

/** The open items of the check that may be carried: only of the organisation's latest check, since older answers are no longer today's needs. */
export async function carriableItemsOf(db: Db, head: CheckHead): Promise<CarriableItem[]> {
  if (head.state !== 'submitted' || !head.latest) return [];
  const open = (await openItemsOf(db, head.organisationId)).filter((item) => item.checkId === head.id);
  const carried = await entriesOfSourceNotes(db, 'selfcheck', open.map((item) => sourceNoteOf(head.id, item.itemKey)));
  return open.map((item) => ({ ...item, entryId: carried.get(sourceNoteOf(head.id, item.itemKey)) ?? null }));
}

/** Records a need for each chosen open item not carried yet; returns how many were recorded and how many had been before. */
export async function carryOpenItemsToNeeds(db: Db, head: CheckHead, itemKeys: string[], actorId: number): Promise<{ recorded: number; already: number }> {
  const chosen = new Set(itemKeys);
  return db.transaction().execute(async (trx) => {
    // two clicks at once wait for each other here and the second finds the first one's needs
    await sql`select id from selfcheck where id = ${head.id} for update`.execute(trx);
    const items = (await carriableItemsOf(trx, head)).filter((item) => chosen.has(item.itemKey));
    let recorded = 0;
    for (const item of items.filter((candidate) => candidate.entryId === null)) {
      await recordNeedInTransaction(trx, {
        title: textIn(item.texts, 'de').slice(0, 300),
        titleTranslations: titleTranslationsOf(item.texts),
        description: item.note ?? '',
        topic: topicOfArea[item.areaKey] ?? 'other',
        raisedOn: item.submittedOn,
        district: head.district,
        organisationIds: [head.organisationId],
        source: { kind: 'selfcheck', note: sourceNoteOf(head.id, item.itemKey) },
      }, actorId);
      recorded++;
    }
    return { recorded, already: items.length - recorded };
  });
}
