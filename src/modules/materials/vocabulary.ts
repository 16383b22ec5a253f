import { eventFormats, type EventFormat } from '../../db/tables.js';
import { publicLanguages, type Language } from '../../i18n/index.js';

/** The topics of the library (labels: materials.topics.<key>), along the centre's offers (report 3.2, 5). */
export const materialTopics = ['application', 'implementation', 'reporting', 'pr', 'networking', 'association_law', 'other'] as const;
export type MaterialTopic = (typeof materialTopics)[number];

/**
 * The checklist items a handout may belong to: the keys of the report's
 * checklist (reference/checklist.md, section 6.2) that the centre's offers
 * point at. German is the text the platform shows for them.
 */
export const checklistItems: Record<string, string> = {
  'funding.calls': 'Förder- und Projektausschreibungen im Blick haben',
  'funding.writing': 'Fertigkeit, Anträge zu verfassen und Projekte zu entwickeln',
  'funding.management': 'Projekte sachgemäß durchführen (Projektmanagement)',
  'funding.evaluation': 'ggf. Projekte einer Selbstevaluation unterziehen',
  'funding.proof': 'Mittelverwendung ordnungsgemäß nachweisen',
  'training.projects': 'Projektantragstellung, Projektentwicklung und Projektmanagement, Verwendungsnachweise',
  'training.law_bookkeeping': 'Vereinsrecht, Buchführung, Projektmittel- und Spenden-Akquise',
  'training.pr': 'Öffentlichkeitsarbeit',
  'training.agg': 'AGG (Allgemeines Gleichbehandlungsgesetz)',
  'info.funding': 'Fördergelder – Kommune, Land, Bund, Stiftungen, andere',
  'info.law': 'Vereinsrecht, Vorstandstätigkeiten',
  'pr.visibility': 'die eigenen Ziele, Anliegen, Aktivitäten nach außen sichtbar machen',
  'network.administration': 'Vernetzung in die kommunale Verwaltung',
  'advice.referral': 'Wissen um andere kommunale Anbieter von Beratungs- und Unterstützungsstrukturen',
};
export const checklistKeys = Object.keys(checklistItems);

export const isTopic = (value: unknown): value is MaterialTopic => materialTopics.includes(value as MaterialTopic);
export const isEventFormat = (value: unknown): value is EventFormat => eventFormats.includes(value as EventFormat);
export const isMaterialLanguage = (value: unknown): value is Language => publicLanguages.includes(value as Language);
export { eventFormats };
