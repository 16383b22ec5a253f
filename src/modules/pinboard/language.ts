import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLanguage, negotiateLanguage, publicLanguages, translator, type Language } from '../../i18n/index.js';
import { fieldsOf } from '../../http/validation.js';

/**
 * The pinboard speaks all six languages to representatives, though a
 * signed-in account is otherwise served German or English
 * (src/http/context.ts): their page's language is chosen again among all six,
 * by ?lang=, the language cookie, the account's language or the browser's.
 * The same rule as the micro-projects' pages (microprojects/language.ts, not
 * on that module's face); staff stay in German or English.
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
