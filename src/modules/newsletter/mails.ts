import { translator } from '../../i18n/index.js';
import type { OutgoingMail } from '../mail/index.js';
import type { NewsletterLanguage } from './tables.js';

/**
 * The newsletter's mails. The confirmation mail carries nothing but the
 * request and the link (§ 7 UWG: a confirmation mail must not advertise).
 * An issue carries the unsubscribe link in its text and in the headers of
 * RFC 8058; links are written as the author wrote them (no tracking, no
 * rewriting) and there is no HTML part, so no pixel either.
 */

export function confirmationMail(input: { to: string; language: NewsletterLanguage; link: string; validDays: number }): OutgoingMail {
  const t = translator(input.language);
  return {
    kind: 'newsletter.confirmation',
    to: input.to,
    subject: t('newsletter.mail.confirmSubject'),
    text: [t('newsletter.mail.confirmIntro'), '', input.link, '', t('newsletter.mail.confirmValid', { days: input.validDays }), '', t('newsletter.mail.confirmIgnore')].join('\n'),
  };
}

/**
 * The welcome after the confirmation: what was ordered, where past issues are,
 * how to leave. No advertising either (it is still part of the sign-up), in
 * the subscriber's language, with the one-click headers like every issue.
 */
export function welcomeMail(input: { to: string; language: NewsletterLanguage; topics: string[]; region: string | null; unsubscribe: string; archive: string }): OutgoingMail {
  const t = translator(input.language);
  const ordered = [...input.topics.map((topic) => t(`newsletter.topics.${topic}`)), ...(input.region ? [t('newsletter.mail.welcomeRegion', { region: input.region })] : [])];
  return {
    kind: 'newsletter.welcome',
    to: input.to,
    subject: t('newsletter.mail.welcomeSubject'),
    text: [
      t('newsletter.mail.welcomeIntro'),
      '',
      t('newsletter.mail.welcomeTopics'),
      ...ordered.map((line) => `- ${line}`),
      '',
      t('newsletter.mail.footerArchive', { link: input.archive }),
      t('newsletter.mail.footerUnsubscribe', { link: input.unsubscribe }),
    ].join('\n'),
    headers: oneClickHeaders(input.unsubscribe),
  };
}

export function unsubscribeLinkMail(input: { to: string; language: NewsletterLanguage; link: string }): OutgoingMail {
  const t = translator(input.language);
  return {
    kind: 'newsletter.unsubscribe-link',
    to: input.to,
    subject: t('newsletter.mail.unsubscribeSubject'),
    text: [t('newsletter.mail.unsubscribeIntro'), '', input.link, '', t('newsletter.mail.confirmIgnore')].join('\n'),
  };
}

export const unsubscribeLink = (baseUrl: string, token: string) => `${baseUrl}/newsletter/unsubscribe/${token}`;

/** The header lines of RFC 8058: mail programs show an "unsubscribe" button that POSTs to the link. */
export const oneClickHeaders = (link: string) => ({
  'List-Unsubscribe': `<${link}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export function issueMail(input: {
  to: string;
  language: NewsletterLanguage;
  subject: string;
  body: string;
  unsubscribe: string;
  archive: string;
  notBefore?: Date;
  test?: boolean;
}): OutgoingMail {
  const t = translator(input.language);
  return {
    kind: input.test ? 'newsletter.test' : 'newsletter.issue',
    to: input.to,
    subject: input.test ? `[${t('newsletter.mail.testPrefix')}] ${input.subject}` : input.subject,
    text: [input.body.trim(), '', '-- ', t('newsletter.mail.footerWhy'), t('newsletter.mail.footerArchive', { link: input.archive }), t('newsletter.mail.footerUnsubscribe', { link: input.unsubscribe })].join('\n'),
    headers: oneClickHeaders(input.unsubscribe),
    notBefore: input.notBefore,
  };
}
