import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityScopeOf } from '@readiness/backend-http-utils';
import { ScopedApiPortalService } from './ApiPortalService';
import { AuthorizedApiPortalService } from './AuthorizedApiPortalService';

const ledger = 'api:default/ledger-api-v2';
const ocr = 'api:default/ocr-api';
const credentials = mockCredentials.user('user:default/maria.lopez');

/**
 * A permissions service allowing what `allowed` holds: a permission name for
 * every entity, `name@entityRef` for that entity only (a conditional
 * decision, as partners get).
 */
function permissionsAllowing(...allowed: string[]): PermissionsService {
  const allows = (name: string, ref?: string) =>
    allowed.includes(name) || (!!ref && allowed.includes(`${name}@${ref}`));
  return {
    async authorize(requests: any[]) {
      return requests.map(r => ({
        result: allows(r.permission.name, r.resourceRef)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
    async authorizeConditional(requests: any[]) {
      return requests.map(r => {
        if (allows(r.permission.name)) return { result: AuthorizeResult.ALLOW };
        if (!allowed.some(a => a.startsWith(`${r.permission.name}@`))) {
          return { result: AuthorizeResult.DENY };
        }
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: { rule: 'HAS_ANNOTATION', params: {} },
        };
      });
    },
  } as unknown as PermissionsService;
}

function innerService(): jest.Mocked<ScopedApiPortalService> {
  const inner = {
    entityRefs: jest.fn(async () => [ledger, ocr]),
    familyEntityRefs: jest.fn(async (name: string) =>
      name === 'ledger-api' ? [ledger] : [ocr],
    ),
    revisionEntityRef: jest.fn(async (id: string) =>
      id === 'r-ledger' ? ledger : undefined,
    ),
    providedApiRefs: jest.fn(async () => [ledger, ocr]),
    familyMembersOf: jest.fn(async () => []),
    listFamilies: jest.fn(async () => ({ items: [] })),
    getFamily: jest.fn(async () => ({} as any)),
    summarizeProvidedApis: jest.fn(async () => ({} as any)),
    listRevisions: jest.fn(async () => ({ items: [] })),
    getRevision: jest.fn(async () => ({} as any)),
    getRevisionLint: jest.fn(async () => ({} as any)),
    listChangelog: jest.fn(async () => ({ items: [] })),
    renderFeed: jest.fn(async () => '<rss/>'),
    refresh: jest.fn(async () => ({} as any)),
  };
  return inner as unknown as jest.Mocked<ScopedApiPortalService>;
}

const NOTHING = entityScopeOf([]);

describe('AuthorizedApiPortalService', () => {
  it('gives a caller allowed outright every entity, without listing them', async () => {
    const inner = innerService();
    const service = new AuthorizedApiPortalService(
      inner,
      permissionsAllowing('api-portal.entity.read', 'api-portal.lint.read'),
    );
    await service.listFamilies({}, { credentials });
    expect(inner.listFamilies).toHaveBeenCalledWith(
      {},
      { credentials, access: { read: { all: true }, lint: { all: true } } },
    );
    expect(inner.entityRefs).not.toHaveBeenCalled();
  });

  it('narrows lists to the entities a partner may read, and lint to whose lint they may read', async () => {
    const inner = innerService();
    const service = new AuthorizedApiPortalService(
      inner,
      permissionsAllowing(`api-portal.entity.read@${ledger}`),
    );
    await service.listChangelog({}, {}, { credentials });
    expect(inner.listChangelog).toHaveBeenCalledWith(
      {},
      {},
      { credentials, access: { read: entityScopeOf([ledger]), lint: NOTHING } },
    );
  });

  it('gives a caller denied outright an empty scope', async () => {
    const inner = innerService();
    const service = new AuthorizedApiPortalService(
      inner,
      permissionsAllowing(),
    );
    await service.renderFeed('rss', {}, { credentials });
    expect(inner.renderFeed).toHaveBeenCalledWith(
      'rss',
      {},
      { credentials, access: { read: NOTHING, lint: NOTHING } },
    );
  });

  it('answers a family none of whose APIs the caller may read as absent, before the inner service', async () => {
    const inner = innerService();
    const service = new AuthorizedApiPortalService(
      inner,
      permissionsAllowing(`api-portal.entity.read@${ledger}`),
    );
    const absent = new NotFoundError('No API family ocr-api');
    await expect(service.getFamily('ocr-api', { credentials })).rejects.toThrow(
      absent,
    );
    await expect(
      service.listChangelog({ family: 'ocr-api' }, {}, { credentials }),
    ).rejects.toThrow(absent);
    await expect(
      service.renderFeed('atom', { family: 'ocr-api' }, { credentials }),
    ).rejects.toThrow(absent);
    expect(inner.getFamily).not.toHaveBeenCalled();
    expect(inner.listChangelog).not.toHaveBeenCalled();
    expect(inner.renderFeed).not.toHaveBeenCalled();
    await service.getFamily('ledger-api', { credentials });
    expect(inner.getFamily).toHaveBeenCalledWith('ledger-api', {
      credentials,
      access: { read: entityScopeOf([ledger]), lint: NOTHING },
    });
  });

  it('reads a revision and its lint with the scope of its entity only', async () => {
    const inner = innerService();
    const service = new AuthorizedApiPortalService(
      inner,
      permissionsAllowing('api-portal.entity.read', 'api-portal.lint.read'),
    );
    await service.getRevision('r-ledger', { credentials });
    expect(inner.getRevision).toHaveBeenCalledWith('r-ledger', {
      credentials,
      access: { read: entityScopeOf([ledger]), lint: NOTHING },
    });
    await service.getRevisionLint('r-ledger', { credentials });
    expect(inner.getRevisionLint).toHaveBeenCalledWith('r-ledger', {
      credentials,
      access: { read: NOTHING, lint: entityScopeOf([ledger]) },
    });
    await service.listRevisions(ledger, {}, { credentials });
    expect(inner.listRevisions).toHaveBeenCalledWith(
      ledger,
      {},
      { credentials, access: { read: entityScopeOf([ledger]), lint: NOTHING } },
    );
    await expect(
      service.getRevision('r-unknown', { credentials }),
    ).rejects.toThrow(new NotFoundError('No revision r-unknown'));
  });

  it('hides what the caller may not read and refuses what they may not do', async () => {
    const inner = innerService();
    const service = new AuthorizedApiPortalService(
      inner,
      permissionsAllowing(`api-portal.entity.read@${ledger}`),
    );
    await expect(
      service.getRevisionLint('r-ledger', { credentials }),
    ).rejects.toThrow(NotAllowedError);
    await expect(service.refresh(ledger, { credentials })).rejects.toThrow(
      new NotAllowedError(
        `You may not refresh the API definition of ${ledger}`,
      ),
    );
    await expect(service.refresh(ocr, { credentials })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      service.listRevisions(ocr, {}, { credentials }),
    ).rejects.toThrow(new NotFoundError(`No definitions collected for ${ocr}`));
    expect(inner.getRevisionLint).not.toHaveBeenCalled();
    expect(inner.refresh).not.toHaveBeenCalled();
    expect(inner.listRevisions).not.toHaveBeenCalled();
  });

  it('leaves no read of the inner service callable without a scope', () => {
    const inner = innerService();
    // Checked by the type check (yarn tsc): each call lacks its scope
    const unscoped = [
      // @ts-expect-error the scope is required
      () => inner.listFamilies({}, { credentials }),
      // @ts-expect-error the scope is required
      () => inner.getFamily('ledger-api', { credentials }),
      // @ts-expect-error the scope is required
      () => inner.summarizeProvidedApis(ledger, [], [], { credentials }),
      // @ts-expect-error the scope is required
      () => inner.listRevisions(ledger, {}, { credentials }),
      // @ts-expect-error the scope is required
      () => inner.getRevision('r-ledger', { credentials }),
      // @ts-expect-error the scope is required
      () => inner.getRevisionLint('r-ledger', { credentials }),
      // @ts-expect-error the scope is required
      () => inner.listChangelog({}, {}, { credentials }),
      // @ts-expect-error the scope is required
      () => inner.renderFeed('rss', {}, { credentials }),
    ];
    expect(unscoped).toHaveLength(8);
  });
});
