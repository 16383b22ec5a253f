import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import type { Translate } from '../../i18n/index.js';
import type { FieldError } from '../../ui/forms.js';
import { DomainError } from '../domain-error.js';
import { confirmationState, confirmSubscription, mailUnsubscribeLink, renewConfirmation, requestSubscription, unsubscribe } from './commands/subscription.js';
import { archive, archivedIssue } from './queries.js';
import { newsletterLanguages, type NewsletterLanguage } from './tables.js';
import { ArchivedIssuePage, ArchivePage, ConfirmOutcomePage, MessagePage, SignUpPage, UnsubscribeByAddressPage } from './views/public.js';

/**
 * The public newsletter pages (no account): sign-up with double opt-in,
 * the confirmation link, unsubscribing, and the archive. Every change is a
 * POST: a link scanner that follows the links of a mail (listmonk #1078)
 * neither confirms nor unsubscribes anybody.
 */

const text = z.string().max(400).optional();
const signUpBody = z.object({ _csrf: text, email: text, language: text, region: text, topics: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]).optional() });
const emailBody = z.object({ _csrf: text, email: text });
// RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click"; a browser sends the form's _csrf
const oneClickBody = z.object({ _csrf: text, 'List-Unsubscribe': text }).passthrough();
const tokenParams = z.object({ token: z.string().max(200) });
const issueParams = z.object({ id: z.coerce.number().int() });
const limited = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

const readerLanguage = (language: string): NewsletterLanguage => ((newsletterLanguages as readonly string[]).includes(language) ? (language as NewsletterLanguage) : 'de');
const message = (t: Translate, error: DomainError): FieldError => ({ field: error.field ?? 'email', message: t(`newsletter.errors.${error.code}`, error.parameters) });

