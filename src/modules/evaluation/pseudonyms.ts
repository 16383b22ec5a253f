import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import './tables.js';

/**
 * Stable pseudonyms for the external evaluation. A pseudonym is an HMAC-SHA256
 * of the record's kind and id under a secret of this installation, written
 * in Crockford's base32: "O-7K3F9QX2" for an organisation, "P-…" for a person.
 * The same record gets the same pseudonym on every page, in every export and
 * after every restart; without the secret nobody can go back from the
 * pseudonym to the record, nor try ids until one matches.
 *
 * The secret is generated once and kept in installation_secret (so backups
 * keep pseudonyms stable), unless MOSAIK_PSEUDONYM_SECRET is set.
 * Eight characters (40 bits) keep the chance that two of 100 000 organisations
 * share a pseudonym below 1 in 200.
 */

export type PseudonymKind = 'organisation' | 'person';

const prefixes: Record<PseudonymKind, string> = { organisation: 'O', person: 'P' };
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
const length = 8;
export const pseudonymPattern = /^[OP]-[0-9A-HJKMNP-TV-Z]{8}$/;

/** The secret given by the operator, if any; too short a secret is refused at first use. */
export function configuredSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.MOSAIK_PSEUDONYM_SECRET?.trim();
  if (!value) return undefined;
  if (value.length < 32) throw new Error('MOSAIK_PSEUDONYM_SECRET must be at least 32 characters long (for example: openssl rand -base64 32)');
  return value;
}

/** Reads this installation's pseudonym secret, creating it on first use (safe when two servers start at once). */
export async function installationSecret(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('installation_secret')
    .values({ name: 'pseudonym', value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('installation_secret').select('value').where('name', '=', 'pseudonym').executeTakeFirstOrThrow();
  return row.value;
}

export interface Pseudonymiser {
  organisation(id: number): string;
  /** A person as the participation lists know them: the normalised name within an organisation. */
  person(organisationId: number | null, personKey: string): string | null;
}

function encode(digest: Buffer): string {
  // the first 40 bits of the digest, five bits per character
  let value = digest.readUIntBE(0, 5);
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text = alphabet[value % 32] + text;
    value = Math.floor(value / 32);
  }
  return text;
}

export function pseudonymiser(secret: string): Pseudonymiser {
  const cache = new Map<string, string>();
  const make = (kind: PseudonymKind, key: string) => {
    const message = `${kind}\u0000${key}`;
    let pseudonym = cache.get(message);
    if (pseudonym === undefined) {
      pseudonym = `${prefixes[kind]}-${encode(createHmac('sha256', secret).update(message).digest())}`;
      if (cache.size > 500_000) cache.clear();
      cache.set(message, pseudonym);
    }
    return pseudonym;
  };
  return {
    organisation: (id) => make('organisation', String(id)),
    person: (organisationId, personKey) => (personKey ? make('person', `${organisationId ?? ''}\u0000${personKey}`) : null),
  };
}

const perDatabase = new WeakMap<object, Promise<Pseudonymiser>>();

/** The pseudonymiser of a database, made once per process. */
export function pseudonymiserFor(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<Pseudonymiser> {
  let made = perDatabase.get(db);
  if (!made) {
    const secret = configuredSecret(env);
    made = (secret ? Promise.resolve(secret) : installationSecret(db)).then(pseudonymiser);
    made.catch(() => perDatabase.delete(db));
    perDatabase.set(db, made);
  }
  return made;
}
