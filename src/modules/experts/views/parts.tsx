import type { Language, Translate } from '../../../i18n/index.js';
import { formatDay } from '../../../ui/dates.js';
import type { FieldError } from '../../../ui/forms.js';
import type { FormError } from '../form.js';

/** Small pieces the pool's pages share: days, selects, messages of form errors. */

export const day = (value: string | null, language: Language) => (value ? formatDay(value, language, 'medium') : '—');

/** The message of a form error in the page's language, naming the field. */
export function errorMessage(t: Translate, error: FormError): string {
  return t(`experts.errors.${error.code}`, { field: t(`experts.fields.${error.field}`) });
}
export const summaryErrors = (t: Translate, errors: FormError[]): FieldError[] => errors.map((error) => ({ field: error.field, message: errorMessage(t, error) }));
export const errorOf = (t: Translate, errors: FormError[], field: string) => {
  const error = errors.find((entry) => entry.field === field);
  return error ? errorMessage(t, error) : undefined;
};

export { SelectField } from '../../../ui/forms.js';

/** Topic and language keys as words. */
export const topicsText = (t: Translate, topics: string[]) => topics.map((topic) => t(`experts.topics.${topic}`)).join(', ') || '—';
export const languagesText = (t: Translate, languages: string[]) => languages.map((language) => t(`experts.languages.${language}`)).join(', ') || '—';
export const districtsText = (t: Translate, districts: string[]) => (districts.length === 0 ? t('experts.allHessen') : districts.join(', '));
