import { describeValue } from '@readiness/data-files';
import { isIsoInstant } from '../dataFiles';
import { FactValue, PushedFactDefinition } from './types';

/**
 * The longest text a pushed string fact may hold.
 *
 * @public
 */
export const MAX_PUSHED_TEXT = 500;

function rangeOf(definition: PushedFactDefinition): string {
  const { minimum, maximum } = definition;
  if (minimum !== undefined && maximum !== undefined) {
    return ` from ${minimum} to ${maximum}`;
  }
  if (minimum !== undefined) return ` of at least ${minimum}`;
  if (maximum !== undefined) return ` of at most ${maximum}`;
  return '';
}

/**
 * A pushed value checked against its fact's declaration: the value to
 * record (a timestamp as an instant in UTC), or what is wrong with it in
 * words that follow the field's name (`expected a number from 0 to 100,
 * got 120`).
 *
 * @public
 */
export function readPushedFactValue(
  definition: PushedFactDefinition,
  value: unknown,
): { value: FactValue } | { problem: string } {
  const got = `got ${describeValue(value)}`;
  switch (definition.type) {
    case 'number': {
      const wanted = `expected ${
        definition.integer ? 'a whole number' : 'a number'
      }${rangeOf(definition)}${definition.unit ? ` (${definition.unit})` : ''}`;
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (definition.integer && !Number.isInteger(value)) ||
        (definition.minimum !== undefined && value < definition.minimum) ||
        (definition.maximum !== undefined && value > definition.maximum)
      ) {
        return { problem: `${wanted}, ${got}` };
      }
      return { value };
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? { value }
        : { problem: `expected true or false, ${got}` };
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') {
        return { problem: `expected a non-empty string, ${got}` };
      }
      if (definition.values && !definition.values.includes(value)) {
        return {
          problem: `expected one of ${definition.values.join(', ')}, ${got}`,
        };
      }
      if (value.length > MAX_PUSHED_TEXT) {
        return {
          problem: `${value.length} characters, over the limit of ${MAX_PUSHED_TEXT}`,
        };
      }
      return { value };
    case 'timestamp':
      if (typeof value !== 'string' || !isIsoInstant(value)) {
        return {
          problem: `expected an ISO 8601 instant such as 2026-12-01T10:00:00Z, ${got}`,
        };
      }
      return {
        value: new Date(Date.parse(value)).toISOString().replace('.000Z', 'Z'),
      };
    default:
      return { problem: `${definition.id} has an unknown type` };
  }
}
