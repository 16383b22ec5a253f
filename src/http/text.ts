import { z } from 'zod';

/**
 * Text fields as people type them, without the control characters nobody
 * types: a lone carriage return in an event title once reached the iCalendar
 * feed as a line break of its own (SUMMARY:…\rATTACH:…). Control characters
 * are removed on input, for every text field of a form; each output format
 * still escapes what it needs (ical.ts), since imports and older rows come in
 * by other ways.
 *  - single-line fields keep no control character at all (a tab becomes a space);
 *  - long texts keep line breaks (CRLF and lone CR become LF) and tabs.
 * Also removed: DEL, the C1 controls, and the Unicode line and paragraph
 * separators, which some readers take as line breaks too.
 */

const singleLineControls = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g;
const multiLineControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

/** One line: line breaks become spaces, tabs too, other controls vanish. */
export function singleLine(value: string): string {
  return value.replace(/\r\n|[\r\n\t]/g, ' ').replace(singleLineControls, '');
}

/** A long text: line breaks as LF, tabs kept, other controls removed. */
export function multiLine(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(multiLineControls, '');
}

/** Whether the text holds a control character (other than tab, CR, LF); for checks that refuse rather than clean. */
export const hasControlCharacter = (value: string) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value);

/** A Zod string cleaned of control characters; chain .trim(), .min(), .max() after it as usual. */
export const singleLineString = () => z.string().overwrite(singleLine);
export const multiLineString = () => z.string().overwrite(multiLine);
