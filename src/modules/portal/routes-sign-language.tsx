import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { multipartCsrfMatches } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { formTexts } from '../../http/validation.js';
import { easyReadTopics } from './easy-read.js';
import { pageEditors } from './policy.js';
import { removeSignLanguageVideo, saveSignLanguageVideo, signLanguageVideoBytes } from './sign-language.js';
import { maximumVideoBytes } from './video.js';

/**
 * The DGS videos of the Leichte Sprache explanations: staff upload and remove
 * them (on the explanation's page, /admin/leichte-sprache/:topic), everyone
 * plays them from /leichte-sprache/:topic/video, served with byte ranges.
 */

const topicParams = z.object({ topic: z.enum(easyReadTopics) });

export async function signLanguageRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const back = (topic: string, outcome: string) => `/admin/leichte-sprache/${topic}?video=${outcome}#sign-language`;

  app.post('/admin/leichte-sprache/:topic/video', { config: { access: pageEditors, csrfInMultipart: true }, schema: { params: topicParams, hide: true } }, async (request, reply) => {
    const form = await readVideoForm(request);
    if (!form.unreadable && !multipartCsrfMatches(request, form.fields._csrf)) throw new HttpProblem(403, 'csrf');
    const refuse = (code: string) => reply.redirect(back(request.params.topic, code), 303);
    if (form.unreadable) return refuse('unreadableForm');
    if (form.tooLarge) return refuse('videoTooLarge');
    if (!form.video) return refuse('videoMissing');
    const saved = await saveSignLanguageVideo(app.db, { accountId: request.account!.id }, request.params.topic, { bytes: form.video, enteredDuration: form.fields.duration ?? '' });
    return refuse(saved.ok ? 'saved' : saved.problem);
  });

  app.post('/admin/leichte-sprache/:topic/video/delete', { config: { access: pageEditors }, schema: { params: topicParams, body: formTexts, hide: true } }, async (request, reply) => {
    await removeSignLanguageVideo(app.db, { accountId: request.account!.id }, request.params.topic);
    return reply.redirect(back(request.params.topic, 'removed'), 303);
  });

  app.get('/leichte-sprache/:topic/video', { config: { access: 'public' }, schema: { params: topicParams } }, async (request, reply) => {
    const whole = await signLanguageVideoBytes(app.db, request.params.topic, { start: 0, end: 0 });
    if (!whole) throw new HttpProblem(404, 'notFound');
    const size = whole.byte_size;
    reply.type(whole.media_type).header('accept-ranges', 'bytes').header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=3600');
    const range = rangeOf(request.headers.range, size);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
    if (!range) return reply.send(Buffer.from((await signLanguageVideoBytes(app.db, request.params.topic))!.bytes));
    const part = await signLanguageVideoBytes(app.db, request.params.topic, range);
    return reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).send(Buffer.from(part!.bytes));
  });
}

/** One range of the Range header ("bytes=0-", "bytes=100-199", "bytes=-500"); several ranges are answered whole. */
export function rangeOf(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

async function readVideoForm(request: FastifyRequest) {
  const form: { fields: Record<string, string>; video?: Buffer; tooLarge: boolean; unreadable: boolean } = { fields: {}, tooLarge: false, unreadable: !request.isMultipart() };
  if (form.unreadable) return form;
  // throwFileSizeLimit is read per call by @fastify/multipart but missing from its types
  const options = { limits: { fileSize: maximumVideoBytes, files: 1, fields: 10 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
  try {
    for await (const part of request.parts(options)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') form.fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      if (!part.filename && bytes.length === 0) continue; // a file input left empty
      if (part.file.truncated) form.tooLarge = true;
      else if (part.fieldname === 'video') form.video = bytes;
    }
  } catch (error) {
    request.log.info({ err: error }, 'sign-language video form unreadable');
    form.unreadable = true;
  }
  return form;
}
