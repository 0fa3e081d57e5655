/*
 * Security requirements as alternatives (any one suffices) of scheme sets
 * (all needed), each scheme with the scopes it demands. A client that met an
 * old alternative keeps working when some new alternative asks for no scheme
 * and no scope that the old one did not already have.
 */
import { isJsonObject as isObject, Located } from '../reader';

/** One alternative: scheme name → required scopes. @public */
export type SecurityAlternative = ReadonlyMap<string, ReadonlySet<string>>;

/** The security requirements in force for an operation or the document. @public */
export type SecurityRequirements = {
  /** Where they are declared; undefined when nothing is. */
  pointer?: string;
  alternatives: SecurityAlternative[];
};

/** Reads a `security` array (absent means no requirement). */
export function readSecurity(located?: Located): SecurityRequirements {
  if (!located || !Array.isArray(located.value)) {
    return { alternatives: [] };
  }
  const alternatives = located.value.filter(isObject).map(alternative => {
    const schemes = new Map<string, ReadonlySet<string>>();
    for (const [scheme, scopes] of Object.entries(alternative)) {
      schemes.set(
        scheme,
        new Set(
          Array.isArray(scopes)
            ? scopes.filter((s): s is string => typeof s === 'string')
            : [],
        ),
      );
    }
    return schemes;
  });
  return { pointer: located.pointer, alternatives };
}

/** Whether a caller without credentials is admitted. */
export function admitsAnonymous(requirements: SecurityRequirements): boolean {
  return (
    requirements.alternatives.length === 0 ||
    requirements.alternatives.some(a => a.size === 0)
  );
}

function satisfiedBy(
  needed: SecurityAlternative,
  held: SecurityAlternative,
): boolean {
  for (const [scheme, scopes] of needed) {
    const heldScopes = held.get(scheme);
    if (!heldScopes) {
      return false;
    }
    for (const scope of scopes) {
      if (!heldScopes.has(scope)) {
        return false;
      }
    }
  }
  return true;
}

/**
 * The old alternatives whose holders the new requirements shut out: those
 * no new alternative is satisfied by.
 */
export function lostAlternatives(
  before: SecurityRequirements,
  after: SecurityRequirements,
): SecurityAlternative[] {
  if (admitsAnonymous(after)) {
    return [];
  }
  const held = admitsAnonymous(before)
    ? [new Map<string, ReadonlySet<string>>()]
    : before.alternatives;
  return held.filter(
    h => !after.alternatives.some(needed => satisfiedBy(needed, h)),
  );
}

/** An alternative for messages: `oauth2[ledger:write] + apiKey`. */
export function formatAlternative(alternative: SecurityAlternative): string {
  if (alternative.size === 0) {
    return 'anonymous';
  }
  return [...alternative]
    .map(([scheme, scopes]) =>
      scopes.size > 0 ? `${scheme}[${[...scopes].join(', ')}]` : scheme,
    )
    .join(' + ');
}
