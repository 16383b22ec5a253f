import type { Kysely } from 'kysely';
import type { Database, RegistrationStatus } from '../../db/tables.js';
import { translator, type Language, type Translate } from '../../i18n/index.js';
import { enqueueMail } from '../mail/index.js';
import { formatDay } from '../../ui/dates.js';

/**
 * The e-mails of a registration, short and plain. A mail is in the
 * registration's language when that is German or English, otherwise German
 * first and English below (the staff languages; the public form offers more).
 */

export interface MailEvent {
  id: number;
  title: string;
  start_date: string;
  starts_at: string | null;
  ends_at?: string | null;
  place: string | null;
}

export interface Recipient {
  to: string;
  language: string;
}

type Db = Kysely<Database>;

/**
 * German and English mails are in that language alone; Turkish, Arabic, Russian
 * and Ukrainian ones come in that language with German below it (the centre's
 * language, for whoever helps reading); anything else in German and English.
 */
export function mailLanguages(language: string): Language[] {
  if (language === 'de' || language === 'en') return [language];
  if (language === 'tr' || language === 'ar' || language === 'ru' || language === 'uk') return [language, 'de'];
  return ['de', 'en'];
}

export function eventBlock(t: Translate, language: Language, event: MailEvent): string {
  // the day in the mail's language, as on the pages (src/ui/dates.ts); times are the centre's clock
  const date = formatDay(event.start_date, language, 'long');
  const start = event.starts_at?.slice(0, 5);
  const end = event.ends_at?.slice(0, 5);
  const time = start ? `, ${start}${end ? `–${end}` : ''}${language === 'de' ? ' Uhr' : ''}` : '';
  return t('registrations.mail.event', { title: event.title, date, time, place: event.place ?? t('registrations.mail.placeUnknown') });
}

/** A person's state in a mail or on the manage page: the waitlist with its place when known. */
export function statusText(t: Translate, person: { status: RegistrationStatus; waitlistPosition?: number | null }): string {
  if (person.status === 'waitlisted' && person.waitlistPosition) return t('registrations.manage.waitlistedAt', { position: person.waitlistPosition });
  return t(`registrations.status.${person.status}`);
}

/** One mail in one or two languages: subjects joined by " / ", bodies one below the other. */
export function compose(languages: Language[], part: (t: Translate, language: Language) => { subject: string; paragraphs: string[] }) {
  const parts = languages.map((language) => {
    const t = translator(language);
    const { subject, paragraphs } = part(t, language);
    return { subject, text: [t('registrations.mail.greeting'), ...paragraphs, t('registrations.mail.closing')].join('\n\n') };
  });
  return { subject: parts.map((p) => p.subject).join(' / '), text: parts.map((p) => p.text).join('\n\n——————————\n\n') };
}

/** Confirmation (someone got a seat) or waitlist mail (all on the waitlist) to whoever registered the group. */
export async function queueGroupMail(
  db: Db,
  event: MailEvent,
  recipient: Recipient,
  persons: { id: number; name: string; status: RegistrationStatus; waitlistPosition?: number | null }[],
  links: { manage: string; calendar: string },
): Promise<void> {
  const kind = persons.some((person) => person.status !== 'waitlisted') ? 'confirmation' : 'waitlist';
  const mail = compose(mailLanguages(recipient.language), (t, language) => ({
    subject: t(`registrations.mail.${kind}.subject`, { title: event.title }),
    paragraphs: [
      t(`registrations.mail.${kind}.intro`),
      eventBlock(t, language, event),
      [t('registrations.mail.persons'), ...persons.map((person) => `- ${person.name}: ${statusText(t, person)}`)].join('\n'),
      ...(kind === 'confirmation' ? [t('registrations.mail.calendar', { link: links.calendar })] : []),
      t('registrations.mail.manage', { link: links.manage }),
    ],
  }));
  await enqueueMail(db, { kind: `registration.${kind}`, to: recipient.to, ...mail, eventId: event.id, registrationId: persons[0]?.id });
}

/** A waitlisted person got a seat. */
export async function queuePromotionMail(db: Db, event: MailEvent, recipient: Recipient, person: { id: number; name: string }) {
  const mail = compose(mailLanguages(recipient.language), (t, language) => ({
    subject: t('registrations.mail.promotion.subject', { title: event.title }),
    paragraphs: [t('registrations.mail.promotion.intro', { name: person.name }), eventBlock(t, language, event), t('registrations.mail.manageLater')],
  }));
  await enqueueMail(db, { kind: 'registration.promotion', to: recipient.to, ...mail, eventId: event.id, registrationId: person.id });
}

export async function queueCancellationMail(db: Db, event: MailEvent, recipient: Recipient, persons: { id: number; name: string }[]) {
  const mail = compose(mailLanguages(recipient.language), (t, language) => ({
    subject: t('registrations.mail.cancellation.subject', { title: event.title }),
    paragraphs: [t('registrations.mail.cancellation.intro', { names: persons.map((p) => p.name).join(', ') }), eventBlock(t, language, event)],
  }));
  await enqueueMail(db, { kind: 'registration.cancellation', to: recipient.to, ...mail, eventId: event.id, registrationId: persons[0]?.id });
}

export async function queueReminderMail(db: Db, event: MailEvent, recipient: Recipient, person: { id: number; name: string }) {
  const mail = compose(mailLanguages(recipient.language), (t, language) => ({
    subject: t('registrations.mail.reminder.subject', { title: event.title }),
    paragraphs: [t('registrations.mail.reminder.intro', { name: person.name }), eventBlock(t, language, event), t('registrations.mail.manageLater')],
  }));
  await enqueueMail(db, { kind: 'registration.reminder', to: recipient.to, ...mail, eventId: event.id, registrationId: person.id });
}
