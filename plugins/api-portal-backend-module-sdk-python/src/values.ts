/*
 * Lenient reads of JSON values for the generator: a field of another type
 * reads as absent, so a broken part of a document is skipped, not fatal.
 */
import {
  isJsonObject as isObject,
  type JsonObject,
} from '@readiness/plugin-api-portal-common';

export { isObject, type JsonObject };

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}
