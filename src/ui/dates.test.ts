import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.js';
import { dateExample, formatDay, formatInstant, isIsoDay, normaliseDay, parseDay } from './dates.js';
import { dateHint } from './forms.js';

/* Dates in the page's language and in Berlin time, whatever the machine's zone (CI runs at UTC+14). */
describe('dates on pages', () => {
  it('writes a calendar day in each page language, German as TT.MM.JJJJ', () => {
    expect(formatDay('2026-03-31', 'de')).toBe('31.03.2026');
    expect(formatDay('2026-03-31', 'en')).toBe('31 Mar 2026');
    expect(formatDay('2026-03-31', 'tr')).toBe('31 Mar 2026');
    expect(formatDay('2026-03-31', 'ru')).toMatch(/^31 мар\.? 2026/);
    expect(formatDay('2026-03-31', 'uk')).toMatch(/^31 бер\.? 2026/);
    expect(formatDay('2026-03-31', 'ar')).toMatch(/(31|٣١).*(03|٠٣).*(2026|٢٠٢٦)/);
    expect(formatDay('2026-03-31', 'ar', 'long')).toMatch(/مارس|آذار/);
    // a date column as the driver returns it: midnight UTC stays the same day
    expect(formatDay(new Date('2026-01-01T00:00:00Z'), 'de')).toBe('01.01.2026');
    expect(formatDay('2026-03-31', 'de', 'long')).toBe('31. März 2026');
  });

  it('dates a moment by the clock in Berlin, not by UTC or the machine', () => {
    // 23:30 UTC on 31 March is 1:30 on 1 April in Berlin (summer time)
    expect(formatInstant(new Date('2026-03-31T23:30:00Z'), 'de')).toBe('01.04.2026');
    expect(formatInstant(new Date('2026-03-31T23:30:00Z'), 'de', { time: 'short' })).toBe('01.04.2026, 01:30');
    expect(formatInstant(new Date('2026-03-31T23:30:00Z'), 'en', { time: 'medium' })).toBe('1 Apr 2026, 01:30:00');
  });

  it('gives date fields a hint in the page language', () => {
    expect(dateHint(translator('de'), 'de')).toBe('TT.MM.JJJJ, z. B. 31.03.2026');
    expect(dateHint(translator('en'), 'en')).toBe('DD/MM/YYYY, for example 31/03/2026');
    expect(dateHint(translator('tr'), 'tr')).toBe('GG.AA.YYYY, örneğin 31.03.2026');
    expect(dateHint(translator('ru'), 'ru')).toBe('ДД.ММ.ГГГГ, например 31.03.2026');
    expect(dateHint(translator('uk'), 'uk')).toBe('ДД.ММ.РРРР, наприклад 31.03.2026');
    expect(dateHint(translator('ar'), 'ar')).toContain(dateExample('ar'));
    expect(dateHint(translator('ar'), 'ar')).not.toContain('JJJJ');
  });

  it('reads a day typed as on paper (31.03.2026, 31/03/2026) as well as picked (2026-03-31)', () => {
    expect(parseDay('2026-03-31')).toBe('2026-03-31');
    expect(parseDay('31.03.2026')).toBe('2026-03-31');
    expect(parseDay(' 1.4.2026 ')).toBe('2026-04-01');
    expect(parseDay('31/03/2026')).toBe('2026-03-31');
    expect(parseDay('٣١/٠٣/٢٠٢٦')).toBe('2026-03-31'); // as an Arabic page writes it
    expect(parseDay('29.02.2028')).toBe('2028-02-29');
  });

  it('refuses what is no calendar day instead of rolling it over', () => {
    for (const typed of ['31.02.2026', '29.02.2026', '2026-02-31', '2026-13-01', '00.01.2026', '31.04.2026', '31.03.26', '03/31/2026', '31.03-2026', 'morgen', '']) {
      expect(parseDay(typed), typed).toBeNull();
    }
    // a form keeps the text as typed for its message, and its check refuses it
    expect(normaliseDay(' 31.02.2026 ')).toBe('31.02.2026');
    expect(isIsoDay(normaliseDay('31.02.2026'))).toBe(false);
    expect(isIsoDay(normaliseDay('28.02.2026'))).toBe(true);
  });
});
