import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { isLanguage, translator, type Language } from '../../i18n/index.js';
import type { FieldError } from '../../ui/forms.js';
import { readAnswers, type AnswerError } from './answers.js';
import { eventIdByCode, eventWithForm } from './queries.js';
import { newSubmissionToken, submitOnline, tokenUsed } from './store.js';
import { questionText } from './translations.js';
import { OnlineForm, ThanksPage } from './views/online.js';

/**
 * The online form behind the short link /f/<code>: anonymous, no account, in
 * six languages. One submission per person: the page hands out a random
 * token (hidden field, and a cookie so that a reload keeps it); a second
 * submission with the same token is refused. No IP address is stored.
 */

const tokenPattern = /^[A-Za-z0-9_-]{32}$/;
const cookieName = (code: string) => `mosaik_feedback_${code}`;

/** The form's language: ?lang= among all six, also for signed-in staff trying the link. */
const codeParams = z.object({ code: z.string() });

function useFormLanguage(request: FastifyRequest): Language {
  const wanted = anyFields.parse(request.query).lang;
  if (isLanguage(wanted) && wanted !== request.language) {
    request.language = wanted;
    request.t = translator(wanted);
  }
  return request.language;
}

async function formByCode(request: FastifyRequest) {
  const code = codeParams.parse(request.params).code.toLowerCase();
  const eventId = await eventIdByCode(request.server.db, code);
  const form = eventId === undefined ? undefined : await eventWithForm(request.server.db, eventId);
  if (!form) throw new HttpProblem(404, 'notFound');
  return { code, form };
}

export function answerMessage(t: FastifyRequest['t'], language: Language, error: AnswerError): string {
  const question = questionText(error.question.texts, language);
  const key = error.problem === 'outOfScale' ? 'outOfScale' : error.problem === 'yesNo' ? 'yesNoInvalid' : 'tooLong';
  return t(`feedback.form.${key}`, { question });
}

export async function publicFormRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const showThanks = (request: FastifyRequest, reply: FastifyReply, already: boolean) =>
    renderPage(request, reply, {
      title: already ? request.t('feedback.form.alreadyTitle') : request.t('feedback.form.thanksTitle'),
      body: <ThanksPage t={request.t} already={already} />,
      navigation: false,
    });

  app.get('/f/:code', { config: { access: 'public' }, schema: { params: codeParams } }, async (request, reply) => {
    const language = useFormLanguage(request);
    const { code, form } = await formByCode(request);
    reply.header('cache-control', 'no-store');
    const kept = request.cookies[cookieName(code)];
    if (kept && tokenPattern.test(kept) && (await tokenUsed(app.db, kept))) return showThanks(request, reply, true);
    const token = kept && tokenPattern.test(kept) ? kept : newSubmissionToken();
    reply.setCookie(cookieName(code), token, { path: `/f/${code}`, httpOnly: true, sameSite: 'lax', secure: app.settings.secureCookies, maxAge: 180 * 24 * 3600 });
    return renderPage(request, reply, {
      title: request.t('feedback.form.title', { title: form.event.title }),
      body: <OnlineForm t={request.t} language={language} code={code} csrfToken={request.csrfToken} submissionToken={token} event={form.event} questions={form.questions} />,
      navigation: false,
    });
  });

  app.post('/f/:code', { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { params: codeParams, body: anyFields } }, async (request, reply) => {
    const language = useFormLanguage(request);
    const { code, form } = await formByCode(request);
    const body = request.body;
    const token = typeof body.token === 'string' ? body.token : '';
    if (!tokenPattern.test(token)) throw new HttpProblem(400, 'badRequest', 'token');
    const { answers, errors, values } = readAnswers(form.questions, body);
    if (errors.length > 0) {
      reply.code(400);
      const fieldErrors: FieldError[] = errors.map((error) => ({ field: error.field, message: answerMessage(request.t, language, error) }));
      return renderPage(request, reply, {
        title: request.t('feedback.form.title', { title: form.event.title }),
        body: <OnlineForm t={request.t} language={language} code={code} csrfToken={request.csrfToken} submissionToken={token} event={form.event} questions={form.questions} values={values} errors={fieldErrors} />,
        navigation: false,
      });
    }
    const outcome = await submitOnline(app.db, { eventId: form.event.id, token, language, answers });
    if (outcome === 'alreadySubmitted') {
      reply.code(409);
      return showThanks(request, reply, true);
    }
    return reply.redirect(`/f/${code}/thanks?lang=${language}`, 303);
  });

  app.get('/f/:code/thanks', { config: { access: 'public' }, schema: { params: codeParams } }, async (request, reply) => {
    useFormLanguage(request);
    await formByCode(request);
    return showThanks(request, reply, false);
  });
}
