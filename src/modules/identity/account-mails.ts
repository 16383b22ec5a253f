import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { translator, type Language, type Translate } from '../../i18n/index.js';
import { enqueueMail, languageSeparator, withGermanBelow } from '../mail/index.js';

/**
 * The mails of accounts and claims. Once an account exists, its mails go in
 * the language it remembers (src/modules/identity/language.ts: the last one
 * its owner chose; six for representatives, German or English for the other
 * roles), with German below. An invitation is sent before its reader ever
 * chose a language, so it is German with English below; the set-password page
 * it links to offers all six, and the account starts in the one chosen there.
 */

const invitationLanguages: Language[] = ['de', 'en'];

function compose(languages: Language[], part: (t: Translate) => { subject: string; paragraphs: string[] }) {
  const parts = languages.map((language) => {
    const t = translator(language);
    const { subject, paragraphs } = part(t);
    return { subject, text: [t('accounts.mail.greeting'), ...paragraphs, t('accounts.mail.closing')].join('\n\n') };
  });
  return { subject: parts.map((p) => p.subject).join(' / '), text: parts.map((p) => p.text).join(languageSeparator) };
}

export async function queueInvitationMail(db: Kysely<Database>, to: { email: string; displayName: string; role: string }, link: string, days: number) {
  const mail = compose(invitationLanguages, (t) => ({
    subject: t('accounts.mail.invitation.subject'),
    paragraphs: [
      t('accounts.mail.invitation.intro', { name: to.displayName, role: t(`accounts.roles.${to.role}`) }),
      t('accounts.mail.invitation.link', { link, days }),
      t('accounts.mail.invitation.ignore'),
    ],
  }));
  return enqueueMail(db, { kind: 'account.invitation', to: to.email, ...mail });
}

/** To the representative who asked: confirmed or rejected, in the language their account remembers. */
export async function queueClaimDecisionMail(
  db: Kysely<Database>,
  to: { email: string; language: Language },
  decision: { status: 'confirmed' | 'rejected'; organisationName: string; note: string | null; myLink: string },
) {
  const mail = compose(withGermanBelow(to.language), (t) => ({
    subject: t(`accounts.mail.claim.${decision.status}.subject`, { name: decision.organisationName }),
    paragraphs: [
      t(`accounts.mail.claim.${decision.status}.intro`, { name: decision.organisationName }),
      ...(decision.note ? [t('accounts.mail.claim.note', { note: decision.note })] : []),
      t('accounts.mail.claim.more', { link: decision.myLink }),
    ],
  }));
  return enqueueMail(db, { kind: `claim.${decision.status}`, to: to.email, ...mail });
}

/** To the new address: open the link to make it the account's address. */
export async function queueEmailConfirmationMail(db: Kysely<Database>, mail: { to: string; language: Language; displayName: string; link: string; hours: number }) {
  const composed = compose(withGermanBelow(mail.language), (t) => ({
    subject: t('accounts.mail.emailConfirm.subject'),
    paragraphs: [t('accounts.mail.emailConfirm.intro', { name: mail.displayName }), t('accounts.mail.emailConfirm.link', { link: mail.link, hours: mail.hours }), t('accounts.mail.emailConfirm.ignore')],
  }));
  return enqueueMail(db, { kind: 'account.email_confirm', to: mail.to, ...composed });
}

/** To the old address, once the new one is confirmed: so that a taken-over account is noticed. */
export async function queueEmailChangedMail(db: Kysely<Database>, mail: { to: string; language: Language; displayName: string; newEmail: string }) {
  const composed = compose(withGermanBelow(mail.language), (t) => ({
    subject: t('accounts.mail.emailChanged.subject'),
    paragraphs: [t('accounts.mail.emailChanged.intro', { name: mail.displayName, email: mail.newEmail }), t('accounts.mail.emailChanged.help')],
  }));
  return enqueueMail(db, { kind: 'account.email_changed', to: mail.to, ...composed });
}
