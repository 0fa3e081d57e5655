/*
 * API families: the catalog keeps one API entity per major version
 * (`ledger-api-v1`, `ledger-api-v2`); the portal groups them into a family
 * and orders the versions. The family is the `readiness.dev/api-family`
 * annotation, or else the entity name without its version suffix.
 */
import type { Entity } from '@backstage/catalog-model';
import semver from 'semver';

/**
 * Annotation naming the API family an API entity belongs to, e.g.
 * `readiness.dev/api-family: ledger-api`.
 *
 * @public
 */
export const API_FAMILY_ANNOTATION = 'readiness.dev/api-family';

/*
 * A version suffix: a separator (`-`, `_`, `.`) followed by either
 * - `v` + dotted/underscored numbers with an optional pre-release tag
 *   (`-v2`, `_v3`, `-v2.1`, `-v1beta1`, `-v2-alpha`), or
 * - an ISO calendar date (`-2024-01-01`), as used by date-versioned APIs.
 * A bare number (`oauth-2`, `s3`) is not a version suffix: too often part of
 * the name itself.
 */
const VERSION_SUFFIX =
  /[-_.](v\d+(?:[._]\d+)*(?:[-_.]?(?:alpha|beta|rc|preview)\.?\d*)?|\d{4}-\d{2}-\d{2})$/i;

/**
 * The version suffix of an entity name, without its separator:
 * `ledger-api-v2` → `v2`, `rates-2024-01-01` → `2024-01-01`; `undefined`
 * when the name has none.
 *
 * @public
 */
export function versionSuffixOf(name: string): string | undefined {
  const match = VERSION_SUFFIX.exec(name);
  // A name that is nothing but a version keeps it as its family name.
  if (!match || match.index === 0) {
    return undefined;
  }
  return match[1];
}

/**
 * The family name derived from an entity name alone: the name without its
 * version suffix (see {@link versionSuffixOf}), or the name itself.
 *
 * @public
 */
export function defaultFamilyName(name: string): string {
  const suffix = versionSuffixOf(name);
  return suffix === undefined
    ? name
    : name.slice(0, name.length - suffix.length - 1);
}

/**
 * The API family of an entity: its `readiness.dev/api-family` annotation when
 * set and not blank, else {@link defaultFamilyName} of its name.
 *
 * @public
 */
export function familyOf(entity: Entity): string {
  const annotated = entity.metadata.annotations?.[API_FAMILY_ANNOTATION];
  if (annotated !== undefined && annotated.trim() !== '') {
    return annotated.trim();
  }
  return defaultFamilyName(entity.metadata.name);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Kubernetes-style `v1beta1`, `v2alpha`, `2.1rc2`: a pre-release glued on. */
const GLUED_PRERELEASE =
  /^v?(\d+(?:\.\d+){0,2})[-_.]?(alpha|beta|rc|preview)\.?(\d*)$/i;

const naturalOrder = new Intl.Collator('en', {
  numeric: true,
  sensitivity: 'base',
});

/** A version string read as semver, or undefined when it has no numbers. */
function asSemver(version: string): semver.SemVer | undefined {
  const trimmed = version.trim();
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    // Calendar versions order by date: 2024-01-01 → 2024.1.1.
    return semver.parse(`${+date[1]}.${+date[2]}.${+date[3]}`) ?? undefined;
  }
  const glued = GLUED_PRERELEASE.exec(trimmed);
  if (glued) {
    const [, release, tag, number] = glued;
    const core = semver.coerce(release);
    const pre = number ? `${tag.toLowerCase()}.${number}` : tag.toLowerCase();
    return (core && semver.parse(`${core.version}-${pre}`)) ?? undefined;
  }
  const strict = semver.parse(trimmed, { loose: true });
  if (strict) {
    return strict;
  }
  return (
    semver.coerce(trimmed, { loose: true, includePrerelease: true }) ??
    undefined
  );
}

/**
 * Orders two version strings, oldest first (a negative number when `a` is
 * older than `b`).
 *
 * Versions are read as semver, leniently: `v2` is 2.0.0, `2.1` is 2.1.0,
 * `1.0.0-beta.1` is a pre-release of 1.0.0, and an ISO date `2024-01-01` is
 * 2024.1.1 so dates order chronologically. Strings without a number
 * (`latest`, `beta`) sort before every version and among themselves in
 * natural order. Two strings that read as the same version (`v2` and
 * `2.0.0`) fall back to natural order, so the order is total and stable.
 *
 * @public
 */
export function compareVersions(a: string, b: string): number {
  const va = asSemver(a);
  const vb = asSemver(b);
  if (va && vb) {
    const bySemver = semver.compare(va, vb);
    if (bySemver !== 0) {
      return bySemver;
    }
  } else if (va) {
    return 1;
  } else if (vb) {
    return -1;
  }
  return naturalOrder.compare(a, b);
}

/**
 * Versions sorted oldest first by {@link compareVersions}; the input is not
 * changed.
 *
 * @public
 */
export function sortVersions(versions: readonly string[]): string[] {
  return [...versions].sort(compareVersions);
}

/**
 * The major version of a version string read as {@link compareVersions}
 * reads it (`v2` is 2, `2.1.0` is 2, a date `2024-01-01` is 2024), or
 * undefined when it has no number.
 *
 * @public
 */
export function majorVersion(version: string): number | undefined {
  return asSemver(version)?.major;
}

/**
 * Whether a version string reads as a semver pre-release (`2.0.0-beta.1`,
 * `v3-rc1`).
 *
 * @public
 */
export function isPrerelease(version: string): boolean {
  const parsed = asSemver(version);
  return parsed !== undefined && parsed.prerelease.length > 0;
}

/**
 * The newest of some versions by {@link compareVersions}, or `undefined` for
 * none. Pre-releases count only when no release exists, unless
 * `includePrerelease` is set.
 *
 * @public
 */
export function latestVersion(
  versions: readonly string[],
  options?: { includePrerelease?: boolean },
): string | undefined {
  const releases = options?.includePrerelease
    ? versions
    : versions.filter(v => !isPrerelease(v));
  const candidates = releases.length > 0 ? releases : versions;
  let latest: string | undefined;
  for (const version of candidates) {
    if (latest === undefined || compareVersions(version, latest) > 0) {
      latest = version;
    }
  }
  return latest;
}
