import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../http/errors.js';
import { cachedBody } from '../../http/page-cache.js';
import { renderPage } from '../../http/render.js';
import type { Translate } from '../../i18n/index.js';
import { currentTime } from './clock.js';
import { brochureEntries, brochurePdf, type BrochureChoice } from './brochure.js';
import { confirmByLink, lookupCheck, proposeByLink } from './commands/checks.js';
import { ownSuggestions, suggestService } from './commands/suggestions.js';
import { loadEntry } from './entry.js';
import { berlinDay, freshnessOf, isPublicState } from './freshness.js';
import { findPostcode, hessianDistricts } from './geography.js';
import type { Problem } from './input.js';
import { suggesterRoles } from './policy.js';
import { listTopics, searchServices } from './queries.js';
import { BrochurePage } from './views/brochure.js';
import { CheckOutcomePage, CheckPage } from './views/check.js';
import { EasyReadPage, EntryPage, SearchPage, topicName } from './views/public.js';
import { SuggestPage } from './views/suggest.js';

/**
 * The public Wegweiser (six languages, ?lang=): search, an entry, its
 * Leichte Sprache summary, the brochure (HTML and PDF), the assurer's link,
 * and the suggestion form for signed-in associations.
 */

const text = (max: number) => z.string().max(max).optional().default('');
const searchQuery = z.object({
  q: text(200), topic: text(60), district: text(100), postcode: text(10), language: text(3),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1), lang: z.string().optional(),
});
const idParams = z.object({ id: z.string().uuid() });
const tokenParams = z.object({ token: z.string().min(10).max(100) });
const brochureQuery = z.object({ district: text(100), topic: text(60), lang: z.string().optional() });
const proposalBody = z.object({ proposal: z.string().max(5000).optional().default(''), _csrf: z.string().optional() });
const sentQuery = z.object({ sent: z.string().optional(), lang: z.string().optional() });
const suggestionBody = z.object({ name: text(300), description: text(6000), district: text(100), contact: text(300), _csrf: z.string().optional() });

export const problemMessages = (t: Translate, problems: Problem[]) =>
  problems.map((p) => ({ field: p.field, message: `${fieldLabel(t, p.field)}: ${t(`wegweiser.errors.${p.code}`, p.parameters ?? {})}` }));

/** A field's label; a further location's field (postal_code_2) says which location ("Postleitzahl (Ort 2)"). */
function fieldLabel(t: Translate, field: string): string {
  const further = /^(.+)_(\d+)$/.exec(field);
  if (further && t(`wegweiser.fields.${further[1]}`, { defaultValue: '' }) !== '') {
    return `${t(`wegweiser.fields.${further[1]}`)} (${t('wegweiser.staff.locationNumber', { position: Number(further[2]) })})`;
  }
  return t(`wegweiser.fields.${field}`, { defaultValue: field });
}

