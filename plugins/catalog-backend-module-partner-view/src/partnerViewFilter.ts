import {
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  partnerAudienceOf,
  rewriteJsonResponse,
} from '@readiness/backend-http-utils';
import {
  partnerViewOfEntity,
  refsNamedBy,
} from '@readiness/plugin-partner-common';
import express from 'express';

const jsonBody = express.json({ limit: '10mb' });

type Route = 'list' | 'page' | 'one' | 'ancestry' | 'byRefs' | 'facets';

function routeOf(method: string, path: string): Route | undefined {
  if (method === 'GET' && path === '/entities') return 'list';
  if (path === '/entities/by-query') return 'page';
  if (method === 'GET' && /^\/entities\/by-uid\/[^/]+$/.test(path))
    return 'one';
  if (
    method === 'GET' &&
    /^\/entities\/by-name\/[^/]+\/[^/]+\/[^/]+$/.test(path)
  ) {
    return 'one';
  }
  if (
    method === 'GET' &&
    /^\/entities\/by-name\/[^/]+\/[^/]+\/[^/]+\/ancestry$/.test(path)
  ) {
    return 'ancestry';
  }
  if (method === 'POST' && path === '/entities/by-refs') return 'byRefs';
  if (path === '/entity-facets') return 'facets';
  return undefined;
}

// Fields a partner may filter, order and search by, and ask facets of
const PLAIN_FIELDS = new Set([
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.uid',
  'metadata.tags',
  'metadata.description',
  'spec.type',
  'spec.lifecycle',
  'spec.profile.displayname',
]);
// Fields whose values name entities: allowed with visible entities only
const REF_FIELDS: Record<string, string> = {
  'spec.owner': 'group',
  'spec.system': 'system',
  'spec.domain': 'domain',
  'spec.providesapis': 'api',
  'spec.consumesapis': 'api',
  'spec.dependson': 'component',
  'spec.memberof': 'group',
};

const RELATION_KINDS: Record<string, string> = {
  'relations.ownedby': 'group',
  'relations.memberof': 'group',
  'relations.hasmember': 'user',
  'relations.parentof': 'group',
  'relations.childof': 'group',
};

function defaultKindOf(field: string): string | undefined {
  if (field.startsWith('relations.')) {
    return RELATION_KINDS[field] ?? 'component';
  }
  return REF_FIELDS[field];
}

function isPartnerField(field: string): boolean {
  const key = field.toLocaleLowerCase('en-US');
  return (
    PLAIN_FIELDS.has(key) ||
    key.startsWith('metadata.annotations.readiness.dev/') ||
    defaultKindOf(key) !== undefined
  );
}

function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return ([] as unknown[])
    .concat(value)
    .filter((v): v is string => typeof v === 'string');
}

function toRef(value: string, defaultKind: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

type Visibility = {
  /** Looks up which of these refs the caller may read. */
  load(refs: Iterable<string>): Promise<void>;
  isVisible(ref: string): boolean;
};

/**
 * Refuses queries of partners that filter, order or search by fields outside
 * the partner view, and refs they cannot read; otherwise a partner could ask
 * "which component is owned by team-finance" of the data the view hides.
 */
async function checkQuery(req: express.Request, visibility: Visibility) {
  const pairs: Array<[string, string | undefined]> = [];
  for (const filter of asList(req.query.filter)) {
    for (const part of filter.split(',')) {
      const [key, ...rest] = part.split('=');
      pairs.push([key.trim(), rest.length ? rest.join('=').trim() : undefined]);
    }
  }
  for (const field of [
    ...asList(req.query.fullTextFilterFields).flatMap(f => f.split(',')),
    ...asList(req.query.facet),
  ]) {
    pairs.push([field.trim(), undefined]);
  }
  // Ordering by a field whose values are hidden would still rank by them
  const orderFields = asList(req.query.orderField).map(o =>
    o.split(',')[0].trim(),
  );
  const body = req.body as Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(
      node as Record<string, unknown>,
    )) {
      if (key.startsWith('$')) {
        ([] as unknown[]).concat(value).forEach(walk);
        continue;
      }
      const values =
        value && typeof value === 'object' && !Array.isArray(value)
          ? asList((value as Record<string, unknown>).$in)
          : asList(value);
      if (values.length === 0) pairs.push([key, undefined]);
      values.forEach(v => pairs.push([key, v]));
    }
  };
  if (body && typeof body === 'object') {
    walk(body.query);
    for (const order of (body.orderBy as Array<{ field?: string }>) ?? []) {
      if (typeof order?.field === 'string') orderFields.push(order.field);
    }
    const fullText = body.fullTextFilter as { fields?: string[] } | undefined;
    asList(fullText?.fields).forEach(f => pairs.push([f, undefined]));
  }

  for (const field of orderFields) {
    if (!PLAIN_FIELDS.has(field.toLocaleLowerCase('en-US'))) {
      throw new InputError(
        `Ordering by ${field} is not available to partner users`,
      );
    }
  }
  const refs: string[] = [];
  for (const [field, value] of pairs) {
    if (!isPartnerField(field)) {
      throw new InputError(
        `The field ${field} is not available to partner users`,
      );
    }
    const kind = defaultKindOf(field.toLocaleLowerCase('en-US'));
    if (kind && value !== undefined) {
      const ref = toRef(value, kind);
      if (ref) refs.push(ref);
    }
  }
  if (refs.length === 0) return;
  await visibility.load(refs);
  for (const ref of refs) {
    if (!visibility.isVisible(ref)) {
      throw new InputError(`The filter names ${ref}, which you cannot see`);
    }
  }
}

