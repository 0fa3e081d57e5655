/*
 * What a partner sees of an entity they may read (docs/access/partner-view.md).
 * The catalog hands partners the marked entity itself; these rules take out
 * what belongs to the company rather than to the published entity: where it
 * is kept (server paths, source repositories), its status, and every
 * reference to an entity the partner cannot read (owner groups, systems,
 * dependencies). A reference is kept only when the caller may read its target.
 */
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Annotations a partner may see; every other annotation is internal. */
export const PARTNER_VISIBLE_ANNOTATIONS: ReadonlyArray<string | RegExp> = [
  /^readiness\.dev\//,
  'backstage.io/techdocs-ref',
];

/** The link `type` that publishes a link of a marked entity to partners. */
export const PARTNER_LINK_TYPE = 'partner';

// spec fields that name other entities, with the kind a short ref defaults to
const ENTITY_FIELDS: Record<string, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
  subcomponentOf: 'component',
  subdomainOf: 'domain',
  dependsOn: 'component',
  dependencyOf: 'component',
  providesApis: 'api',
  consumesApis: 'api',
  parent: 'group',
  children: 'group',
  memberOf: 'group',
  members: 'user',
};

// spec fields a partner may see besides the entity references above
const PLAIN_SPEC_FIELDS = [
  'type',
  'lifecycle',
  'definition',
  'profile',
  'target',
  'targets',
];

function toRef(value: unknown, defaultKind: string, namespace: string) {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
    );
  } catch {
    return undefined;
  }
}

/** Every entity ref an entity names, in its relations and its spec. */
export function refsNamedBy(entity: Entity): string[] {
  const namespace = entity.metadata?.namespace ?? 'default';
  const refs = new Set<string>();
  for (const relation of entity.relations ?? []) {
    refs.add(relation.targetRef.toLocaleLowerCase('en-US'));
  }
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  for (const [field, kind] of Object.entries(ENTITY_FIELDS)) {
    for (const value of ([] as unknown[]).concat(spec[field] ?? [])) {
      const ref = toRef(value, kind, namespace);
      if (ref) refs.add(ref.toLocaleLowerCase('en-US'));
    }
  }
  return [...refs];
}

/**
 * The partner view of an entity, also of one read with `fields` (only the
 * parts it has are kept). `isVisible` answers for full, lower-case entity
 * refs whether the caller may read the entity.
 */
export function partnerViewOfEntity(
  entity: Entity,
  isVisible: (ref: string) => boolean,
): Entity {
  const namespace = entity.metadata?.namespace ?? 'default';
  const visible = (value: unknown, kind: string) => {
    const ref = toRef(value, kind, namespace);
    return ref !== undefined && isVisible(ref.toLocaleLowerCase('en-US'));
  };

  const original = entity.metadata ?? ({} as Entity['metadata']);
  const metadata = {} as Entity['metadata'];
  for (const key of [
    'name',
    'namespace',
    'uid',
    'etag',
    'title',
    'description',
    'tags',
  ] as const) {
    if (original[key] !== undefined) {
      (metadata as Record<string, unknown>)[key] = original[key];
    }
  }
  const annotations = Object.fromEntries(
    Object.entries(original.annotations ?? {}).filter(([key]) =>
      PARTNER_VISIBLE_ANNOTATIONS.some(allowed =>
        typeof allowed === 'string' ? allowed === key : allowed.test(key),
      ),
    ),
  );
  if (Object.keys(annotations).length > 0) {
    metadata.annotations = annotations;
  }
  const links = (original.links ?? []).filter(
    link => link.type === PARTNER_LINK_TYPE,
  );
  if (links.length > 0) {
    metadata.links = links;
  }

  const spec: Record<string, unknown> = {};
  const source = (entity.spec ?? {}) as Record<string, unknown>;
  for (const field of PLAIN_SPEC_FIELDS) {
    if (source[field] !== undefined) spec[field] = source[field];
  }
  for (const [field, kind] of Object.entries(ENTITY_FIELDS)) {
    const value = source[field];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      spec[field] = value.filter(v => visible(v, kind));
    } else if (visible(value, kind)) {
      spec[field] = value;
    }
  }

  const view = {} as Entity;
  if (entity.apiVersion !== undefined) view.apiVersion = entity.apiVersion;
  if (entity.kind !== undefined) view.kind = entity.kind;
  if (entity.metadata !== undefined) view.metadata = metadata;
  if (entity.spec !== undefined) {
    view.spec = spec as Entity['spec'];
  }
  if (entity.relations !== undefined) {
    view.relations = entity.relations.filter(r =>
      isVisible(r.targetRef.toLocaleLowerCase('en-US')),
    );
  }
  return view;
}
