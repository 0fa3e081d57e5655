/*
 * What the release gate is asked about: one release in one environment. Both
 * are short names, so that a verdict (and its audit event) never carries
 * arbitrary text.
 */
import { InputError } from '@backstage/errors';

/** The longest release name the gate takes. @public */
export const MAX_GATE_RELEASE_LENGTH = 128;

/** The longest environment name the gate takes. @public */
export const MAX_GATE_ENVIRONMENT_LENGTH = 64;

const NAMES = {
  release: {
    max: MAX_GATE_RELEASE_LENGTH,
    pattern: /^[A-Za-z0-9][A-Za-z0-9._+-]*$/,
    allowed: 'letters, digits, ".", "_", "+" and "-"',
  },
  environment: {
    max: MAX_GATE_ENVIRONMENT_LENGTH,
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    allowed: 'letters, digits, ".", "_" and "-"',
  },
} as const;

/** A release in an environment, as the gate is asked about it. @public */
export type GateRequest = { release: string; environment: string };

/**
 * Checks the release and environment the gate is asked about, from a query
 * (`in: 'query'`, errors name the parameter) or a JSON body (`in: 'body'`,
 * errors name the field's pointer and unknown fields are refused). Throws an
 * `InputError` naming the first wrong one.
 *
 * @public
 */
export function validateGateRequest(
  input: unknown,
  options: { in: 'query' | 'body' },
): GateRequest {
  const prefix = options.in === 'body' ? '/' : '';
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(
      `${prefix || 'query'}: expected { release, environment }`,
    );
  }
  const raw = input as Record<string, unknown>;
  if (options.in === 'body') {
    const unknown = Object.keys(raw).find(
      key => key !== 'release' && key !== 'environment',
    );
    if (unknown !== undefined) {
      throw new InputError(
        `/${unknown}: unknown field; expected release, environment`,
      );
    }
  }
  const name = (field: keyof typeof NAMES): string => {
    const { max, pattern, allowed } = NAMES[field];
    const value = raw[field];
    if (value === undefined || value === '') {
      throw new InputError(`${prefix}${field}: is required`);
    }
    if (typeof value !== 'string') {
      throw new InputError(`${prefix}${field}: expected a string`);
    }
    if (value.length > max) {
      throw new InputError(
        `${prefix}${field}: longer than ${max} characters (${value.length})`,
      );
    }
    if (!pattern.test(value)) {
      throw new InputError(
        `${prefix}${field}: may hold ${allowed} only, starting with a letter or digit`,
      );
    }
    return value;
  };
  return { release: name('release'), environment: name('environment') };
}
