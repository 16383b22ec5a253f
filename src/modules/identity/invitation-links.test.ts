import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from '../../../test/app.js';
import { createPasswordLink } from './accounts.js';
import { inviteAccount, setAccountDisabled } from './invitations.js';

/**
 * Issue 8, finding 1: a staff member read an admin's invitation in the outbox
 * and set that admin's password. The outbox shows such links redacted; the
 * links themselves are single-use, expire, and set only their own account.
 */
describe(`set-password links on ${process.env.MOSAIK_TEST_ENGINE ?? 'pglite'}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_SIGNIN_RATE_LIMIT: '1000' } });
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());

  const invite = (email: string, role: 'admin' | 'staff' = 'admin') =>
    inviteAccount(test.database.db, { email, displayName: 'Neue Leitung', role, districts: [], organisationIds: [] }, { actorId: null, baseUrl: 'https://mosaik.example' });
  const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
  const passwordOf = async (id: number) => (await test.database.db.selectFrom('account').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

  async function setPassword(token: string, password: string) {
    const page = await test.app.inject({ method: 'GET', url: '/set-password' });
    return test.app.inject({
      method: 'POST',
      url: '/set-password',
      headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token, password, confirm: password, _csrf: csrfFrom(page.body) }).toString(),
    });
  }

  it('shows staff an admin invitation in the outbox without a usable token, while the mail keeps it', async () => {
    const invited = await invite('leitung@zentrum.example');
    const token = tokenOf(invited.link);
    const stored = await test.database.db.selectFrom('mail_outbox').select(['id', 'text_body']).where('to_address', '=', 'leitung@zentrum.example').executeTakeFirstOrThrow();
    expect(stored.text_body).toContain(token);

    for (const accept of ['text/html', 'application/json']) {
      const list = await test.app.inject({ method: 'GET', url: '/outbox', headers: { cookie: staff.cookie, accept } });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(token);
      const page = await test.app.inject({ method: 'GET', url: `/outbox/${stored.id}`, headers: { cookie: staff.cookie, accept } });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(token);
      expect(page.body).not.toContain(token.slice(0, 12));
      expect(page.body).toContain('/set-password?token=[entfernt / removed]');
    }
    const page = await test.app.inject({ method: 'GET', url: `/outbox/${stored.id}`, headers: { cookie: staff.cookie } });
    expect(page.body).toContain('stehen hier als „[entfernt / removed]“');
    expect(await passwordOf(invited.id)).toBeNull();
  });

  it('sets the password once; the same link is refused a second time', async () => {
    const invited = await invite('einmal@zentrum.example');
    const token = tokenOf(invited.link);
    expect((await setPassword(token, 'first password ok')).statusCode).toBe(303);
    const first = await passwordOf(invited.id);
    expect(first).toMatch(/^\$argon2id\$/);
    const again = await setPassword(token, 'second password ok');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('ungültig, schon benutzt oder abgelaufen');
    expect(await passwordOf(invited.id)).toBe(first);
  });

  it('stores only the hash of a link, and a link sets only its own account', async () => {
    const a = await invite('a@zentrum.example', 'staff');
    const b = await invite('b@zentrum.example', 'staff');
    const rows = await test.database.db.selectFrom('password_token').select(['id', 'account_id']).where('account_id', 'in', [a.id, b.id]).execute();
    expect(rows.map((row) => row.id)).not.toContain(tokenOf(a.link));
    expect((await setPassword(tokenOf(a.link), 'password of a ok')).statusCode).toBe(303);
    expect(await passwordOf(a.id)).not.toBeNull();
    expect(await passwordOf(b.id)).toBeNull();
  });

  it('refuses an expired link, the older link once a newer one was used, and any link of a disabled account', async () => {
    const invited = await invite('alt@zentrum.example', 'staff');
    const expired = await createPasswordLink(test.database.db, invited.id, -1);
    expect((await setPassword(expired, 'expired link pw')).statusCode).toBe(400);
    const newer = await createPasswordLink(test.database.db, invited.id);
    expect((await setPassword(newer, 'newer link password')).statusCode).toBe(303);
    expect((await setPassword(tokenOf(invited.link), 'older link password')).statusCode).toBe(400);

    const disabled = await invite('gesperrt@zentrum.example', 'staff');
    const link = await createPasswordLink(test.database.db, disabled.id);
    await test.database.db.updateTable('account').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
    expect((await setPassword(link, 'disabled account pw')).statusCode).toBe(400);
    await setAccountDisabled(test.database.db, disabled.id, false, null);
    expect(await passwordOf(disabled.id)).toBeNull();
  });
});
