import type { CliCommand } from '../../cli.js';
import { readSettings } from '../../config.js';
import type { Role } from '../../db/tables.js';
import { roles } from '../../http/access.js';
import { AccountError, createAccount, createPasswordLink } from './accounts.js';
import { addOrganisationScopes, unknownOrganisations } from './scopes.js';
import { inviteAccount } from './invitations.js';
import { addressMessage, addressProblem } from '../mail/index.js';

/**
 * `mosaik user add EMAIL --role ROLE [--organisation ID ...]`: creates an
 * account and prints a one-time password link. A representative speaks for
 * the organisations given (the option may repeat).
 * `mosaik user invite EMAIL --role ROLE [--name NAME] [--district D ...] [--organisation ID ...]`:
 * the same as an invitation from /admin/accounts: the mail goes to the outbox.
 */
export const userCommand: CliCommand = async ({ args, open, out, err }) => {
  const [action, email] = args;
  const roleIndex = args.indexOf('--role');
  const role = roleIndex >= 0 ? args[roleIndex + 1] : undefined;
  if ((action !== 'add' && action !== 'invite') || !email || !email.includes('@') || !role) {
    err('Aufruf: mosaik user add|invite EMAIL --role ROLLE [--organisation ID ...] / Usage: mosaik user add|invite EMAIL --role ROLE [--organisation ID ...]');
    return 2;
  }
  const addressIssue = addressProblem(email);
  if (addressIssue) {
    err(addressMessage(addressIssue, { de: 'Die E-Mail-Adresse', en: 'The e-mail address' }));
    return 2;
  }
  if (!roles.includes(role as Role)) {
    err(`Unbekannte Rolle „${role}“. Erlaubt: ${roles.join(', ')}. / Unknown role "${role}". Allowed: ${roles.join(', ')}.`);
    return 2;
  }
  const organisationArgs = args.flatMap((arg, index) => (arg === '--organisation' ? [args[index + 1] ?? ''] : []));
  const organisationIds = organisationArgs.map(Number);
  const badId = organisationArgs.find((arg, index) => !/^\d+$/.test(arg) || !Number.isSafeInteger(organisationIds[index]) || organisationIds[index] >= 2 ** 31);
  if (badId !== undefined) {
    err(`--organisation „${badId}“ ist keine Organisations-ID (eine positive Zahl). / --organisation "${badId}" is not an organisation id (a positive number).`);
    return 2;
  }
  if (organisationIds.length > 0 && role !== 'representative') {
    err(`--organisation gilt nur für die Rolle representative. / --organisation applies only to the role representative.`);
    return 2;
  }
  const districts = args.flatMap((arg, index) => (arg === '--district' ? [args[index + 1] ?? ''] : [])).map((district) => district.trim()).filter(Boolean);
  if (action === 'invite' && role === 'coordinator' && districts.length === 0) {
    err('Eine Koordination braucht mindestens einen --district. / A coordinator needs at least one --district.');
    return 2;
  }
  const handle = await open();
  try {
    const unknown = await unknownOrganisations(handle.db, organisationIds);
    if (unknown.length > 0) {
      err(`Unbekannte Organisations-ID: ${unknown.join(', ')}. Bitte prüfen Sie die ID in der Organisationsliste; es wurde kein Konto angelegt. / Unknown organisation id: ${unknown.join(', ')}. Please check the id in the organisation list; no account was created.`);
      return 1;
    }
    if (action === 'invite') {
      const nameIndex = args.indexOf('--name');
      const displayName = nameIndex >= 0 ? (args[nameIndex + 1] ?? '').trim() : '';
      const invited = await inviteAccount(handle.db, { email, role: role as Role, displayName, districts, organisationIds }, { actorId: null, baseUrl: readSettings().baseUrl });
      out(`Einladung liegt im Postausgang / invitation queued in the outbox: ${email.trim().toLowerCase()} (${role})`);
      out(`Einmal-Link (7 Tage gültig) / one-time link (valid 7 days): ${invited.link}`);
      return 0;
    }
    // account and scopes together: no representative without their organisations
    const account = await handle.db.transaction().execute(async (trx) => {
      const created = await createAccount(trx, { email, role: role as Role });
      await addOrganisationScopes(trx, created.id, organisationIds);
      return created;
    });
    const token = await createPasswordLink(handle.db, account.id);
    const link = `${readSettings().baseUrl}/set-password?token=${token}`;
    out(`Konto angelegt / account created: ${account.email} (${account.role})`);
    if (organisationIds.length > 0) out(`Vertritt Organisation(en) / represents organisation(s): ${[...new Set(organisationIds)].join(', ')}`);
    out(`Einmal-Link zum Festlegen des Passworts (72 Stunden gültig) / one-time link to set the password (valid 72 hours):`);
    out(link);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
};
