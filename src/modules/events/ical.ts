import type { EventRecord } from './queries.js';

/**
 * iCalendar (RFC 5545) written by hand: a feed is a few dozen lines, and the
 * rules that matter are few: CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 character), text values escaped, and times in
 * Europe/Berlin with its VTIMEZONE so that every calendar agrees.
 */

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, and
 * every line break, CRLF, a lone CR or a lone LF, as \n. A lone CR once
 * ended the content line inside a title (SUMMARY:…\rATTACH:…); the form strips
 * such characters now (src/http/text.ts), but rows from imports or older data
 * pass here too. Other control characters are not allowed in TEXT at all and
 * are dropped (tab becomes a space).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, '');
}

/** Folds a content line into pieces of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // the first line holds 75 octets, continuation lines 74 plus the leading space
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

// Central European time with the EU's daylight saving rules (since 1996).
const berlinTimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const compactDate = (date: string) => date.replace(/-/g, '');
const compactTime = (time: string) => `${time.replace(':', '')}00`;

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface FeedOptions {
  /** The public address of Mosaik, for UIDs and event links. */
  baseUrl: string;
  now?: Date;
  /** X-WR-CALNAME; every feed has one, also an empty one. */
  name?: string;
  /** Put before a cancelled event's title ("Abgesagt: "): many calendar apps show STATUS:CANCELLED nowhere. */
  cancelledPrefix?: string;
}

/**
 * SEQUENCE without a counter column: the seconds from 2020-01-01 to the last
 * edit (updated_at, set by every edit and the cancellation). It only grows
 * with each change, which is all RFC 5545 asks, and stays below 2^31 until 2088.
 */
const sequenceEpoch = Date.UTC(2020, 0, 1);
export const sequenceOf = (updatedAt: Date) => Math.max(0, Math.floor((updatedAt.getTime() - sequenceEpoch) / 1000));

function eventLines(event: EventRecord, options: FeedOptions): string[] {
  const base = options.baseUrl.replace(/\/$/, '');
  const host = new URL(base).hostname || 'mosaik';
  const lines = ['BEGIN:VEVENT', `UID:${event.event_key}@${host}`, `DTSTAMP:${stamp(options.now ?? new Date())}`];
  if (event.starts_at) {
    lines.push(`DTSTART;TZID=Europe/Berlin:${compactDate(event.start_date)}T${compactTime(event.starts_at)}`);
    if (event.ends_at) lines.push(`DTEND;TZID=Europe/Berlin:${compactDate(event.start_date)}T${compactTime(event.ends_at)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(event.start_date)}`, `DTEND;VALUE=DATE:${compactDate(nextDay(event.start_date))}`);
  }
  const updatedAt = new Date(event.updated_at);
  lines.push(`SEQUENCE:${sequenceOf(updatedAt)}`, `LAST-MODIFIED:${stamp(updatedAt)}`);
  lines.push(`SUMMARY:${escapeText(event.cancelled_at ? `${options.cancelledPrefix ?? 'Abgesagt: '}${event.title}` : event.title)}`);
  const location = [event.place, event.municipality].filter(Boolean).join(', ');
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  // the link in the description too: many apps show DESCRIPTION but not URL
  const link = `${base}/calendar/${event.id}`;
  const description = [event.cancel_reason, event.description, event.accessibility, link].filter(Boolean).join('\n\n');
  lines.push(`DESCRIPTION:${escapeText(description)}`);
  lines.push(`URL:${link}`);
  lines.push(`STATUS:${event.cancelled_at ? 'CANCELLED' : 'CONFIRMED'}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR with the given events, as the text to send (text/calendar). */
export function calendarText(events: EventRecord[], options: FeedOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mosaik//Veranstaltungen//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name ?? 'Mosaik')}`,
    ...(events.some((event) => event.starts_at) ? berlinTimezone : []),
    ...events.flatMap((event) => eventLines(event, options)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * A Content-Disposition for a calendar file: an ASCII fallback name (other
 * characters become "-") and the exact name as filename* (RFC 6266, 5987).
 */
export function calendarDisposition(name: string): string {
  const base = name.replace(/\.ics$/i, '');
  const ascii = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 100) || 'veranstaltung';
  return `inline; filename="${ascii}.ics"; filename*=UTF-8''${encodeURIComponent(`${base}.ics`)}`;
}

/** Reads iCalendar text back into properties per component (unfolds, unescapes); for tests and checks. */
export function parseCalendar(text: string): Record<string, string>[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const components: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfolded.split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      components.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line
        .slice(colon + 1)
        .replace(/\\(.)/g, (_match, escaped: string) => (escaped === 'n' || escaped === 'N' ? '\n' : escaped));
    }
  }
  return components;
}
