import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  allowedEntities,
  EntityScope,
  entityScopeOf,
  isAllowed,
  requireEntityScope,
  requireSomewhere,
} from '@readiness/backend-http-utils';
import {
  scorecardsEntityReadPermission,
  scorecardsRitualRecordPermission,
} from '@readiness/plugin-scorecards-common';
import {
  RollupKind,
  RollupService,
  ScopedRollupService,
} from './RollupService';
import { CallOptions, entityNotFound } from './ScorecardService';

/** Whether the caller is a person signed in (not a service, not nobody). */
function isUser(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return (credentials.principal as { type?: string }).type === 'user';
}

const RITUALS_BY_PEOPLE = () =>
  new NotAllowedError('Rituals are marked held by people, not by services');

/** The lower-case ref of a path's group, system or domain, or a 400 naming it. */
function normalRef(kind: RollupKind, entityRef: string): string {
  try {
    const ref = parseEntityRef(entityRef);
    if (ref.kind.toLocaleLowerCase('en-US') !== kind) throw new Error();
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`"${entityRef}" is not a ${kind} ref`);
  }
}

/**
 * Decides what a caller reaches in a rollup, then asks the inner service
 * with exactly that scope. As for one entity's scorecard: a caller denied
 * scorecards outright (partners, tokens for other plugins) gets one 403
 * before anything is looked up; a caller allowed on some entities only
 * gets 404 for a group, system or domain they may not read, and a rollup
 * of only the entities they may read.
 *
 * Rituals are marked by people: members of the group, and anyone who holds
 * `scorecards.ritual.record` on it. Service tokens read rollups but never
 * mark a ritual.
 */
export class AuthorizedRollupService implements RollupService {
  constructor(
    private readonly inner: ScopedRollupService,
    private readonly permissions: PermissionsService,
    private readonly userInfo: UserInfoService,
  ) {}

  async listTeams(options: CallOptions) {
    const result = await this.requireSomewhere(options.credentials);
    const scope: EntityScope =
      result === AuthorizeResult.ALLOW
        ? { all: true }
        : entityScopeOf(
            await allowedEntities(
              this.permissions,
              options.credentials,
              scorecardsEntityReadPermission,
              await this.inner.ownedRefs(),
            ),
          );
    return this.inner.listTeams(scope);
  }

  async getRollup(kind: RollupKind, entityRef: string, options: CallOptions) {
    const ref = normalRef(kind, entityRef);
    const scope = await this.membersScope(options.credentials, kind, ref);
    const rollup = await this.inner.getRollup(kind, ref, scope);
    if (kind !== 'group') return rollup;
    return {
      ...rollup,
      mayMarkRitual: await this.mayMark(options.credentials, ref),
    };
  }

  async getRitualChanges(groupRef: string, options: CallOptions) {
    const ref = normalRef('group', groupRef);
    const scope = await this.membersScope(options.credentials, 'group', ref);
    return this.inner.getRitualChanges(ref, scope);
  }

  async listRituals(
    groupRef: string,
    page: { cursor?: string; limit?: number },
    options: CallOptions,
  ) {
    const ref = normalRef('group', groupRef);
    await this.subjectScope(options.credentials, ref);
    return this.inner.listRituals(ref, page);
  }

  /** Refuses callers who are not people, and those refused scorecards outright. */
  async authorizeRitual(options: CallOptions): Promise<void> {
    if (!isUser(options.credentials)) throw RITUALS_BY_PEOPLE();
    await this.requireSomewhere(options.credentials);
  }

  async markRitual(groupRef: string, body: unknown, options: CallOptions) {
    const { credentials } = options;
    const ref = normalRef('group', groupRef);
    if (!isUser(credentials)) throw RITUALS_BY_PEOPLE();
    await this.subjectScope(credentials, ref);
    if (!(await this.mayMark(credentials, ref))) {
      throw new NotAllowedError(
        `You may not mark rituals of ${ref}: only its members and holders of scorecards.ritual.record do`,
      );
    }
    const input = this.inner.checkRitual(body);
    return this.inner.markRitual(
      ref,
      input,
      credentials.principal.userEntityRef,
    );
  }

  /** Whether the caller is a member of the group or holds the permission on it. */
  private async mayMark(
    credentials: BackstageCredentials,
    groupRef: string,
  ): Promise<boolean> {
    if (!isUser(credentials)) return false;
    const info = await this.userInfo.getUserInfo(credentials);
    if (
      info.ownershipEntityRefs.some(
        r => r.toLocaleLowerCase('en-US') === groupRef,
      )
    ) {
      return true;
    }
    return isAllowed(this.permissions, credentials, {
      permission: scorecardsRitualRecordPermission,
      resourceRef: groupRef,
    });
  }

  /** Refuses a caller denied scorecards on every entity. */
  private requireSomewhere(credentials: BackstageCredentials) {
    return requireSomewhere(
      this.permissions,
      credentials,
      scorecardsEntityReadPermission,
      'read scorecards',
    );
  }

  /**
   * Whether the caller reaches the group, system or domain itself: 403 when
   * refused outright, its "not found" when refused on it.
   */
  private async subjectScope(
    credentials: BackstageCredentials,
    subjectRef: string,
  ): Promise<AuthorizeResult> {
    const { decided } = await requireEntityScope(
      this.permissions,
      credentials,
      {
        permission: scorecardsEntityReadPermission,
        entityRef: subjectRef,
        what: 'read scorecards',
        notFound: entityNotFound(subjectRef),
      },
    );
    return decided;
  }

  /** The entities of a rollup the caller may read: all, or those allowed one by one. */
  private async membersScope(
    credentials: BackstageCredentials,
    kind: RollupKind,
    subjectRef: string,
  ): Promise<EntityScope> {
    const result = await this.subjectScope(credentials, subjectRef);
    if (result === AuthorizeResult.ALLOW) return { all: true };
    return entityScopeOf(
      await allowedEntities(
        this.permissions,
        credentials,
        scorecardsEntityReadPermission,
        await this.inner.memberRefs(kind, subjectRef),
      ),
    );
  }
}
