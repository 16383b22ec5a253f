import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../db/tables.js';
import { renderPage } from '../../http/render.js';
import { languageCookie, languageCookieOptions, sessionCookie } from '../../http/context.js';
import { HttpProblem } from '../../http/errors.js';
import { publicLanguages } from '../../i18n/index.js';
import { allowedLanguage, rememberAccountLanguage } from './language.js';
import { findAccountByCredentials, setPasswordWithToken } from './accounts.js';
import { demoAccount, demoAccountExists } from './demo-account.js';
import { sameOriginPath } from './next-path.js';
import { endSession, startSession } from './sessions.js';
import { writeAudit } from './audit.js';
import { requestPasswordReset } from './password-reset.js';
import { createSignInThrottle, createWindowLimit } from './sign-in-throttle.js';
import { ForgotPasswordPage, SetPasswordPage, SignInBlockedPage, SignInPage } from './views.js';

const signInBody = z.object({ email: z.string().trim().max(320), password: z.string().max(1000), next: z.string().optional(), _csrf: z.string().optional() });
const forgotPasswordBody = z.object({ email: z.string().trim().max(320).default(''), _csrf: z.string().optional() });
const signInQuery = z.object({ next: z.string().optional(), signedOut: z.string().optional(), passwordSet: z.string().optional() });
const setPasswordQuery = z.object({ token: z.string().optional() });
const languageBody = z.object({ language: z.enum(publicLanguages), next: z.string().max(2000).optional(), _csrf: z.string().optional() });
const setPasswordBody = z.object({ token: z.string().max(200), password: z.string().max(1000), confirm: z.string().max(1000), _csrf: z.string().optional() });

/**
 * Only same-site paths are followed after sign-in (no open redirect).
 * Without one, representatives go to their own area (they have no dashboard).
 */
const safeNext = (next: string | undefined, role: Role) => sameOriginPath(next) ?? (role === 'representative' ? '/my' : '/dashboard');

