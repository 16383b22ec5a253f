import { DomainError } from '../domain-error.js';
import { addressProblem } from '../mail/index.js';

/**
 * A registration refused for a reason the person can fix (a DomainError: the
 * message is registrations.errors.<code> in ./i18n, in the reader's language),
 * naming the form field it concerns (null: the event as a whole).
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

export class RegistrationError extends DomainError {
  declare readonly code: RegistrationErrorCode;

  constructor(code: RegistrationErrorCode, field: string | null, params: Record<string, string | number> = {}) {
    super('registrations', code, field, params);
    this.name = 'RegistrationError';
  }

  /** The message's parameters, under the name the registration routes use. */
  get params(): Record<string, string | number> {
    return this.parameters;
  }
}

/** The refusal of an e-mail address by the one check of all forms (src/modules/mail/address.ts), or null when it is fine. */
export function addressError(email: string, field: string): RegistrationError | null {
  const problem = addressProblem(email);
  if (problem === null) return null;
  if (problem === 'required') return new RegistrationError('emailMissing', field);
  return new RegistrationError(problem === 'notAscii' ? 'emailNotAscii' : 'emailInvalid', field, { email: email.trim() });
}
