import { describe, expect, it } from 'vitest';
import { parseConsultationForm } from '../src/modules/consultations/index.js';

/** Consultation days in 2000–2100 only, as for events (issue 8, finding 19); pure parsing, no database. */
describe('consultation form dates', () => {
  const form = (fields: Record<string, string>) => parseConsultationForm({ channel: 'video', topic: 'rooms', organisation: 'Afrika Forum Kassel', consulted_on: '2024-05-01', ...fields }, ['rooms']);

  it('accepts days from 2000 to 2100 and refuses year 1 or 9999, naming the field', () => {
    expect(form({}).ok).toBe(true);
    expect(form({ consulted_on: '2000-01-01', follow_up_on: '2100-12-31' }).ok).toBe(true);
    expect(form({ consulted_on: '0001-01-01' })).toEqual({ ok: false, errors: [{ field: 'consulted_on', code: 'date' }] });
    expect(form({ follow_up_on: '9999-12-31' })).toEqual({ ok: false, errors: [{ field: 'follow_up_on', code: 'date' }] });
  });
});
