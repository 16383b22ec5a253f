import { createHash, randomBytes } from 'node:crypto';

/** A secret for a link (32 random bytes, URL-safe). */
export const newToken = () => randomBytes(32).toString('base64url');
/** Confirmation tokens are kept only as their hash: a copy of the database confirms nobody. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** What a token in a path may look like; anything else is unknown without asking the database. */
export const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;
