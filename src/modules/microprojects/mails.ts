import { isLanguage, translator, type Language } from '../../i18n/index.js';
import type { OutgoingMail } from '../mail/index.js';
import { formatDay } from '../../ui/dates.js';

/**
 * A reminder of a checklist task, in the recipient's language; below it the
 * same in German when that is another language (the board may pass it on to
 * the adviser, who reads German).
 */
export interface ReminderMail {
  to: string;
  language: string;
  kind: 'before' | 'missed';
  task: string;
  due: string;
  projectTitle: string;
  organisationName: string;
  link: string;
}

function reminderText(language: Language, mail: ReminderMail) {
  const t = translator(language);
  const values = { task: t(`microprojects.tasks.${mail.task}`), due: formatDay(mail.due, language, 'long'), project: mail.projectTitle, organisation: mail.organisationName, link: mail.link };
  return {
    subject: t(`microprojects.mail.${mail.kind}Subject`, values),
    text: [t(`microprojects.mail.${mail.kind}Body`, values), '', t('microprojects.mail.link', values), '', t('microprojects.mail.footer')].join('\n'),
  };
}

export function reminderMail(mail: ReminderMail): OutgoingMail {
  const language: Language = isLanguage(mail.language) ? mail.language : 'de';
  const own = reminderText(language, mail);
  const german = language === 'de' ? null : reminderText('de', mail);
  return {
    kind: `microprojects.reminder.${mail.kind}`,
    to: mail.to,
    subject: own.subject,
    text: german ? `${own.text}\n\n— Deutsch —\n\n${german.text}` : own.text,
  };
}
