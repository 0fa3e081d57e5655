/*
 * An in-process catalog for the API portal benchmark: the API entities in
 * name order, served in pages with a cursor and the requested fields only.
 * Each page and batch is a JSON copy, as the catalog's HTTP client decodes
 * one, so a pass pays for every definition it reads (`copy: false` hands out
 * shared objects instead); single lookups (permission checks) are shared. The
 * catalog's test double (InMemoryCatalogClient) is not
 * used: it lower-cases every field of every entity, definitions included, on
 * each page, which would dominate a pass over 1,000 large definitions.
 */
import {
  createServiceFactory,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError, NotImplementedError } from '@backstage/errors';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import express from 'express';

type Query = {
  filter?: unknown;
  limit?: number;
  cursor?: string;
  fields?: string[];
};

function pick(entity: Entity, fields?: string[]): Entity {
  if (!fields?.length) return entity;
  const out: Record<string, any> = {};
  for (const field of fields) {
    const parts = field.split('.');
    let from: any = entity;
    for (const part of parts) from = from?.[part];
    if (from === undefined) continue;
    let to = out;
    for (const part of parts.slice(0, -1)) to = to[part] ??= {};
    to[parts[parts.length - 1]] = from;
  }
  return out as Entity;
}

/** The part of the catalog service the api-portal backend calls. */
export class BenchCatalog {
  private readonly byRef: Map<string, Entity>;
  private readonly apis: Entity[];
  /** Time spent answering queryEntities and getEntitiesByRefs, ms. */
  queryMs = 0;
  /** The longest single answer, ms (it blocks the event loop that long). */
  longestCallMs = 0;

  constructor(entities: Entity[], private readonly options: { copy: boolean }) {
    this.byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
    this.apis = entities
      .filter(e => e.kind === 'API')
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name, 'en'));
  }

  setCopy(copy: boolean) {
    (this.options as { copy: boolean }).copy = copy;
  }

  private spent(ms: number) {
    this.queryMs += ms;
    this.longestCallMs = Math.max(this.longestCallMs, ms);
  }

  private answer<T>(value: T): T {
    return this.options.copy ? JSON.parse(JSON.stringify(value)) : value;
  }

  async queryEntities(request: Query) {
    const started = performance.now();
    if (
      !request.cursor &&
      JSON.stringify(request.filter) !== JSON.stringify({ kind: 'API' })
    ) {
      throw new NotImplementedError(
        `the bench catalog answers the filter {kind: 'API'} only, not ${JSON.stringify(
          request.filter,
        )}`,
      );
    }
    const offset = request.cursor ? Number(request.cursor) : 0;
    const limit = request.limit ?? this.apis.length;
    const items = this.answer(
      this.apis.slice(offset, offset + limit).map(e => pick(e, request.fields)),
    );
    const next = offset + limit;
    this.spent(performance.now() - started);
    return {
      items,
      totalItems: this.apis.length,
      pageInfo: next < this.apis.length ? { nextCursor: String(next) } : {},
    };
  }

  async getEntityByRef(ref: string | { kind: string; name: string }) {
    const entity = this.byRef.get(
      stringifyEntityRef(typeof ref === 'string' ? parseEntityRef(ref) : ref),
    );
    return entity;
  }

  async getEntitiesByRefs(request: {
    entityRefs: string[];
    fields?: string[];
  }) {
    const started = performance.now();
    const items = this.answer(
      request.entityRefs.map(ref => {
        const entity = this.byRef.get(ref);
        return entity ? pick(entity, request.fields) : undefined;
      }),
    );
    this.spent(performance.now() - started);
    return { items };
  }

  /** The catalog service for a test backend. */
  factory() {
    return createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => this as unknown as CatalogService,
    });
  }
}

/**
 * The latency baseline: `GET /api/bench-catalog/entities/by-name/...`, the
 * catalog's by-name call through the same HTTP stack, auth and permission
 * services as the api-portal's routes.
 */
export const benchCatalogPlugin = createBackendPlugin({
  pluginId: 'bench-catalog',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, catalog }) {
        const router = express.Router();
        router.get(
          '/entities/by-name/:kind/:namespace/:name',
          (req, res, next) => {
            (async () => {
              const credentials = await httpAuth.credentials(req, {
                allow: ['user', 'service'],
              });
              const { kind, namespace, name } = req.params;
              const entity = await catalog.getEntityByRef(
                { kind, namespace, name },
                { credentials },
              );
              if (!entity) {
                throw new NotFoundError(`${kind}:${namespace}/${name}`);
              }
              res.json(entity);
            })().catch(next);
          },
        );
        httpRouter.use(router);
      },
    });
  },
});