export async function publicNewsletterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = () => ({ baseUrl: app.settings.baseUrl, now: new Date() });
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren) => {
    // the secret of a confirmation or unsubscribe link never travels on in a Referer
    reply.header('referrer-policy', 'no-referrer');
    return renderPage(request, reply, { title, body });
  };
  const note = (request: FastifyRequest, reply: FastifyReply, key: string, kind: 'info' | 'success' = 'info') =>
    page(request, reply, request.t(`newsletter.${key}Title`), <MessagePage t={request.t} language={request.language} kind={kind} title={request.t(`newsletter.${key}Title`)} text={request.t(`newsletter.${key}`)} />);

  app.get('/newsletter', { config: { access: 'public' } }, async (request, reply) =>
    page(request, reply, request.t('newsletter.signup.title'), <SignUpPage t={request.t} language={request.language} csrfToken={request.csrfToken} values={{}} />),
  );

  app.post('/newsletter', { config: { access: 'public', ...limited(10) }, schema: { body: signUpBody, hide: true } }, async (request, reply) => {
    const body = request.body;
    const values = { email: body.email ?? '', language: body.language, region: body.region ?? '', topics: [body.topics ?? []].flat() };
    const errors: FieldError[] = [];
    if (!(newsletterLanguages as readonly string[]).includes(values.language ?? '')) errors.push({ field: 'language', message: request.t('newsletter.errors.language') });
    if (errors.length === 0) {
      try {
        await requestSubscription(app.db, { email: values.email, language: values.language as NewsletterLanguage, topics: values.topics, region: values.region || null }, context());
        return reply.redirect('/newsletter/sent', 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push(message(request.t, error));
      }
    }
    reply.code(400);
    return page(request, reply, request.t('newsletter.signup.title'), <SignUpPage t={request.t} language={request.language} csrfToken={request.csrfToken} values={values} errors={errors} />);
  });

  app.get('/newsletter/sent', { config: { access: 'public' } }, async (request, reply) =>
    page(request, reply, request.t('newsletter.sent.title'), <MessagePage t={request.t} language={request.language} title={request.t('newsletter.sent.title')} text={`${request.t('newsletter.sent.body')} ${request.t('newsletter.sent.spam')}`} />),
  );

  const confirmPage = (request: FastifyRequest, reply: FastifyReply, token: string, outcome: Parameters<typeof ConfirmOutcomePage>[0]['outcome']) =>
    page(request, reply, request.t('newsletter.confirm.title'), <ConfirmOutcomePage t={request.t} language={request.language} outcome={outcome} token={token} csrfToken={request.csrfToken} />);

  app.get('/newsletter/confirm/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const { token } = request.params;
    return confirmPage(request, reply, token, await confirmationState(app.db, token, new Date()));
  });

  app.post('/newsletter/confirm/:token', { config: { access: 'public', ...limited(30) }, schema: { params: tokenParams, body: emailBody, hide: true } }, async (request, reply) => {
    const { token } = request.params;
    const outcome = await confirmSubscription(app.db, token, { now: new Date(), ip: request.ip, baseUrl: app.settings.baseUrl });
    if (outcome === 'confirmed') return reply.redirect('/newsletter/confirmed', 303);
    reply.code(outcome === 'unknown' ? 404 : 410);
    return confirmPage(request, reply, token, outcome);
  });

  app.get('/newsletter/confirmed', { config: { access: 'public' } }, async (request, reply) => note(request, reply, 'confirm.done', 'success'));

  app.post('/newsletter/confirm/:token/renew', { config: { access: 'public', ...limited(10) }, schema: { params: tokenParams, body: emailBody, hide: true } }, async (request, reply) => {
    await renewConfirmation(app.db, request.params.token, context());
    return reply.redirect('/newsletter/renewed', 303);
  });

  app.get('/newsletter/renewed', { config: { access: 'public' } }, async (request, reply) => note(request, reply, 'confirm.renewed'));

  const byAddress = (request: FastifyRequest, reply: FastifyReply, email?: string, errors?: FieldError[]) =>
    page(request, reply, request.t('newsletter.unsubscribe.byAddressTitle'), <UnsubscribeByAddressPage t={request.t} language={request.language} csrfToken={request.csrfToken} email={email} errors={errors} />);

  app.get('/newsletter/unsubscribe', { config: { access: 'public' } }, async (request, reply) => byAddress(request, reply));

  app.post('/newsletter/unsubscribe', { config: { access: 'public', ...limited(10) }, schema: { body: emailBody, hide: true } }, async (request, reply) => {
    const email = (request.body.email ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      reply.code(400);
      return byAddress(request, reply, email, [{ field: 'email', message: request.t('newsletter.errors.email') }]);
    }
    // the same answer whether or not the address is subscribed
    await mailUnsubscribeLink(app.db, email, context());
    return reply.redirect('/newsletter/unsubscribe-sent', 303);
  });

  app.get('/newsletter/unsubscribe-sent', { config: { access: 'public' } }, async (request, reply) => note(request, reply, 'unsubscribe.byAddressSent'));

  // The page behind the link: one button, the same for every token (a GET never unsubscribes).
  app.get('/newsletter/unsubscribe/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const t = request.t;
    return page(
      request,
      reply,
      t('newsletter.unsubscribe.title'),
      <MessagePage t={t} language={request.language} title={t('newsletter.unsubscribe.title')} text={t('newsletter.unsubscribe.intro')} form={{ action: `/newsletter/unsubscribe/${request.params.token}`, csrfToken: request.csrfToken, label: t('newsletter.unsubscribe.submit') }} />,
    );
  });

  // RFC 8058 one-click: POSTed by the mail provider without cookie or token (config.csrf, src/http/context.ts)
  app.post(
    '/newsletter/unsubscribe/:token',
    { config: { access: 'public', csrf: 'secretInPath', ...limited(60) }, schema: { params: tokenParams, body: oneClickBody.optional(), hide: true } },
    async (request, reply) => {
      await unsubscribe(app.db, request.params.token, { now: new Date() });
      if (request.body?.['List-Unsubscribe'] === 'One-Click') return note(request, reply, 'unsubscribe.done', 'success');
      return reply.redirect('/newsletter/unsubscribed', 303);
    },
  );

  app.get('/newsletter/unsubscribed', { config: { access: 'public' } }, async (request, reply) => note(request, reply, 'unsubscribe.done', 'success'));

  app.get('/newsletter/archive', { config: { access: 'public' } }, async (request, reply) =>
    page(request, reply, request.t('newsletter.archive.title'), <ArchivePage t={request.t} language={request.language} issues={await archive(app.db, readerLanguage(request.language))} />),
  );

  app.get('/newsletter/archive/:id', { config: { access: 'public' }, schema: { params: issueParams } }, async (request, reply) => {
    const issue = await archivedIssue(app.db, request.params.id, readerLanguage(request.language));
    if (!issue) throw new HttpProblem(404, 'notFound');
    return page(request, reply, issue.subject, <ArchivedIssuePage t={request.t} language={request.language} issue={{ ...issue, language: issue.language as NewsletterLanguage }} />);
  });
}
