import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import * as catalogCommon from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import * as techdocsCommon from '@backstage/plugin-techdocs-common/alpha';
import {
  createConditionAuthorizer,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  AUDIENCE_ANNOTATION,
  PARTNER_RELIABILITY_ANNOTATION,
  partnerAppAdminPermission,
  partnerAppManagePermission,
  partnerKeyVerifyPermission,
} from '@readiness/plugin-partner-common';
import { compliancePermissions } from '@readiness/plugin-compliance-common';
import { AudiencePermissionPolicy } from './AudiencePermissionPolicy';
import { PARTNER_RULES, partnerRulesByName } from './partnerRules';

const policy = new AudiencePermissionPolicy();
const authorize = createConditionAuthorizer<Entity, unknown>(
  Object.values(permissionRules) as any,
);

function user(ref: string, groups: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: ref },
    },
  } as PolicyQueryUser;
}

function entity(kind: string, name: string, partner = false): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      annotations: partner ? { [AUDIENCE_ANNOTATION]: 'partner' } : {},
    },
  };
}

const callers = {
  internal: user('user:default/guest', ['group:default/developer-experience']),
  acme: user('user:default/maria.lopez', ['group:default/partner-acme']),
  globex: user('user:default/kenji.sato', ['group:default/partner-globex']),
  unaffiliated: user('user:default/drifter', []),
};

const entities = {
  ledger: entity('Component', 'ledger', true),
  ledgerApi: entity('API', 'ledger-api-v2', true),
  ocr: entity('Component', 'ocr'),
  ocrApi: entity('API', 'ocr-api'),
  filingDb: entity('Resource', 'filing-db'),
  maria: entity('User', 'maria.lopez'),
  kenji: entity('User', 'kenji.sato'),
  acmeGroup: entity('Group', 'partner-acme'),
  globexGroup: entity('Group', 'partner-globex'),
  platformGroup: entity('Group', 'platform'),
};

async function canRead(caller: PolicyQueryUser | undefined, target: Entity) {
  const decision: PolicyDecision = await policy.handle(
    { permission: catalogEntityReadPermission },
    caller,
  );
  return authorize(decision, target);
}

