/** A value of a parsed JSON or YAML document. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | JsonObject;

/** An object of a parsed JSON or YAML document. */
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(
  object: JsonObject | undefined,
  key: string,
): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function objectField(
  object: JsonObject | undefined,
  key: string,
): JsonObject | undefined {
  const value = object?.[key];
  return isJsonObject(value) ? value : undefined;
}

export function arrayField(
  object: JsonObject | undefined,
  key: string,
): JsonValue[] {
  const value = object?.[key];
  return Array.isArray(value) ? value : [];
}

export function booleanField(
  object: JsonObject | undefined,
  key: string,
): boolean {
  return object?.[key] === true;
}
