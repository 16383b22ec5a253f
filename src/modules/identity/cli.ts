import type { CliCommand } from '../../cli.js';
import { readSettings } from '../../config.js';
import type { Role } from '../../db/tables.js';
import { roles } from '../../http/access.js';
import { AccountError, createAccount, createPasswordLink } from './accounts.js';

/** `mosaik user add EMAIL --role ROLE`: creates an account and prints a one-time password link. */
export const userCommand: CliCommand = async ({ args, open, out, err }) => {
  const [action, email] = args;
  const roleIndex = args.indexOf('--role');
  const role = roleIndex >= 0 ? args[roleIndex + 1] : undefined;
  if (action !== 'add' || !email || !email.includes('@') || !role) {
    err('Aufruf: mosaik user add EMAIL --role ROLLE / Usage: mosaik user add EMAIL --role ROLE');
    return 2;
  }
  if (!roles.includes(role as Role)) {
    err(`Unbekannte Rolle „${role}“. Erlaubt: ${roles.join(', ')}. / Unknown role "${role}". Allowed: ${roles.join(', ')}.`);
    return 2;
  }
  const handle = await open();
  try {
    const account = await createAccount(handle.db, { email, role: role as Role });
    const token = await createPasswordLink(handle.db, account.id);
    const link = `${readSettings().baseUrl}/set-password?token=${token}`;
    out(`Konto angelegt / account created: ${account.email} (${account.role})`);
    out(`Einmal-Link zum Festlegen des Passworts (72 Stunden gültig) / one-time link to set the password (valid 72 hours):`);
    out(link);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      err(`${error.messages.de} / ${error.messages.en}`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
};
