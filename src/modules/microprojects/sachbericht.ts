import type { Translate } from '../../i18n/index.js';
import { formatDay } from '../../ui/dates.js';
import type { Language } from '../../i18n/index.js';
import type { Dossier } from './dossier.js';

/**
 * A draft of the Sachbericht (the narrative report of the proof of use),
 * prefilled with what Mosaik knows: the period, the summary, the events the
 * association attended and the consultations it had, participants where
 * recorded. The association completes the parts marked for it and saves its
 * text (report.ts); until then the proof of use carries this draft.
 */

export const reportSections = ['goals', 'activities', 'consultations', 'minijob', 'network', 'results'] as const;
export type ReportSection = (typeof reportSections)[number];
export type ReportSections = Record<ReportSection, string>;

/** The heading lines: title, organisation, period (never edited, they come from the record). */
export function sachberichtHeader(t: Translate, language: Language, dossier: Dossier): string[] {
  const { project } = dossier;
  const s = (key: string, values?: Record<string, unknown>) => t(`microprojects.sachbericht.${key}`, values);
  const day = (value: string | null) => (value ? formatDay(value, language, 'numeric') : '—');
  return [s('title', { project: project.title }), s('organisation', { organisation: project.organisation_name }), s('period', { from: day(project.starts_on), to: day(project.ends_on) })];
}

/** The six sections as Mosaik prefills them. */
export function sachberichtSections(t: Translate, language: Language, dossier: Dossier): ReportSections {
  const { project } = dossier;
  const s = (key: string, values?: Record<string, unknown>) => t(`microprojects.sachbericht.${key}`, values);
  const day = (value: string | null) => (value ? formatDay(value, language, 'numeric') : '—');
  const inPeriod = dossier.timeline.filter((entry) => !project.starts_on || !project.ends_on || (entry.day >= project.starts_on && entry.day <= project.ends_on));
  const events = inPeriod.filter((entry) => entry.kind === 'event');
  const consultations = dossier.timeline.filter((entry) => entry.kind === 'consultation');
  return {
    goals: project.summary || s('fillIn'),
    activities: [
      ...(events.length === 0 ? [s('noEvents')] : events.map((event) => `- ${day(event.day)}: ${event.label} (${s('persons', { count: event.persons ?? 0 })})`)),
      s('fillInActivities'),
    ].join('\n'),
    consultations: (consultations.length === 0 ? [s('noConsultations')] : consultations.map((entry) => `- ${day(entry.day)}: ${entry.label}`)).join('\n'),
    minijob: project.planned_minijob_cents > 0 ? s('fillInMinijob') : s('noMinijob'),
    network: project.integration_office ? s('office', { office: project.integration_office }) : s('fillIn'),
    results: s('fillIn'),
  };
}

/** The report as one text: the heading lines, then each section numbered with its title. */
export function sachberichtText(t: Translate, header: string[], sections: ReportSections): string {
  const parts = reportSections.map((key, index) => `${index + 1}. ${t(`microprojects.sachbericht.${key}`)}\n${sections[key]}`);
  return [...header, '', parts.join('\n\n')].join('\n');
}

export function sachberichtDraft(t: Translate, language: Language, dossier: Dossier): string {
  return sachberichtText(t, sachberichtHeader(t, language, dossier), sachberichtSections(t, language, dossier));
}
