import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { approvePost, decideReports, rejectPost } from './commands/moderation.js';
import { formInputOf, parseWith, rejectSchema, settingsSchema, type FormError, type FormInput } from './form.js';
import { moderatorRoles } from './policy.js';
import { findPost, pendingPosts, pinboardFigures, reportedPosts } from './queries.js';
import { postIdParams } from './routes.js';
import { readPinboardSettings, savePinboardSettings } from './settings.js';
import { SettingsPage, StaffPage } from './views/staff.js';

/** Moderation by centre staff: the queue, reports, the figures (matches) and the settings. Staff pages: German and English. */

const noticeQuery = z.object({ done: z.string().max(40).optional().catch(undefined) });
const access = { access: moderatorRoles };

export async function staffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function showStaff(request: FastifyRequest, reply: FastifyReply, options: { done?: string; rejecting?: { id: number; input: FormInput; errors: FormError[] } } = {}) {
    if (options.rejecting) reply.code(400);
    const [pending, reported, figures] = await Promise.all([pendingPosts(app.db), reportedPosts(app.db), pinboardFigures(app.db)]);
    return renderPage(request, reply, {
      title: options.rejecting ? request.t('pinboard.errorPrefix', { title: request.t('pinboard.staff.title') }) : request.t('pinboard.staff.title'),
      body: StaffPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, pending, reported, figures, rejecting: options.rejecting, done: options.done }),
    });
  }

  /** The post, looked up before the body is read: an unknown id is 404 whatever is sent. */
  async function existingPost(id: number) {
    const post = await findPost(app.db, id);
    if (!post) throw new HttpProblem(404, 'notFound');
    return post;
  }

  app.get('/staff/pinboard', { config: access, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) => showStaff(request, reply, { done: request.query.done }));

  app.post('/staff/pinboard/:id/approve', { config: access, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const post = await existingPost(request.params.id);
    const outcome = await approvePost(app.db, request.account!.id, post.id, new Date());
    return reply.redirect(`/staff/pinboard?done=${outcome.ok ? 'approved' : 'alreadyDecided'}`, 303);
  });

  app.post('/staff/pinboard/:id/reject', { config: access, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const post = await existingPost(request.params.id);
    const input = formInputOf(request.body);
    const parsed = parseWith(rejectSchema, input);
    if (!parsed.ok) return showStaff(request, reply, { rejecting: { id: post.id, input, errors: parsed.errors } });
    const outcome = await rejectPost(app.db, request.account!.id, post.id, parsed.value.reason);
    return reply.redirect(`/staff/pinboard?done=${outcome.ok ? 'rejected' : 'alreadyDecided'}`, 303);
  });

  app.post('/staff/pinboard/:id/reports', { config: access, schema: { params: postIdParams, body: anyFields, hide: true } }, async (request, reply) => {
    const post = await existingPost(request.params.id);
    const decision = formInputOf(request.body).decision;
    if (decision !== 'kept' && decision !== 'removed') throw new HttpProblem(400, 'badRequest');
    await decideReports(app.db, request.account!.id, post.id, decision, new Date());
    return reply.redirect(`/staff/pinboard?done=${decision}`, 303);
  });

  const settingsInput = async (): Promise<FormInput> => {
    const settings = await readPinboardSettings(app.db);
    return {
      expiry_days: String(settings.expiryDays), reminder_days: String(settings.reminderDays),
      messages_per_account_hour: String(settings.messagesPerAccountHour), messages_per_post_day: String(settings.messagesPerPostDay),
    };
  };

  app.get('/staff/pinboard/settings', { config: access, schema: { querystring: noticeQuery, hide: true } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('pinboard.settings.title'), body: SettingsPage({ t: request.t, csrfToken: request.csrfToken, input: await settingsInput(), errors: [], done: request.query.done }) }),
  );

  app.post('/staff/pinboard/settings', { config: access, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const input = formInputOf(request.body);
    const parsed = parseWith(settingsSchema, input);
    const errors: FormError[] = parsed.ok ? [] : parsed.errors;
    if (parsed.ok && parsed.value.reminder_days >= parsed.value.expiry_days) errors.push({ field: 'reminder_days', code: 'reminderBeforeExpiry' });
    if (!parsed.ok || errors.length > 0) {
      reply.code(400);
      return renderPage(request, reply, { title: request.t('pinboard.errorPrefix', { title: request.t('pinboard.settings.title') }), body: SettingsPage({ t: request.t, csrfToken: request.csrfToken, input, errors }) });
    }
    const value = parsed.value;
    await savePinboardSettings(app.db, request.account!.id, {
      expiryDays: value.expiry_days, reminderDays: value.reminder_days, messagesPerAccountHour: value.messages_per_account_hour, messagesPerPostDay: value.messages_per_post_day,
    });
    return reply.redirect('/staff/pinboard/settings?done=settings', 303);
  });
}
