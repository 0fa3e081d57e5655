/*
 * Fixtures and a render helper for the api-portal plugin's tests. Runtime
 * code never imports this file.
 */
import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SWRConfig } from 'swr';
import {
  ApiPortalApi,
  ChangelogItem,
  EntitySdks,
  FamilyDetail,
  FamilySummary,
  ProvidedApi,
  ProvidedApis,
  RevisionLint,
  SpecRevision,
} from '@readiness/plugin-api-portal-common';
import { apiPortalApiRef } from '../api';

const DEFINITION = `openapi: 3.0.3
info: { title: Ledger API, version: 2.0.0 }
paths:
  /accounts:
    get:
      operationId: listAccounts
      responses: { '200': { description: ok } }
`;

export const ledgerV2: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'ledger-api-v2', namespace: 'default' },
  spec: {
    type: 'openapi',
    owner: 'team-finance',
    lifecycle: 'production',
    definition: DEFINITION,
  },
};

export const LEDGER_V2 = {
  kind: 'api',
  namespace: 'default',
  name: 'ledger-api-v2',
};

export function forbidden(): Error {
  return Object.assign(new Error('forbidden'), { statusCode: 403 });
}

export function notFound(): Error {
  return Object.assign(new Error('no such family'), { statusCode: 404 });
}

/** A promise that never settles: the component stays loading. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

function revision(
  id: string,
  entityRef: string,
  version: string,
): SpecRevision {
  return {
    id,
    entityRef,
    family: 'ledger-api',
    version,
    format: 'openapi',
    specVersion: '3.0.3',
    sizeBytes: 1200,
    contentHash: `hash-${id}`,
    status: 'ok',
    firstSeenAt: '2026-11-01T10:00:00Z',
  };
}

export const ledgerFamily: FamilyDetail = {
  name: 'ledger-api',
  partnerFacing: true,
  latestVersion: '2.0.0',
  versions: [
    {
      version: '2.0.0',
      entityRef: 'api:default/ledger-api-v2',
      revision: revision('r2', 'api:default/ledger-api-v2', '2.0.0'),
      current: true,
      latest: true,
    },
    {
      version: '1.4.0',
      entityRef: 'api:default/ledger-api-v1',
      revision: revision('r1', 'api:default/ledger-api-v1', '1.4.0'),
      current: true,
      latest: false,
    },
  ],
};

export const ledgerLint: RevisionLint = {
  revisionId: 'r2',
  entityRef: 'api:default/ledger-api-v2',
  contentHash: 'hash-r2',
  status: 'ok',
  totals: { errors: 1, warnings: 2 },
  lintedAt: '2026-11-01T10:01:00Z',
  rules: [
    {
      ruleId: 'operation-4xx-response',
      severity: 'warn',
      count: 2,
      documentationUrl:
        'https://redocly.com/docs/cli/rules/oas/operation-4xx-response',
    },
    {
      ruleId: 'no-server-example.com',
      severity: 'error',
      count: 1,
    },
  ],
  problems: [
    {
      ruleId: 'operation-4xx-response',
      severity: 'warn',
      message: 'Operation must have at least one 4XX response.',
      pointer: '#/paths/~1accounts/get/responses',
      line: 7,
      column: 7,
    },
    {
      ruleId: 'operation-4xx-response',
      severity: 'warn',
      message: 'Operation must have at least one 4XX response.',
      pointer: '#/paths/~1entries/post/responses',
      line: 19,
    },
    {
      ruleId: 'no-server-example.com',
      severity: 'error',
      message: 'Server `url` should not point to example.com.',
      pointer: '#/servers/0/url',
      line: 3,
    },
  ],
};

export const breakingEntry: ChangelogItem = {
  id: 'c1',
  family: 'ledger-api',
  kind: 'version',
  entityRef: 'api:default/ledger-api-v2',
  fromEntityRef: 'api:default/ledger-api-v1',
  fromRevisionId: 'r1',
  toRevisionId: 'r2',
  fromVersion: '1.4.0',
  toVersion: '2.0.0',
  at: '2026-11-01T10:00:00Z',
  breaking: true,
  summary: '1 breaking change, 1 other',
  changes: [
    {
      ruleId: 'operation-removed',
      breaking: true,
      severity: 'error',
      message: 'DELETE /accounts/{id} was removed',
      before: { pointer: '#/paths/~1accounts~1{id}/delete' },
    },
    {
      ruleId: 'operation-added',
      breaking: false,
      severity: 'info',
      message: 'GET /entries was added',
      after: { pointer: '#/paths/~1entries/get' },
    },
  ],
};

export const ledgerSdks: EntitySdks = {
  entityRef: 'api:default/ledger-api-v2',
  family: 'ledger-api',
  version: '2.0.0',
  specHash: 'abc',
  packageName: 'ledger-api-client',
  sdks: [
    {
      language: 'typescript',
      displayName: 'TypeScript',
      generatorVersion: '7.8.0',
      status: 'ready',
      sizeBytes: 20480,
      finishedAt: '2026-11-01T10:05:00Z',
      downloads: { scope: 'all', internal: 3, partner: 4, total: 7 },
      fileName: 'ledger-api-2.0.0-typescript.tar.gz',
      install: 'npm install ./ledger-api-2.0.0-typescript.tar.gz',
      usage: "import * as api from 'ledger-api';",
    },
    {
      language: 'python',
      displayName: 'Python',
      generatorVersion: '7.8.0',
      status: 'building',
      downloads: { scope: 'all', internal: 0, partner: 0, total: 0 },
      fileName: 'ledger-api-2.0.0-python.tar.gz',
    },
  ],
};

export const ledgerComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
};

export const providedLedgerV1: ProvidedApi = {
  entityRef: 'api:default/ledger-api-v1',
  title: 'Ledger API v1',
  family: 'ledger-api',
  version: '1.4.2',
  latestVersion: '2.0.0',
  latest: false,
  revisionStatus: 'ok',
  lint: {
    errors: 1,
    warnings: 2,
    status: 'ok',
    lintedAt: '2026-11-01T10:01:00Z',
  },
  breakingChangesLast30Days: 1,
};

export const providedLedgerV2: ProvidedApi = {
  entityRef: 'api:default/ledger-api-v2',
  title: 'Ledger API v2',
  family: 'ledger-api',
  version: '2.0.0',
  latestVersion: '2.0.0',
  latest: true,
  revisionStatus: 'ok',
  lint: {
    errors: 0,
    warnings: 0,
    status: 'ok',
    lintedAt: '2026-11-01T10:01:00Z',
  },
  breakingChangesLast30Days: 1,
};

export function providedApis(apis: ProvidedApi[], hidden = 0): ProvidedApis {
  return { entityRef: 'component:default/ledger', apis, hidden };
}

/** A family of the readiness table; every number zero unless told. */
export function familySummary(
  name: string,
  overrides: Partial<FamilySummary> = {},
): FamilySummary {
  return {
    name,
    latestVersion: '1.0.0',
    latestEntityRef: `api:default/${name}`,
    versionsCount: 1,
    entityRefs: [`api:default/${name}`],
    partnerFacing: false,
    breakingChangesLast30Days: 0,
    ...overrides,
  };
}

