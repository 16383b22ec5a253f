import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { Translate } from '../../i18n/index.js';
import { addDays } from './days.js';
import type { Dossier } from './dossier.js';

/**
 * The due dates of a project's checklist as an iCalendar file (RFC 5545,
 * written by ical-generator; docs/decisions.md): one all-day event
 * (DTSTART;VALUE=DATE) per task that has a due date, in the reader's
 * language, each with the task's hint and a link to the project. The UID is
 * the project and the task, so that importing the file again updates the
 * same entries instead of adding new ones; SEQUENCE grows with the time of
 * the download for the same reason. Nothing here reads a clock: `now` is
 * passed in (DTSTAMP).
 */

export interface CalendarOptions {
  t: Translate;
  /** The public address of Mosaik, for the UIDs and the project's link. */
  baseUrl: string;
  now: Date;
}

/** Line breaks and other control characters have no place in a title or a calendar's name. */
const plain = (text: string) => text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

/*
 * ical-generator escapes SUMMARY and DESCRIPTION but writes the calendar's
 * NAME / X-WR-CALNAME as given (10.2): the TEXT escapes of RFC 5545 3.3.11 here.
 */
const escapedName = (text: string) => plain(text).replace(/[\\;,]/g, (character) => `\\${character}`);

// SEQUENCE: seconds from 2020-01-01, as the events' feed counts its edits (src/modules/events/ical.ts)
const sequenceEpoch = Date.UTC(2020, 0, 1);

/** A day (YYYY-MM-DD) as the Date that ical-generator writes as that date: midnight UTC. */
const utcMidnight = (day: string) => new Date(`${day}T00:00:00Z`);

export function dueDatesCalendar(dossier: Dossier, { t, baseUrl, now }: CalendarOptions): string {
  const base = baseUrl.replace(/\/$/, '');
  const host = new URL(base).hostname || 'mosaik';
  const project = dossier.project;
  const link = `${base}/microprojects/${project.id}`;
  const title = plain(project.title);
  const calendar = ical({
    prodId: { company: 'Mosaik', product: 'Mikroprojekte', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    name: escapedName(t('microprojects.calendar.name', { project: title })),
  });
  const sequence = Math.max(0, Math.floor((now.getTime() - sequenceEpoch) / 1000));
  for (const task of dossier.tasks) {
    if (task.due === null) continue;
    const name = t(`microprojects.tasks.${task.key}`);
    calendar.createEvent({
      id: `microproject-${project.id}-${task.key}@${host}`,
      sequence,
      stamp: now,
      allDay: true,
      start: utcMidnight(task.due),
      // DTEND of an all-day event is the next day (exclusive)
      end: utcMidnight(addDays(task.due, 1)),
      summary: t(task.done ? 'microprojects.calendar.done' : 'microprojects.calendar.summary', { task: name, project: title }),
      description: [t(`microprojects.taskHints.${task.key}`), t('microprojects.calendar.link', { link })].join('\n\n'),
      url: link,
      // a deadline, not an appointment: it does not make the day busy
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return `${calendar.toString()}\r\n`;
}

/** The file's name: ASCII, the project's number. */
export const calendarFileName = (projectId: number) => `fristen-mikroprojekt-${projectId}.ics`;
