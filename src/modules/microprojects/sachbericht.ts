import type { Translate } from '../../i18n/index.js';
import { formatDay } from '../../ui/dates.js';
import type { Language } from '../../i18n/index.js';
import type { Dossier } from './dossier.js';

/**
 * A draft of the Sachbericht (the narrative report of the proof of use),
 * prefilled with what Mosaik knows: the period, the summary, the events the
 * association attended and the consultations it had, participants where
 * recorded. The association completes the parts marked for it.
 */
export function sachberichtDraft(t: Translate, language: Language, dossier: Dossier): string {
  const { project } = dossier;
  const s = (key: string, values?: Record<string, unknown>) => t(`microprojects.sachbericht.${key}`, values);
  const day = (value: string | null) => (value ? formatDay(value, language, 'numeric') : '—');
  const inPeriod = dossier.timeline.filter((entry) => !project.starts_on || !project.ends_on || (entry.day >= project.starts_on && entry.day <= project.ends_on));
  const events = inPeriod.filter((entry) => entry.kind === 'event');
  const consultations = dossier.timeline.filter((entry) => entry.kind === 'consultation');
  const lines = [
    s('title', { project: project.title }),
    s('organisation', { organisation: project.organisation_name }),
    s('period', { from: day(project.starts_on), to: day(project.ends_on) }),
    '',
    `1. ${s('goals')}`,
    project.summary || s('fillIn'),
    '',
    `2. ${s('activities')}`,
    ...(events.length === 0 ? [s('noEvents')] : events.map((event) => `- ${day(event.day)}: ${event.label} (${s('persons', { count: event.persons ?? 0 })})`)),
    s('fillInActivities'),
    '',
    `3. ${s('consultations')}`,
    ...(consultations.length === 0 ? [s('noConsultations')] : consultations.map((entry) => `- ${day(entry.day)}: ${entry.label}`)),
    '',
    `4. ${s('minijob')}`,
    project.planned_minijob_cents > 0 ? s('fillInMinijob') : s('noMinijob'),
    '',
    `5. ${s('network')}`,
    project.integration_office ? s('office', { office: project.integration_office }) : s('fillIn'),
    '',
    `6. ${s('results')}`,
    s('fillIn'),
  ];
  return lines.join('\n');
}
