import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ChangelogItem,
  EntitySdk,
  FamilyDetail,
  SpecRevision,
} from '@readiness/plugin-api-portal-common';
import { ApiPortalService } from '@readiness/plugin-api-portal-node';
import { API_PORTAL_FACTS } from '@readiness/plugin-scorecards-common';
import { ApiPortalFactProvider } from './ApiPortalFactProvider';

const NOW = '2026-12-06T04:00:00.000Z';

function api(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, namespace: 'default' },
    spec: { type: 'openapi' },
  };
}

function revision(
  entityRef: string,
  familyName: string,
  fields: Partial<SpecRevision> = {},
): SpecRevision {
  return {
    id: `rev-${entityRef}`,
    entityRef,
    family: familyName,
    version: '2.0.0',
    format: 'openapi',
    sizeBytes: 100,
    contentHash: 'h',
    status: 'ok',
    firstSeenAt: '2026-12-01T09:00:00.000Z',
    ...fields,
  };
}

function family(
  name: string,
  latestEntityRef: string,
  lint?: { errors: number; warnings: number; status?: 'ok' | 'timeout' },
): FamilyDetail {
  return {
    name,
    partnerFacing: false,
    latestVersion: '2.0.0',
    versions: [
      {
        version: '2.0.0',
        entityRef: latestEntityRef,
        revision: revision(latestEntityRef, name),
        current: true,
        latest: true,
        ...(lint && {
          lint: {
            errors: lint.errors,
            warnings: lint.warnings,
            status: lint.status ?? 'ok',
            lintedAt: NOW,
          },
        }),
      },
      {
        version: '1.0.0',
        entityRef: `${latestEntityRef}-old`,
        revision: revision(`${latestEntityRef}-old`, name),
        current: true,
        latest: false,
        lint: { errors: 9, warnings: 9, status: 'ok', lintedAt: NOW },
      },
    ],
  };
}

function change(
  fromVersion: string,
  toVersion: string,
  breakingChanges: number,
): ChangelogItem {
  return {
    id: 'c1',
    family: 'f',
    kind: fromVersion === toVersion ? 'revision' : 'version',
    entityRef: 'api:default/x',
    fromEntityRef: 'api:default/x',
    fromRevisionId: 'a',
    toRevisionId: 'b',
    fromVersion,
    toVersion,
    at: NOW,
    breaking: breakingChanges > 0,
    summary: '',
    changes: [
      ...Array.from({ length: breakingChanges }, () => ({
        ruleId: 'operation-removed',
        breaking: true,
        severity: 'error' as const,
        message: 'removed',
      })),
      {
        ruleId: 'operation-added',
        breaking: false,
        severity: 'info' as const,
        message: 'added',
      },
    ],
  } as ChangelogItem;
}

const sdk = (language: string, status: EntitySdk['status']) =>
  ({ language, status } as EntitySdk);

async function notFound(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name: 'NotFoundError', message: 'no' } }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

type Stub = {
  revisions: Record<string, SpecRevision[]>;
  families: Record<string, FamilyDetail>;
  changelogs?: Record<string, ChangelogItem[]>;
  sdks?: Record<string, EntitySdk[]>;
};

/** Stands in for the api-portal backend; every call is recorded. */
function stubApiPortal(stub: Stub, calls: string[] = []): ApiPortalService {
  const refOf = (e: { kind: string; namespace: string; name: string }) =>
    `${e.kind.toLocaleLowerCase('en-US')}:${e.namespace}/${e.name}`;
  return {
    async listEntityRevisions(entity, query, options) {
      expect(query).toEqual({ limit: 1 });
      expect(options.credentials.principal).toEqual(
        mockCredentials.service('plugin:scorecards').principal,
      );
      calls.push(`revisions ${refOf(entity)}`);
      const list = stub.revisions[refOf(entity)];
      if (!list) throw await notFound();
      return { items: list.slice(0, 1) };
    },
    async getFamily(name) {
      calls.push(`family ${name}`);
      const found = stub.families[name];
      if (!found) throw await notFound();
      return found;
    },
    async getFamilyChangelog(name, query) {
      expect(query).toEqual({ limit: 1 });
      calls.push(`changelog ${name}`);
      return { items: (stub.changelogs?.[name] ?? []).slice(0, 1) };
    },
    async listEntitySdks(entity) {
      calls.push(`sdks ${refOf(entity)}`);
      const list = stub.sdks?.[refOf(entity)];
      if (!list) throw await notFound();
      return {
        entityRef: refOf(entity),
        family: 'f',
        version: '2.0.0',
        specHash: 'h',
        packageName: 'p',
        sdks: list,
      };
    },
  };
}

function provider(stub: Stub, calls?: string[]) {
  return new ApiPortalFactProvider({
    apiPortal: stubApiPortal(stub, calls),
    auth: mockServices.auth({ pluginId: 'scorecards' }),
  });
}

const batch = (entities: Entity[]) => ({
  entities,
  now: NOW,
  signal: new AbortController().signal,
});

