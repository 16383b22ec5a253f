import { isLanguage, translator, type Language } from '../../i18n/index.js';
import type { OutgoingMail } from '../mail/index.js';

/**
 * The pinboard's mails, in the recipient's language with German below (the
 * board may pass it on to someone who reads German). A relayed message names
 * the other side's organisation and the post, never an address: the
 * recipient answers through the link, and Mosaik relays the answer.
 */
export type PinboardMailKind = 'approved' | 'rejected' | 'reminder' | 'contact' | 'reply';

export interface PinboardMail {
  kind: PinboardMailKind;
  to: string;
  language: string;
  values: { title: string; link: string; organisation?: string; reason?: string; message?: string; days?: number; until?: string };
}

function text(language: Language, mail: PinboardMail) {
  const t = translator(language);
  const parts = [t(`pinboard.mail.${mail.kind}Body`, mail.values)];
  if (mail.values.reason) parts.push('', mail.values.reason);
  if (mail.values.message) parts.push('', '———', mail.values.message, '———');
  parts.push('', t(`pinboard.mail.${mail.kind}Link`, mail.values), '', t('pinboard.mail.footer'));
  return { subject: t(`pinboard.mail.${mail.kind}Subject`, mail.values), text: parts.join('\n') };
}

export function pinboardMail(mail: PinboardMail): OutgoingMail {
  const language: Language = isLanguage(mail.language) ? mail.language : 'de';
  const own = text(language, mail);
  // the relayed message itself is written once, in the other side's words
  const german = language === 'de' ? null : text('de', { ...mail, values: { ...mail.values, message: undefined, reason: undefined } });
  return { kind: `pinboard.${mail.kind}`, to: mail.to, subject: own.subject, text: german ? `${own.text}\n\n— Deutsch —\n\n${german.text}` : own.text };
}
