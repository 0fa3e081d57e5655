import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityScopeOf } from '@readiness/backend-http-utils';
import { complianceEntityReadPermission } from '@readiness/plugin-compliance-common';
import { AuthorizedGdprService, ScopedGdprService } from './GdprService';

const LEDGER = 'component:default/ledger';
const BILLING = 'component:default/billing';
const credentials = mockCredentials.user('user:default/someone');

describe('AuthorizedGdprService', () => {
  const permissions = mockServices.permissions.mock();
  const inner = {
    getEntityGdpr: jest.fn(async (ref: string) => ({ entityRef: ref })),
    getRegister: jest.fn(async () => ({ entries: [] })),
    recordEntityRefs: jest.fn(async () => [BILLING, LEDGER]),
  };
  const service = new AuthorizedGdprService(
    inner as unknown as ScopedGdprService,
    permissions,
  );
  const decide = (overall: AuthorizeResult, onEntities: AuthorizeResult[]) => {
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
    permissions.authorize.mockResolvedValue(
      onEntities.map(result => ({ result: result as any })),
    );
  };

  beforeEach(() => jest.clearAllMocks());

  it('gives a caller allowed outright every entity, asking nothing per entity', async () => {
    decide(AuthorizeResult.ALLOW, []);
    await service.getEntityGdpr('Component:default/Ledger', { credentials });
    expect(inner.getEntityGdpr).toHaveBeenCalledWith(
      LEDGER,
      entityScopeOf([LEDGER]),
    );
    await service.getRegister({ credentials });
    expect(inner.getRegister).toHaveBeenCalledWith({ all: true });
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [{ permission: complianceEntityReadPermission }],
      { credentials },
    );
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('refuses a caller denied outright with one 403, before anything is looked up', async () => {
    decide(AuthorizeResult.DENY, []);
    await expect(
      service.getEntityGdpr(LEDGER, { credentials }),
    ).rejects.toThrow(
      new NotAllowedError('You may not read compliance records'),
    );
    await expect(service.getRegister({ credentials })).rejects.toThrow(
      NotAllowedError,
    );
    expect(inner.getEntityGdpr).not.toHaveBeenCalled();
    expect(inner.getRegister).not.toHaveBeenCalled();
    expect(inner.recordEntityRefs).not.toHaveBeenCalled();
  });

  it('decides a conditional caller per entity: its own, and "not found" for the others', async () => {
    decide(AuthorizeResult.CONDITIONAL, [AuthorizeResult.ALLOW]);
    await service.getEntityGdpr(LEDGER, { credentials });
    expect(inner.getEntityGdpr).toHaveBeenCalledWith(
      LEDGER,
      entityScopeOf([LEDGER]),
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: complianceEntityReadPermission, resourceRef: LEDGER }],
      { credentials },
    );

    decide(AuthorizeResult.CONDITIONAL, [AuthorizeResult.DENY]);
    await expect(
      service.getEntityGdpr(BILLING, { credentials }),
    ).rejects.toThrow(new NotFoundError(`No entity ${BILLING}`));
    expect(inner.getEntityGdpr).toHaveBeenCalledTimes(1);
  });

  it('gives a conditional caller the register of the entities it may read', async () => {
    decide(AuthorizeResult.CONDITIONAL, [
      AuthorizeResult.DENY,
      AuthorizeResult.ALLOW,
    ]);
    await service.getRegister({ credentials });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        { permission: complianceEntityReadPermission, resourceRef: BILLING },
        { permission: complianceEntityReadPermission, resourceRef: LEDGER },
      ],
      { credentials },
    );
    expect(inner.getRegister).toHaveBeenCalledWith(entityScopeOf([LEDGER]));
  });
});
