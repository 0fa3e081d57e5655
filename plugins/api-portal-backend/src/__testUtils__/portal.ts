/*
 * Test helpers: a test backend with the api-portal plugin, an in-memory
 * catalog of API entities, the audience permission policy and a scheduler
 * whose collection task the test runs when it wants. Test code only.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  createServiceFactory,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import {
  audiencePermissionsServiceFactory,
  SAMPLE_CALLERS,
  sampleUserInfoServiceFactory,
} from '@readiness/backend-test-utils';
import sdkPythonModule from '@readiness/plugin-api-portal-backend-module-sdk-python';
import sdkTypeScriptModule from '@readiness/plugin-api-portal-backend-module-sdk-typescript';
import {
  complianceEvidenceServiceRef,
  PortalEvidence,
} from '@readiness/plugin-compliance-node';
import { repositoryPath } from '@readiness/test-corpus';
import { Knex } from 'knex';
import request from 'supertest';
import { apiPortalPlugin, COLLECTION_TASK_ID } from '../plugin';

/**
 * The callers every endpoint is tested with: the sample callers (`partner` is
 * Acme's maria.lopez) and a partner of another organisation, Globex.
 */
export const callers = {
  ...SAMPLE_CALLERS,
  otherPartner: mockCredentials.user.header('user:default/kenji.sato'),
};

/**
 * The SDK generator modules the portal's own backend runs with
 * (packages/backend): a test backend offers SDK languages only when it adds them.
 */
export const sdkGeneratorModules: BackendFeature[] = [
  sdkTypeScriptModule,
  sdkPythonModule,
];

/** An API entity of the test catalog. */
export function apiEntity(
  name: string,
  definition: string,
  options: {
    partner?: boolean;
    family?: string;
    type?: string;
    /** The catalog's etag; the real catalog sets one on every entity. */
    etag?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name,
      namespace: 'default',
      ...(options.etag && { etag: options.etag }),
      annotations: {
        ...(options.partner && { 'readiness.dev/audience': 'partner' }),
        ...(options.family && { 'readiness.dev/api-family': options.family }),
      },
    },
    spec: {
      type: options.type ?? 'openapi',
      lifecycle: 'production',
      owner: 'team-finance',
      definition,
    },
  };
}

/** A small OpenAPI document with the given version and paths. */
export function openapi(
  version: string,
  paths: string[],
  extra: string = '',
): string {
  const lines = [
    'openapi: 3.0.3',
    'info:',
    '  title: Ledger',
    `  version: ${version}`,
    '  license: {name: UNLICENSED, url: https://example.com/license}',
    'servers: [{url: https://ledger.example.org}]',
    'security: [{apiKey: []}]',
    'components:',
    '  securitySchemes:',
    '    apiKey: {type: apiKey, in: header, name: X-Api-Key}',
    'paths:',
  ];
  for (const path of paths) {
    const id = path.replace(/[^a-zA-Z]/g, '');
    lines.push(
      `  ${path}:`,
      '    get:',
      `      operationId: get${id}`,
      `      summary: Get ${path}`,
      '      responses:',
      "        '200':",
      '          description: ok',
      "        '404':",
      '          description: not found',
    );
  }
  return `${lines.join('\n')}\n${extra}`;
}

/**
 * The test catalog's APIs: the partner-facing ledger-api family in two
 * versions (v2 removes a path: one breaking change) and an internal ocr-api.
 */
export function sampleApis(): Entity[] {
  return [
    apiEntity(
      'ledger-api-v1',
      openapi('1.0.0', ['/accounts', '/accounts/{id}/balance']),
      { partner: true, family: 'ledger-api' },
    ),
    apiEntity(
      'ledger-api-v2',
      openapi('2.0.0', ['/accounts', '/journal-entries']),
      { partner: true, family: 'ledger-api' },
    ),
    apiEntity('ocr-api', openapi('0.3.0', ['/documents']), {
      family: 'ocr-api',
    }),
  ];
}

/** A started test backend and how to call it. */
export type TestPortal = {
  /** Runs one collection pass, as the scheduler would. */
  collect(): Promise<void>;
  /** The compliance evidence the backend filed, in order. */
  filed: PortalEvidence[];
  get(path: string, caller?: string): request.Test;
  post(path: string, caller?: string): request.Test;
};

/** Starts a backend on a fresh database with these API entities. */
export async function startPortal(options: {
  knex: Knex;
  entities: Entity[];
  config?: JsonObject;
  /** More features, e.g. modules of the api-portal. */
  features?: BackendFeature[];
}): Promise<TestPortal> {
  let task:
    | (SchedulerServiceTaskScheduleDefinition & {
        fn: (signal: AbortSignal) => Promise<void>;
      })
    | undefined;
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(definition) {
      if (definition.id === COLLECTION_TASK_ID) {
        task = definition as typeof task;
      }
    },
  });
  const filed: PortalEvidence[] = [];
  const { server } = await startTestBackend({
    features: [
      apiPortalPlugin,
      createServiceFactory({
        service: complianceEvidenceServiceRef,
        deps: {},
        factory: () => ({
          async filePortalEvidence(evidence: PortalEvidence) {
            filed.push(evidence);
            return { created: true };
          },
        }),
      }),
      catalogServiceMock.factory({ entities: options.entities }),
      audiencePermissionsServiceFactory(),
      sampleUserInfoServiceFactory(),
      ...(options.features ?? []),
      mockServices.database.factory({ knex: options.knex }),
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.test' },
          apiPortal: {
            // SDK builds (child processes) would compete with the timed passes
            sdk: { buildAfterCollection: false },
            ...options.config,
            lint: {
              configPath: repositoryPath('redocly.yaml'),
              ...(options.config?.lint as JsonObject | undefined),
            },
          },
        },
      }),
    ],
  });
  return {
    filed,
    async collect() {
      if (!task) throw new Error('the collection task was not scheduled');
      await task.fn(new AbortController().signal);
    },
    get: (path: string, caller: string = callers.internal) =>
      request(server)
        .get(`/api/api-portal${path}`)
        .set('Authorization', caller),
    post: (path: string, caller: string = callers.internal) =>
      request(server)
        .post(`/api/api-portal${path}`)
        .set('Authorization', caller),
  };
}
