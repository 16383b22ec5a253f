import { translator } from '../../i18n/index.js';

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
