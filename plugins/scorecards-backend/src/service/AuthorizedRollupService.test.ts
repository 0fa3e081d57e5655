import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityScopeOf } from '@readiness/backend-http-utils';
import {
  scorecardsEntityReadPermission,
  scorecardsRitualRecordPermission,
} from '@readiness/plugin-scorecards-common';
import { AuthorizedRollupService } from './AuthorizedRollupService';
import { ScopedRollupService } from './RollupService';

const FINANCE = 'group:default/team-finance';
const LEDGER = 'component:default/ledger';
const BILLING = 'component:default/billing';

describe('AuthorizedRollupService', () => {
  const permissions = mockServices.permissions.mock();
  const memberships: Record<string, string[]> = {
    'user:default/priya.raman': [FINANCE],
  };
  const userInfo = {
    getUserInfo: jest.fn(async (credentials: any) => {
      const ref = credentials.principal.userEntityRef as string;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(memberships[ref] ?? [])],
      };
    }),
  };
  const inner = {
    getRollup: jest.fn(async () => ({ entities: [] })),
    getRitualChanges: jest.fn(async () => ({ changed: [] })),
    listRituals: jest.fn(async () => ({ items: [] })),
    listTeams: jest.fn(async () => ({ teams: [] })),
    memberRefs: jest.fn(async () => [LEDGER, BILLING]),
    ownedRefs: jest.fn(async () => [LEDGER, BILLING]),
    checkRitual: jest.fn(() => ({ day: '2026-12-08' })),
    markRitual: jest.fn(async () => ({ created: true })),
  };
  const service = new AuthorizedRollupService(
    inner as unknown as ScopedRollupService,
    permissions,
    userInfo,
  );
  const member = mockCredentials.user('user:default/priya.raman');
  const other = mockCredentials.user('user:default/guest');

  /** The overall decision, then the answer to every per-resource question by ref. */
  const decide = (
    overall: AuthorizeResult,
    onResource: (ref: string, permission: string) => boolean = () => false,
  ) => {
    permissions.authorizeConditional.mockResolvedValue([
      overall === AuthorizeResult.CONDITIONAL
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [] },
            },
          }
        : { result: overall as AuthorizeResult.ALLOW },
    ]);
    permissions.authorize.mockImplementation(async requests =>
      requests.map(r => ({
        result: onResource(
          (r as { resourceRef: string }).resourceRef,
          r.permission.name,
        )
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
    );
  };

  beforeEach(() => jest.clearAllMocks());

  it('hands an allowed caller every entity, and says whether they may mark rituals', async () => {
    decide(AuthorizeResult.ALLOW);
    await expect(
      service.getRollup('group', 'Group:default/Team-Finance', {
        credentials: member,
      }),
    ).resolves.toMatchObject({ mayMarkRitual: true });
    expect(inner.getRollup).toHaveBeenCalledWith('group', FINANCE, {
      all: true,
    });
    // not a member, and the ritual permission is not held on the group
    await expect(
      service.getRollup('group', FINANCE, { credentials: other }),
    ).resolves.toMatchObject({ mayMarkRitual: false });
    expect(permissions.authorize).toHaveBeenLastCalledWith(
      [{ permission: scorecardsRitualRecordPermission, resourceRef: FINANCE }],
      { credentials: other },
    );
    await expect(
      service.getRollup('system', 'system:default/filing-platform', {
        credentials: other,
      }),
    ).resolves.not.toHaveProperty('mayMarkRitual');
  });

  it('rolls up for a conditional caller only the entities allowed one by one, and hides a group it may not read', async () => {
    decide(
      AuthorizeResult.CONDITIONAL,
      ref => ref === FINANCE || ref === LEDGER,
    );
    await service.getRollup('group', FINANCE, { credentials: other });
    expect(inner.getRollup).toHaveBeenCalledWith(
      'group',
      FINANCE,
      entityScopeOf([LEDGER]),
    );
    await service.listTeams({ credentials: other });
    expect(inner.listTeams).toHaveBeenCalledWith(entityScopeOf([LEDGER]));

    decide(AuthorizeResult.CONDITIONAL, ref => ref === LEDGER);
    await expect(
      service.getRitualChanges(FINANCE, { credentials: other }),
    ).rejects.toThrow(new NotFoundError(`No entity ${FINANCE}`));
    expect(inner.getRitualChanges).not.toHaveBeenCalled();
  });

  it('refuses a caller denied outright with one 403 and answers a ref of another kind with a 400', async () => {
    decide(AuthorizeResult.DENY);
    for (const call of [
      () => service.listTeams({ credentials: other }),
      () => service.getRollup('group', FINANCE, { credentials: other }),
      () => service.listRituals(FINANCE, {}, { credentials: other }),
      () => service.markRitual(FINANCE, {}, { credentials: member }),
    ]) {
      await expect(call()).rejects.toThrow(
        new NotAllowedError('You may not read scorecards'),
      );
    }
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [{ permission: scorecardsEntityReadPermission }],
      expect.anything(),
    );
    decide(AuthorizeResult.ALLOW);
    await expect(
      service.getRollup('group', LEDGER, { credentials: other }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('lets members and holders of the ritual permission mark rituals, never services', async () => {
    decide(AuthorizeResult.ALLOW);
    await service.markRitual(FINANCE, { note: 'x' }, { credentials: member });
    expect(inner.markRitual).toHaveBeenCalledWith(
      FINANCE,
      { day: '2026-12-08' },
      'user:default/priya.raman',
    );
    await expect(
      service.markRitual(FINANCE, {}, { credentials: other }),
    ).rejects.toThrow(
      /^You may not mark rituals of group:default\/team-finance/,
    );
    decide(
      AuthorizeResult.ALLOW,
      (ref, permission) =>
        ref === FINANCE && permission === scorecardsRitualRecordPermission.name,
    );
    await service.markRitual(FINANCE, {}, { credentials: other });
    expect(inner.markRitual).toHaveBeenLastCalledWith(
      FINANCE,
      { day: '2026-12-08' },
      'user:default/guest',
    );
    const pipeline = mockCredentials.service('ci');
    await expect(
      service.authorizeRitual({ credentials: pipeline }),
    ).rejects.toThrow(NotAllowedError);
    await expect(
      service.markRitual(FINANCE, {}, { credentials: pipeline }),
    ).rejects.toThrow(/by people/);
    expect(inner.markRitual).toHaveBeenCalledTimes(2);
  });
});
