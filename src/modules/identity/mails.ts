import { languageSeparator, withGermanBelow } from '../mail/index.js';
import { translator, type Language, type Translate } from '../../i18n/index.js';

/**
 * The reset mail is asked for on a page in one of six languages: it comes in
 * that language, and in German below when that was another one (the centre's
 * language, for whoever helps the person read it).
 */
export function passwordResetMail(link: string, language: Language): { subject: string; text: string } {
  const languages = withGermanBelow(language);
  const part = (t: Translate) => ({
    subject: t('identity.mail.reset.subject'),
    text: [t('identity.mail.greeting'), t('identity.mail.reset.intro'), t('identity.mail.reset.link', { link }), t('identity.mail.reset.ignore'), t('identity.mail.closing')].join('\n\n'),
  });
  const parts = languages.map((each) => part(translator(each)));
  return { subject: parts.map((p) => p.subject).join(' / '), text: parts.map((p) => p.text).join(languageSeparator) };
}
