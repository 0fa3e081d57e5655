import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  allowedEntities,
  decidedEntityScope,
  entityScopeOf,
  inScope,
  isAllowed,
  requireAllowed,
  requireEntityScope,
  requireOnEntity,
  requireSomewhere,
  scopeOf,
} from './authorize';

const read = createPermission({
  name: 'family.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const change = createPermission({
  name: 'family.entity.change',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});
const publish = createPermission({
  name: 'family.run.publish',
  attributes: { action: 'create' },
});

/**
 * A permissions service whose policy allows what `allowed` holds, as
 * `permission` or `permission@entityRef`; a permission with an entry for
 * some entity only is conditional.
 */
function permissionsAllowing(...allowed: string[]) {
  const allows = (name: string, ref?: string) =>
    allowed.includes(name) || (!!ref && allowed.includes(`${name}@${ref}`));
  const conditional = (name: string) =>
    allowed.some(a => a.startsWith(`${name}@`));
  const service = {
    authorize: jest.fn(async (requests: any[]) =>
      requests.map(r => ({
        result: allows(r.permission.name, r.resourceRef)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
    ),
    authorizeConditional: jest.fn(async (requests: any[]) =>
      requests.map(r => {
        if (allows(r.permission.name)) return { result: AuthorizeResult.ALLOW };
        if (!conditional(r.permission.name)) {
          return { result: AuthorizeResult.DENY };
        }
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: { rule: 'IS_ENTITY_KIND', params: { kinds: ['api'] } },
        };
      }),
    ),
  };
  return service as typeof service & PermissionsService;
}

const credentials: BackstageCredentials = mockCredentials.user();
const ledger = 'api:default/ledger';
const ocr = 'api:default/ocr';

describe('scopes', () => {
  it('holds all entities, or exactly the ones named', () => {
    expect(inScope({ all: true }, ocr)).toBe(true);
    expect(inScope(entityScopeOf([ledger]), ledger)).toBe(true);
    expect(inScope(entityScopeOf([ledger]), ocr)).toBe(false);
    expect(inScope(entityScopeOf([]), ledger)).toBe(false);
  });
});

describe('isAllowed and requireAllowed', () => {
  it('allow only on ALLOW, naming what was refused', async () => {
    const permissions = permissionsAllowing('family.run.publish');
    await expect(
      isAllowed(permissions, credentials, { permission: publish }),
    ).resolves.toBe(true);
    await expect(
      requireAllowed(
        permissions,
        credentials,
        { permission: publish },
        'publish runs',
      ),
    ).resolves.toBeUndefined();
    const refusing = permissionsAllowing();
    await expect(
      isAllowed(refusing, credentials, { permission: publish }),
    ).resolves.toBe(false);
    await expect(
      requireAllowed(
        refusing,
        credentials,
        { permission: publish },
        'publish runs',
      ),
    ).rejects.toThrow(new NotAllowedError('You may not publish runs'));
  });

  it('ask about the resource when the request names one', async () => {
    const permissions = permissionsAllowing(`family.entity.read@${ledger}`);
    await expect(
      isAllowed(permissions, credentials, {
        permission: read,
        resourceRef: ledger,
      }),
    ).resolves.toBe(true);
    await expect(
      requireAllowed(
        permissions,
        credentials,
        { permission: read, resourceRef: ocr },
        `read ${ocr}`,
      ),
    ).rejects.toThrow(`You may not read ${ocr}`);
    expect(permissions.authorize).toHaveBeenLastCalledWith(
      [{ permission: read, resourceRef: ocr }],
      { credentials },
    );
  });
});

describe('allowedEntities', () => {
  it('asks once for each distinct entity and keeps the allowed ones', async () => {
    const permissions = permissionsAllowing(`family.entity.read@${ledger}`);
    await expect(
      allowedEntities(permissions, credentials, read, [ledger, ocr, ledger]),
    ).resolves.toEqual(new Set([ledger]));
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    expect(permissions.authorize.mock.calls[0][0]).toHaveLength(2);
  });

  it('asks nothing for no entities', async () => {
    const permissions = permissionsAllowing();
    await expect(
      allowedEntities(permissions, credentials, read, []),
    ).resolves.toEqual(new Set());
    expect(permissions.authorize).not.toHaveBeenCalled();
  });
});

describe('scopeOf', () => {
  const candidates = jest.fn(async () => [ledger, ocr]);
  beforeEach(() => candidates.mockClear());

  it('is every entity for a caller allowed outright, without the candidates', async () => {
    const scope = await scopeOf(
      permissionsAllowing('family.entity.read'),
      credentials,
      read,
      candidates,
    );
    expect(scope).toEqual({ all: true });
    expect(candidates).not.toHaveBeenCalled();
  });

  it('is no entity for a caller denied outright, without the candidates', async () => {
    const scope = await scopeOf(
      permissionsAllowing(),
      credentials,
      read,
      candidates,
    );
    expect(scope).toEqual(entityScopeOf([]));
    expect(candidates).not.toHaveBeenCalled();
  });

  it('is the allowed candidates for a conditional decision', async () => {
    const scope = await scopeOf(
      permissionsAllowing(`family.entity.read@${ledger}`),
      credentials,
      read,
      candidates,
    );
    expect(scope).toEqual(entityScopeOf([ledger]));
  });
});

describe('requireSomewhere', () => {
  it('answers ALLOW or CONDITIONAL, and refuses a caller denied on every entity, naming what', async () => {
    await expect(
      requireSomewhere(
        permissionsAllowing('family.entity.read'),
        credentials,
        read,
        'read records',
      ),
    ).resolves.toBe(AuthorizeResult.ALLOW);
    await expect(
      requireSomewhere(
        permissionsAllowing(`family.entity.read@${ledger}`),
        credentials,
        read,
        'read records',
      ),
    ).resolves.toBe(AuthorizeResult.CONDITIONAL);
    const refused = requireSomewhere(
      permissionsAllowing(`family.entity.change@${ledger}`),
      credentials,
      read,
      'read records',
    );
    await expect(refused).rejects.toThrow(NotAllowedError);
    await expect(refused).rejects.toThrow('You may not read records');
  });
});

describe('requireOnEntity', () => {
  const request = {
    permission: change,
    read,
    entityRef: ledger,
    what: 'change the record',
    notFound: new NotFoundError(`No record for ${ledger}`),
  };

  it('returns the scope of the entity when the caller may act on it', async () => {
    const permissions = permissionsAllowing(
      'family.entity.read',
      'family.entity.change',
    );
    const scope = await requireOnEntity(permissions, credentials, request);
    expect(scope).toEqual(entityScopeOf([ledger]));
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('answers an entity the caller may not read as absent', async () => {
    await expect(
      requireOnEntity(permissionsAllowing(), credentials, request),
    ).rejects.toBe(request.notFound);
  });

  it('refuses an action on an entity the caller can read, naming it', async () => {
    await expect(
      requireOnEntity(
        permissionsAllowing('family.entity.read'),
        credentials,
        request,
      ),
    ).rejects.toThrow(
      new NotAllowedError(`You may not change the record of ${ledger}`),
    );
  });

  it('asks one decision when the action is reading', async () => {
    const permissions = permissionsAllowing();
    await expect(
      requireOnEntity(permissions, credentials, {
        ...request,
        permission: read,
      }),
    ).rejects.toBe(request.notFound);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: read, resourceRef: ledger }],
      { credentials },
    );
  });
});

describe('requireEntityScope and decidedEntityScope', () => {
  const request = (entityRef: string) => ({
    permission: read,
    entityRef,
    what: 'read records',
    notFound: new NotFoundError(`No record for ${entityRef}`),
  });

  it('answers the outright decision and the scope of the entity', async () => {
    const allowed = await requireEntityScope(
      permissionsAllowing('family.entity.read'),
      credentials,
      request(ledger),
    );
    expect(allowed.decided).toBe(AuthorizeResult.ALLOW);
    expect(inScope(allowed.scope, ledger)).toBe(true);
    expect(inScope(allowed.scope, ocr)).toBe(false);

    const decided = await requireEntityScope(
      permissionsAllowing(`family.entity.read@${ledger}`),
      credentials,
      request(ledger),
    );
    expect(decided.decided).toBe(AuthorizeResult.CONDITIONAL);
    expect(inScope(decided.scope, ledger)).toBe(true);
  });

  it('refuses an entity decided against with its not found, and a caller denied everywhere with a 403', async () => {
    await expect(
      requireEntityScope(
        permissionsAllowing(`family.entity.read@${ledger}`),
        credentials,
        request(ocr),
      ),
    ).rejects.toThrow(`No record for ${ocr}`);
    await expect(
      requireEntityScope(permissionsAllowing(), credentials, request(ledger)),
    ).rejects.toThrow('You may not read records');
    await expect(
      decidedEntityScope(permissionsAllowing(), credentials, {
        ...request(ledger),
        decided: AuthorizeResult.CONDITIONAL,
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
