import { z } from 'zod';
import { isChecklistKey, isEventFormat, isMaterialLanguage, isTopic } from './vocabulary.js';

/** What a staff member enters about a handout (the file or link comes separately). */
export interface MaterialFields {
  title: string;
  description: string;
  language: string;
  topic: string;
  eventFormats: string[];
  checklistItems: string[];
}

export interface FormProblem {
  field: string;
  /** i18n key below materials.errors */
  code: string;
}

/** The form as sent: text fields, and checkbox groups as one value or several. */
export const materialBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});
export type MaterialBody = z.infer<typeof materialBody>;

const text = (body: MaterialBody, name: string) => {
  const value = body[name];
  return (Array.isArray(value) ? value[0] ?? '' : value ?? '').trim();
};
const list = (body: MaterialBody, name: string) => {
  const value = body[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

export function parseMaterialFields(body: MaterialBody): { fields: MaterialFields; problems: FormProblem[] } {
  const fields: MaterialFields = {
    title: text(body, 'title'),
    description: text(body, 'description').slice(0, 4000),
    language: text(body, 'language'),
    topic: text(body, 'topic'),
    eventFormats: [...new Set(list(body, 'eventFormats'))].filter(isEventFormat),
    checklistItems: [...new Set(list(body, 'checklistItems'))].filter(isChecklistKey),
  };
  const problems: FormProblem[] = [];
  if (fields.title === '') problems.push({ field: 'title', code: 'titleMissing' });
  else if (fields.title.length > 300) problems.push({ field: 'title', code: 'titleTooLong' });
  if (!isMaterialLanguage(fields.language)) problems.push({ field: 'language', code: 'languageMissing' });
  if (!isTopic(fields.topic)) problems.push({ field: 'topic', code: 'topicMissing' });
  return { fields, problems };
}

/** A link to a form on the Land's sites: an absolute http(s) address. */
export function parseLinkUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2000 ? url.toString() : null;
  } catch {
    return null;
  }
}

export const formText = text;
