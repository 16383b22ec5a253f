import { translator } from '../../i18n/index.js';
import { formatDay } from './present.js';

/**
 * The re-check mail to an assurer. Mosaik does not know the assurer's
 * language (they often have no account), so the mail is German with the
 * English text below it.
 */
export function checkMail(input: { serviceName: string; assurerName: string | null; link: string; validUntil: string }) {
  const part = (language: 'de' | 'en') => {
    const t = translator(language);
    return [
      input.assurerName ? t('wegweiser.mail.greetingNamed', { name: input.assurerName }) : t('wegweiser.mail.greeting'),
      '',
      t('wegweiser.mail.why', { service: input.serviceName }),
      '',
      t('wegweiser.mail.action'),
      input.link,
      '',
      t('wegweiser.mail.validUntil', { date: formatDay(input.validUntil, language) }),
      t('wegweiser.mail.noAccount'),
    ].join('\n');
  };
  return {
    subject: `${translator('de')('wegweiser.mail.subject', { service: input.serviceName })} / ${translator('en')('wegweiser.mail.subject', { service: input.serviceName })}`,
    text: `${part('de')}\n\n— English —\n\n${part('en')}\n`,
  };
}
