import { AuthService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { isTransientFailure } from '@readiness/backend-http-utils';
import { retryTransient, TransientRetryOptions } from '@readiness/store-utils';

/**
 * How the services look entities up: by ref, with the plugin's credentials
 * (callers were authorized for the entity before).
 */
export type EntityReader = {
  getEntityByRef(
    entityRef: string | CompoundEntityRef,
  ): Promise<Entity | undefined>;
};

const MAX_ENTRIES = 2000;

/**
 * Entity lookups with the plugin's own credentials, kept for a few seconds.
 *
 * Every reader was authorized for the entity before (`reliability.entity.read`
 * bound to it), so the lookup only needs the entity's annotations; the
 * caller's credentials are not used, which also lets CI tokens that hold
 * nothing but reliability permissions publish and ask for gates. Only found
 * entities are kept: a newly registered one is never answered 404 from here.
 * A read that fails while the catalog is briefly out (its database dropped
 * a connection) is read again a few times.
 */
export class EntityLookup implements EntityReader {
  private readonly entries = new Map<string, { entity: Entity; at: number }>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      ttlSeconds: number;
      now?: () => number;
      /** Attempts and waits of a failed read; store-utils' defaults otherwise. */
      retry?: TransientRetryOptions;
    },
  ) {}

  async getEntityByRef(
    entityRef: string | CompoundEntityRef,
  ): Promise<Entity | undefined> {
    const key = (
      typeof entityRef === 'string' ? entityRef : stringifyEntityRef(entityRef)
    ).toLocaleLowerCase('en-US');
    const now = (this.deps.now ?? Date.now)();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.deps.ttlSeconds * 1000) {
      return kept.entity;
    }
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entity = await retryTransient(
      () => this.deps.catalog.getEntityByRef(entityRef, { credentials }),
      { isTransient: isTransientFailure, ...this.deps.retry },
    );
    this.entries.delete(key);
    if (entity) {
      if (this.entries.size >= MAX_ENTRIES) {
        // Oldest first: a Map iterates in insertion order
        this.entries.delete(this.entries.keys().next().value!);
      }
      this.entries.set(key, { entity, at: now });
    }
    return entity;
  }
}
