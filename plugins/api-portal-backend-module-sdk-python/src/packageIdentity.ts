import { InputError } from '@backstage/errors';
import { PYTHON_KEYWORDS } from './naming';
import type { PythonPackageIdentity } from './renderPackage';

const PEP440 =
  /^([1-9][0-9]*!)?(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*((a|b|rc)(0|[1-9][0-9]*))?(\.post(0|[1-9][0-9]*))?(\.dev(0|[1-9][0-9]*))?(\+[a-z0-9]+(\.[a-z0-9]+)*)?$/;
const PRERELEASE: Record<string, string> = {
  alpha: 'a',
  a: 'a',
  beta: 'b',
  b: 'b',
  rc: 'rc',
};

/**
 * A PEP 440 version for an API version: kept when valid, semver
 * pre-releases mapped (`1.0.0-beta.2` → `1.0.0b2`), dates made numeric
 * (`2023-08-16` → `2023.8.16`), anything else kept as a local label
 * (`2.1-preview` → `2.1+preview`).
 */
export function toPep440(version: string): string {
  const trimmed = version.trim().replace(/^v(?=\d)/i, '');
  if (PEP440.test(trimmed)) return trimmed;
  if (/^\d+([._-]\d+)*$/.test(trimmed)) {
    // Dates and other all-numeric versions: `2023-08-16` → `2023.8.16`.
    return trimmed
      .split(/[._-]/)
      .map(n => n.replace(/^0+(?=\d)/, ''))
      .join('.');
  }
  const semver = /^(\d+(?:\.\d+)*)-(alpha|a|beta|b|rc)[.-]?(\d+)?$/i.exec(
    trimmed,
  );
  if (semver) {
    const release = semver[1].replace(/(^|\.)0+(\d)/g, '$1$2');
    return `${release}${
      PRERELEASE[semver[2].toLocaleLowerCase('en-US')]
    }${Number(semver[3] ?? 0)}`;
  }
  const numeric = /^\d+(?:\.\d+)*/.exec(trimmed)?.[0];
  const release = numeric?.replace(/(^|\.)0+(\d)/g, '$1$2') ?? '0.0.0';
  const rest = trimmed.slice(numeric?.length ?? 0);
  const local = rest
    .toLocaleLowerCase('en-US')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('.');
  return local ? `${release}+${local}` : release;
}

/**
 * The distribution name, import package and version of the Python SDK: the
 * last segment of `packageName` (an npm-style scope is dropped), normalised.
 */
export function pythonPackageIdentity(
  packageName: string,
  packageVersion: string,
): PythonPackageIdentity {
  const base = packageName.split('/').pop() ?? '';
  const distribution = base
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!distribution) {
    throw new InputError(
      `Package name '${packageName}' has no letters or digits to name a Python package`,
    );
  }
  let module = distribution.replace(/-/g, '_');
  if (/^\d/.test(module)) module = `sdk_${module}`;
  if (PYTHON_KEYWORDS.has(module)) module = `${module}_`;
  return { distribution, module, version: toPep440(packageVersion) };
}
