import { z } from 'zod';

/**
 * The one check of an e-mail address, for every form and import that takes
 * one (issue 10, "Mail"). It accepts what ordinary mail servers deliver and
 * refuses the rest at the form, where the person can still fix it, instead
 * of the mail server refusing it hours later:
 *
 * - the local part (before the @) in plain ASCII: a non-ASCII local part
 *   needs SMTPUTF8, which most servers and our sender do not offer;
 * - a domain with at least one dot ("verein.de", not "verein"); letters of
 *   any script are allowed there, as the sender encodes them (IDN);
 * - at most 64 characters before the @ and 254 in all (RFC 5321).
 *
 * The value is trimmed; callers lower-case it where they compare addresses.
 */

export type AddressProblem = 'required' | 'tooLong' | 'localPartTooLong' | 'notAscii' | 'noDomain' | 'invalid';

export const maximumAddressLength = 254;
const maximumLocalLength = 64;
// RFC 5322 dot-atom: the characters allowed unquoted before the @
const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabel = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const topLevel = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** What is wrong with an address, or null when it is fine. */
export function addressProblem(value: string): AddressProblem | null {
  const address = value.trim();
  if (address === '') return 'required';
  if (address.length > maximumAddressLength) return 'tooLong';
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return 'invalid';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(local)) return 'notAscii';
  if (!localPart.test(local)) return 'invalid';
  if (local.length > maximumLocalLength) return 'localPartTooLong';
  const labels = domain.split('.');
  if (labels.length < 2) return 'noDomain';
  if (!labels.every((label) => domainLabel.test(label)) || !topLevel.test(labels.at(-1)!)) return 'invalid';
  return null;
}

export const isDeliverableAddress = (value: string) => addressProblem(value) === null;

const fix: Record<AddressProblem, { de: string; en: string }> = {
  required: { de: 'fehlt. Bitte geben Sie eine E-Mail-Adresse ein, z. B. name@verein.de.', en: 'is missing. Please enter an e-mail address, e.g. name@verein.de.' },
  tooLong: { de: `ist zu lang (höchstens ${maximumAddressLength} Zeichen). Bitte prüfen Sie die Adresse.`, en: `is too long (at most ${maximumAddressLength} characters). Please check the address.` },
  localPartTooLong: { de: `hat vor dem @ mehr als ${maximumLocalLength} Zeichen. Bitte prüfen Sie die Adresse.`, en: `has more than ${maximumLocalLength} characters before the @. Please check the address.` },
  notAscii: {
    de: 'enthält vor dem @ Umlaute oder andere Sonderzeichen, die viele Mailserver ablehnen. Bitte schreiben Sie den Teil vor dem @ ohne sie (z. B. „ae“ statt „ä“) oder nehmen Sie eine andere Adresse.',
    en: 'has accents or other special letters before the @, which many mail servers refuse. Please write the part before the @ without them (e.g. "ae" for "ä") or use another address.',
  },
  noDomain: { de: 'hat nach dem @ keinen vollständigen Domainnamen. Bitte schreiben Sie ihn mit Punkt, z. B. name@verein.de.', en: 'has no complete domain after the @. Please write it with a dot, e.g. name@verein.de.' },
  invalid: { de: 'ist keine gültige E-Mail-Adresse. Bitte schreiben Sie sie in der Form name@verein.de.', en: 'is not a valid e-mail address. Please write it in the form name@verein.de.' },
};

export interface FieldName {
  de: string;
  en: string;
}
const defaultField: FieldName = { de: 'E-Mail-Adresse', en: 'E-mail address' };

/** The sentence for a problem, German and English, naming the field: "E-Mail-Adresse fehlt. … / E-mail address is missing. …". */
export function addressMessage(problem: AddressProblem, field: FieldName = defaultField, language?: 'de' | 'en'): string {
  const de = `${field.de} ${fix[problem].de}`;
  const en = `${field.en} ${fix[problem].en}`;
  return language === 'de' ? de : language === 'en' ? en : `${de} / ${en}`;
}

/**
 * The Zod schema of an address field: trimmed, checked by addressProblem,
 * the message naming the field in German and English.
 */
export function emailAddress(field: FieldName = defaultField) {
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = addressProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: addressMessage(problem, field), params: { addressProblem: problem } });
    });
}
