import type { FastifyRequest } from 'fastify';
import type { MaterialBody } from './form.js';
import { materialSizeLimit } from './sniff.js';
import type { UploadedFile } from './commands.js';

/** A multipart form of the library: its fields (checkbox groups as lists) and its one file. */
export interface MaterialUpload {
  fields: MaterialBody;
  file?: UploadedFile;
  /** the file was larger than materialSizeLimit (read to its end and dropped, so the page can explain) */
  tooLarge: boolean;
  /** the body was not multipart, or ended before the form did */
  unreadable: boolean;
}

export async function readMaterialUpload(request: FastifyRequest): Promise<MaterialUpload> {
  const form: MaterialUpload = { fields: {}, tooLarge: false, unreadable: !request.isMultipart() };
  if (form.unreadable) return form;
  // throwFileSizeLimit is read per call by @fastify/multipart but missing from its types
  const options = { limits: { fileSize: materialSizeLimit, fields: 100 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
  try {
    for await (const part of request.parts(options)) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') continue;
        const before = form.fields[part.fieldname];
        form.fields[part.fieldname] = before === undefined ? part.value : [...(Array.isArray(before) ? before : [before]), part.value];
        continue;
      }
      const bytes = await part.toBuffer();
      // a file input left empty still sends a part, without name or content
      if (!part.filename && bytes.length === 0) continue;
      if (part.file.truncated) form.tooLarge = true;
      else if (part.fieldname === 'file' && !form.file) form.file = { name: part.filename || 'handout', bytes };
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) form.tooLarge = true;
    else form.unreadable = true;
    request.log.info({ err: error }, 'multipart body unreadable');
    delete form.file;
  }
  return form;
}
