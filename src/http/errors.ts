import { ClientGone, HeavyWorkRefused, refusedAnswer } from './load.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { translator, type Translate } from '../i18n/index.js';
import { wantsJson } from './access.js';
import { renderPage } from './render.js';
import { ErrorPage } from '../ui/error-page.js';
import { validationIssues, type FieldIssue } from './validation.js';
import { DomainError } from '../modules/domain-error.js';

export type ProblemKind = 'notFound' | 'forbidden' | 'signInRequired' | 'csrf' | 'rateLimit' | 'badRequest' | 'server';

/** An error meant for the user: a status and a translated explanation. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly kind: ProblemKind,
    readonly detail?: string,
    /** Field by field, for a failed schema validation (German and English). */
    readonly issues?: { issue: FieldIssue; english: FieldIssue }[],
  ) {
    super(kind);
  }
}

/**
 * The HTTP status of a DomainError (src/modules/domain-error.ts), by module
 * and code: the one table for every module. A code not listed is something
 * the user can fix in the request: 400.
 */
const domainErrorStatuses: Record<string, number> = {
  'organisations.notFound': 404,
  'registrations.eventNotFound': 404,
  'registrations.tokenUnknown': 404,
  'registrations.registrationNotFound': 404,
};

export const statusOf = (error: DomainError): number => domainErrorStatuses[`${error.module}.${error.code}`] ?? 400;

const titles: Record<ProblemKind, string> = {
  notFound: 'errors.notFoundTitle',
  forbidden: 'errors.forbiddenTitle',
  signInRequired: 'errors.forbiddenTitle',
  csrf: 'errors.csrfTitle',
  rateLimit: 'errors.rateLimitTitle',
  badRequest: 'errors.badRequestTitle',
  server: 'errors.serverTitle',
};

/**
 * Every error becomes a page or a JSON problem in the user's language; the
 * cause goes to the log with a reference, never a stack trace to the user.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new HttpProblem(404, 'notFound')));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(request, reply, error);
    if (error instanceof HeavyWorkRefused || error instanceof ClientGone) return refusedAnswer(request, reply, error);
    if (error instanceof DomainError) return sendDomainError(request, reply, error);
    if (error.statusCode === 429) return sendProblem(request, reply, new HttpProblem(429, 'rateLimit'));
    if (error.validation?.length) {
      request.t ??= translator('de');
      const english = validationIssues(error, translator('en'));
      const issues = validationIssues(error, request.t).map((issue, index) => ({ issue, english: english[index]! }));
      return sendProblem(request, reply, new HttpProblem(400, 'badRequest', undefined, issues));
    }
    if (error.code === 'FST_ERR_VALIDATION' || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return sendProblem(request, reply, new HttpProblem(error.statusCode && error.statusCode < 500 ? error.statusCode : 400, 'badRequest', error.message));
    }
    const reference = randomBytes(4).toString('hex');
    request.log.error({ err: error, reference }, 'request failed');
    return sendProblem(request, reply, new HttpProblem(500, 'server', reference));
  });
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem) {
  // Errors raised before the request context exists (the rate limit runs
  // first) still get a translated page: German, the default language.
  request.t ??= translator('de');
  const t = request.t;
  const english = translator('en');
  const messageIn = (translate: Translate, issues: FieldIssue[] | undefined) =>
    problem.kind === 'server'
      ? translate('errors.server', { id: problem.detail })
      : problem.kind === 'badRequest'
        ? issues
          ? [translate('validation.intro'), ...issues.map((issue) => issue.message)].join(' ')
          : translate('errors.badRequest', { detail: problem.detail ?? '' })
        : translate(`errors.${problem.kind}`);
  const localIssues = problem.issues?.map((entry) => entry.issue);
  const englishIssues = problem.issues?.map((entry) => entry.english);
  const message = messageIn(t, localIssues);
  const title = t(titles[problem.kind]);
  reply.code(problem.statusCode);
  if (wantsJson(request)) {
    return reply.send({
      error: problem.kind,
      message,
      message_en: messageIn(english, englishIssues),
      ...(problem.issues
        ? { issues: problem.issues.map(({ issue, english: en }) => ({ field: issue.field, location: issue.location, code: issue.code, message: issue.message, message_en: en.message })) }
        : {}),
    });
  }
  const pageMessage = localIssues ? t('validation.intro') : message;
  return renderPage(request, reply, { title, body: ErrorPage({ title, message: pageMessage, details: localIssues?.map((issue) => issue.message), t, role: request.account?.role ?? null, csrfToken: request.csrfToken }) });
}

/**
 * A DomainError no route turned into its own page: the status from the
 * table, the message in the reader's language (JSON: also in English, and the
 * code and field a client can act on).
 */
function sendDomainError(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  request.t ??= translator('de');
  const t = request.t;
  const status = statusOf(error);
  reply.code(status);
  if (wantsJson(request)) return reply.send({ error: `${error.module}.${error.code}`, field: error.field, message: error.in(t), message_en: error.in(translator('en')) });
  const title = t(status === 404 ? titles.notFound : titles.badRequest);
  return renderPage(request, reply, { title, body: ErrorPage({ title, message: error.in(t), t, role: request.account?.role ?? null, csrfToken: request.csrfToken }) });
}