describe('ApiPortalFactProvider', () => {
  it('declares the API portal facts of the catalogue', () => {
    const p = provider({ revisions: {}, families: {} });
    expect(p.id).toBe('api-portal');
    expect(p.facts).toBe(API_PORTAL_FACTS);
  });

  it("computes an API's facts from its newest revision and its family's newest version, reading each family once", async () => {
    const calls: string[] = [];
    const p = provider(
      {
        revisions: {
          'api:default/ledger-api-v2': [
            revision('api:default/ledger-api-v2', 'ledger-api'),
          ],
          'api:default/ledger-api-v1': [
            revision('api:default/ledger-api-v1', 'ledger-api', {
              version: '1.0.0',
              firstSeenAt: '2026-10-01T09:00:00.000Z',
            }),
          ],
        },
        families: {
          'ledger-api': family('ledger-api', 'api:default/ledger-api-v2', {
            errors: 0,
            warnings: 3,
          }),
        },
        // 1.4.0 -> 2.0.0 broke with a new major version
        changelogs: { 'ledger-api': [change('1.4.0', '2.0.0', 2)] },
        sdks: {
          'api:default/ledger-api-v2': [
            sdk('typescript', 'ready'),
            sdk('python', 'ready'),
          ],
        },
      },
      calls,
    );
    const facts = await p.computeFacts(
      batch([api('ledger-api-v2'), api('ledger-api-v1')]),
    );
    const familyFacts = {
      'api-portal.lint-errors': 0,
      'api-portal.lint-warnings': 3,
      'api-portal.unversioned-breaking-changes': 0,
      'api-portal.sdks-ready': true,
    };
    expect(facts).toEqual([
      {
        entityRef: 'api:default/ledger-api-v2',
        facts: {
          'api-portal.definition-collected': true,
          'api-portal.definition-collected-at': '2026-12-01T09:00:00.000Z',
          ...familyFacts,
        },
      },
      {
        entityRef: 'api:default/ledger-api-v1',
        facts: {
          'api-portal.definition-collected': true,
          'api-portal.definition-collected-at': '2026-10-01T09:00:00.000Z',
          ...familyFacts,
        },
      },
    ]);
    expect(calls.filter(c => !c.startsWith('revisions')).sort()).toEqual([
      'changelog ledger-api',
      'family ledger-api',
      'sdks api:default/ledger-api-v2',
    ]);
  });

  it.each([
    ['within a version', change('2.0.0', '2.0.0', 2), 2],
    ['with a minor version', change('2.0.0', '2.1.0', 1), 1],
    ['to a version without a number', change('2.0.0', 'latest', 3), 3],
    ['with a new major version', change('2.1.0', '3.0.0', 4), 0],
    ['without a breaking change', change('2.0.0', '2.0.1', 0), 0],
  ])(
    'counts the breaking changes of the newest change %s',
    async (_what, newest, expected) => {
      const p = provider({
        revisions: { 'api:default/a': [revision('api:default/a', 'a')] },
        families: {
          a: family('a', 'api:default/a', { errors: 1, warnings: 0 }),
        },
        changelogs: { a: [newest, change('1.0.0', '1.0.0', 7)] },
      });
      const [a] = await p.computeFacts(batch([api('a')]));
      expect(a.facts['api-portal.unversioned-breaking-changes']).toBe(expected);
      expect(a.facts['api-portal.lint-errors']).toBe(1);
    },
  );

  it('says a definition that is not OpenAPI or not readable is not collected, and leaves out what is not known yet', async () => {
    const p = provider({
      revisions: {
        'api:default/events': [
          revision('api:default/events', 'events', {
            format: 'asyncapi',
            status: 'not-openapi',
          }),
        ],
        'api:default/broken': [
          revision('api:default/broken', 'broken', { status: 'invalid-yaml' }),
        ],
        'api:default/new': [],
      },
      families: {
        // Not linted yet, no SDK language offered
        broken: family('broken', 'api:default/broken'),
        events: family('events', 'api:default/events', {
          errors: 0,
          warnings: 0,
          status: 'timeout',
        }),
      },
      sdks: { 'api:default/events': [sdk('typescript', 'failed')] },
    });
    const facts = await p.computeFacts(
      batch([api('events'), api('broken'), api('new')]),
    );
    expect(facts).toEqual([
      {
        entityRef: 'api:default/events',
        facts: {
          'api-portal.definition-collected': false,
          'api-portal.definition-collected-at': '2026-12-01T09:00:00.000Z',
          'api-portal.unversioned-breaking-changes': 0,
          'api-portal.sdks-ready': false,
        },
      },
      {
        entityRef: 'api:default/broken',
        facts: {
          'api-portal.definition-collected': false,
          'api-portal.definition-collected-at': '2026-12-01T09:00:00.000Z',
          'api-portal.unversioned-breaking-changes': 0,
        },
      },
      {
        entityRef: 'api:default/new',
        facts: { 'api-portal.definition-collected': false },
      },
    ]);
  });

  it('asks only about API entities, leaves out those the backend does not find, and fails on any other failure', async () => {
    const calls: string[] = [];
    const p = provider({ revisions: {}, families: {} }, calls);
    const component: Entity = { ...api('ledger'), kind: 'Component' };
    await expect(
      p.computeFacts(batch([component, api('gone')])),
    ).resolves.toEqual([]);
    expect(calls).toEqual(['revisions api:default/gone']);

    const failing = new ApiPortalFactProvider({
      apiPortal: {
        ...stubApiPortal({
          revisions: { 'api:default/a': [revision('api:default/a', 'a')] },
          families: {},
        }),
        async getFamilyChangelog() {
          throw new Error('api-portal backend answered 503');
        },
      },
      auth: mockServices.auth({ pluginId: 'scorecards' }),
    });
    await expect(failing.computeFacts(batch([api('a')]))).rejects.toThrow(
      'api-portal backend answered 503',
    );
  });
});