function facetsView(
  body: { facets?: Record<string, Array<{ value: string; count: number }>> },
  visibility: Visibility,
) {
  const facets: Record<string, Array<{ value: string; count: number }>> = {};
  for (const [field, values] of Object.entries(body.facets ?? {})) {
    const key = field.toLocaleLowerCase('en-US');
    const kind = defaultKindOf(key);
    if (kind) {
      facets[field] = values.filter(v => {
        const ref = toRef(v.value, kind);
        return ref !== undefined && visibility.isVisible(ref);
      });
    } else {
      facets[field] = isPartnerField(field) ? values : [];
    }
  }
  return { ...body, facets };
}

/**
 * Middleware for the catalog plugin's router: partner users get the partner
 * view of every entity in entity and facet answers. Everyone else passes
 * untouched.
 *
 * @public
 */
export function createPartnerViewFilter(options: {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  catalog: CatalogService;
}): express.RequestHandler {
  const { httpAuth, userInfo, catalog } = options;
  return async (req, res, next) => {
    const route = routeOf(req.method, req.path);
    if (!route) {
      next();
      return;
    }
    try {
      const audience = await partnerAudienceOf(req, httpAuth, userInfo);
      if (!audience) {
        next();
        return;
      }
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      if (req.method === 'POST') {
        // Read here to check the query; the catalog's own parser then skips it
        await new Promise<void>((resolve, reject) =>
          jsonBody(req, res, error => (error ? reject(error) : resolve())),
        );
      }
      const own = new Set(
        [audience.userEntityRef, ...audience.groupRefs].map(r =>
          r.toLocaleLowerCase('en-US'),
        ),
      );
      const known = new Map<string, boolean>();
      const visibility: Visibility = {
        async load(refs) {
          const wanted = [...new Set(refs)].filter(
            r => !own.has(r) && !known.has(r),
          );
          if (wanted.length === 0) return;
          // Asked with the caller's own credentials: what the catalog
          // returns is exactly what they may read
          const { items } = await catalog.getEntitiesByRefs(
            { entityRefs: wanted, fields: ['kind', 'metadata.name'] },
            { credentials },
          );
          wanted.forEach((ref, i) =>
            known.set(ref, items[i] !== undefined && items[i] !== null),
          );
        },
        isVisible: ref => own.has(ref) || known.get(ref) === true,
      };
      await checkQuery(req, visibility);

      const viewOf = async (entities: Array<Entity | null>) => {
        await visibility.load(entities.flatMap(e => (e ? refsNamedBy(e) : [])));
        return entities.map(e =>
          e ? partnerViewOfEntity(e, visibility.isVisible) : e,
        );
      };
      rewriteJsonResponse(res, async body => {
        switch (route) {
          case 'list':
            return viewOf(body as Entity[]);
          case 'one':
            return (await viewOf([body as Entity]))[0];
          case 'page':
          case 'byRefs': {
            const page = body as { items: Array<Entity | null> };
            return { ...page, items: await viewOf(page.items) };
          }
          case 'ancestry': {
            const ancestry = body as {
              rootEntityRef: string;
              items: Array<{ entity: Entity; parentEntityRefs: string[] }>;
            };
            const refs = ancestry.items.map(i =>
              stringifyEntityRef(i.entity).toLocaleLowerCase('en-US'),
            );
            await visibility.load(refs);
            const kept = ancestry.items.filter((_, i) =>
              visibility.isVisible(refs[i]),
            );
            const views = await viewOf(kept.map(i => i.entity));
            return {
              ...ancestry,
              items: kept.map((item, i) => ({
                entity: views[i],
                parentEntityRefs: item.parentEntityRefs.filter(r =>
                  visibility.isVisible(r.toLocaleLowerCase('en-US')),
                ),
              })),
            };
          }
          case 'facets': {
            const facets = body as {
              facets?: Record<string, Array<{ value: string; count: number }>>;
            };
            const kinds = Object.entries(facets.facets ?? {}).flatMap(
              ([field, values]) => {
                const kind = defaultKindOf(field.toLocaleLowerCase('en-US'));
                return kind
                  ? values
                      .map(v => toRef(v.value, kind))
                      .filter((r): r is string => r !== undefined)
                  : [];
              },
            );
            await visibility.load(kinds);
            return facetsView(facets, visibility);
          }
          default:
            return body;
        }
      });
      next();
    } catch (error) {
      next(error);
    }
  };
}
