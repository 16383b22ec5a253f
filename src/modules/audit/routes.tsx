import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminsOnly } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { writeAudit } from '../identity/index.js';
import { auditCsv, auditJson } from './export.js';
import { allAuditEntries, auditFilterSchema, searchAudit, type AuditFilter } from './queries.js';
import { AuditListPage, formOf } from './views.js';

/**
 * The audit log for admins: who read or changed which personal record, and
 * every export, merge and erasure; filtered, paged, exportable. An export of
 * the log is itself a disclosure and is logged as 'audit.export'.
 */

const pageSize = 50;

/** A real calendar day, written YYYY-MM-DD, in the years the log can hold. */
function isDay(value: string): boolean {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(value.trim());
  if (!match) return false;
  const date = new Date(`${value.trim()}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.trim();
}

/** The filter of the query, and the names of the fields given in a form it could not use. */
function filterOf(request: FastifyRequest): { filter: AuditFilter; invalid: string[] } {
  const query = anyFields.parse(request.query);
  // A day outside YYYY-MM-DD (from=-1, from=99999-01-01) made the schema's date
  // check throw (Invalid time value): 500. It is dropped before parsing and
  // reported by the page like any other field it cannot use.
  const days = Object.fromEntries((['from', 'to'] as const).map((key) => [key, typeof query[key] === 'string' && isDay(query[key] as string) ? query[key] : undefined]));
  const filter = auditFilterSchema.parse({ ...query, ...days });
  const given = (key: string) => typeof query[key] === 'string' && (query[key] as string).trim() !== '';
  const invalid = (['from', 'to', 'action', 'kind', 'subjectType'] as const).filter((key) => given(key) && filter[key] === undefined);
  if (filter.from && filter.to && filter.from > filter.to) {
    invalid.push('to');
    filter.to = undefined;
  }
  // an empty text field filters nothing
  for (const key of ['account', 'action', 'subjectType', 'subjectId'] as const) if (filter[key] === '') filter[key] = undefined;
  return { filter, invalid };
}

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admins = { access: adminsOnly };

  app.get('/admin/audit', { config: admins, schema: { hide: true } }, async (request, reply) => {
    const { filter, invalid } = filterOf(request);
    const page = await searchAudit(app.db, filter, pageSize);
    if (invalid.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: request.t('audit.list.title'),
      body: <AuditListPage t={request.t} language={request.language} form={formOf(filter)} page={page} invalid={invalid} />,
    });
  });

  async function sendExport(request: FastifyRequest, reply: FastifyReply, format: 'csv' | 'json') {
    const { filter, invalid } = filterOf(request);
    // an export with a filter it cannot use would hold more than was asked for
    if (invalid.length > 0) throw new HttpProblem(400, 'badRequest', request.t('audit.list.invalid', { fields: invalid.map((key) => request.t(`audit.list.filter.${key}`)).join(', ') }));
    const { before: _before, after: _after, ...criteria } = filter;
    await writeAudit(app.db, { accountId: request.account!.id, action: 'audit.export', subjectType: 'audit_log', details: { format, ...criteria } });
    const day = new Date().toISOString().slice(0, 10);
    reply.header('content-disposition', `attachment; filename="mosaik-audit-${day}.${format}"`);
    const entries = allAuditEntries(app.db, criteria);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(auditCsv(entries));
    return reply.type('application/json; charset=utf-8').send(auditJson(entries));
  }

  app.get('/admin/audit.csv', { config: admins, schema: { hide: true } }, async (request, reply) => sendExport(request, reply, 'csv'));
  app.get('/admin/audit.json', { config: admins, schema: { hide: true } }, async (request, reply) => sendExport(request, reply, 'json'));
}
