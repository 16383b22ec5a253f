import type { Kysely } from 'kysely';
import type { Database, EventFormat } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import type { ItemVersion } from './items.js';
import { openAnswers, type Answer } from './tables.js';

/**
 * Next steps for each open item ("not yet", "in progress"), by the mapping
 * staff keep on the item (selfcheck_item_version): the upcoming events of its
 * formats (public calendar), the published handouts that name the item
 * (materials), the Wegweiser's public entries of its topics, and a
 * consultation request with its topic filled in, and the pinboard's posts
 * of its kinds (room offers for the rooms area). Every item may lead to a
 * consultation (checklist.md: "individual consultation → any item"); an item
 * without a topic asks with "other".
 */

type Db = Kysely<Database>;

export interface NextSteps {
  itemKey: string;
  events: { id: number; title: string; startDate: string; format: string }[];
  handouts: { id: number; title: string }[];
  wegweiser: { id: string; name: string }[];
  /** Where the Wegweiser lists more of the item's topic (the first one). */
  wegweiserTopic: string | null;
  consultation: { topic: string; href: string };
  /** The pinboard's search for these kinds of post (room offers, partners sought). */
  pinboard: { kind: string; href: string }[];
}

export const perKind = 3;

export async function nextStepsFor(
  db: Db,
  open: readonly { item: ItemVersion; answer: Answer }[],
  context: { today: string; language: Language; organisationId: number },
): Promise<NextSteps[]> {
  const { eventsInOrder } = await import('../events/index.js');
  const { materialsForChecklistItem } = await import('../materials/index.js');
  const { searchServices } = await import('../wegweiser/index.js');
  const steps: NextSteps[] = [];
  for (const { item, answer } of open) {
    if (!openAnswers.includes(answer)) continue;
    const events = [];
    for (const format of item.eventFormats) {
      const found = await eventsInOrder(db, { format: format as EventFormat, upcomingFrom: context.today }, perKind * 2);
      events.push(...found.filter((event) => event.cancelled_at === null));
    }
    events.sort((a, b) => a.start_date.localeCompare(b.start_date) || a.id - b.id);
    const handouts = await materialsForChecklistItem(db, item.key);
    const services = [];
    for (const topic of item.wegweiserTopics) {
      if (services.length >= perKind) break;
      services.push(...(await searchServices(db, { topic, page: 1, perPage: perKind }, { today: context.today, language: context.language })));
    }
    const topic = item.consultationTopic ?? 'other';
    steps.push({
      itemKey: item.key,
      events: unique(events, (event) => event.id).slice(0, perKind).map((event) => ({ id: event.id, title: event.title, startDate: dayOf(event.start_date), format: event.format })),
      handouts: handouts.slice(0, perKind).map((material) => ({ id: material.id, title: material.title })),
      wegweiser: unique(services, (service) => service.id).slice(0, perKind).map((service) => ({ id: service.id, name: service.name })),
      wegweiserTopic: item.wegweiserTopics[0] ?? null,
      consultation: { topic, href: `/my/consultation-requests/new?topic=${encodeURIComponent(topic)}&organisation=${context.organisationId}` },
      pinboard: item.pinboardKinds.map((kind) => ({ kind, href: `/pinboard?kind=${encodeURIComponent(kind)}` })),
    });
  }
  return steps;
}

const unique = <T, K>(list: T[], keyOf: (value: T) => K) => list.filter((value, index) => list.findIndex((other) => keyOf(other) === keyOf(value)) === index);
const dayOf = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));