export async function wegweiserPublicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const today = () => berlinDay(currentTime());

  async function publicEntry(id: string, language: string) {
    const entry = await loadEntry(app.db, id, language);
    if (!entry || !entry.published || !isPublicState(freshnessOf({ assured_date: entry.assuredDate, recheck_months: entry.recheckMonths }, today()))) throw new HttpProblem(404, 'notFound');
    return entry;
  }

  app.get('/wegweiser', { config: { access: 'public' }, schema: { querystring: searchQuery } }, async (request, reply) => {
    const query = request.query;
    const perPage = 20;
    // once per change of the data, address, language and day (src/http/page-cache.tsx)
    const body = await cachedBody(request, async () => {
      const place = query.postcode.trim() ? await findPostcode(query.postcode) : undefined;
      const hits = await searchServices(app.db, {
        q: query.q, topic: query.topic || undefined, district: query.district || undefined, language: query.language || undefined,
        near: place ? { latitude: place.latitude, longitude: place.longitude } : undefined, page: query.page, perPage,
      }, { today: today(), language: request.language });
      return <SearchPage t={request.t} language={request.language} today={today()} hits={hits} page={query.page} perPage={perPage}
        filters={{ q: query.q, topic: query.topic, district: query.district, postcode: query.postcode, language: query.language }}
        topics={await listTopics(app.db)} districts={hessianDistricts()} postcodeUnknown={query.postcode.trim() !== '' && !place} />;
    }, { day: today() });
    return renderPage(request, reply, { title: request.t('wegweiser.public.title'), body });
  });

  app.get('/wegweiser/:id', { config: { access: 'public' }, schema: { params: idParams } }, async (request, reply) => {
    const entry = await publicEntry(request.params.id, request.language);
    return renderPage(request, reply, { title: entry.name, body: <EntryPage t={request.t} language={request.language} entry={entry} today={today()} /> });
  });

  app.get('/wegweiser/:id/leichte-sprache', { config: { access: 'public' }, schema: { params: idParams } }, async (request, reply) => {
    const entry = await publicEntry(request.params.id, request.language);
    if (!entry.easyRead) throw new HttpProblem(404, 'notFound');
    return renderPage(request, reply, { title: `${entry.service.name}: ${request.t('wegweiser.public.easyReadTitle')}`, body: <EasyReadPage t={request.t} language={request.language} entry={entry} today={today()} /> });
  });

  async function brochure(request: FastifyRequest, choice: BrochureChoice) {
    const topics = await listTopics(app.db);
    const topic = topics.find((term) => term.code === choice.topic);
    const title = [request.t('wegweiser.brochure.title'), choice.district, topic ? topicName(request.t, topic) : ''].filter(Boolean).join(' – ');
    return { title, topics, entries: await brochureEntries(app.db, { district: choice.district, topic: topic?.code }, today(), request.language) };
  }

  app.get('/wegweiser/brochure', { config: { access: 'public' }, schema: { querystring: brochureQuery } }, async (request, reply) => {
    const choice = { district: request.query.district || undefined, topic: request.query.topic || undefined };
    const { title, topics, entries } = await brochure(request, choice);
    const pdfHref = `/wegweiser/brochure.pdf?${new URLSearchParams({ lang: request.language, ...(choice.district ? { district: choice.district } : {}), ...(choice.topic ? { topic: choice.topic } : {}) })}`;
    return renderPage(request, reply, {
      title,
      body: <BrochurePage t={request.t} language={request.language} title={title} entries={entries} today={today()} pdfHref={pdfHref}
        choose={{ districts: hessianDistricts(), topics: topics.map((term) => ({ code: term.code, label: topicName(request.t, term) })), district: request.query.district, topic: request.query.topic }} />,
    });
  });

  app.get('/wegweiser/brochure.pdf', { config: { access: 'public' }, schema: { querystring: brochureQuery } }, async (request, reply) => {
    const { title, entries } = await brochure(request, { district: request.query.district || undefined, topic: request.query.topic || undefined });
    const pdf = await brochurePdf({ t: request.t, language: request.language, title, entries, today: today() });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="wegweiser.pdf"').send(pdf);
  });

  // The assurer's link: no account needed; the token is the key (commands/checks.ts).
  async function outcomePage(request: FastifyRequest, reply: FastifyReply, outcome: 'confirmed' | 'proposed' | 'used' | 'expired' | 'unknown') {
    const status = outcome === 'unknown' ? 404 : outcome === 'used' || outcome === 'expired' ? 410 : 200;
    return renderPage(request, reply.code(status), { title: request.t(`wegweiser.check.outcome.${outcome}.title`), body: <CheckOutcomePage t={request.t} outcome={outcome} /> });
  }

  app.get('/wegweiser/check/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const check = await lookupCheck(app.db, request.params.token, currentTime());
    if (check.state !== 'open') return outcomePage(request, reply, check.state);
    const entry = await loadEntry(app.db, check.serviceId, 'de');
    if (!entry) return outcomePage(request, reply, 'unknown');
    return renderPage(request, reply, { title: request.t('wegweiser.check.title'), body: <CheckPage t={request.t} language={request.language} entry={entry} token={request.params.token} csrfToken={request.csrfToken} /> });
  });

  app.post('/wegweiser/check/:token/confirm', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const state = await confirmByLink(app.db, request.params.token, currentTime());
    return outcomePage(request, reply, state === 'open' ? 'confirmed' : state);
  });

  app.post('/wegweiser/check/:token/propose', { config: { access: 'public' }, schema: { params: tokenParams, body: proposalBody } }, async (request, reply) => {
    const proposal = request.body.proposal.trim();
    if (proposal === '') {
      const check = await lookupCheck(app.db, request.params.token, currentTime());
      if (check.state !== 'open') return outcomePage(request, reply, check.state);
      const entry = await loadEntry(app.db, check.serviceId, 'de');
      if (!entry) return outcomePage(request, reply, 'unknown');
      const errors = problemMessages(request.t, [{ field: 'proposal', code: 'proposalMissing' }]);
      return renderPage(request, reply.code(400), { title: request.t('wegweiser.check.title'), body: <CheckPage t={request.t} language={request.language} entry={entry} token={request.params.token} csrfToken={request.csrfToken} errors={errors} /> });
    }
    const state = await proposeByLink(app.db, request.params.token, { text: proposal }, currentTime());
    return outcomePage(request, reply, state === 'open' ? 'proposed' : state);
  });

  app.get('/wegweiser/suggest', { config: { access: suggesterRoles }, schema: { querystring: sentQuery } }, async (request, reply) => {
    // a representative reads the page in any of the six languages (staff: German or English)
    const sent = request.query.sent === '1';
    const own = await ownSuggestions(app.db, request.account!.id, today());
    return renderPage(request, reply, { title: request.t('wegweiser.suggest.title'), body: <SuggestPage t={request.t} language={request.language} csrfToken={request.csrfToken} values={{}} errors={[]} sent={sent} own={own} /> });
  });

  app.post('/wegweiser/suggest', { config: { access: suggesterRoles }, schema: { body: suggestionBody } }, async (request, reply) => {
    const body = request.body;
    const outcome = await suggestService(app.db, request.account!, { name: body.name, description: body.description, district: body.district.trim() || null, contact: body.contact.trim() || null }, currentTime());
    if (!outcome.ok) {
      return renderPage(request, reply.code(400), { title: request.t('wegweiser.suggest.title'), body: <SuggestPage t={request.t} language={request.language} csrfToken={request.csrfToken} values={body} errors={problemMessages(request.t, outcome.problems)} sent={false} /> });
    }
    return reply.redirect(`/wegweiser/suggest?sent=1&lang=${request.language}`, 303);
  });
}
