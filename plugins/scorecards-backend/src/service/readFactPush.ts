/*
 * Reads a push of facts from a request body: every field checked against
 * the declarations of the facts CI may push, and a bad one refused with a
 * 400 that names it, before anything is looked up or stored. Who may push
 * which fact, and the entity, are settled by the services.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  FactDefinition,
  FactValue,
  nearestId,
  PUSHED_FACT_PROVIDER,
  PushedFactDefinition,
  readPushedFactValue,
} from '@readiness/plugin-scorecards-common';
import { contentHash } from '@readiness/store-utils';

/** A push, checked: what the store keeps but who pushed it. */
export type CheckedFactPush = {
  idempotencyKey: string;
  /** Full and lower-case. */
  entityRef: string;
  /** The values by fact id, in the order of the ids. */
  facts: Record<string, FactValue>;
  /** When the values were true, in UTC; absent: when received. */
  observedAt?: string;
  /** The hash of the push as sent, to tell a retry from a reuse of its key. */
  contentHash: string;
};

/** What a push is checked against. */
export type FactPushRules = {
  /** The facts CI may push, by id. */
  pushed: ReadonlyMap<string, PushedFactDefinition>;
  /** The facts the portal computes, to say so when one is pushed. */
  computed: ReadonlyMap<string, FactDefinition>;
  now: Date;
};

/** The most facts one push may hold. */
export const MAX_PUSHED_FACTS = 50;

const FIELDS = ['idempotencyKey', 'entityRef', 'facts', 'observedAt'];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:/@+-]{1,200}$/;
// ISO 8601 date-time with a zone, as the OpenAPI date-time format
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
// Clocks of pipelines differ a little from ours
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const EXAMPLE = '{ "ci.coverage.line": 81.5 }';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readEntityRef(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      'entityRef: required, an entity ref such as component:default/ledger',
    );
  }
  try {
    return stringifyEntityRef(parseEntityRef(value.trim())).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    throw new InputError(
      `entityRef: "${value}" is not an entity ref such as component:default/ledger`,
    );
  }
}

function readObservedAt(value: unknown, now: Date): string | undefined {
  if (value === undefined) return undefined;
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(at)) {
    throw new InputError(
      'observedAt: expected an ISO 8601 date-time with a time zone, such as 2026-12-01T10:00:00Z',
    );
  }
  if (at > now.getTime() + CLOCK_SKEW_MS) {
    throw new InputError(
      'observedAt: in the future; push facts once they were observed',
    );
  }
  return new Date(at).toISOString();
}

/** The problem of a fact id no declaration names, with a hint. */
function unknownFact(id: string, rules: FactPushRules): string {
  const computed = rules.computed.get(id);
  if (computed) {
    return `computed by the portal (${computed.provider}), not pushed; pushed facts are ${PUSHED_FACT_PROVIDER}.<name>`;
  }
  const near = nearestId(id, rules.pushed.keys());
  return `not a fact CI may push${
    near ? `; did you mean ${near}?` : ''
  } (pushed facts are declared in scorecards/facts)`;
}

function readFacts(
  value: unknown,
  rules: FactPushRules,
): Record<string, FactValue> {
  if (!isRecord(value)) {
    throw new InputError(
      `facts: required, the values by fact id, such as ${EXAMPLE}`,
    );
  }
  const ids = Object.keys(value).sort();
  if (ids.length === 0) {
    throw new InputError(
      `facts: names no fact; give the values by fact id, such as ${EXAMPLE}`,
    );
  }
  if (ids.length > MAX_PUSHED_FACTS) {
    throw new InputError(
      `facts: ${ids.length} facts, over the limit of ${MAX_PUSHED_FACTS} per push`,
    );
  }
  const facts: Record<string, FactValue> = {};
  for (const id of ids) {
    const definition = rules.pushed.get(id);
    if (!definition) {
      throw new InputError(`facts/${id}: ${unknownFact(id, rules)}`);
    }
    const read = readPushedFactValue(definition, value[id]);
    if ('problem' in read) {
      throw new InputError(`facts/${id}: ${read.problem}`);
    }
    facts[id] = read.value;
  }
  return facts;
}

/** Reads and checks a push; the entity and the pusher are checked by the services. */
export function readFactPush(
  body: unknown,
  rules: FactPushRules,
): CheckedFactPush {
  if (!isRecord(body)) {
    throw new InputError('request body: expected a JSON object');
  }
  const unknown = Object.keys(body).find(k => !FIELDS.includes(k));
  if (unknown !== undefined) {
    throw new InputError(
      `${unknown}: unknown field; expected ${FIELDS.join(', ')}`,
    );
  }
  const key = body.idempotencyKey;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new InputError(
      'idempotencyKey: required, 1 to 200 letters, digits and . _ : / @ + -',
    );
  }
  const entityRef = readEntityRef(body.entityRef);
  const facts = readFacts(body.facts, rules);
  const observedAt = readObservedAt(body.observedAt, rules.now);
  return {
    idempotencyKey: key,
    entityRef,
    facts,
    ...(observedAt !== undefined && { observedAt }),
    contentHash: contentHash({
      entityRef,
      facts,
      observedAt: observedAt ?? null,
    }),
  };
}
