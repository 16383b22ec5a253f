import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { enqueueMail } from '../mail/index.js';
import { compose, mailLanguages } from '../registrations/index.js';
import type { ConsultationRequest } from './requests.js';

/**
 * The e-mails to the requester: taken over, done (logged as a consultation),
 * declined. Short sentences in plain language; in the language of the
 * request form (German and English alone, other languages with German below).
 * Sent to the callback address, or else to the account's address.
 */

export type RequestMailKind = 'takenOver' | 'done' | 'declined';

export const requestLink = (baseUrl: string, id: number) => `${baseUrl.replace(/\/$/, '')}/my/consultation-requests/${id}`;

export async function queueRequestMail(
  db: Kysely<Database>,
  request: ConsultationRequest,
  kind: RequestMailKind,
  options: { baseUrl: string; note?: string },
): Promise<void> {
  const to = request.contactEmail ?? request.requesterEmail;
  if (!to) return; // phone only, and the account is gone: staff call back
  const mail = compose(mailLanguages(request.language), (t) => ({
    subject: t(`consultations.request.mail.${kind}.subject`, { organisation: request.organisationName }),
    paragraphs: [
      t(`consultations.request.mail.${kind}.intro`, { organisation: request.organisationName }),
      ...(kind === 'declined' && options.note ? [t('consultations.request.mail.note', { note: options.note })] : []),
      t('consultations.request.mail.link', { link: requestLink(options.baseUrl, request.id) }),
    ],
  }));
  await enqueueMail(db, { kind: `consultation_request.${kind}`, to, ...mail });
}
