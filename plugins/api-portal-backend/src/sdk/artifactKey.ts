import { InputError } from '@backstage/errors';

/**
 * What identifies a built SDK: the same spec built by the same generator
 * version always gives the same archive, so it is built once.
 */
export interface SdkContentAddress {
  /** Hash of the bundled spec (hex or base64url), e.g. its SHA-256. */
  specHash: string;
  /** The generator's `language`. */
  language: string;
  /** The generator's `version`. */
  generatorVersion: string;
}

const SAFE = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The artifact store key of an SDK archive:
 * `sdk/<language>/<generatorVersion>/<specHash>.tar.gz`, with the generator
 * version URI-encoded so keys stay valid object-storage names.
 */
export function sdkArtifactKey(address: SdkContentAddress): string {
  const { specHash, language, generatorVersion } = address;
  if (!SAFE.test(specHash)) {
    throw new InputError(`Invalid spec hash '${specHash}'`);
  }
  if (!SAFE.test(language)) {
    throw new InputError(`Invalid SDK language '${language}'`);
  }
  if (!generatorVersion || generatorVersion.length > 128) {
    throw new InputError(`Invalid generator version '${generatorVersion}'`);
  }
  return `sdk/${language}/${encodeURIComponent(
    generatorVersion,
  )}/${specHash}.tar.gz`;
}
