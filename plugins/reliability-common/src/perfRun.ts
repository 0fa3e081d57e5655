import { InputError } from '@backstage/errors';
import { PerfResults, PerfResultsFormat } from './perfResults';
import { entityRefField, text, timestamp } from './fields';

/**
 * What CI says about a run when it publishes it.
 *
 * @public
 */
export type PerfRunMetadata = {
  /** The catalog entity the run tested, e.g. `component:default/ledger`. */
  entityRef: string;
  /** The k6 scenario or script, e.g. `ledger-post`. */
  scenario: string;
  /** Where it ran, e.g. `staging`. */
  environment: string;
  release?: string;
  gitSha?: string;
  /** ISO 8601 */
  startedAt: string;
  /** ISO 8601, not before `startedAt` */
  finishedAt: string;
  /** k6's exit code; 99 means a threshold failed. */
  k6ExitCode?: number;
  /** Chosen by the publisher; publishing again with the same key is a no-op. */
  idempotencyKey: string;
};

/** @public */
export type PerfRunSummary = PerfRunMetadata & {
  id: string;
  createdAt: string;
  format: PerfResultsFormat;
  /** Threshold outcome with k6's exit code applied; absent when the run has none. */
  thresholdsPassed?: boolean;
};

/** @public */
export type PerfRun = PerfRunSummary & {
  results: PerfResults;
};

export type { Page } from '@readiness/client-utils';

const GIT_SHA = /^[0-9a-f]{7,64}$/i;

/**
 * Checks what a publisher sent about a run and returns it normalised (entity
 * ref in full lower-case form, times in UTC). Throws an `InputError` naming
 * the field.
 *
 * @public
 */
export function validatePerfRunMetadata(input: unknown): PerfRunMetadata {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError('/: expected an object with the run metadata');
  }
  const raw = input as Record<string, unknown>;
  const entityRef = entityRefField(raw, 'entityRef');
  const startedAt = timestamp(raw, 'startedAt');
  const finishedAt = timestamp(raw, 'finishedAt');
  if (Date.parse(finishedAt) < Date.parse(startedAt)) {
    throw new InputError('/finishedAt: is before startedAt');
  }
  const gitSha = text(raw, 'gitSha', false);
  if (gitSha !== undefined && !GIT_SHA.test(gitSha)) {
    throw new InputError(
      `/gitSha: expected a hexadecimal commit id, got ${gitSha}`,
    );
  }
  const exit = raw.k6ExitCode;
  if (
    exit !== undefined &&
    exit !== null &&
    (typeof exit !== 'number' ||
      !Number.isInteger(exit) ||
      exit < 0 ||
      exit > 255)
  ) {
    throw new InputError('/k6ExitCode: expected a whole number from 0 to 255');
  }
  const release = text(raw, 'release', false);
  return {
    entityRef,
    scenario: text(raw, 'scenario', true)!,
    environment: text(raw, 'environment', true)!,
    ...(release !== undefined && { release }),
    ...(gitSha !== undefined && { gitSha: gitSha.toLowerCase() }),
    startedAt,
    finishedAt,
    ...(typeof exit === 'number' && { k6ExitCode: exit }),
    idempotencyKey: text(raw, 'idempotencyKey', true)!,
  };
}
