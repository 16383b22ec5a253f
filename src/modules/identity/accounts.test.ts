import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { userCommand } from './cli.js';
import { importRecords } from '../imports/index.js';

/** Accounts by invitation: /admin/accounts and `mosaik user invite`. */

describe('accounts by invitation', () => {
  let test: TestApp;
  let db: Db;
  let admin: SignedIn;
  beforeAll(async () => {
    test = await createTestApp({ env: { MOSAIK_SIGNIN_RATE_LIMIT: '100' } });
    db = test.database.db;
    admin = await test.signIn('admin');
    const organisations = [
      { org_key: 'kv', name: 'Kulturverein Anadolu e.V.', municipality: 'Gießen', district: 'Landkreis Gießen' },
      { org_key: 'fv', name: 'Frauenverein Kassel', municipality: 'Kassel', district: 'Stadt Kassel' },
    ];
    expect((await importRecords(db, 'organizations', organisations)).problems).toEqual([]);
  });
  afterAll(async () => test?.close());

  const get = (url: string, cookie = admin.cookie) => test.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, fields: Record<string, string>, session: { cookie: string; csrfToken: string } = admin) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: session.csrfToken }).toString(),
    });
  const accountOf = (email: string) => db.selectFrom('account').selectAll().where('email', '=', email).executeTakeFirst();
  const mailsTo = (email: string) => db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).orderBy('id').execute();
  const linkIn = (text: string) => /https?:\/\/\S+\/set-password\?token=[\w-]+/.exec(text)![0];

  async function signInAs(email: string, password: string) {
    const page = await test.app.inject({ method: 'GET', url: '/sign-in' });
    const response = await test.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email, password, _csrf: csrfFrom(page.body) }).toString(),
    });
    return response;
  }

  async function setPassword(link: string, password: string) {
    const url = new URL(link);
    const page = await test.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(page.statusCode).toBe(200);
    return test.app.inject({
      method: 'POST',
      url: '/set-password',
      headers: { cookie: cookiesOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token: url.searchParams.get('token')!, password, confirm: password, _csrf: csrfFrom(page.body) }).toString(),
    });
  }

  it('invites a representative: account without password, scope, mail with a working link, then sign-in lands on /my', async () => {
    const invited = await post('/admin/accounts', { email: 'Ayse@Example.org', display_name: 'Ayşe Demir', role: 'representative', organisations: 'Kulturverein Anadolu' });
    expect(invited.statusCode).toBe(303);
    const list = await get(String(invited.headers.location));
    expect(list.body).toContain('Die Einladung an ayse@example.org liegt im Postausgang.');
    expect(list.body).toContain('eingeladen (Passwort noch nicht gesetzt)');
    expect(list.body).toContain('Kulturverein Anadolu e.V.');

    const account = (await accountOf('ayse@example.org'))!;
    expect(account).toMatchObject({ role: 'representative', display_name: 'Ayşe Demir', password_hash: null });
    const scopes = await db.selectFrom('account_scope').innerJoin('organisation', 'organisation.id', 'account_scope.organisation_id').select('organisation.name').where('account_id', '=', account.id).execute();
    expect(scopes).toEqual([{ name: 'Kulturverein Anadolu e.V.' }]);
    const [mail] = await mailsTo('ayse@example.org');
    expect(mail).toMatchObject({ kind: 'account.invitation', subject: 'Einladung zu Mosaik / Invitation to Mosaik' });
    expect(mail.text_body).toContain('Ayşe Demir');
    expect(mail.text_body).toContain('Vereinsvertretung');
    expect(mail.text_body).toContain('Association representative');
    expect(mail.text_body).toContain('7 Tage');
    const token = await db.selectFrom('password_token').select('expires_at').where('account_id', '=', account.id).executeTakeFirstOrThrow();
    expect(new Date(token.expires_at).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    const audit = await db.selectFrom('audit_log').select(['account_id', 'details']).where('action', '=', 'account.invite').where('subject_id', '=', String(account.id)).executeTakeFirstOrThrow();
    expect(audit.account_id).toBe(admin.accountId);

    const set = await setPassword(linkIn(mail.text_body), 'a password of my own');
    expect(set.headers.location).toBe('/sign-in?passwordSet=1');
    expect((await test.app.inject({ method: 'GET', url: '/sign-in?passwordSet=1' })).body).toContain('Ihr Passwort ist gespeichert.');
    const signedIn = await signInAs('ayse@example.org', 'a password of my own');
    expect(signedIn.headers.location).toBe('/my');
    const my = await get('/my', cookiesOf(signedIn));
    expect(my.statusCode).toBe(200);
    expect(my.body).toContain('Kulturverein Anadolu e.V.');
    expect(my.body).toContain('href="/my/consultation-requests"');
    expect(my.body).toContain('href="/my/data"');
    const after = await get('/admin/accounts');
    expect(after.body).toMatch(/ayse@example\.org<\/a>[\s\S]*?<td class="kern-table__cell"[^>]*><div class="mosaik-table__value">aktiv<\/div><\/td>/);
    expect((await get(`/admin/accounts/${account.id}`)).body).toMatch(/aktiv[\s\S]*Letzte Anmeldung[\s\S]*\d{2}\.\d{2}\.\d{4}/);
  });

  it('refuses bad input field by field, in German and English, and stores nothing', async () => {
    const accountsBefore = (await db.selectFrom('account').select('id').execute()).length;
    const mailsBefore = (await db.selectFrom('mail_outbox').select('id').execute()).length;
    const existing = await post('/admin/accounts', { email: 'ayse@example.org', display_name: 'Zweite', role: 'staff' });
    expect(existing.statusCode).toBe(400);
    expect(existing.body).toContain('Für diese E-Mail-Adresse gibt es schon ein Konto.');
    expect(existing.body).toContain('href="#email"');
    const bad = await post('/admin/accounts', { email: 'not-an-address', display_name: '', role: 'coordinator', districts: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('„E-Mail-Adresse“ ist keine gültige E-Mail-Adresse.');
    expect(bad.body).toContain('Bitte füllen Sie „Name“ aus.');
    expect(bad.body).toContain('Eine Koordination braucht mindestens einen Landkreis.');
    expect(bad.body).toContain('href="#districts"');
    const english = await post('/admin/accounts?lang=en', { email: 'new@example.org', display_name: 'New', role: 'coordinator', districts: 'Atlantis' });
    expect(english.body).toContain('The directory does not know these districts: Atlantis.');
    const unknownOrganisation = await post('/admin/accounts', { email: 'new@example.org', display_name: 'New', role: 'representative', organisations: 'Gibt es nicht e.V.' });
    expect(unknownOrganisation.body).toContain('Diese Organisationen gibt es im Verzeichnis nicht: Gibt es nicht e.V.');
    expect((await db.selectFrom('account').select('id').execute()).length).toBe(accountsBefore);
    expect((await db.selectFrom('mail_outbox').select('id').execute()).length).toBe(mailsBefore);
  });

  it('re-sends an invitation (the earlier link stops working)', async () => {
    expect((await post('/admin/accounts', { email: 'late@example.org', display_name: 'Late', role: 'staff' })).statusCode).toBe(303);
    const account = (await accountOf('late@example.org'))!;
    const resent = await post(`/admin/accounts/${account.id}/resend`, {});
    expect(resent.headers.location).toBe(`/admin/accounts/${account.id}?done=resent`);
    const [first, second] = await mailsTo('late@example.org');
    expect(second.kind).toBe('account.invitation');
    expect(linkIn(second.text_body)).not.toBe(linkIn(first.text_body));
    expect((await setPassword(linkIn(first.text_body), 'twelve characters')).statusCode).toBe(400);
    expect((await setPassword(linkIn(second.text_body), 'twelve characters')).statusCode).toBe(303);
    // an active account gets no invitation any more
    expect((await post(`/admin/accounts/${account.id}/resend`, {})).headers.location).toBe(`/admin/accounts/${account.id}`);
    expect(await mailsTo('late@example.org')).toHaveLength(2);
  });

  it('disables an account (ending its sessions) and enables it again', async () => {
    const staff = await test.signIn('staff');
    expect((await get('/dashboard', staff.cookie)).statusCode).toBe(200);
    const disabled = await post(`/admin/accounts/${staff.accountId}/disable`, {});
    expect(disabled.headers.location).toBe(`/admin/accounts/${staff.accountId}?done=disabled`);
    expect(await db.selectFrom('session').select('id').where('account_id', '=', staff.accountId).execute()).toEqual([]);
    expect((await get('/dashboard', staff.cookie)).headers.location).toMatch(/^\/sign-in\?next=/);
    expect((await get(`/admin/accounts/${staff.accountId}`)).body).toContain('gesperrt');
    await post(`/admin/accounts/${staff.accountId}/enable`, {});
    expect((await accountOf((await db.selectFrom('account').select('email').where('id', '=', staff.accountId).executeTakeFirstOrThrow()).email))!.disabled_at).toBeNull();
    const actions = await db.selectFrom('audit_log').select('action').where('subject_type', '=', 'account').where('subject_id', '=', String(staff.accountId)).orderBy('id').execute();
    expect(actions.map((row) => row.action)).toEqual(expect.arrayContaining(['account.disable', 'account.enable']));
    // no lock-out: an admin cannot disable their own account or drop their own admin role
    expect((await post(`/admin/accounts/${admin.accountId}/disable`, {})).statusCode).toBe(400);
    const ownRole = await post(`/admin/accounts/${admin.accountId}`, { display_name: 'Admin', role: 'staff' });
    expect(ownRole.body).toContain('Sie können Ihrem eigenen Konto die Administration nicht entziehen.');
    expect((await accountOf((await db.selectFrom('account').select('email').where('id', '=', admin.accountId).executeTakeFirstOrThrow()).email))!.role).toBe('admin');
  });

  it('changes role and scopes: a coordinator gets districts as the directory spells them', async () => {
    const staff = await test.signIn('staff');
    const changed = await post(`/admin/accounts/${staff.accountId}`, { display_name: 'Koordination Gießen', role: 'coordinator', districts: 'landkreis gießen' });
    expect(changed.headers.location).toBe(`/admin/accounts/${staff.accountId}?done=saved`);
    expect(await db.selectFrom('account_scope').select(['district', 'organisation_id']).where('account_id', '=', staff.accountId).execute()).toEqual([{ district: 'Landkreis Gießen', organisation_id: null }]);
    const directory = await get('/organisations', staff.cookie);
    expect(directory.body).toContain('Kulturverein Anadolu e.V.');
    expect(directory.body).not.toContain('Frauenverein Kassel');
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'account.change').where('subject_id', '=', String(staff.accountId)).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ roleBefore: 'staff', role: 'coordinator', districts: ['Landkreis Gießen'] });
    // back to staff: the districts go with the role
    await post(`/admin/accounts/${staff.accountId}`, { display_name: 'Staff', role: 'staff', districts: 'Landkreis Gießen' });
    expect(await db.selectFrom('account_scope').select('district').where('account_id', '=', staff.accountId).execute()).toEqual([]);
  });

  it('mosaik user invite queues the same invitation', async () => {
    const lines: string[] = [];
    const status = await userCommand({
      args: ['invite', 'coord@example.org', '--role', 'coordinator', '--name', 'Kim Koordination', '--district', 'Stadt Kassel'],
      open: async () => ({ ...test.database, close: async () => {} }),
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    expect(status, lines.join('\n')).toBe(0);
    const [mail] = await mailsTo('coord@example.org');
    expect(mail.kind).toBe('account.invitation');
    expect(mail.text_body).toContain('Kim Koordination');
    const account = (await accountOf('coord@example.org'))!;
    expect(await db.selectFrom('account_scope').select('district').where('account_id', '=', account.id).execute()).toEqual([{ district: 'Stadt Kassel' }]);
  });
});
