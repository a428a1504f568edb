import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque secrets handed to clients (session cookies, API tokens). Only their SHA-256 is stored, so
 * a copy of the database does not let anyone sign in. A prefix says what kind of secret it is.
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
