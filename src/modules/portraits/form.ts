import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../ui/forms.js';
import type { PortraitInput } from './commands.js';
import { checkPhoto, maximumPhotoBytes, withoutMetadata } from './photo.js';

/**
 * Reads the portrait form (multipart: text, photo description, the photo,
 * "remove photo") and says what is wrong with it, field by field, in the
 * page's language. The photo is read up to its limit and checked by content.
 */

export interface PortraitForm {
  fields: Record<string, string>;
  notMultipart: boolean;
  errors: FieldError[];
  /** The command's input, when there are no errors. */
  input?: (organisationId: number) => PortraitInput;
}

const textLimit = 5000;

export async function readPortraitForm(request: FastifyRequest): Promise<PortraitForm> {
  const fields: Record<string, string> = {};
  const t = request.t;
  if (!request.isMultipart()) return { fields, notMultipart: true, errors: [{ field: 'text', message: t('portraits.errors.unreadableForm') }] };
  let photo: Buffer | undefined;
  let tooLarge = false;
  // throwFileSizeLimit is read per call by @fastify/multipart but missing from its types
  const options = { limits: { fileSize: maximumPhotoBytes, files: 1, fields: 10 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
  try {
    for await (const part of request.parts(options)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      if (!part.filename && bytes.length === 0) continue; // a file input left empty
      if (part.file.truncated) tooLarge = true;
      else if (part.fieldname === 'photo') photo = bytes;
    }
  } catch (error) {
    request.log.info({ err: error }, 'portrait form unreadable');
    return { fields, notMultipart: false, errors: [{ field: 'text', message: t('portraits.errors.unreadableForm') }] };
  }

  const errors: FieldError[] = [];
  const text = (fields.text ?? '').replace(/\r\n/g, '\n').trim();
  const photoAlt = (fields.photo_alt ?? '').trim().slice(0, 300);
  if (text.length > textLimit) errors.push({ field: 'text', message: t('portraits.errors.textTooLong') });
  const checked = photo ? checkPhoto(photo) : undefined;
  if (tooLarge) errors.push({ field: 'photo', message: t('portraits.errors.tooLarge') });
  else if (checked && !checked.ok) errors.push({ field: 'photo', message: t(`portraits.errors.${checked.problem}`) });
  if (checked?.ok && !photoAlt) errors.push({ field: 'photo_alt', message: t('portraits.errors.altMissing') });
  if (errors.length > 0) return { fields, notMultipart: false, errors };
  return {
    fields,
    notMultipart: false,
    errors,
    input: (organisationId) => ({
      organisationId,
      text,
      photoAlt,
      photo: checked?.ok ? { bytes: withoutMetadata(photo!, checked.type), type: checked.type, width: checked.width, height: checked.height } : null,
      removePhoto: fields.remove_photo === 'yes',
    }),
  };
}
