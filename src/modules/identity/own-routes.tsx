import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionCookie } from '../../http/context.js';
import { renderPage } from '../../http/render.js';
import { pageText } from '../../http/validation.js';
import { addressMessage, addressProblem } from '../mail/index.js';
import { changeOwnPassword, confirmEmailChange, endAllSessions, ownAccount, requestEmailChange } from './own-account.js';
import { ConfirmEmailPage, OwnAccountPage, type OwnProblem } from './own-views.js';

/**
 * "Mein Konto" for every signed-in role (/account). Wrong current passwords
 * are limited like set-password links (10 a minute per client address).
 */

const passwordBody = z.object({ current: z.string().max(1000).default(''), password: z.string().max(1000).default(''), confirm: z.string().max(1000).default(''), _csrf: z.string().optional() });
const emailBody = z.object({ current: z.string().max(1000).default(''), email: z.string().max(1000).default(''), _csrf: z.string().optional() });
const confirmBody = z.object({ token: z.string().max(200).default(''), email: z.string().max(320).default(''), _csrf: z.string().optional() });
const accountQuery = z.object({ done: pageText });
const confirmQuery = z.object({ token: pageText, email: pageText });
const newAddressField = { de: 'Neue E-Mail-Adresse', en: 'New e-mail address' };
const limited = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export async function ownAccountRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  async function show(request: FastifyRequest, reply: FastifyReply, extra: { done?: 'password' | 'email'; problem?: OwnProblem; newEmail?: string } = {}) {
    if (extra.problem) reply.code(400);
    const account = await ownAccount(app.db, request.account!.id);
    const title = request.t('accounts.own.title');
    return renderPage(request, reply, {
      title: extra.problem ? request.t('accounts.form.errorPrefix', { title }) : title,
      body: OwnAccountPage({ t: request.t, csrfToken: request.csrfToken, account, ...extra }),
    });
  }

  app.get('/account', { config: { access: 'signedIn' }, schema: { querystring: accountQuery, hide: true } }, async (request, reply) => {
    const done = request.query.done;
    return show(request, reply, { done: done === 'password' || done === 'email' ? done : undefined });
  });

  app.post('/account/password', { config: { access: 'signedIn', ...limited }, schema: { body: passwordBody, hide: true } }, async (request, reply) => {
    const body = request.body;
    const outcome = await changeOwnPassword(app.db, request.account!.id, { ...body, sessionToken: request.cookies[sessionCookie] });
    if (outcome === 'ok') return reply.redirect('/account?done=password', 303);
    const field = outcome === 'wrongPassword' ? 'current' : outcome === 'tooShort' ? 'new' : 'confirm';
    return show(request, reply, { problem: { form: 'password', field, code: outcome } });
  });

  app.post('/account/email', { config: { access: 'signedIn', ...limited }, schema: { body: emailBody, hide: true } }, async (request, reply) => {
    const body = request.body;
    // the one address check of the mail module (no non-ASCII local part, a dotted domain)
    const problem = addressProblem(body.email);
    if (problem) {
      const message = addressMessage(problem, newAddressField, request.language === 'en' ? 'en' : 'de');
      return show(request, reply, { problem: { form: 'email', field: 'new', code: problem, message }, newEmail: body.email });
    }
    const outcome = await requestEmailChange(app.db, request.account!.id, { current: body.current, email: body.email, baseUrl: app.settings.baseUrl });
    if (outcome === 'ok') return reply.redirect('/account?done=email', 303);
    return show(request, reply, { problem: { form: 'email', field: outcome === 'wrongPassword' ? 'current' : 'new', code: outcome }, newEmail: body.email });
  });

  app.post('/account/sign-out-everywhere', { config: { access: 'signedIn' }, schema: { hide: true } }, async (request, reply) => {
    await endAllSessions(app.db, request.account!.id);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.redirect('/sign-in?signedOut=everywhere', 303);
  });

  // public: the link may be opened in a browser where nobody is signed in; the token is the proof
  app.get('/account/email/confirm', { config: { access: 'public' }, schema: { querystring: confirmQuery, hide: true } }, async (request, reply) => {
    const { token = '', email = '' } = request.query;
    // the page holds the token: never leak it through the Referer header
    reply.header('referrer-policy', 'no-referrer');
    return renderPage(request, reply, {
      title: request.t('accounts.own.confirm.title'),
      body: ConfirmEmailPage({ t: request.t, csrfToken: request.csrfToken, token: String(token).slice(0, 200), email: String(email).slice(0, 320), signedIn: request.account !== null }),
    });
  });

  app.post('/account/email/confirm', { config: { access: 'public', ...limited }, schema: { body: confirmBody, hide: true } }, async (request, reply) => {
    const body = request.body;
    const result = await confirmEmailChange(app.db, body.token, body.email);
    if (result.outcome !== 'ok') reply.code(400);
    return renderPage(request, reply, {
      title: request.t('accounts.own.confirm.title'),
      body: ConfirmEmailPage({ t: request.t, csrfToken: request.csrfToken, token: '', email: result.outcome === 'ok' ? result.email : body.email, outcome: result.outcome, signedIn: request.account !== null }),
    });
  });
}
