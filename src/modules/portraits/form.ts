import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../ui/forms.js';
import type { PortraitInput } from './commands.js';
import { uploadedPhotoLimits } from './photo.js';
import { portraitPhotoSizes, preparePhoto, type PhotoPreparation } from './prepare-photo.js';

/**
 * Reads the portrait form (multipart: text, photo description, the photo,
 * "remove photo") and says what is wrong with it, field by field, in the
 * page's language. The photo is read up to its limit, checked by content and
 * shrunk without its metadata (prepare-photo.ts) before anything is saved: a
 * refused photo saves nothing of the form, and the page shows the text again.
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
  const options = { limits: { fileSize: uploadedPhotoLimits.bytes, files: 1, fields: 10 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
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
  const prepared: PhotoPreparation | undefined = photo && !tooLarge ? await preparePhoto(photo, uploadedPhotoLimits, portraitPhotoSizes) : undefined;
  const limits = { max: uploadedPhotoLimits.bytes / 1024 / 1024, side: uploadedPhotoLimits.side, megapixels: uploadedPhotoLimits.megapixels };
  if (tooLarge) errors.push({ field: 'photo', message: t('portraits.errors.tooLarge', limits) });
  else if (prepared && !prepared.ok) errors.push({ field: 'photo', message: t(`portraits.errors.${prepared.problem}`, limits) });
  if (prepared?.ok && !photoAlt) errors.push({ field: 'photo_alt', message: t('portraits.errors.altMissing') });
  if (errors.length > 0) return { fields, notMultipart: false, errors };
  return {
    fields,
    notMultipart: false,
    errors,
    input: (organisationId) => ({
      organisationId,
      text,
      photoAlt,
      photo: prepared?.ok ? { bytes: prepared.photo.bytes, type: prepared.photo.type, width: prepared.photo.width, height: prepared.photo.height } : null,
      removePhoto: fields.remove_photo === 'yes',
    }),
  };
}