const BASE = 'http://localhost:7007/api/api-portal';

/** An api mock answering with empty records unless told otherwise. */
export function mockApi(
  overrides: Partial<ApiPortalApi> = {},
): jest.Mocked<ApiPortalApi> {
  const api: ApiPortalApi = {
    listFamilies: jest.fn(async () => ({ items: [] })),
    getFamily: jest.fn(async () => ledgerFamily),
    getFamilyChangelog: jest.fn(async () => ({ items: [] })),
    getChangelog: jest.fn(async () => ({ items: [] })),
    listEntityRevisions: jest.fn(async () => ({ items: [] })),
    getRevisionLint: jest.fn(async () => ({
      ...ledgerLint,
      totals: { errors: 0, warnings: 0 },
      rules: [],
      problems: [],
    })),
    listEntitySdks: jest.fn(async () => ({ ...ledgerSdks, sdks: [] })),
    getProvidedApis: jest.fn(async () => providedApis([])),
    refreshEntity: jest.fn(async () => ({
      revision: ledgerFamily.versions[0].revision,
      changed: false,
    })),
    getSdkDownloadUrl: jest.fn(
      async (e, language) =>
        `${BASE}/v1/entities/${e.kind}/${e.namespace}/${e.name}/sdks/${language}/download`,
    ),
    getPostmanUrl: jest.fn(async e => `${BASE}/v1/entities/${e.name}/postman`),
    getFeedUrls: jest.fn(async family => {
      const feed = family ? `families/${family}` : 'all';
      return {
        rss: `${BASE}/v1/feeds/${feed}.rss`,
        atom: `${BASE}/v1/feeds/${feed}.atom`,
      };
    }),
    ...overrides,
  };
  // Every member is a jest.fn, by default or from the overrides.
  return api as jest.Mocked<ApiPortalApi>;
}

export function renderForEntity(
  element: ReactElement,
  api: ApiPortalApi,
  options: {
    entity?: Entity;
    extraApis?: any[];
    /** What the permission API answers: allow everything by default. */
    permission?: NonNullable<
      Parameters<typeof mockApis.permission>[0]
    >['authorize'];
  } = {},
) {
  const permissions = mockApis.permission({
    authorize: options.permission ?? AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    // usePermission caches decisions in swr: each render starts without any
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={options.entity ?? ledgerV2}>
        {element}
      </EntityProvider>
    </SWRConfig>,
    {
      apis: [
        [apiPortalApiRef, api],
        [permissionApiRef, permissions],
        ...(options.extraApis ?? []),
      ] as any,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
