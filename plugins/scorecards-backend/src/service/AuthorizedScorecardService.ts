import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  decidedEntityScope,
  EntityScope,
  requireEntityScope,
  requireSomewhere,
} from '@readiness/backend-http-utils';
import {
  scorecardsEntityReadPermission,
  scorecardsFactsPushPermission,
} from '@readiness/plugin-scorecards-common';
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
 *
 * Facts are pushed by pipelines only: a service token that holds
 * `scorecards.facts.push` (checked before the body is read), and whose
 * subject the declaration of every fact it pushes names in `pushedBy`.
 * People, internal ones too, are refused whatever their permissions.
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

  /** Refuses people, and service tokens without `scorecards.facts.push`. */
  async authorizePush(options: CallOptions): Promise<void> {
    await this.requirePusher(options.credentials);
  }

  async pushFacts(body: unknown, options: CallOptions) {
    const { credentials } = options;
    const { subject, result } = await this.requirePusher(credentials);
    const push = this.inner.checkPush(body);
    for (const factId of Object.keys(push.facts)) {
      if (!this.inner.pushersOf(factId).includes(subject)) {
        throw new NotAllowedError(
          `facts/${factId}: ${subject} may not push this fact; its declaration's pushedBy does not name it`,
        );
      }
    }
    const scope = await this.decidedOn(
      credentials,
      scorecardsFactsPushPermission,
      push.entityRef,
      result,
    );
    return this.inner.pushFacts(push, { scope, pushedBy: subject });
  }

  /** The subject of a service token that may push facts, and its decision. */
  private async requirePusher(
    credentials: BackstageCredentials,
  ): Promise<{ subject: string; result: AuthorizeResult }> {
    const principal = credentials.principal as {
      type: string;
      subject?: string;
    };
    if (principal.type !== 'service' || !principal.subject) {
      throw new NotAllowedError(
        'Only service tokens of pipelines push scorecard facts',
      );
    }
    const result = await this.requireSomewhere(
      credentials,
      scorecardsFactsPushPermission,
      'push scorecard facts',
    );
    return { subject: principal.subject, result };
  }

  /** Refuses a caller denied the permission on every entity. */
  private requireSomewhere(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'> = scorecardsEntityReadPermission,
    what: string = 'read scorecards',
  ) {
    return requireSomewhere(this.permissions, credentials, permission, what);
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
    const { scope } = await requireEntityScope(this.permissions, credentials, {
      permission: scorecardsEntityReadPermission,
      entityRef,
      what: 'read scorecards',
      notFound: entityNotFound(entityRef),
    });
    return scope;
  }

  /**
   * The scope of one entity for a caller not refused the permission
   * outright: allowed everywhere, or decided for the entity, where a
   * refusal is the entity's "not found".
   */
  private async decidedOn(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    result: AuthorizeResult,
  ): Promise<EntityScope> {
    return decidedEntityScope(this.permissions, credentials, {
      permission,
      entityRef,
      decided: result,
      notFound: entityNotFound(entityRef),
    });
  }
}
