/**
 * How often one may try to sign in (issue 8, finding 4; issue 10: a workshop
 * of forty people on one Wi-Fi must all get in). Two limits:
 *
 * - per account and address together: after `maxFailures` wrong passwords
 *   within `windowMs` that account is blocked *from that address* for
 *   `windowMs`, and each further block lasts twice as long (at most
 *   `longestBlockMs`). Someone guessing one password is slowed to a crawl;
 *   the same account from another address is not affected, so nobody can
 *   lock a colleague out from afar.
 * - per address alone, far higher (`perAddressPerMinute`): every attempt,
 *   right or wrong, counts, so one address cannot try thousands of accounts.
 *
 * Both count the e-mail address as typed (lower-cased), whether or not an
 * account exists: the answer never tells which addresses have accounts.
 * The counts live in memory (like @fastify/rate-limit's): a restart forgets
 * them, and two servers count separately.
 */

export interface SignInThrottleOptions {
  maxFailures: number;
  windowMs: number;
  longestBlockMs: number;
  perAddressPerMinute: number;
  /** Memory bound: beyond this many remembered keys the oldest are forgotten. */
  maxEntries?: number;
}

interface AccountEntry {
  failures: number;
  windowStart: number;
  blocks: number;
  blockedUntil: number;
  lastFailure: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; reason: 'account' | 'address' };

const minute = 60_000;
// after a quiet day the doubling starts again from the first block
const forgetBlocksAfterMs = 24 * 60 * minute;

export function createSignInThrottle(options: SignInThrottleOptions) {
  const maxEntries = options.maxEntries ?? 100_000;
  const accounts = new Map<string, AccountEntry>();
  const addresses = new Map<string, { count: number; windowStart: number }>();
  const accountKey = (email: string, address: string) => `${address}\u0000${email.trim().toLowerCase()}`;

  function forgetOldest(map: Map<string, unknown>) {
    // a Map iterates in insertion order: the first keys are the oldest
    for (const key of map.keys()) {
      if (map.size <= maxEntries) break;
      map.delete(key);
    }
  }

  return {
    /** Called before the password is checked; counts the attempt for the address. */
    check(email: string, address: string, now: number): ThrottleVerdict {
      const entry = accounts.get(accountKey(email, address));
      if (entry && entry.blockedUntil > now) return { allowed: false, retryAfterMs: entry.blockedUntil - now, reason: 'account' };
      let perAddress = addresses.get(address);
      if (!perAddress || now - perAddress.windowStart >= minute) {
        addresses.delete(address);
        perAddress = { count: 0, windowStart: now };
        addresses.set(address, perAddress);
        forgetOldest(addresses);
      }
      if (perAddress.count >= options.perAddressPerMinute) return { allowed: false, retryAfterMs: perAddress.windowStart + minute - now, reason: 'address' };
      perAddress.count++;
      return { allowed: true };
    },

    /** A wrong password (or an unknown address); may start a block. */
    failed(email: string, address: string, now: number) {
      const key = accountKey(email, address);
      let entry = accounts.get(key);
      if (!entry) {
        entry = { failures: 0, windowStart: now, blocks: 0, blockedUntil: 0, lastFailure: now };
        accounts.set(key, entry);
        forgetOldest(accounts);
      }
      if (now - entry.lastFailure > forgetBlocksAfterMs) entry.blocks = 0;
      if (now - entry.windowStart >= options.windowMs) {
        entry.failures = 0;
        entry.windowStart = now;
      }
      entry.failures++;
      entry.lastFailure = now;
      if (entry.failures >= options.maxFailures) {
        entry.blocks++;
        entry.blockedUntil = now + Math.min(options.windowMs * 2 ** (entry.blocks - 1), options.longestBlockMs);
        entry.failures = 0;
        entry.windowStart = entry.blockedUntil;
      }
    },

    /** The right password: that account starts afresh from that address. */
    succeeded(email: string, address: string) {
      accounts.delete(accountKey(email, address));
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * A plain count per key in fixed windows (password-reset requests per
 * address and per typed e-mail): at most `limit` within `windowMs`. In memory
 * like the sign-in throttle, with the same bound on remembered keys.
 */
export function createWindowLimit(options: { limit: number; windowMs: number; maxEntries?: number }) {
  const maxEntries = options.maxEntries ?? 100_000;
  const counts = new Map<string, { count: number; windowStart: number }>();
  return {
    /** Counts one attempt; false (and retryAfterMs) when the key has used its attempts. */
    take(key: string, now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
      let entry = counts.get(key);
      if (!entry || now - entry.windowStart >= options.windowMs) {
        counts.delete(key);
        entry = { count: 0, windowStart: now };
        counts.set(key, entry);
        for (const old of counts.keys()) {
          if (counts.size <= maxEntries) break;
          counts.delete(old);
        }
      }
      if (entry.count >= options.limit) return { allowed: false, retryAfterMs: entry.windowStart + options.windowMs - now };
      entry.count++;
      return { allowed: true };
    },
  };
}
