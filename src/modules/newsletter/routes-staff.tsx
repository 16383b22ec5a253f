import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminsOnly, centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import type { FieldError } from '../../ui/forms.js';
import { DomainError } from '../domain-error.js';
import { createIssue, issueTexts, sendTestIssue, textFor, updateIssue, type IssueTexts } from './commands/issues.js';
import { queueIssue, startSending } from './commands/send.js';
import { issueMail, unsubscribeLink } from './mails.js';
import { audienceSize, findIssue, listIssues, subscriberCounts } from './queries.js';
import { changeNewsletterSettings, newsletterSettings } from './settings.js';
import { hessenRegions } from './regions.js';
import { newsletterLanguages, newsletterTopics, type NewsletterLanguage } from './tables.js';
import { IssueForm, IssuePage, IssuesPage, PreviewPage, SettingsPage } from './views/staff.js';

/** Staff pages of the newsletter: write, preview, test and send issues; the settings (admins). */

const text = z.string().max(60_000).optional();
const list = z.union([z.string().max(40), z.array(z.string().max(40)).max(20)]).optional();
const issueBody = z.object(Object.fromEntries([['_csrf', text], ...newsletterLanguages.flatMap((code) => [[`subject_${code}`, text], [`body_${code}`, text]])]) as Record<string, typeof text>);
const issueParams = z.object({ id: z.coerce.number().int() });
const issueQuery = z.object({ saved: z.string().max(5).optional(), tested: z.string().max(5).optional(), queued: z.string().max(10).optional() });
const previewQuery = z.object({ in: z.string().max(5).optional() });
const testBody = z.object({ _csrf: text, language: z.string().max(5).optional() });
const sendBody = z.object({ _csrf: text, topics: list, regions: z.union([z.string().max(60), z.array(z.string().max(60)).max(40)]).optional(), languages: list });
const settingsBody = z.object({ _csrf: text, record_confirm_ip: z.string().max(5).optional(), mails_per_minute: z.string().max(20).optional() });

const textsOf = (body: Record<string, string | undefined>): IssueTexts =>
  Object.fromEntries(newsletterLanguages.map((code) => [code, { subject: body[`subject_${code}`] ?? '', body: body[`body_${code}`] ?? '' }]));
const textsFromMap = (texts: Map<NewsletterLanguage, { subject: string; body: string }>): IssueTexts => Object.fromEntries(texts);
const isLanguageCode = (value: string | undefined): value is NewsletterLanguage => (newsletterLanguages as readonly string[]).includes(value ?? '');

