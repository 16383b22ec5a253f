import type { Translate } from '../../../i18n/index.js';
import type { FieldError } from '../../../ui/forms.js';
import type { FieldProblem } from '../input.js';
import { smallGroup } from '../policy.js';

/** A day 'YYYY-MM-DD' as 11.05.2019 / 05/11/2019 (no clock, no time zone). */
export const dayText = (day: string | null | undefined, language: string) => {
  if (!day) return '–';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
};

export const whenText = (value: Date, language: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(value));

/** How many organisations raised it; below five only "fewer than 5" for readers who see no names. */
export const organisationCount = (t: Translate, count: number, names: boolean) =>
  count === 0 ? t('concerns.anonymous') : !names && count < smallGroup ? t('concerns.fewerThan', { count: smallGroup }) : t('concerns.organisationCount', { count });

/** Problems of input.ts as the error summary's entries, in the reader's language, with the row where there is one. */
export function fieldErrors(t: Translate, problems: FieldProblem[], prefix = (problem: FieldProblem) => problem.field): FieldError[] {
  return problems.map((problem) => ({
    field: prefix(problem),
    message: problem.row === undefined ? t(`concerns.errors.${problem.code}`) : t('concerns.errors.inRow', { row: problem.row, message: t(`concerns.errors.${problem.code}`) }),
  }));
}
