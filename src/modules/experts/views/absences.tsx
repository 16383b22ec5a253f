import type { Language, Translate } from '../../../i18n/index.js';
import { Button } from '../../../ui/button.js';
import { CsrfField, DateField, ErrorSummary, FieldGroup, TextField } from '../../../ui/forms.js';
import type { FormError } from '../form.js';
import type { absencesOfExpert } from '../queries.js';
import { day, errorOf, summaryErrors } from './parts.js';

/**
 * An entry's coming absences (days on which nobody may book them) on its page;
 * centre staff add and remove them. Coordinators see the list only.
 */
export function Absences({ t, language, csrfToken, expertId, absences, mayKeep, errors, input }: {
  t: Translate;
  language: Language;
  csrfToken: string;
  expertId: number;
  absences: Awaited<ReturnType<typeof absencesOfExpert>>;
  mayKeep: boolean;
  errors: FormError[];
  input: Record<string, string>;
}) {
  return (
    <section aria-labelledby="absences" class="kern-stack-sm">
      <h2 class="kern-heading-medium" id="absences">{t('experts.absences.title')}</h2>
      {absences.length === 0 ? <p class="kern-body">{t('experts.absences.none')}</p> : (
        <ul class="kern-list" data-absences>
          {absences.map((absence) => (
            <li key={absence.id}>
              {t('experts.absences.range', { from: day(absence.from_on, language), to: day(absence.to_on, language) })}
              {absence.note && ` (${absence.note})`}
              {mayKeep && (
                <form method="post" action={`/experts/${expertId}/absences/${absence.id}/remove`} class="mosaik-inline-form">
                  <CsrfField token={csrfToken} />
                  <Button kind="tertiary" size="small" aria-label={t('experts.absences.removeRange', { from: day(absence.from_on, language), to: day(absence.to_on, language) })}>{t('experts.absences.remove')}</Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayKeep && (
        <form method="post" action={`/experts/${expertId}/absences`} class="kern-stack" novalidate>
          <CsrfField token={csrfToken} />
          <ErrorSummary title={t('experts.errors.title')} errors={summaryErrors(t, errors)} />
          <FieldGroup legend={t('experts.absences.add')}>
            <DateField t={t} language={language} name="from_on" label={t('experts.fields.from_on')} value={input.from_on ?? ''} error={errorOf(t, errors, 'from_on')} />
            <DateField t={t} language={language} name="to_on" label={t('experts.fields.to_on')} value={input.to_on ?? ''} error={errorOf(t, errors, 'to_on')} />
            <TextField name="note" label={t('experts.fields.absence_note')} hint={t('experts.hints.absence_note')} value={input.note ?? ''} error={errorOf(t, errors, 'note')} />
          </FieldGroup>
          <Button kind="secondary">{t('experts.absences.save')}</Button>
        </form>
      )}
    </section>
  );
}
