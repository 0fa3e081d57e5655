/*
 * Readers of the fields publishers send: each checks one field and throws an
 * `InputError` whose message starts with the field's JSON pointer.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const MAX_TEXT = 255;
const ENTITY_REF = /^[a-z0-9_.-]+:[a-z0-9_.-]+\/[a-z0-9_.-]+$/;

/** A trimmed, non-empty string of at most 255 characters. */
export function text(
  input: Record<string, unknown>,
  field: string,
  required: true,
): string;
export function text(
  input: Record<string, unknown>,
  field: string,
  required: boolean,
): string | undefined;
export function text(
  input: Record<string, unknown>,
  field: string,
  required: boolean,
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) {
    if (required) {
      throw new InputError(`/${field}: is required`);
    }
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`/${field}: expected a non-empty string`);
  }
  if (value.length > MAX_TEXT) {
    throw new InputError(`/${field}: longer than ${MAX_TEXT} characters`);
  }
  return value.trim();
}

/** An ISO 8601 date-time, returned in UTC. */
export function timestamp(
  input: Record<string, unknown>,
  field: string,
): string {
  const value = text(input, field, true);
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    throw new InputError(
      `/${field}: expected an ISO 8601 date-time, got ${value}`,
    );
  }
  return new Date(ms).toISOString();
}

/** An entity ref, returned in full lower-case form (`kind:namespace/name`). */
export function entityRefField(
  input: Record<string, unknown>,
  field: string,
): string {
  const ref = text(input, field, true);
  let entityRef = '';
  try {
    entityRef = stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    // reported below
  }
  if (!ENTITY_REF.test(entityRef)) {
    throw new InputError(
      `/${field}: not an entity ref (kind:namespace/name): ${ref}`,
    );
  }
  return entityRef;
}

/** A boolean, required. */
export function flag(input: Record<string, unknown>, field: string): boolean {
  const value = input[field];
  if (typeof value !== 'boolean') {
    throw new InputError(`/${field}: expected true or false`);
  }
  return value;
}

/** Refuses fields the schema does not name, so typos are not silently lost. */
export function onlyKnownFields(
  input: Record<string, unknown>,
  known: readonly string[],
): void {
  const unknown = Object.keys(input).find(key => !known.includes(key));
  if (unknown !== undefined) {
    throw new InputError(
      `/${unknown}: unknown field; expected ${known.join(', ')}`,
    );
  }
}
