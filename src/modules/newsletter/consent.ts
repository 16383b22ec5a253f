import { translator } from '../../i18n/index.js';
import type { NewsletterLanguage } from './tables.js';

/**
 * The consent a subscriber gives, kept word for word with its version in
 * newsletter_confirmation (BGH I ZR 164/09: the sender must be able to show
 * each consent completely). Change the text in the i18n files → raise the
 * version, so that older consents keep the words they were given under.
 */
export const consentVersion = '2026-12-01';

export function consentText(language: NewsletterLanguage): string {
  return translator(language)('newsletter.consent.text');
}

/** Days a confirmation link is valid (issue 11: "a link used … after 7 days"). */
export const confirmationDays = 7;
/** More confirmation mails than this to one address in a day are not sent: sign-up is no way to flood a mailbox. */
export const confirmationsPerDay = 3;
