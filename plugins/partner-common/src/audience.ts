import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * Annotation that publishes an entity to an audience. The only value with a
 * meaning today is {@link PARTNER_AUDIENCE}; an entity without it is internal.
 *
 * @public
 */
export const AUDIENCE_ANNOTATION = 'readiness.dev/audience';

/**
 * Value of {@link AUDIENCE_ANNOTATION} that makes an entity visible to partners.
 *
 * @public
 */
export const PARTNER_AUDIENCE = 'partner';

/**
 * Annotation with which a partner-facing entity also publishes its
 * reliability record (SLOs, perf runs, gates, drills, backups) to partners:
 * `readiness.dev/partner-reliability: published`. Without it partners see the
 * entity but none of that record.
 *
 * @public
 */
export const PARTNER_RELIABILITY_ANNOTATION =
  'readiness.dev/partner-reliability';

/**
 * Value of the publication annotations that publishes a record.
 *
 * @public
 */
export const PUBLISHED = 'published';

/**
 * Groups named `partner-<org>` hold the users of one partner organisation.
 *
 * @public
 */
export const PARTNER_GROUP_PREFIX = 'partner-';

/**
 * Who a signed-in caller is, for visibility decisions.
 *
 * - `internal`: a member of at least one internal group and of no partner group.
 * - `partner`: a member of one or more `partner-<org>` groups (whatever else).
 * - `unaffiliated`: a user who belongs to no group at all; sees nothing.
 *
 * @public
 */
export type CallerAudience =
  | { type: 'internal'; userEntityRef: string }
  | {
      type: 'partner';
      userEntityRef: string;
      /** The partner organisations, e.g. `acme` for `group:default/partner-acme`. */
      orgs: string[];
      /** The full refs of the caller's partner groups. */
      groupRefs: string[];
    }
  | { type: 'unaffiliated'; userEntityRef: string };

/**
 * The organisation a group ref stands for, when it is a partner group.
 *
 * @public
 */
export function partnerOrgOfGroupRef(ref: string): string | undefined {
  let parsed;
  try {
    parsed = parseEntityRef(ref);
  } catch {
    return undefined;
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
    return undefined;
  }
  const name = parsed.name.toLocaleLowerCase('en-US');
  if (!name.startsWith(PARTNER_GROUP_PREFIX)) {
    return undefined;
  }
  const org = name.slice(PARTNER_GROUP_PREFIX.length);
  return org.length > 0 ? org : undefined;
}

/**
 * Classifies a signed-in user from the ownership refs of their Backstage
 * identity (their own user ref plus the groups they are a member of).
 *
 * A user who is in a partner group is a partner even when also in an internal
 * group: the narrower audience wins.
 *
 * @public
 */
export function audienceOfCaller(identity: {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}): CallerAudience {
  const { userEntityRef } = identity;
  const groupRefs: string[] = [];
  const orgs = new Set<string>();
  let internalGroups = 0;
  for (const ref of identity.ownershipEntityRefs) {
    let parsed;
    try {
      parsed = parseEntityRef(ref);
    } catch {
      continue;
    }
    if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
      continue;
    }
    const org = partnerOrgOfGroupRef(ref);
    if (org) {
      orgs.add(org);
      groupRefs.push(stringifyEntityRef(parsed));
    } else {
      internalGroups += 1;
    }
  }
  if (orgs.size > 0) {
    return {
      type: 'partner',
      userEntityRef,
      orgs: [...orgs].sort(),
      groupRefs,
    };
  }
  if (internalGroups > 0) {
    return { type: 'internal', userEntityRef };
  }
  return { type: 'unaffiliated', userEntityRef };
}

/**
 * Whether an entity is published to partners.
 *
 * @public
 */
export function isPartnerFacing(entity: Entity): boolean {
  const value = entity.metadata.annotations?.[AUDIENCE_ANNOTATION];
  return value?.trim().toLocaleLowerCase('en-US') === PARTNER_AUDIENCE;
}

/**
 * Whether a caller of the given audience may see an entity. This mirrors the
 * conditional decision of the permission policy, for code that already holds
 * the entity and must decide in memory (for example when joining data of other
 * plugins to catalog entities).
 *
 * @public
 */
export function isEntityVisibleTo(
  audience: CallerAudience,
  entity: Entity,
): boolean {
  if (audience.type === 'internal') {
    return true;
  }
  if (audience.type === 'unaffiliated') {
    return false;
  }
  if (isPartnerFacing(entity)) {
    return true;
  }
  const ref = stringifyEntityRef(entity);
  return ref === audience.userEntityRef || audience.groupRefs.includes(ref);
}