describe('AudiencePermissionPolicy', () => {
  it('refuses a request without a user identity', async () => {
    for (const permission of [
      catalogEntityReadPermission,
      catalogLocationReadPermission,
    ]) {
      await expect(policy.handle({ permission })).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('allows internal users everything', async () => {
    for (const permission of [
      catalogEntityReadPermission,
      catalogEntityCreatePermission,
      catalogEntityDeletePermission,
      createPermission({ name: 'other.plugin.read', attributes: {} }),
    ]) {
      await expect(
        policy.handle({ permission }, callers.internal),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('gives partners a conditional read decision evaluated by the catalog', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      callers.acme,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
    });
  });

  it('denies partners every other permission', async () => {
    for (const permission of [
      catalogEntityCreatePermission,
      catalogEntityDeletePermission,
      catalogLocationReadPermission,
      createPermission({ name: 'other.plugin.read', attributes: {} }),
    ]) {
      await expect(
        policy.handle({ permission }, callers.acme),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
    }
  });

  it('denies partners every compliance permission, on every entity', async () => {
    for (const permission of compliancePermissions) {
      await expect(
        policy.handle({ permission }, callers.acme),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
      await expect(
        policy.handle({ permission }, callers.internal),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('lets partners read the reliability record only where a partner-facing entity publishes it', async () => {
    const reliabilityRead = createPermission({
      name: 'reliability.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    const decision = await policy.handle(
      { permission: reliabilityRead },
      callers.acme,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
    });
    const published = entity('Component', 'ledger', true);
    published.metadata.annotations![PARTNER_RELIABILITY_ANNOTATION] =
      'published';
    const internalButMarked = entity('Component', 'ocr');
    internalButMarked.metadata.annotations![PARTNER_RELIABILITY_ANNOTATION] =
      'published';
    expect(authorize(decision, published)).toBe(true);
    expect(authorize(decision, entities.ledger)).toBe(false);
    expect(authorize(decision, internalButMarked)).toBe(false);
    await expect(
      policy.handle({ permission: reliabilityRead }, callers.internal),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: reliabilityRead }, callers.unaffiliated),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: reliabilityRead }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets partners read the API portal record and lint results of partner-facing APIs only', async () => {
    for (const name of [
      'api-portal.entity.read',
      'api-portal.lint.read',
      'api-portal.sdk.download',
    ]) {
      const permission = createPermission({
        name,
        attributes: { action: 'read' },
        resourceType: 'catalog-entity',
      });
      const decision = await policy.handle({ permission }, callers.acme);
      expect(decision).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
      });
      expect(authorize(decision, entities.ledgerApi)).toBe(true);
      expect(authorize(decision, entities.ocrApi)).toBe(false);
      expect(authorize(decision, entities.ocr)).toBe(false);
      const globex = await policy.handle({ permission }, callers.globex);
      expect(authorize(globex, entities.ledgerApi)).toBe(true);
      await expect(
        policy.handle({ permission }, callers.internal),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
      await expect(
        policy.handle({ permission }, callers.unaffiliated),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
      await expect(policy.handle({ permission })).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('never lets partners refresh API definitions', async () => {
    const permission = createPermission({
      name: 'api-portal.entity.refresh',
      attributes: { action: 'update' },
      resourceType: 'catalog-entity',
    });
    await expect(policy.handle({ permission }, callers.acme)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(
      policy.handle({ permission }, callers.internal),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(policy.handle({ permission })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it("lets partners manage their own apps, never every org's or the gateway's check", async () => {
    for (const caller of [callers.acme, callers.globex]) {
      await expect(
        policy.handle({ permission: partnerAppManagePermission }, caller),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
      for (const permission of [
        partnerAppAdminPermission,
        partnerKeyVerifyPermission,
      ]) {
        await expect(policy.handle({ permission }, caller)).resolves.toEqual({
          result: AuthorizeResult.DENY,
        });
      }
    }
    await expect(
      policy.handle(
        { permission: partnerAppAdminPermission },
        callers.internal,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: partnerAppManagePermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('denies users that belong to no group', async () => {
    await expect(
      policy.handle(
        { permission: catalogEntityReadPermission },
        callers.unaffiliated,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  // caller × entity → may read
  const matrix: Array<[keyof typeof callers, keyof typeof entities, boolean]> =
    [
      ['internal', 'ledger', true],
      ['internal', 'ocr', true],
      ['internal', 'filingDb', true],
      ['internal', 'globexGroup', true],
      ['acme', 'ledger', true],
      ['acme', 'ledgerApi', true],
      ['acme', 'ocr', false],
      ['acme', 'ocrApi', false],
      ['acme', 'filingDb', false],
      ['acme', 'maria', true],
      ['acme', 'kenji', false],
      ['acme', 'acmeGroup', true],
      ['acme', 'globexGroup', false],
      ['acme', 'platformGroup', false],
      ['globex', 'ledgerApi', true],
      ['globex', 'ocr', false],
      ['globex', 'kenji', true],
      ['globex', 'maria', false],
      ['globex', 'globexGroup', true],
      ['globex', 'acmeGroup', false],
      ['unaffiliated', 'ledger', false],
      ['unaffiliated', 'ocr', false],
    ];

  it.each(matrix)('%s reading %s: %s', async (caller, target, expected) => {
    await expect(canRead(callers[caller], entities[target])).resolves.toBe(
      expected,
    );
  });

  it('anonymous callers read nothing', async () => {
    for (const target of Object.values(entities)) {
      await expect(canRead(undefined, target)).resolves.toBe(false);
    }
  });
});

/** Every permission a module exports, alone or in a list, once by name. */
function permissionsOf(module: Record<string, unknown>): Permission[] {
  const isPermission = (value: any): value is Permission =>
    typeof value === 'object' &&
    value !== null &&
    (value.type === 'basic' || value.type === 'resource') &&
    typeof value.name === 'string' &&
    typeof value.attributes === 'object';
  const found = Object.values(module)
    .flatMap(value => (Array.isArray(value) ? value : [value]))
    .filter(isPermission);
  return [...new Map(found.map(p => [p.name, p])).values()];
}

/** The common package of every plugin family in the workspace. */
function workspaceCommonPackages(): Array<[string, Record<string, unknown>]> {
  const plugins = resolve(__dirname, '../..');
  return readdirSync(plugins)
    .filter(dir => dir.endsWith('-common'))
    .map(dir => {
      const pkg = JSON.parse(
        readFileSync(resolve(plugins, dir, 'package.json'), 'utf8'),
      );
      return [pkg.name, jest.requireActual(resolve(plugins, dir, pkg.main))];
    });
}

describe('partner rules', () => {
  const rules = partnerRulesByName(PARTNER_RULES);
  const sources: Array<[string, Record<string, unknown>]> = [
    ['@backstage/plugin-catalog-common/alpha', catalogCommon],
    ['@backstage/plugin-techdocs-common/alpha', techdocsCommon],
    ...workspaceCommonPackages(),
  ];

  it('reads the permissions of every family', () => {
    const names = sources.flatMap(([, module]) =>
      permissionsOf(module).map(p => p.name),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'catalog.entity.read',
        'techdocs.actions.read',
        'reliability.entity.read',
        'reliability.run.publish',
        'api-portal.entity.read',
        'api-portal.entity.refresh',
        'scorecards.entity.read',
        'scorecards.campaign.manage',
      ]),
    );
  });

  it.each(sources)(
    'decides for partners on every permission %s exports',
    (_name, module) => {
      const undecided = permissionsOf(module)
        .map(p => p.name)
        .filter(name => !rules.has(name));
      expect(undecided).toEqual([]);
    },
  );

  it('gives partners what the table says', async () => {
    const table = PARTNER_RULES.flatMap(family => family.rules);
    const decided = await Promise.all(
      table.map(async ({ permission }) => {
        const decision = await policy.handle({ permission }, callers.acme);
        return [permission.name, decision.result];
      }),
    );
    expect(decided).toEqual(
      table.map(({ permission, partners }) => [
        permission.name,
        {
          deny: AuthorizeResult.DENY,
          allow: AuthorizeResult.ALLOW,
        }[String(partners)] ?? AuthorizeResult.CONDITIONAL,
      ]),
    );
  });

  it('refuses a table that names a permission twice', () => {
    expect(() =>
      partnerRulesByName([
        ...PARTNER_RULES,
        {
          family: 'copy',
          rules: [
            {
              permission: catalogCommon.catalogEntityDeletePermission,
              partners: 'deny',
            },
          ],
        },
      ]),
    ).toThrow('copy: catalog.entity.delete already has a partner rule');
  });
});
