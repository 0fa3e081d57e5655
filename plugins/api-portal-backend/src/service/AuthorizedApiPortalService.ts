import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  apiPortalEntityReadPermission,
  apiPortalEntityRefreshPermission,
  apiPortalLintReadPermission,
} from '@readiness/plugin-api-portal-common';
import {
  allowedEntities,
  entityScopeOf,
  requireOnEntity,
  scopeOf,
} from '@readiness/backend-http-utils';
import { FeedFormat } from './feeds';
import {
  Access,
  ApiPortalService,
  CallOptions,
  ScopedApiPortalService,
} from './ApiPortalService';
import {
  catalogEntityNotFound,
  definitionsNotFound,
  entityNotFound,
  familyNotFound,
  revisionNotFound,
} from './notFound';

/** The scope of what a read does not use: nothing. */
const NOTHING = entityScopeOf([]);

/**
 * Checks the api-portal permissions, each bound to the catalog entity the
 * data belongs to, and hands the inner service the scope the caller may see:
 * single entities and revisions are authorized before the inner service
 * runs; lists are narrowed to the entities the caller may read (and, for
 * lint totals, whose lint the caller may read). What the caller may not read
 * is "not found", worded as for a thing that does not exist; only an action
 * on a thing they can read is refused with 403.
 */
export class AuthorizedApiPortalService implements ApiPortalService {
  constructor(
    private readonly inner: ScopedApiPortalService,
    private readonly permissions: PermissionsService,
  ) {}

  async listFamilies(
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ) {
    const access = await this.access(options.credentials, () =>
      this.inner.entityRefs(),
    );
    return this.inner.listFamilies(page, { ...options, access });
  }

  async getFamily(name: string, options: CallOptions) {
    const access = await this.familyAccess(name, options.credentials);
    return this.inner.getFamily(name, { ...options, access });
  }

  async getProvidedApis(entityRef: string, options: CallOptions) {
    // The catalog read with the caller's credentials answers the same; asked
    // here too so the answer does not depend on the catalog client
    await requireOnEntity(this.permissions, options.credentials, {
      permission: catalogEntityReadPermission,
      read: catalogEntityReadPermission,
      entityRef,
      what: 'read',
      notFound: entityNotFound(entityRef),
    });
    // Only APIs the caller may see in the catalog are counted, shown or
    // hidden: a partner learns nothing of internal APIs, not even how many
    const provided = await this.inner.providedApiRefs(entityRef, options);
    const known = await allowedEntities(
      this.permissions,
      options.credentials,
      catalogEntityReadPermission,
      provided,
    );
    const apiRefs = provided.filter(ref => known.has(ref));
    const members = await this.inner.familyMembersOf(apiRefs);
    const access = await this.access(options.credentials, async () => [
      ...new Set([...apiRefs, ...members.map(m => m.entityRef)]),
    ]);
    return this.inner.summarizeProvidedApis(entityRef, apiRefs, members, {
      ...options,
      access,
    });
  }

  async listRevisions(
    entityRef: string,
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ) {
    const read = await requireOnEntity(this.permissions, options.credentials, {
      permission: apiPortalEntityReadPermission,
      read: apiPortalEntityReadPermission,
      entityRef,
      what: 'read the API definitions',
      notFound: definitionsNotFound(entityRef),
    });
    return this.inner.listRevisions(entityRef, page, {
      ...options,
      access: { read, lint: NOTHING },
    });
  }

  async getRevision(revisionId: string, options: CallOptions) {
    const read = await requireOnEntity(this.permissions, options.credentials, {
      permission: apiPortalEntityReadPermission,
      read: apiPortalEntityReadPermission,
      entityRef: await this.revisionEntityRef(revisionId),
      what: 'read the API definitions',
      notFound: revisionNotFound(revisionId),
    });
    return this.inner.getRevision(revisionId, {
      ...options,
      access: { read, lint: NOTHING },
    });
  }

  async getRevisionLint(revisionId: string, options: CallOptions) {
    const lint = await requireOnEntity(this.permissions, options.credentials, {
      permission: apiPortalLintReadPermission,
      read: apiPortalEntityReadPermission,
      entityRef: await this.revisionEntityRef(revisionId),
      what: 'read the lint results',
      notFound: revisionNotFound(revisionId),
    });
    return this.inner.getRevisionLint(revisionId, {
      ...options,
      access: { read: NOTHING, lint },
    });
  }

  async listChangelog(
    filter: { family?: string; breaking?: boolean },
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ) {
    const access = await this.changelogAccess(filter, options.credentials);
    return this.inner.listChangelog(filter, page, { ...options, access });
  }

  async renderFeed(
    format: FeedFormat,
    filter: { family?: string },
    options: CallOptions,
  ) {
    const access = await this.changelogAccess(filter, options.credentials);
    return this.inner.renderFeed(format, filter, { ...options, access });
  }

  async refresh(entityRef: string, options: CallOptions) {
    await requireOnEntity(this.permissions, options.credentials, {
      permission: apiPortalEntityRefreshPermission,
      read: apiPortalEntityReadPermission,
      entityRef,
      what: 'refresh the API definition',
      notFound: catalogEntityNotFound(entityRef),
    });
    return this.inner.refresh(entityRef);
  }

  /** The entity of a revision, to authorize; an absent revision is a 404. */
  private async revisionEntityRef(revisionId: string): Promise<string> {
    const entityRef = await this.inner.revisionEntityRef(revisionId);
    if (!entityRef) throw revisionNotFound(revisionId);
    return entityRef;
  }

  /**
   * What the caller may see of a family. A family none of whose APIs the
   * caller may read does not exist for them.
   */
  private async familyAccess(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<Access> {
    const access = await this.access(credentials, () =>
      this.inner.familyEntityRefs(name),
    );
    if (!access.read.all && access.read.entityRefs.size === 0) {
      throw familyNotFound(name);
    }
    return access;
  }

  /** What the caller may see of the changelog of one family or of all. */
  private changelogAccess(
    filter: { family?: string },
    credentials: BackstageCredentials,
  ): Promise<Access> {
    return filter.family
      ? this.familyAccess(filter.family, credentials)
      : this.access(credentials, () => this.inner.entityRefs());
  }

  /** What the caller may read among the candidates, and whose lint. */
  private async access(
    credentials: BackstageCredentials,
    candidates: () => Promise<string[]>,
  ): Promise<Access> {
    const read = await scopeOf(
      this.permissions,
      credentials,
      apiPortalEntityReadPermission,
      candidates,
    );
    const lint = await scopeOf(
      this.permissions,
      credentials,
      apiPortalLintReadPermission,
      async () => (read.all ? candidates() : [...read.entityRefs]),
    );
    return { read, lint };
  }
}
