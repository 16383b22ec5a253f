import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreStaff } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { berlinDay, parseDay } from '../../ui/dates.js';
import type { FieldError } from '../../ui/forms.js';
import { DomainError } from '../domain-error.js';
import { writeAudit } from '../identity/index.js';
import { brochureCsv, brochureLabelsPdf } from './brochure.js';
import { brochureAddresses, organisationsWithPostalConsent, postalConsentOf, recordPostalConsent, withdrawPostalConsent, type PostalConsentInput } from './postal.js';
import { BrochurePage, PostalConsentPage } from './views/postal.js';

/** The brochure (staff): which organisations agreed to receive post, and their addresses as CSV and labels. */

const text = z.string().max(400).optional();
const organisationParams = z.object({ id: z.coerce.number().int().min(1).max(2 ** 31 - 1) });
const noticeQuery = z.object({ saved: z.string().max(5).optional(), withdrawn: z.string().max(5).optional() });
// back=organisation: the form was opened from the organisation's page and returns there
const backField = z.enum(['organisation']).optional().catch(undefined);
const consentBody = z.object({ _csrf: text, addressee: text, street: text, postcode: text, city: text, source: text, agreed_on: text, back: backField });
const consentQuery = z.object({ back: backField });

export async function brochureRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = { access: centreStaff };

  app.get('/newsletter/brochure', { config: staff, schema: { querystring: noticeQuery } }, async (request, reply) => {
    const notice = request.query.saved ? request.t('newsletter.postal.saved') : request.query.withdrawn ? request.t('newsletter.postal.withdrawn') : undefined;
    return renderPage(request, reply, {
      title: request.t('newsletter.postal.title'),
      body: <BrochurePage t={request.t} language={request.language} organisations={await organisationsWithPostalConsent(app.db)} consenting={(await brochureAddresses(app.db)).length} notice={notice} />,
    });
  });

  // exports of addresses are logged: who took the distribution list, when, how many
  const logExport = (request: FastifyRequest, format: string, count: number) =>
    writeAudit(app.db, { accountId: request.account!.id, action: 'newsletter.brochure.export', subjectType: 'postal_mail_consent', details: { format, count } });

  app.get('/newsletter/brochure.csv', { config: staff }, async (request, reply) => {
    const addresses = await brochureAddresses(app.db);
    await logExport(request, 'csv', addresses.length);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="broschuere-anschriften-${berlinDay(new Date())}.csv"`).send(brochureCsv(addresses));
  });

  app.get('/newsletter/brochure/labels.pdf', { config: staff }, async (request, reply) => {
    const addresses = await brochureAddresses(app.db);
    await logExport(request, 'pdf', addresses.length);
    const pdf = await brochureLabelsPdf(addresses, request.t('newsletter.postal.labelsTitle'));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="broschuere-etiketten-${berlinDay(new Date())}.pdf"`).send(pdf);
  });

  async function organisationOf(id: number) {
    const organisation = await app.db.selectFrom('organisation').select(['id', 'name', 'postcode', 'municipality']).where('id', '=', id).executeTakeFirst();
    if (!organisation) throw new HttpProblem(404, 'notFound');
    return organisation;
  }

  const consentPage = (request: FastifyRequest, reply: FastifyReply, organisation: { id: number; name: string }, values: PostalConsentInput, active: boolean, back: boolean, errors?: FieldError[]) =>
    renderPage(request, reply, {
      title: request.t('newsletter.postal.consentTitle', { name: organisation.name }),
      body: <PostalConsentPage t={request.t} language={request.language} csrfToken={request.csrfToken} organisation={organisation} values={values} active={active} errors={errors} backToOrganisation={back} />,
    });
  const afterChange = (organisationId: number, back: string | undefined, notice: 'saved' | 'withdrawn') =>
    back === 'organisation' ? `/organisations/${organisationId}#postal-consent` : `/newsletter/brochure?${notice}=1`;

  app.get('/newsletter/brochure/:id', { config: staff, schema: { params: organisationParams, querystring: consentQuery } }, async (request, reply) => {
    const organisation = await organisationOf(request.params.id);
    const consent = await postalConsentOf(app.db, organisation.id);
    // a first consent starts from what the directory knows (postcode, town)
    const values: PostalConsentInput = consent
      ? { addressee: consent.addressee ?? '', street: consent.street, postcode: consent.postcode, city: consent.city, source: consent.source, agreedOn: consent.agreed_on }
      : { addressee: '', street: '', postcode: organisation.postcode ?? '', city: organisation.municipality ?? '', source: '', agreedOn: '' };
    return consentPage(request, reply, organisation, values, Boolean(consent && !consent.withdrawn_on), request.query.back === 'organisation');
  });

  app.post('/newsletter/brochure/:id', { config: staff, schema: { params: organisationParams, body: consentBody, hide: true } }, async (request, reply) => {
    const organisation = await organisationOf(request.params.id);
    const body = request.body;
    const agreedOn = body.agreed_on ?? '';
    const values: PostalConsentInput = { addressee: body.addressee ?? '', street: body.street ?? '', postcode: body.postcode ?? '', city: body.city ?? '', source: body.source ?? '', agreedOn: parseDay(agreedOn) ?? agreedOn };
    try {
      await recordPostalConsent(app.db, { accountId: request.account!.id }, organisation.id, values, berlinDay(new Date()));
      return reply.redirect(afterChange(organisation.id, body.back, 'saved'), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reply.code(400);
      const consent = await postalConsentOf(app.db, organisation.id);
      return consentPage(request, reply, organisation, values, Boolean(consent && !consent.withdrawn_on), body.back === 'organisation', [{ field: error.field ?? 'street', message: request.t(`newsletter.errors.${error.code}`) }]);
    }
  });

  app.post('/newsletter/brochure/:id/withdraw', { config: staff, schema: { params: organisationParams, body: z.object({ _csrf: text, back: backField }), hide: true } }, async (request, reply) => {
    const organisation = await organisationOf(request.params.id);
    await withdrawPostalConsent(app.db, { accountId: request.account!.id }, organisation.id, berlinDay(new Date()));
    return reply.redirect(afterChange(organisation.id, request.body.back, 'withdrawn'), 303);
  });
}