export async function staffNewsletterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = { access: centreStaff };
  const actorOf = (request: FastifyRequest) => ({ accountId: request.account!.id, email: request.account!.email });
  const fieldError = (request: FastifyRequest, error: DomainError): FieldError => ({ field: error.field ?? 'subject_de', message: request.t(`newsletter.errors.${error.code}`, error.parameters) });

  async function issueOf(id: number) {
    const issue = await findIssue(app.db, id);
    if (!issue) throw new HttpProblem(404, 'notFound');
    return issue;
  }

  async function showIssue(request: FastifyRequest, reply: FastifyReply, id: number, extra: { texts?: IssueTexts; errors?: FieldError[]; notice?: string } = {}) {
    const issue = await issueOf(id);
    const texts = extra.texts ?? textsFromMap(await issueTexts(app.db, id));
    const size = await audienceSize(app.db, { topics: [...newsletterTopics], regions: [...hessenRegions], languages: [...newsletterLanguages] });
    return renderPage(request, reply, {
      title: texts.de?.subject || request.t('newsletter.staff.editTitle'),
      body: <IssuePage t={request.t} language={request.language} csrfToken={request.csrfToken} issue={issue} texts={texts} errors={extra.errors} notice={extra.notice} audienceSize={size} />,
    });
  }

  app.get('/newsletter/issues', { config: staff }, async (request, reply) =>
    renderPage(request, reply, {
      title: request.t('newsletter.staff.title'),
      body: <IssuesPage t={request.t} language={request.language} issues={await listIssues(app.db)} counts={await subscriberCounts(app.db)} isAdmin={request.account?.role === 'admin'} />,
    }),
  );

  const newIssuePage = (request: FastifyRequest, reply: FastifyReply, texts: IssueTexts, errors?: FieldError[]) =>
    renderPage(request, reply, {
      title: request.t('newsletter.staff.newTitle'),
      body: (
        <>
          <h1 class="kern-heading-large">{request.t('newsletter.staff.newTitle')}</h1>
          <IssueForm t={request.t} language={request.language} csrfToken={request.csrfToken} action="/newsletter/issues" texts={texts} errors={errors} />
        </>
      ),
    });

  app.get('/newsletter/issues/new', { config: staff }, async (request, reply) => newIssuePage(request, reply, {}));

  app.post('/newsletter/issues', { config: staff, schema: { body: issueBody, hide: true } }, async (request, reply) => {
    const texts = textsOf(request.body);
    try {
      const id = await createIssue(app.db, actorOf(request), texts);
      return reply.redirect(`/newsletter/issues/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reply.code(400);
      return newIssuePage(request, reply, texts, [fieldError(request, error)]);
    }
  });

  app.get('/newsletter/issues/:id', { config: staff, schema: { params: issueParams, querystring: issueQuery } }, async (request, reply) => {
    const query = request.query;
    const notice = query.saved ? request.t('newsletter.staff.saved') : query.tested ? request.t('newsletter.staff.testSent') : undefined;
    const settings = await newsletterSettings(app.db);
    const queued = query.queued ? request.t('newsletter.staff.sending', { count: Number(query.queued) || 0, perMinute: settings.mailsPerMinute }) : undefined;
    return showIssue(request, reply, request.params.id, { notice: notice ?? queued });
  });

  app.post('/newsletter/issues/:id', { config: staff, schema: { params: issueParams, body: issueBody, hide: true } }, async (request, reply) => {
    const texts = textsOf(request.body);
    try {
      await updateIssue(app.db, actorOf(request), request.params.id, texts);
      return reply.redirect(`/newsletter/issues/${request.params.id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'issueNotFound') throw error;
      reply.code(400);
      return showIssue(request, reply, request.params.id, { texts, errors: [fieldError(request, error)] });
    }
  });

  app.get('/newsletter/issues/:id/preview', { config: staff, schema: { params: issueParams, querystring: previewQuery } }, async (request, reply) => {
    const issue = await issueOf(request.params.id);
    const language = isLanguageCode(request.query.in) ? request.query.in : 'de';
    const text = textFor(await issueTexts(app.db, issue.id), language);
    const base = app.settings.baseUrl;
    const mail = issueMail({ to: '', language, ...text, unsubscribe: unsubscribeLink(base, '…'), archive: `${base}/newsletter/archive/${issue.id}` });
    return renderPage(request, reply, { title: `${request.t('newsletter.staff.preview')}: ${text.subject}`, body: <PreviewPage t={request.t} issueId={issue.id} language={language} subject={mail.subject} mailText={mail.text} /> });
  });

  app.post('/newsletter/issues/:id/test', { config: staff, schema: { params: issueParams, body: testBody, hide: true } }, async (request, reply) => {
    const issue = await issueOf(request.params.id);
    const language = isLanguageCode(request.body.language) ? request.body.language : 'de';
    await sendTestIssue(app.db, actorOf(request), issue.id, language, { baseUrl: app.settings.baseUrl });
    return reply.redirect(`/newsletter/issues/${issue.id}?tested=1`, 303);
  });

  app.post('/newsletter/issues/:id/send', { config: staff, schema: { params: issueParams, body: sendBody, hide: true } }, async (request, reply) => {
    const issue = await issueOf(request.params.id);
    const now = new Date();
    try {
      await startSending(app.db, actorOf(request), issue.id, { topics: [request.body.topics ?? []].flat(), regions: [request.body.regions ?? []].flat(), languages: [request.body.languages ?? []].flat() }, now);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'issueNotFound') throw error;
      reply.code(400);
      return showIssue(request, reply, issue.id, { errors: [{ field: error.field ?? 'topics', message: request.t(`newsletter.errors.${error.code}`) }] });
    }
    // queued here at once; should the server stop midway, the scheduled job resumes where it stopped
    const queued = await queueIssue(app.db, issue.id, { baseUrl: app.settings.baseUrl, now });
    return reply.redirect(`/newsletter/issues/${issue.id}?queued=${queued}`, 303);
  });

  const settingsPage = (request: FastifyRequest, reply: FastifyReply, settings: { recordConfirmIp: boolean; mailsPerMinute: string | number }, errors?: FieldError[], notice?: string) =>
    renderPage(request, reply, {
      title: request.t('newsletter.staff.settingsTitle'),
      body: <SettingsPage t={request.t} language={request.language} csrfToken={request.csrfToken} settings={settings} errors={errors} notice={notice} />,
    });

  app.get('/newsletter/settings', { config: { access: adminsOnly }, schema: { querystring: issueQuery } }, async (request, reply) =>
    settingsPage(request, reply, await newsletterSettings(app.db), undefined, request.query.saved ? request.t('newsletter.staff.settingsSaved') : undefined),
  );

  app.post('/newsletter/settings', { config: { access: adminsOnly }, schema: { body: settingsBody, hide: true } }, async (request, reply) => {
    const recordConfirmIp = request.body.record_confirm_ip === 'yes';
    const raw = (request.body.mails_per_minute ?? '').trim();
    const perMinute = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
    if (!(perMinute >= 1 && perMinute <= 10_000)) {
      reply.code(400);
      return settingsPage(request, reply, { recordConfirmIp, mailsPerMinute: raw }, [{ field: 'mails_per_minute', message: request.t('newsletter.staff.perMinuteInvalid') }]);
    }
    await changeNewsletterSettings(app.db, { accountId: request.account!.id }, { recordConfirmIp, mailsPerMinute: perMinute });
    return reply.redirect('/newsletter/settings?saved=1', 303);
  });
}
