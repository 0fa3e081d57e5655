/*
 * Static external-access tokens are service principals: the permission
 * framework allows them without asking our audience policy, so a token's
 * accessRestrictions are all that limits it. Every configured token must name
 * the plugins and permissions it needs (docs/access/sign-in.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import { apiPortalPermissions } from '@readiness/plugin-api-portal-common';
import { compliancePermissions } from '@readiness/plugin-compliance-common';
import { partnerPermissions } from '@readiness/plugin-partner-common';
import { reliabilityPermissions } from '@readiness/plugin-reliability-common';
import { scorecardsPermissions } from '@readiness/plugin-scorecards-common';

const root = path.resolve(__dirname, '../../..');

// Plugins whose backends packages/backend/src/index.ts adds
const SERVED_PLUGINS = [
  'app',
  'auth',
  'catalog',
  'permission',
  'techdocs',
  'search',
  'reliability',
  'api-portal',
  'compliance',
  'scorecards',
  'partner',
  'user-settings',
  'signals',
];
const PERMISSIONS: Record<string, string[]> = {
  catalog: catalogPermissions.map(p => p.name),
  reliability: reliabilityPermissions.map(p => p.name),
  'api-portal': apiPortalPermissions.map(p => p.name),
  compliance: compliancePermissions.map(p => p.name),
  scorecards: scorecardsPermissions.map(p => p.name),
  partner: partnerPermissions.map(p => p.name),
};

type Restriction = {
  plugin?: string;
  permission?: string | string[];
  permissionAttribute?: { action?: string | string[] };
};
type ExternalAccess = {
  type: string;
  options?: { token?: string; subject?: string };
  accessRestrictions?: Restriction[];
};

function configFiles(): string[] {
  const rootFiles = fs
    .readdirSync(root)
    .filter(f => /^app-config(\..+)?\.ya?ml$/.test(f))
    .map(f => path.join(root, f));
  const e2e = path.join(root, 'packages/app/e2e-tests');
  const e2eFiles = fs
    .readdirSync(e2e)
    .filter(f => /^app-config.*\.ya?ml$/.test(f))
    .map(f => path.join(e2e, f));
  return [...rootFiles, ...e2eFiles];
}

function externalAccessOf(file: string): ExternalAccess[] {
  const config = parse(fs.readFileSync(file, 'utf8')) ?? {};
  return config.backend?.auth?.externalAccess ?? [];
}

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : ([] as string[]).concat(value);

const tokens = configFiles().flatMap(file =>
  externalAccessOf(file).map(entry => ({
    file: path.relative(root, file),
    subject: entry.options?.subject ?? '(no subject)',
    entry,
  })),
);

describe('static external-access tokens', () => {
  it('finds the tokens of the development and production configs', () => {
    const files = new Set(tokens.map(t => t.file));
    expect(files).toContain('app-config.yaml');
    expect(files).toContain('app-config.production.yaml');
  });

  it.each(tokens.map(t => [`${t.file} ${t.subject}`, t] as const))(
    '%s names the plugins and permissions it needs',
    (_name, { entry }) => {
      if (entry.type !== 'static' && entry.type !== 'legacy') {
        return;
      }
      const restrictions = entry.accessRestrictions ?? [];
      expect(restrictions.length).toBeGreaterThan(0);
      for (const restriction of restrictions) {
        expect(SERVED_PLUGINS).toContain(restriction.plugin);
        for (const permission of asList(restriction.permission)) {
          const known = PERMISSIONS[restriction.plugin!];
          expect(known).toBeDefined();
          expect(known).toContain(permission);
        }
      }
    },
  );

  it('gives no production token catalog writes or TechDocs', () => {
    for (const entry of externalAccessOf(
      path.join(root, 'app-config.production.yaml'),
    )) {
      const restrictions = entry.accessRestrictions ?? [];
      expect(restrictions.map(r => r.plugin)).not.toContain('techdocs');
      const catalogGrants = restrictions
        .filter(r => r.plugin === 'catalog')
        .flatMap(r => asList(r.permission));
      expect(catalogGrants.filter(p => p !== 'catalog.entity.read')).toEqual(
        [],
      );
    }
  });

  it('repeats the production tokens unchanged in the production test config', () => {
    const production = externalAccessOf(
      path.join(root, 'app-config.production.yaml'),
    );
    const test = externalAccessOf(
      path.join(root, 'packages/app/e2e-tests/app-config.production-test.yaml'),
    );
    for (const entry of production) {
      expect(test).toContainEqual(entry);
    }
  });

  it('gives the leak suite a CI token restricted exactly as production', () => {
    const restrictionsOf = (file: string) =>
      externalAccessOf(path.join(root, file)).find(
        e => e.options?.subject === 'ci-client',
      )?.accessRestrictions;
    expect(
      restrictionsOf('packages/app/e2e-tests/app-config.e2e.yaml'),
    ).toEqual(restrictionsOf('app-config.production.yaml'));
  });
});
