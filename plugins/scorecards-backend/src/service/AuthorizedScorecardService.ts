import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityScope,
  entityScopeOf,
  isAllowed,
} from '@readiness/backend-http-utils';
import { scorecardsEntityReadPermission } from '@readiness/plugin-scorecards-common';
import {
  CallOptions,
  entityNotFound,
  ScopedScorecardService,
  ScorecardService,
} from './ScorecardService';

/** The lower-case ref of a path's entity, or a 400 naming it. */
function normalEntityRef(entityRef: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(entityRef)).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    throw new InputError(`"${entityRef}" is not an entity ref`);
  }
}

/**
 * Decides what a caller reaches, then asks the inner service with exactly
 * that scope. A caller denied scorecards outright (partners, tokens made for
 * other plugins) is refused with one 403 before anything is looked up, so an
 * internal entity and a missing one answer alike; a caller allowed on some
 * entities only is answered 404 for the others, in the words an absent
 * entity gets.
 */
export class AuthorizedScorecardService implements ScorecardService {
  constructor(
    private readonly inner: ScopedScorecardService,
    private readonly permissions: PermissionsService,
  ) {}

  async getScorecard(entityRef: string, options: CallOptions) {
    const ref = normalEntityRef(entityRef);
    const scope = await this.scopeOn(options.credentials, ref);
    return this.inner.getScorecard(ref, scope);
  }

  async getHistory(
    entityRef: string,
    range: { from?: string; to?: string },
    options: CallOptions,
  ) {
    const ref = normalEntityRef(entityRef);
    const scope = await this.scopeOn(options.credentials, ref);
    return this.inner.getHistory(ref, range, scope);
  }

  /**
   * The checks are the same for every entity: anyone who may read some
   * scorecard reads them; the problems of the check files only a caller
   * allowed on every entity.
   */
  async listChecks(options: CallOptions) {
    const result = await this.requireSomewhere(options.credentials);
    return this.inner.listChecks({
      withProblems: result === AuthorizeResult.ALLOW,
    });
  }

  /** Refuses a caller denied scorecards on every entity. */
  private async requireSomewhere(
    credentials: BackstageCredentials,
  ): Promise<AuthorizeResult> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: scorecardsEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError('You may not read scorecards');
    }
    return decision.result;
  }

  /**
   * The scope of one entity: refused outright with a 403, allowed, or
   * decided for the entity (conditions), where a refusal is the entity's
   * "not found".
   */
  private async scopeOn(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityScope> {
    const result = await this.requireSomewhere(credentials);
    if (
      result === AuthorizeResult.ALLOW ||
      (await isAllowed(this.permissions, credentials, {
        permission: scorecardsEntityReadPermission,
        resourceRef: entityRef,
      }))
    ) {
      return entityScopeOf([entityRef]);
    }
    throw entityNotFound(entityRef);
  }
}
