import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLanguage, negotiateLanguage, publicLanguages, translator, type Language } from '../i18n/index.js';
import { fieldsOf } from './validation.js';

/**
 * Pages for associations (micro-projects, the pinboard) speak all six
 * languages, though a signed-in account is otherwise served German or English
 * (context.ts): for a representative the page's language is chosen again
 * among all six, by ?lang=, the language cookie, the account's language or the
 * browser's. Staff stay in German or English. Call it first in such a route.
 */
const languageCookie = 'mosaik_lang';

export function useAssociationLanguage(request: FastifyRequest, reply: FastifyReply): void {
  if (request.account?.role !== 'representative') return;
  const query = fieldsOf(request.query).lang;
  const cookie = request.cookies[languageCookie];
  let language: Language;
  if (isLanguage(query)) {
    language = query;
    reply.setCookie(languageCookie, language, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  } else if (isLanguage(cookie)) language = cookie;
  else if (isLanguage(request.account.locale)) language = request.account.locale;
  else language = negotiateLanguage(request.headers['accept-language'], publicLanguages);
  request.language = language;
  request.t = translator(language);
}
