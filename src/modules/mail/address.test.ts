import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addressMessage, addressProblem, emailAddress } from './address.js';

describe('the one e-mail address check', () => {
  it('accepts what ordinary mail servers deliver', () => {
    for (const address of ['name@verein.de', 'a.b+c@x-y.example.org', 'o\'neil@verein.example', 'info@müller-verein.de', '  trimmed@verein.de  ']) {
      expect(addressProblem(address), address).toBeNull();
    }
  });

  it('refuses a non-ASCII local part (no SMTPUTF8), a domain without a dot, and too long addresses', () => {
    expect(addressProblem('jürgen@verein.de')).toBe('notAscii');
    expect(addressProblem('айше@verein.de')).toBe('notAscii');
    expect(addressProblem('name@verein')).toBe('noDomain');
    expect(addressProblem('')).toBe('required');
    expect(addressProblem(`${'a'.repeat(65)}@verein.de`)).toBe('localPartTooLong');
    expect(addressProblem(`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(9)}.de`)).toBe('tooLong');
    for (const address of ['name', '@verein.de', 'name@', 'a..b@verein.de', 'name@verein.d', 'name@-verein.de', 'a b@verein.de', 'name@verein..de']) {
      expect(addressProblem(address), address).toBe('invalid');
    }
  });

  it('names the field and the fix in German and English', () => {
    const result = z.object({ contact_email: emailAddress({ de: 'Die Kontakt-E-Mail', en: 'The contact e-mail' }) }).safeParse({ contact_email: 'jürgen@verein.de' });
    expect(result.success).toBe(false);
    const message = result.error!.issues[0].message;
    expect(message).toMatch(/^Die Kontakt-E-Mail enthält vor dem @ Umlaute/);
    expect(message).toContain(' / The contact e-mail has accents');
    expect(addressMessage('noDomain', undefined, 'de')).toBe('E-Mail-Adresse hat nach dem @ keinen vollständigen Domainnamen. Bitte schreiben Sie ihn mit Punkt, z. B. name@verein.de.');
    expect(emailAddress().parse('  name@verein.de ')).toBe('name@verein.de');
  });
});

describe('the address check in the account forms', () => {
  it('refuses a non-ASCII local part in the admin invitation form, naming the field', async () => {
    const { parseAccountForm } = await import('../identity/index.js');
    const db = {} as never; // not reached: the shape fails first, and no scope is asked for
    const result = await parseAccountForm(db, { email: 'jürgen@verein.de', display_name: 'Jürgen', role: 'staff', districts: '', organisations: '' }, { newAccount: true }).catch(() => null);
    expect(result).toEqual({ ok: false, errors: [{ field: 'email', code: 'emailNotAscii' }] });
  });
});
