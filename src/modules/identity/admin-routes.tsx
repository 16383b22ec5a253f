import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminsOnly } from '../../http/access.js';
import { HttpProblem } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { anyFields } from '../../http/validation.js';
import { AccountError } from './accounts.js';
import { accountInputOf, parseAccountForm, type AccountFormError, type AccountInput } from './account-form.js';
import { AccountPage, AccountsPage, accountInput, type AccountsDone } from './admin-views.js';
import { changeAccount, inviteAccount, listAccounts, resendInvitation, setAccountDisabled } from './invitations.js';

/** /admin/accounts: admins invite accounts, change roles and scopes, re-send invitations, disable and enable. */

const accountId = z.coerce.number().int().positive().max(2_147_483_647);
const doneQuery = z.object({
  done: z.enum(['invited', 'saved', 'resent', 'disabled', 'enabled']).optional().catch(undefined),
  email: z.string().max(320).optional().catch(undefined),
});

const parseId = (request: FastifyRequest) => {
  const parsed = z.object({ id: accountId }).safeParse(request.params);
  if (!parsed.success) throw new HttpProblem(404, 'notFound');
  return parsed.data.id;
};

export async function accountAdminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: adminsOnly };

  async function showList(request: FastifyRequest, reply: FastifyReply, options: { input?: AccountInput; errors?: AccountFormError[]; done?: AccountsDone; doneEmail?: string } = {}) {
    const errors = options.errors ?? [];
    if (errors.length > 0) reply.code(400);
    const title = request.t('accounts.admin.title');
    return renderPage(request, reply, {
      title: errors.length > 0 ? request.t('accounts.form.errorPrefix', { title }) : title,
      body: AccountsPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, accounts: await listAccounts(app.db), input: options.input ?? { role: 'representative' }, errors, done: options.done, doneEmail: options.doneEmail }),
    });
  }

  async function showAccount(request: FastifyRequest, reply: FastifyReply, id: number, options: { input?: AccountInput; errors?: AccountFormError[]; done?: AccountsDone } = {}) {
    const [account] = await listAccounts(app.db, { id });
    if (!account) throw new HttpProblem(404, 'notFound');
    const errors = options.errors ?? [];
    if (errors.length > 0) reply.code(400);
    return renderPage(request, reply, {
      title: errors.length > 0 ? request.t('accounts.form.errorPrefix', { title: account.email }) : account.email,
      body: AccountPage({ t: request.t, language: request.language, csrfToken: request.csrfToken, account, input: options.input ?? accountInput(account), errors, done: options.done, self: account.id === request.account!.id }),
    });
  }

  app.get('/admin/accounts', { config, schema: { querystring: doneQuery, hide: true } }, async (request, reply) => {
    const { done, email } = request.query;
    return showList(request, reply, { done, doneEmail: email });
  });

  app.post('/admin/accounts', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const input = accountInputOf(request.body);
    const parsed = await parseAccountForm(app.db, input, { newAccount: true });
    if (!parsed.ok) return showList(request, reply, { input, errors: parsed.errors });
    try {
      await inviteAccount(app.db, parsed.values, { actorId: request.account!.id, baseUrl: app.settings.baseUrl });
    } catch (error) {
      // two admins inviting the same address at once: the unique index decides
      if (error instanceof AccountError) return showList(request, reply, { input, errors: [{ field: 'email', code: 'exists' }] });
      throw error;
    }
    return reply.redirect(`/admin/accounts?done=invited&email=${encodeURIComponent(parsed.values.email)}`, 303);
  });

  app.get('/admin/accounts/:id', { config, schema: { querystring: doneQuery, hide: true } }, async (request, reply) => {
    const { done } = request.query;
    return showAccount(request, reply, parseId(request), { done });
  });

  app.post('/admin/accounts/:id', { config, schema: { body: anyFields, hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const input = accountInputOf(request.body);
    const parsed = await parseAccountForm(app.db, input, { newAccount: false });
    if (!parsed.ok) return showAccount(request, reply, id, { input, errors: parsed.errors });
    // an admin cannot take away their own admin role (no lock-out)
    if (id === request.account!.id && parsed.values.role !== 'admin') return showAccount(request, reply, id, { input, errors: [{ field: 'role', code: 'ownRole' }] });
    const changed = await changeAccount(app.db, id, parsed.values, request.account!.id);
    if (!changed) throw new HttpProblem(404, 'notFound');
    return reply.redirect(`/admin/accounts/${id}?done=saved`, 303);
  });

  app.post('/admin/accounts/:id/resend', { config, schema: { hide: true } }, async (request, reply) => {
    const id = parseId(request);
    const outcome = await resendInvitation(app.db, id, { actorId: request.account!.id, baseUrl: app.settings.baseUrl });
    if (outcome === 'notFound') throw new HttpProblem(404, 'notFound');
    // the password was set (or the account disabled) meanwhile: the page shows the status
    if (outcome === 'notInvited') return reply.redirect(`/admin/accounts/${id}`, 303);
    return reply.redirect(`/admin/accounts/${id}?done=resent`, 303);
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/admin/accounts/:id/${action}`, { config, schema: { hide: true } }, async (request, reply) => {
      const id = parseId(request);
      if (id === request.account!.id) return showAccount(request, reply, id, { errors: [{ field: 'role', code: 'ownAccount' }] });
      if (!(await setAccountDisabled(app.db, id, action === 'disable', request.account!.id))) throw new HttpProblem(404, 'notFound');
      return reply.redirect(`/admin/accounts/${id}?done=${action}d`, 303);
    });
  }
}
