import { describe, expect, it } from 'vitest';
import { createSignInThrottle } from './sign-in-throttle.js';

const minute = 60_000;
const options = { maxFailures: 3, windowMs: 15 * minute, longestBlockMs: 60 * minute, perAddressPerMinute: 5 };

describe('the sign-in throttle', () => {
  it('blocks one account from one address after repeated wrong passwords, for longer each time', () => {
    const throttle = createSignInThrottle(options);
    const start = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('Ana@Example.org', '10.0.0.1', start + i)).toEqual({ allowed: true });
      throttle.failed('Ana@Example.org', '10.0.0.1', start + i);
    }
    expect(throttle.check('ana@example.org', '10.0.0.1', start + minute)).toMatchObject({ allowed: false, reason: 'account' });
    // the same account from elsewhere, and another account from here, are unaffected
    expect(throttle.check('ana@example.org', '10.0.0.2', start + minute)).toEqual({ allowed: true });
    expect(throttle.check('ben@example.org', '10.0.0.1', start + 2 * minute)).toEqual({ allowed: true });

    const afterFirst = start + 2 + 15 * minute;
    expect(throttle.check('ana@example.org', '10.0.0.1', afterFirst)).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) throttle.failed('ana@example.org', '10.0.0.1', afterFirst + i);
    const second = throttle.check('ana@example.org', '10.0.0.1', afterFirst + 3);
    expect(second).toMatchObject({ allowed: false, reason: 'account' });
    expect(second.allowed === false && second.retryAfterMs).toBe(30 * minute - 1);
  });

  it('forgets the failures of an account that signs in correctly', () => {
    const throttle = createSignInThrottle(options);
    throttle.failed('ana@example.org', '10.0.0.1', 0);
    throttle.failed('ana@example.org', '10.0.0.1', 1);
    throttle.succeeded('ana@example.org', '10.0.0.1');
    throttle.failed('ana@example.org', '10.0.0.1', 2);
    throttle.failed('ana@example.org', '10.0.0.1', 3);
    expect(throttle.check('ana@example.org', '10.0.0.1', 4)).toEqual({ allowed: true });
  });

  it('limits every attempt from one address per minute, far above the per-account limit', () => {
    const throttle = createSignInThrottle(options);
    for (let i = 0; i < 5; i++) expect(throttle.check(`person${i}@example.org`, '10.0.0.1', i)).toEqual({ allowed: true });
    expect(throttle.check('person5@example.org', '10.0.0.1', 10)).toEqual({ allowed: false, reason: 'address', retryAfterMs: minute - 10 });
    expect(throttle.check('person5@example.org', '10.0.0.1', minute)).toEqual({ allowed: true });
  });

  it('keeps a bounded number of keys in memory', () => {
    const throttle = createSignInThrottle({ ...options, maxEntries: 10 });
    for (let i = 0; i < 3; i++) throttle.failed('first@example.org', '10.0.0.1', i);
    expect(throttle.check('first@example.org', '10.0.0.1', 5)).toMatchObject({ allowed: false });
    for (let i = 0; i < 50; i++) throttle.failed(`other${i}@example.org`, '10.0.0.1', 10 + i);
    // the oldest key was forgotten, the newest are remembered
    expect(throttle.check('first@example.org', '10.0.0.1', 100)).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) throttle.failed('last@example.org', '10.0.0.1', 200 + i);
    expect(throttle.check('last@example.org', '10.0.0.1', 300)).toMatchObject({ allowed: false, reason: 'account' });
  });
});
