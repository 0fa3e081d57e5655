import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { FactDefinition, FactValue } from '@readiness/plugin-scorecards-common';

/**
 * The facts a provider computed for one entity. A fact left out is unknown
 * for the entity (checks that need it are `unknown`); `observedAt` defaults
 * to the time the batch was requested.
 *
 * @public
 */
export type EntityFactValues = {
  entityRef: string;
  facts: Readonly<Record<string, FactValue>>;
  /** ISO 8601 instant the values were true at, when it was not now. */
  observedAt?: string;
};

/**
 * A batch of entities to compute facts for.
 *
 * @public
 */
export type FactBatchRequest = {
  /** The entities of the batch, as the catalog holds them. */
  entities: readonly Entity[];
  /** ISO 8601 instant the batch is computed at. */
  now: string;
  /** Aborted when the scorecards backend gives up on the batch. */
  signal: AbortSignal;
};

/**
 * Why facts changed, when a provider signals it.
 *
 * @public
 */
export type FactChange = {
  /** The entities whose facts changed; recomputed without waiting for the nightly run. */
  entityRefs: readonly string[];
  /** The facts that changed, when the provider knows; all of its facts when absent. */
  factIds?: readonly string[];
};

/**
 * A family's source of facts: what it provides and how to compute it.
 *
 * @public
 */
export interface ScorecardFactProvider {
  /** The family (`reliability`, `api-portal`), also the prefix of its fact ids. */
  readonly id: string;
  /** The facts it provides; checks may name only declared facts. */
  readonly facts: readonly FactDefinition[];
  /**
   * Computes the provider's facts for a batch of entities, in one call per
   * batch rather than one per entity. Entities it has nothing to say about
   * are left out of the answer.
   */
  computeFacts(request: FactBatchRequest): Promise<EntityFactValues[]>;
  /**
   * Lets the provider say when facts changed (a run published, a drill
   * recorded), so scores follow events rather than polling. Returns a
   * function that stops the listening.
   */
  subscribe?(listener: (change: FactChange) => void): () => void;
}

/**
 * Lets backend modules add fact providers to the scorecards backend.
 *
 * @public
 */
export interface ScorecardsFactsExtensionPoint {
  /**
   * Adds providers. A provider id or a fact id already added throws, as
   * does a fact id that does not start with its provider's id.
   */
  addFactProvider(...providers: ScorecardFactProvider[]): void;
}

/**
 * The extension point for fact providers.
 *
 * @public
 */
export const scorecardsFactsExtensionPoint =
  createExtensionPoint<ScorecardsFactsExtensionPoint>({
    id: 'scorecards.facts',
  });
