import { SANDBOX_KEY_PREFIX } from '@readiness/plugin-partner-common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Lower-case letters and digits without look-alikes, for the visible prefix
const PREFIX_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PREFIX_LENGTH = 10;
const SECRET_BYTES = 32;

const KEY_PATTERN = new RegExp(
  `^(${SANDBOX_KEY_PREFIX}[${PREFIX_ALPHABET}]{${PREFIX_LENGTH}})_([A-Za-z0-9_-]{43})$`,
);

/** A new key: the whole secret (shown once), its prefix and its hash. */
export function newSandboxKey(): {
  secret: string;
  prefix: string;
  secretHash: string;
} {
  const bytes = randomBytes(PREFIX_LENGTH);
  let prefix = SANDBOX_KEY_PREFIX;
  for (const byte of bytes) {
    prefix += PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length];
  }
  const secret = `${prefix}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, prefix, secretHash: hashSecret(secret) };
}

/** SHA-256 of the whole key: keys are 256 random bits, so no slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The prefix of a well-formed key, or undefined. */
export function prefixOf(secret: string): string | undefined {
  return KEY_PATTERN.exec(secret)?.[1];
}

// Compared against when no key has the prefix, so a miss costs what a hit does
const ABSENT_HASH = hashSecret('absent');

/**
 * Whether a presented key matches a stored hash, in time that does not depend
 * on how much of it matches (or on whether a key was found at all).
 */
export function secretMatches(
  presented: string,
  storedHash: string | undefined,
): boolean {
  const expected = Buffer.from(storedHash ?? ABSENT_HASH, 'hex');
  const actual = Buffer.from(hashSecret(presented), 'hex');
  return timingSafeEqual(expected, actual) && storedHash !== undefined;
}
