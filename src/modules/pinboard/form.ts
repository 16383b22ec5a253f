import { z } from 'zod';
import { publicLanguages } from '../../i18n/index.js';
import { postKinds, reportReasons, roomKinds, topics, type PostKind, type ReportReason, type Topic } from './vocabulary.js';

/**
 * The pinboard's forms, read by one Zod schema each (shared by the pages, the
 * tests and the demo). A problem is a field and a code
 * (pinboard.errors.<code>), so that the page names the field and says the
 * fix in the reader's language; the input is kept to show it again.
 *
 * Posts are plain text: the page escapes everything, and text that looks like
 * markup (a <script>, any tag) or a link with a scheme that runs code
 * (javascript:, data:, vbscript:) is refused with a message saying so, rather
 * than silently changed — the author sees exactly what will be published.
 */

export interface FormError {
  field: string;
  code: string;
  values?: Record<string, string | number>;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };
export type FormInput = Record<string, string>;

/** The texts of a submitted form (a repeated field counts once: its first value). */
export function formInputOf(body: unknown): FormInput {
  const input: FormInput = {};
  if (!body || typeof body !== 'object') return input;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') input[key] = first;
  }
  return input;
}

const markup = /<\s*\/?\s*[a-z!?][^>]*>|<\s*script/i;
const dangerousScheme = /(?:^|[\s("'<=])(?:javascript|data|vbscript|file)\s*:/i;
// letters that hide text or turn its direction (a spoofed link): allowed only as the Arabic text needs them, not raw controls
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Why a free text cannot be published as it is, or null. */
export function unsafeTextProblem(text: string): string | null {
  if (markup.test(text)) return 'markup';
  if (dangerousScheme.test(text)) return 'dangerousLink';
  if (controlCharacters.test(text)) return 'controlCharacters';
  return null;
}

const safeText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .superRefine((value, context) => {
      if (value.length < min) context.addIssue({ code: 'custom', message: min <= 1 ? 'required' : 'tooShort', params: { min } });
      else if (value.length > max) context.addIssue({ code: 'custom', message: 'tooLong', params: { max } });
      const problem = unsafeTextProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
const optionalText = (max: number) => safeText(0, max).transform((value) => (value === '' ? null : value));

export const postSchema = z
  .object({
    organisation_id: z.coerce.number({ message: 'organisation' }).int().positive({ message: 'organisation' }),
    kind: z.enum(postKinds, { message: 'kind' }),
    lang: z.enum(publicLanguages, { message: 'lang' }),
    title: safeText(3, 120),
    body: safeText(10, 4000),
    district: z.string().trim().max(120).transform((value) => (value === '' ? null : value)),
    topics: z.array(z.enum(topics)).max(topics.length),
    room_size: z
      .string()
      .trim()
      .refine((value) => value === '' || (/^\d{1,5}$/.test(value) && Number(value) >= 1), { message: 'roomSize' })
      .transform((value) => (value === '' ? null : Number(value))),
    accessible: z.enum(['', 'yes', 'no']).transform((value) => (value === '' ? null : value === 'yes')),
    available_when: optionalText(200),
    fair_name: optionalText(120),
  })
  .superRefine((post, context) => {
    if ((roomKinds as readonly string[]).includes(post.kind) && post.district === null) context.addIssue({ code: 'custom', path: ['district'], message: 'districtForRoom' });
    if (post.kind === 'fair_exhibitor' && post.fair_name === null) context.addIssue({ code: 'custom', path: ['fair_name'], message: 'fairName' });
  });
export type PostInput = z.infer<typeof postSchema>;

/** The post form's fields as Zod reads them: topics from their checkboxes (topic_<token> = yes, which survives a multipart form). */
function postShape(input: FormInput) {
  return {
    organisation_id: input.organisation_id ?? '',
    kind: input.kind ?? '',
    lang: input.lang ?? '',
    title: input.title ?? '',
    body: input.body ?? '',
    district: input.district ?? '',
    topics: topics.filter((topic) => input[`topic_${topic}`] === 'yes'),
    room_size: input.room_size ?? '',
    accessible: input.accessible ?? '',
    available_when: input.available_when ?? '',
    fair_name: input.fair_name ?? '',
  };
}

function errorsOf(error: z.ZodError): FormError[] {
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    const params = (issue as { params?: Record<string, number> }).params;
    errors.push({ field, code: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid', values: params });
  }
  return errors;
}

export function parsePostForm(input: FormInput, districts: readonly string[]): Parsed<PostInput> {
  const parsed = postSchema.safeParse(postShape(input));
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  if (parsed.data.district !== null && !districts.includes(parsed.data.district)) return { ok: false, errors: [{ field: 'district', code: 'district' }] };
  return { ok: true, value: parsed.data };
}

export const contactSchema = z.object({ message: safeText(10, 4000) });
export const rejectSchema = z.object({ reason: safeText(5, 1000) });
export const reportSchema = z.object({ reason: z.enum(reportReasons, { message: 'reportReason' }), note: optionalText(1000) });
export const matchSchema = z.object({ note: optionalText(500) });
export const settingsSchema = z.object({
  expiry_days: z.coerce.number({ message: 'number' }).int({ message: 'number' }).min(7, { message: 'expiryDays' }).max(365, { message: 'expiryDays' }),
  reminder_days: z.coerce.number({ message: 'number' }).int({ message: 'number' }).min(1, { message: 'reminderDays' }).max(30, { message: 'reminderDays' }),
  messages_per_account_hour: z.coerce.number({ message: 'number' }).int({ message: 'number' }).min(1, { message: 'limit' }).max(100, { message: 'limit' }),
  messages_per_post_day: z.coerce.number({ message: 'number' }).int({ message: 'number' }).min(1, { message: 'limit' }).max(1000, { message: 'limit' }),
});

/** Reads one of the small forms; problems by field. */
export function parseWith<T extends z.ZodTypeAny>(schema: T, input: FormInput): Parsed<z.infer<T>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: errorsOf(parsed.error) };
}

/** What an optional picture of a post may be, recognised by its first bytes (as the micro-projects' documents are). */
const imageTypes: { type: string; extensions: string[]; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: 'image/png', extensions: ['png'], matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte) },
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', extensions: ['webp'], matches: (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP' },
];
export const largestImageBytes = 2 * 1024 * 1024;

/** The picture's real type, or the problem: its content must be an image and match its name. */
export function checkImage(file: { name: string; bytes: Uint8Array; tooLarge: boolean }): Parsed<string> {
  const problem = (code: string, values?: Record<string, string | number>): Parsed<string> => ({ ok: false, errors: [{ field: 'image', code, values }] });
  if (file.tooLarge || file.bytes.length > largestImageBytes) return problem('imageTooLarge', { max: largestImageBytes / 1024 / 1024 });
  const actual = imageTypes.find((kind) => kind.matches(file.bytes));
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (!actual || !actual.extensions.includes(extension)) return problem('imageType', { name: file.name.slice(0, 80) });
  return { ok: true, value: actual.type };
}

export type { PostKind, ReportReason, Topic };
