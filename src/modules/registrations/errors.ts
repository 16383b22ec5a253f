import { translator } from '../../i18n/index.js';
import { addressProblem } from '../mail/index.js';

/**
 * A registration refused for a reason the person can fix, said in German and
 * English, naming the form field it concerns (null: the event as a whole).
 */
export type RegistrationErrorCode =
  | 'eventNotFound'
  | 'eventCancelled'
  | 'notOpenYet'
  | 'closed'
  | 'noPersons'
  | 'personNameMissing'
  | 'emailMissing'
  | 'emailInvalid'
  | 'emailNotAscii'
  | 'alreadyRegistered'
  | 'emailAlreadyRegistered'
  | 'onePersonWithoutOrganisation'
  | 'duplicatePerson'
  | 'reasonMissing'
  | 'tokenUnknown'
  | 'registrationNotFound';

export class RegistrationError extends Error {
  readonly text: { de: string; en: string };

  constructor(
    readonly code: RegistrationErrorCode,
    readonly field: string | null,
    readonly params: Record<string, string | number> = {},
  ) {
    const text = {
      de: translator('de')(`registrations.errors.${code}`, params),
      en: translator('en')(`registrations.errors.${code}`, params),
    };
    super(`${text.de} / ${text.en}`);
    this.name = 'RegistrationError';
    this.text = text;
  }
}

/** The refusal of an e-mail address by the one check of all forms (src/modules/mail/address.ts), or null when it is fine. */
export function addressError(email: string, field: string): RegistrationError | null {
  const problem = addressProblem(email);
  if (problem === null) return null;
  if (problem === 'required') return new RegistrationError('emailMissing', field);
  return new RegistrationError(problem === 'notAscii' ? 'emailNotAscii' : 'emailInvalid', field, { email: email.trim() });
}
