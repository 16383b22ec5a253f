import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import { normalisePersonName } from '../names/index.js';
import type { DataSubject, Db } from '../catalogue.js';

export { accountMatches, emailMatches, erasedName, nameKeyMatches, redact, redaction, textMayName, textNames, type DataSubject, type Db, type Row } from '../catalogue.js';

const unique = <T,>(values: T[]) => [...new Set(values)];

export async function personSubject(db: Db, personId: number): Promise<DataSubject | null> {
  const person = await db.selectFrom('person').select(['id', 'full_name', 'email', 'account_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) return null;
  const roles = await db.selectFrom('person_role').select('organisation_id').where('person_id', '=', personId).execute();
  const account = person.account_id
    ? await db.selectFrom('account').select(['email']).where('id', '=', person.account_id).executeTakeFirst()
    : undefined;
  return {
    personId: person.id,
    accountId: person.account_id,
    name: person.full_name,
    nameKey: normalisePersonName(person.full_name),
    emails: unique([person.email, account?.email].filter((e): e is string => Boolean(e?.trim())).map((e) => e.trim().toLowerCase())),
    organisationIds: unique(roles.map((role) => role.organisation_id)),
  };
}

/** The subject of "my data": the person linked to the account, or the account alone. */
export async function accountSubject(db: Db, accountId: number): Promise<DataSubject | null> {
  const person = await db.selectFrom('person').select('id').where('account_id', '=', accountId).where('erased_at', 'is', null).orderBy('id').executeTakeFirst();
  if (person) return personSubject(db, person.id);
  const account = await db.selectFrom('account').select(['id', 'email', 'display_name']).where('id', '=', accountId).executeTakeFirst();
  if (!account) return null;
  const scopes = await db.selectFrom('account_scope').select('organisation_id').where('account_id', '=', accountId).where('organisation_id', 'is not', null).execute();
  return {
    personId: null,
    accountId: account.id,
    name: account.display_name,
    nameKey: normalisePersonName(account.display_name),
    emails: account.email.trim() ? [account.email.trim().toLowerCase()] : [],
    organisationIds: unique(scopes.map((scope) => scope.organisation_id!)),
  };
}