export async function identityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const throttle = createSignInThrottle({
    maxFailures: app.settings.MOSAIK_SIGNIN_ACCOUNT_LIMIT,
    windowMs: 15 * 60_000,
    longestBlockMs: 4 * 60 * 60_000,
    perAddressPerMinute: app.settings.MOSAIK_SIGNIN_RATE_LIMIT,
  });
  // reset links: a few per typed address (a mailbox is not flooded), more per client address
  const resetsPerEmail = createWindowLimit({ limit: 3, windowMs: 60 * 60_000 });
  const resetsPerAddress = createWindowLimit({ limit: 30, windowMs: 60 * 60_000 });
  const showDemo = async () => app.settings.MOSAIK_DEMO && (await demoAccountExists(app.db));

  app.get('/sign-in', { config: { access: 'public' }, schema: { querystring: signInQuery } }, async (request, reply) => {
    const query = request.query;
    const signedOutEverywhere = query.signedOut === 'everywhere';
    return renderPage(request, reply, {
      title: request.t('identity.signIn.title'),
      body: SignInPage({ t: request.t, csrfToken: request.csrfToken, next: sameOriginPath(query.next), demo: (await showDemo()) ? demoAccount : null, signedOut: query.signedOut === '1' || signedOutEverywhere, signedOutEverywhere, passwordSet: query.passwordSet === '1' }),
    });
  });

  app.post(
    '/sign-in',
    {
      // limited by the throttle below, per account and address and per address
      config: { access: 'public' },
      schema: { body: signInBody, hide: true },
    },
    async (request, reply) => {
      const body = request.body;
      const now = Date.now();
      const verdict = throttle.check(body.email, request.ip, now);
      if (!verdict.allowed) {
        const minutes = Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000));
        reply.code(429).header('retry-after', String(Math.ceil(verdict.retryAfterMs / 1000)));
        return renderPage(request, reply, { title: request.t('identity.signInBlocked.title'), body: SignInBlockedPage({ t: request.t, reason: verdict.reason, minutes }) });
      }
      const account = await findAccountByCredentials(app.db, body.email, body.password);
      if (!account) throttle.failed(body.email, request.ip, now);
      else throttle.succeeded(body.email, request.ip);
      if (!account) {
        await writeAudit(app.db, { accountId: null, action: 'account.sign_in_failed', subjectType: 'account', details: {} });
        reply.code(401);
        return renderPage(request, reply, {
          title: request.t('identity.signIn.title'),
          body: SignInPage({ t: request.t, csrfToken: request.csrfToken, next: sameOriginPath(body.next), demo: (await showDemo()) ? demoAccount : null, failed: true, email: body.email }),
        });
      }
      // a language chosen on the pages before signing in (the cookie) becomes the account's: the last choice wins
      const chosen = allowedLanguage(request.cookies[languageCookie], account.role);
      if (chosen) await rememberAccountLanguage(app.db, account.id, chosen);
      const token = await startSession(app.db, account.id, app.settings.MOSAIK_SESSION_HOURS);
      reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.settings.secureCookies, maxAge: app.settings.MOSAIK_SESSION_HOURS * 3600 });
      await writeAudit(app.db, { accountId: account.id, action: 'account.sign_in', subjectType: 'account', subjectId: account.id });
      return reply.redirect(safeNext(body.next, account.role), 303);
    },
  );

  app.post('/sign-out', { config: { access: 'signedIn' }, schema: { hide: true } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await endSession(app.db, token);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.redirect('/sign-in?signedOut=1', 303);
  });

  /**
   * The language switch in the header of a signed-in page (docs/languages.md):
   * the choice is kept in the cookie (this browser) and on the account (its
   * mails, other devices, the next sign-in), then the same page shows again.
   */
  app.post('/language', { config: { access: 'signedIn' }, schema: { body: languageBody, hide: true } }, async (request, reply) => {
    const account = request.account!;
    const chosen = allowedLanguage(request.body.language, account.role);
    if (!chosen) throw new HttpProblem(400, 'badRequest', request.t('nav.languageNotOffered'));
    reply.setCookie(languageCookie, chosen, languageCookieOptions);
    await rememberAccountLanguage(app.db, account.id, chosen);
    return reply.redirect(safeNext(request.body.next, account.role), 303);
  });

  app.get('/forgot-password', { config: { access: 'public' } }, async (request, reply) =>
    renderPage(request, reply, { title: request.t('identity.forgotPassword.title'), body: ForgotPasswordPage({ t: request.t, csrfToken: request.csrfToken }) }),
  );

  app.post('/forgot-password', { config: { access: 'public' }, schema: { body: forgotPasswordBody, hide: true } }, async (request, reply) => {
    const body = request.body;
    const title = request.t('identity.forgotPassword.title');
    if (body.email === '') {
      reply.code(400);
      return renderPage(request, reply, { title, body: ForgotPasswordPage({ t: request.t, csrfToken: request.csrfToken, missing: true }) });
    }
    const now = Date.now();
    const byAddress = resetsPerAddress.take(request.ip, now);
    if (!byAddress.allowed) {
      reply.code(429).header('retry-after', String(Math.ceil(byAddress.retryAfterMs / 1000)));
      return renderPage(request, reply, {
        title: request.t('identity.signInBlocked.title'),
        body: SignInBlockedPage({ t: request.t, reason: 'resetAddress', minutes: Math.max(1, Math.ceil(byAddress.retryAfterMs / 60_000)) }),
      });
    }
    // beyond the limit for one e-mail nothing more is sent, and the answer stays the same
    if (resetsPerEmail.take(body.email.toLowerCase(), now).allowed) {
      await requestPasswordReset(app.db, body.email, { baseUrl: app.settings.baseUrl, language: request.language });
    }
    return renderPage(request, reply, { title, body: ForgotPasswordPage({ t: request.t, csrfToken: request.csrfToken, sent: true }) });
  });

  app.get('/set-password', { config: { access: 'public' }, schema: { querystring: setPasswordQuery } }, async (request, reply) => {
    const { token = '' } = request.query;
    return renderPage(request, reply, { title: request.t('identity.setPassword.title'), body: SetPasswordPage({ t: request.t, csrfToken: request.csrfToken, token }) });
  });

  app.post(
    '/set-password',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { body: setPasswordBody, hide: true } },
    async (request, reply) => {
      const body = request.body;
      const result = body.password !== body.confirm ? 'mismatch' : await setPasswordWithToken(app.db, body.token, body.password, request.language);
      if (result === 'ok') return reply.redirect('/sign-in?passwordSet=1', 303);
      reply.code(400);
      return renderPage(request, reply, { title: request.t('identity.setPassword.title'), body: SetPasswordPage({ t: request.t, csrfToken: request.csrfToken, token: body.token, problem: result }) });
    },
  );
}
