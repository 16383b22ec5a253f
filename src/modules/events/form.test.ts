import { describe, expect, it } from 'vitest';
import { seatsGrew, validateEventForm } from './form.js';
import { escapeText, foldLine } from './ical.js';
import { slugOf } from './queries.js';
import { addMonths, berlinDay, monthWeeks } from './views.js';

const valid = { format: 'regional_network_meeting', title: 'Vernetzungstreffen Nord', start_date: '2026-03-14', organizer: 'centre' };

describe('the event form', () => {
  it('accepts a minimal event and turns empty fields into null', () => {
    const result = validateEventForm(valid);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.fields).toMatchObject({ title: 'Vernetzungstreffen Nord', capacity: null, starts_at: null, materials: null });
    }
  });

  it('names each wrong field once, in page order', () => {
    const result = validateEventForm({
      format: 'party', title: ' ', start_date: '2026-02-30', starts_at: '10:00', ends_at: '09:00', organizer: 'centre',
      capacity: '-1', per_org_limit: '0', registration_opens: '2026-03-01T10:00', registration_closes: '2026-02-01T10:00', materials: 'not a link',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { field: 'format', code: 'formatMissing' },
        { field: 'title', code: 'titleMissing' },
        { field: 'start_date', code: 'dateInvalid' },
        { field: 'ends_at', code: 'endBeforeStart' },
        { field: 'capacity', code: 'capacityInvalid' },
        { field: 'per_org_limit', code: 'limitInvalid' },
        { field: 'registration_closes', code: 'closesBeforeOpens' },
        { field: 'materials', code: 'materialsInvalid' },
      ]);
    }
  });

  it('keeps one link per line in materials', () => {
    const result = validateEventForm({ ...valid, materials: ' https://a.example/1 \r\n\r\nhttps://b.example/2' });
    expect(result.ok && result.fields.materials).toBe('https://a.example/1\nhttps://b.example/2');
  });

  it('strips control characters from every text field, keeping line breaks only in long texts', () => {
    const result = validateEventForm({
      ...valid,
      title: 'Treffen\rATTACH:x\u0000\u2028Ende',
      municipality: 'Nord\u0085stadt',
      description: 'a\r\nb\rc\u0007\td',
      materials: 'https://a.example/1\rhttps://b.example/2',
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.fields.title).toBe('Treffen ATTACH:xEnde');
      expect(result.fields.municipality).toBe('Nordstadt');
      expect(result.fields.description).toBe('a\nb\nc\td');
      expect(result.fields.materials).toBe('https://a.example/1\nhttps://b.example/2');
    }
    // a title of control characters only is no title
    expect(validateEventForm({ ...valid, title: '\r\u0000' })).toMatchObject({ ok: false, problems: [{ field: 'title', code: 'titleMissing' }] });
  });

  it('accepts dates from 2000 to 2100 only', () => {
    expect(validateEventForm({ ...valid, start_date: '2000-01-01' }).ok).toBe(true);
    expect(validateEventForm({ ...valid, start_date: '2100-12-31' }).ok).toBe(true);
    for (const start_date of ['0001-01-01', '1999-12-31', '2101-01-01', '9999-12-31']) {
      expect(validateEventForm({ ...valid, start_date })).toMatchObject({ ok: false, problems: [{ field: 'start_date', code: 'dateOutOfRange' }] });
    }
    expect(validateEventForm({ ...valid, registration_opens: '0001-01-01T10:00', registration_closes: '9999-01-01T10:00' })).toMatchObject({
      ok: false,
      problems: [{ field: 'registration_opens', code: 'dateOutOfRange' }, { field: 'registration_closes', code: 'dateOutOfRange' }],
    });
  });

  it('knows when seats grew', () => {
    expect(seatsGrew({ capacity: 10, per_org_limit: 2 }, { capacity: 12, per_org_limit: 2 })).toBe(true);
    expect(seatsGrew({ capacity: 10, per_org_limit: 2 }, { capacity: null, per_org_limit: 2 })).toBe(true);
    expect(seatsGrew({ capacity: 10, per_org_limit: 2 }, { capacity: 10, per_org_limit: 3 })).toBe(true);
    expect(seatsGrew({ capacity: 10, per_org_limit: 2 }, { capacity: 8, per_org_limit: 2 })).toBe(false);
    expect(seatsGrew({ capacity: null, per_org_limit: null }, { capacity: 8, per_org_limit: 1 })).toBe(false);
  });
});

describe('keys, months and iCalendar text', () => {
  it('makes readable slugs', () => {
    expect(slugOf('Schulung: Öffentlichkeitsarbeit & Straße')).toBe('schulung-oeffentlichkeitsarbeit-strasse');
    expect(slugOf('مرحبا')).toBe('veranstaltung');
  });

  it('lays out a month Monday first', () => {
    const weeks = monthWeeks('2026-03'); // 1 March 2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(berlinDay(new Date('2026-03-14T23:30:00Z'))).toBe('2026-03-15');
  });

  it('escapes text and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    // every line break is one escaped newline, a lone CR too; other controls vanish
    expect(escapeText('a\rb\r\nc\u2028d\u0000\te')).toBe('a\\nb\\nc\\nd e');
    const line = `SUMMARY:${'ä'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
  });
});
