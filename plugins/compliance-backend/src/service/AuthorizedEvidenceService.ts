import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  allowedEntities,
  EntityScope,
  entityScopeOf,
  requireEntityScope,
  requireSomewhere,
} from '@readiness/backend-http-utils';
import {
  complianceEntityReadPermission,
  complianceEvidenceFilePermission,
  complianceEvidenceWithdrawPermission,
} from '@readiness/plugin-compliance-common';
import {
  CallOptions,
  entityNotFound,
  EvidenceService,
  evidenceNotFound,
  MatrixQuery,
  ScopedEvidenceService,
} from './EvidenceService';
import { normalEntityRef } from './readFiling';

/**
 * Decides what a caller reaches, then asks the inner service with exactly
 * that scope. A caller denied a permission outright (partners, tokens made
 * for other plugins) is refused with one 403 before anything is looked up,
 * so an internal entity and a missing one answer alike; a caller allowed on
 * some entities only is answered 404 for the others, in the words an absent
 * entity gets.
 */
export class AuthorizedEvidenceService implements EvidenceService {
  constructor(
    private readonly inner: ScopedEvidenceService,
    private readonly permissions: PermissionsService,
  ) {}

  async getEntityRecord(entityRef: string, options: CallOptions) {
    const ref = normalEntityRef(entityRef);
    const scope = await this.scopeOn(
      options.credentials,
      complianceEntityReadPermission,
      ref,
      'read compliance records',
      entityNotFound(ref),
    );
    return this.inner.getEntityRecord(ref, scope);
  }

  async getEntitySummary(entityRef: string, options: CallOptions) {
    const ref = normalEntityRef(entityRef);
    const scope = await this.scopeOn(
      options.credentials,
      complianceEntityReadPermission,
      ref,
      'read compliance records',
      entityNotFound(ref),
    );
    return this.inner.getEntitySummary(ref, scope);
  }

  async listEvidence(
    entityRef: string,
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ) {
    const ref = normalEntityRef(entityRef);
    const scope = await this.scopeOn(
      options.credentials,
      complianceEntityReadPermission,
      ref,
      'read compliance records',
      entityNotFound(ref),
    );
    return this.inner.listEvidence(ref, page, scope);
  }

  async fileEvidence(body: unknown, options: CallOptions) {
    const { credentials } = options;
    await this.requireSomewhere(
      credentials,
      complianceEvidenceFilePermission,
      'file evidence',
    );
    const filing = await this.inner.checkFiling(body);
    const scope = await this.scopeOn(
      credentials,
      complianceEvidenceFilePermission,
      filing.entityRef,
      'file evidence',
      entityNotFound(filing.entityRef),
    );
    return this.inner.fileEvidence(filing, {
      scope,
      actor: actorOf(credentials),
    });
  }

  /**
   * Portal filings come from the portal's own plugins only: a service
   * principal of the plugin the portal evidence file names for the kind (the
   * plugin whose records the kind comes from). People and pipeline tokens
   * are refused with one 403, whatever the body; another plugin is refused
   * for a kind that is not its own. The plugin reports its own records, so
   * it reaches every entity.
   */
  async filePortalEvidence(body: unknown, options: CallOptions) {
    const principal = options.credentials.principal as {
      type: string;
      subject?: string;
    };
    const subject = principal.type === 'service' ? principal.subject : '';
    if (!subject?.startsWith('plugin:')) {
      throw new NotAllowedError(
        'Only the portal’s own plugins file evidence with a portalKind',
      );
    }
    const portal = this.inner.checkPortalFiling(body);
    // The portal evidence file names the plugin each kind comes from; a
    // kind it does not map files nothing, whoever reports it
    const filers = this.inner.portalFilersOf(portal.portalKind);
    if (filers && !filers.includes(subject)) {
      throw new NotAllowedError(
        `Only ${filers.join(', ')} file ${portal.portalKind} evidence`,
      );
    }
    const ref = normalEntityRef(portal.fields.entityRef);
    return this.inner.filePortalEvidence(portal, {
      scope: entityScopeOf([ref]),
      actor: actorOf(options.credentials),
    });
  }

  async withdrawEvidence(
    evidenceId: string,
    body: unknown,
    options: CallOptions,
  ) {
    const { credentials } = options;
    await this.requireSomewhere(
      credentials,
      complianceEvidenceWithdrawPermission,
      'withdraw evidence',
    );
    const entityRef = await this.inner.entityOfEvidence(evidenceId);
    if (!entityRef) throw evidenceNotFound(evidenceId);
    const scope = await this.scopeOn(
      credentials,
      complianceEvidenceWithdrawPermission,
      entityRef,
      'withdraw evidence',
      evidenceNotFound(evidenceId),
    );
    return this.inner.withdrawEvidence(evidenceId, body, {
      scope,
      actor: actorOf(credentials),
    });
  }

  async listFrameworks(options: CallOptions) {
    await this.requireSomewhere(
      options.credentials,
      complianceEntityReadPermission,
      'read compliance records',
    );
    return this.inner.listFrameworks();
  }

  async getMatrix(query: MatrixQuery, options: CallOptions) {
    return this.inner.getMatrix(query, await this.readScope(options));
  }

  async getMatrixGroup(
    query: MatrixQuery & { group: string },
    options: CallOptions,
  ) {
    return this.inner.getMatrixGroup(query, await this.readScope(options));
  }

  /**
   * The entities whose records a caller may read in views over many
   * entities: refused outright with a 403, all of them, or those the
   * conditions allow (asked for every entity with a control in scope).
   */
  private async readScope(options: CallOptions): Promise<EntityScope> {
    const { credentials } = options;
    const result = await this.requireSomewhere(
      credentials,
      complianceEntityReadPermission,
      'read compliance records',
    );
    if (result === AuthorizeResult.ALLOW) return { all: true };
    return entityScopeOf(
      await allowedEntities(
        this.permissions,
        credentials,
        complianceEntityReadPermission,
        await this.inner.matrixEntityRefs(),
      ),
    );
  }

  /** Refuses a caller denied the permission on every entity. */
  private requireSomewhere(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    what: string,
  ) {
    return requireSomewhere(this.permissions, credentials, permission, what);
  }

  /**
   * The scope of one entity for a permission: refused outright with a 403,
   * allowed, or decided for the entity (conditions), where a refusal is the
   * entity's "not found".
   */
  private async scopeOn(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    what: string,
    notFound: NotFoundError,
  ): Promise<EntityScope> {
    const { scope } = await requireEntityScope(this.permissions, credentials, {
      permission,
      entityRef,
      what,
      notFound,
    });
    return scope;
  }
}

/** Who filed or withdrew: the user's entity ref, or the token's subject. */
function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  return `service:${principal.subject ?? 'unknown'}`;
}
