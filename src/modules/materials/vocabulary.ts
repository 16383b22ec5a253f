import { eventFormats, type EventFormat } from '../../db/tables.js';
import { publicLanguages, type Language, type Translate } from '../../i18n/index.js';

/** The topics of the library (labels: materials.topics.<key>), along the centre's offers (report 3.2, 5). */
export const materialTopics = ['application', 'implementation', 'reporting', 'pr', 'networking', 'association_law', 'other'] as const;
export type MaterialTopic = (typeof materialTopics)[number];

/**
 * The checklist items a handout may belong to: keys of the report's checklist
 * (reference/checklist.md, section 6.2) that the centre's offers point at —
 * the same keys as the Vereins-Check's items (selfcheck_item.key), whose
 * result links each open item to its handouts. Labels: materials.checklist.<key>
 * in six languages, worded as the Vereins-Check words the item
 * (checklist.test.ts holds them to its seeded texts).
 */
export const checklistKeys = [
  'funding.calls', 'funding.writing', 'funding.management', 'funding.evaluation', 'funding.proof',
  'training.projects', 'training.law_bookkeeping', 'training.pr', 'training.agg',
  'info.funding', 'info.law', 'pr.visibility', 'network.administration', 'advice.referral',
] as const;
export type ChecklistKey = (typeof checklistKeys)[number];
export const isChecklistKey = (value: unknown): value is ChecklistKey => checklistKeys.includes(value as ChecklistKey);

/** A checklist item's label in the page's language. */
export const checklistLabel = (t: Translate, key: string): string => (isChecklistKey(key) ? t(`materials.checklist.${key}`) : key);

export const isTopic = (value: unknown): value is MaterialTopic => materialTopics.includes(value as MaterialTopic);
export const isEventFormat = (value: unknown): value is EventFormat => eventFormats.includes(value as EventFormat);
export const isMaterialLanguage = (value: unknown): value is Language => publicLanguages.includes(value as Language);
export { eventFormats };
