// Generated from openapi.yaml by scripts/openapi/generate.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'api-portal',
    version: '1',
    description:
      "The API portal's record of the catalog's API definitions: families and their versions, spec revisions, Redocly lint results, the breaking-change changelog and its RSS/Atom feeds. Every path carries the API version. Lists page with `cursor` and `limit`. Errors are Backstage error bodies; validation errors name the field. What the caller may not read answers 404 with the body a name or id that does not exist gets; 403 only refuses an action on something the caller can read.",
    license: {
      name: 'UNLICENSED',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    examples: {},
    headers: {},
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      family: {
        name: 'family',
        in: 'path',
        required: true,
        description: 'The API family, e.g. ledger-api',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      revisionId: {
        name: 'revisionId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        description: 'The nextCursor of the previous page',
        schema: {
          type: 'string',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 100,
          default: 20,
        },
      },
      language: {
        name: 'language',
        in: 'path',
        required: true,
        description: 'The SDK language id, e.g. typescript or python',
        schema: {
          type: 'string',
          pattern: '^[a-z][a-z0-9-]{0,39}$',
        },
      },
      breaking: {
        name: 'breaking',
        in: 'query',
        required: false,
        description: 'Only entries with breaking changes',
        schema: {
          type: 'string',
          enum: ['true', 'false'],
        },
      },
    },
    requestBodies: {},
    responses: {
      ErrorResponse: {
        description: 'An error response from the backend.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Feed: {
        description: 'A changelog feed, newest entries first (at most 50).',
        content: {
          'application/xml': {
            schema: {
              type: 'string',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
            required: ['statusCode'],
          },
        },
        required: ['error', 'response'],
      },
      LintSummary: {
        type: 'object',
        required: ['errors', 'warnings', 'status', 'lintedAt'],
        properties: {
          errors: {
            type: 'integer',
          },
          warnings: {
            type: 'integer',
          },
          status: {
            type: 'string',
            enum: ['ok', 'error', 'timeout'],
          },
          lintedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ProvidedApi: {
        type: 'object',
        description: 'One API an entity provides, as its card shows it.',
        required: [
          'entityRef',
          'family',
          'latest',
          'breakingChangesLast30Days',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
            description: 'info.title of the current definition',
          },
          family: {
            type: 'string',
          },
          version: {
            type: 'string',
            description: "info.version of the entity's current definition",
          },
          latestVersion: {
            type: 'string',
            description:
              "The family's latest version among those the caller may read",
          },
          latest: {
            type: 'boolean',
            description:
              "Whether this entity carries the family's latest version",
          },
          revisionStatus: {
            type: 'string',
            description:
              "The current revision's state; absent while the API has not been collected",
            enum: [
              'ok',
              'too-large',
              'invalid-yaml',
              'invalid-json',
              'yaml-alias-limit',
              'parse-timeout',
              'not-openapi',
              'no-definition',
              'failed',
            ],
          },
          revisionStatusMessage: {
            type: 'string',
          },
          lint: {
            $ref: '#/components/schemas/LintSummary',
          },
          breakingChangesLast30Days: {
            type: 'integer',
          },
        },
      },
      ProvidedApis: {
        type: 'object',
        required: ['entityRef', 'apis', 'hidden'],
        properties: {
          entityRef: {
            type: 'string',
          },
          apis: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ProvidedApi',
            },
          },
          hidden: {
            type: 'integer',
            description: 'Provided APIs the caller may not read',
          },
        },
      },
      SpecRevision: {
        type: 'object',
        description: 'One definition of an API entity, as first seen.',
        required: [
          'id',
          'entityRef',
          'family',
          'format',
          'sizeBytes',
          'contentHash',
          'status',
          'firstSeenAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          family: {
            type: 'string',
          },
          version: {
            type: 'string',
            description: 'info.version of the definition',
          },
          title: {
            type: 'string',
          },
          format: {
            type: 'string',
            enum: ['openapi', 'swagger', 'asyncapi', 'graphql', 'other'],
          },
          specVersion: {
            type: 'string',
            description: 'e.g. 3.1.0 or 2.0',
          },
          sizeBytes: {
            type: 'integer',
          },
          contentHash: {
            type: 'string',
            description: 'SHA-256 of the definition text, hex',
          },
          status: {
            type: 'string',
            description: 'ok, or why the definition could not be read',
            enum: [
              'ok',
              'too-large',
              'invalid-yaml',
              'invalid-json',
              'yaml-alias-limit',
              'parse-timeout',
              'not-openapi',
              'no-definition',
              'failed',
            ],
          },
          statusMessage: {
            type: 'string',
          },
          firstSeenAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      RevisionPage: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SpecRevision',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      FamilySummary: {
        type: 'object',
        required: [
          'name',
          'versionsCount',
          'entityRefs',
          'partnerFacing',
          'breakingChangesLast30Days',
        ],
        properties: {
          name: {
            type: 'string',
          },
          latestVersion: {
            type: 'string',
          },
          latestEntityRef: {
            type: 'string',
          },
          versionsCount: {
            type: 'integer',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          partnerFacing: {
            type: 'boolean',
          },
          lint: {
            $ref: '#/components/schemas/LintSummary',
          },
          breakingChangesLast30Days: {
            type: 'integer',
          },
          sdkDownloadsLast30Days: {
            type: 'array',
            description:
              "SDK downloads per day (UTC) of the last 30 days, days with downloads only; for partners their own organisation's (`sdkDownloadsScope`)",
            items: {
              type: 'object',
              required: ['day', 'downloads'],
              properties: {
                day: {
                  type: 'string',
                  description: 'YYYY-MM-DD',
                },
                downloads: {
                  type: 'integer',
                },
                sample: {
                  type: 'integer',
                  description:
                    "How many of the day's downloads are development sample data (docs/operations/sample-data.md); absent when none",
                },
              },
            },
          },
          sdkDownloadsScope: {
            $ref: '#/components/schemas/SdkDownloadsScope',
          },
        },
      },
      FamilyPage: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FamilySummary',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      FamilyVersion: {
        type: 'object',
        required: ['version', 'entityRef', 'revision', 'current', 'latest'],
        properties: {
          version: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          revision: {
            $ref: '#/components/schemas/SpecRevision',
          },
          current: {
            type: 'boolean',
            description: "Whether this is the entity's current definition",
          },
          latest: {
            type: 'boolean',
            description: "Whether this is the family's latest version",
          },
          lint: {
            $ref: '#/components/schemas/LintSummary',
          },
        },
      },
      FamilyDetail: {
        type: 'object',
        required: ['name', 'partnerFacing', 'versions'],
        properties: {
          name: {
            type: 'string',
          },
          partnerFacing: {
            type: 'boolean',
          },
          latestVersion: {
            type: 'string',
          },
          versions: {
            type: 'array',
            description: 'Newest version first (semver-aware order)',
            items: {
              $ref: '#/components/schemas/FamilyVersion',
            },
          },
        },
      },
      LintProblem: {
        type: 'object',
        required: ['ruleId', 'severity', 'message'],
        properties: {
          ruleId: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warn'],
          },
          message: {
            type: 'string',
          },
          pointer: {
            type: 'string',
            description: 'JSON pointer into the definition',
          },
          line: {
            type: 'integer',
          },
          column: {
            type: 'integer',
          },
          documentationUrl: {
            type: 'string',
          },
        },
      },
      RevisionLint: {
        type: 'object',
        required: [
          'revisionId',
          'entityRef',
          'contentHash',
          'status',
          'totals',
          'rules',
          'problems',
        ],
        properties: {
          revisionId: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          contentHash: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['ok', 'error', 'timeout', 'not-linted'],
          },
          statusMessage: {
            type: 'string',
          },
          totals: {
            type: 'object',
            required: ['errors', 'warnings'],
            properties: {
              errors: {
                type: 'integer',
              },
              warnings: {
                type: 'integer',
              },
            },
          },
          lintedAt: {
            type: 'string',
            format: 'date-time',
          },
          rules: {
            type: 'array',
            description: 'Problems counted per rule and severity',
            items: {
              type: 'object',
              required: ['ruleId', 'severity', 'count'],
              properties: {
                ruleId: {
                  type: 'string',
                },
                severity: {
                  type: 'string',
                },
                count: {
                  type: 'integer',
                },
                documentationUrl: {
                  type: 'string',
                },
              },
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LintProblem',
            },
          },
        },
      },
      ApiChange: {
        type: 'object',
        required: ['ruleId', 'breaking', 'severity', 'message'],
        properties: {
          ruleId: {
            type: 'string',
          },
          breaking: {
            type: 'boolean',
          },
          severity: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          before: {
            type: 'object',
            properties: {
              pointer: {
                type: 'string',
              },
            },
          },
          after: {
            type: 'object',
            properties: {
              pointer: {
                type: 'string',
              },
            },
          },
          path: {
            type: 'string',
          },
          method: {
            type: 'string',
          },
        },
      },
      ChangelogEntry: {
        type: 'object',
        required: [
          'id',
          'family',
          'kind',
          'entityRef',
          'fromEntityRef',
          'fromRevisionId',
          'toRevisionId',
          'fromVersion',
          'toVersion',
          'at',
          'breaking',
          'summary',
          'changes',
        ],
        properties: {
          id: {
            type: 'string',
          },
          family: {
            type: 'string',
          },
          kind: {
            type: 'string',
            description:
              "revision: the entity's definition changed; version: the family's next version",
            enum: ['revision', 'version'],
          },
          entityRef: {
            type: 'string',
          },
          fromEntityRef: {
            type: 'string',
          },
          fromRevisionId: {
            type: 'string',
          },
          toRevisionId: {
            type: 'string',
          },
          fromVersion: {
            type: 'string',
          },
          toVersion: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          breaking: {
            type: 'boolean',
          },
          summary: {
            type: 'string',
          },
          changes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ApiChange',
            },
          },
        },
      },
      ChangelogPage: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ChangelogEntry',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      RefreshResult: {
        type: 'object',
        required: ['revision', 'changed'],
        properties: {
          revision: {
            $ref: '#/components/schemas/SpecRevision',
          },
          changed: {
            type: 'boolean',
            description:
              'Whether the definition differed from the current revision',
          },
        },
      },
      SdkDownloads: {
        type: 'object',
        description:
          "Downloads of the SDK for the family version. Internal callers see every download (`scope: all`), split into `internal` and `partner`; a partner sees only their own organisation's (`scope: organisation`, `total` only).",
        required: ['scope', 'total'],
        properties: {
          scope: {
            $ref: '#/components/schemas/SdkDownloadsScope',
          },
          internal: {
            type: 'integer',
            description:
              'Downloads by internal users and services (scope all only)',
          },
          partner: {
            type: 'integer',
            description:
              'Downloads by partners of every organisation (scope all only)',
          },
          total: {
            type: 'integer',
          },
          sample: {
            type: 'integer',
            description:
              'How many of `total` are development sample data (docs/operations/sample-data.md); absent when none',
          },
        },
      },
      SdkDownloadsScope: {
        type: 'string',
        description:
          "Whose downloads a count covers: everyone's, or the caller's own partner organisation's.",
        enum: ['all', 'organisation'],
      },
      EntitySdk: {
        type: 'object',
        required: [
          'language',
          'displayName',
          'generatorVersion',
          'status',
          'downloads',
          'fileName',
        ],
        properties: {
          language: {
            type: 'string',
          },
          displayName: {
            type: 'string',
          },
          generatorVersion: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['pending', 'building', 'ready', 'failed'],
          },
          sizeBytes: {
            type: 'integer',
            description: 'Size of the archive, when ready',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          log: {
            type: 'string',
            description:
              'The build log of a failed build; internal callers only',
          },
          downloads: {
            $ref: '#/components/schemas/SdkDownloads',
          },
          fileName: {
            type: 'string',
            description:
              "The download's file name, <family>-<version>-<language>.tar.gz",
          },
          install: {
            type: 'string',
            description: 'How to install the downloaded archive',
          },
          usage: {
            type: 'string',
            description: 'How the installed package is first used (its import)',
          },
        },
      },
      EntitySdks: {
        type: 'object',
        required: [
          'entityRef',
          'family',
          'version',
          'specHash',
          'packageName',
          'sdks',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          family: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          specHash: {
            type: 'string',
            description:
              'SHA-256 of the definition text the SDKs are built from',
          },
          packageName: {
            type: 'string',
            description: 'The package name written into the SDKs',
          },
          sdks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntitySdk',
            },
          },
        },
      },
    },
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
  },
  paths: {
    '/v1/families': {
      get: {
        operationId: 'ListFamilies',
        summary: 'List API families',
        description:
          'The API families the caller may read, by name, with their latest version, how many versions they had, the lint totals of the latest version (when the caller may read lint results) and the breaking changes of the last 30 days.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'A page of families.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FamilyPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/families/{family}': {
      get: {
        operationId: 'GetFamily',
        summary: 'Get an API family',
        description:
          'One family with every version it had (per entity), newest first, the latest one flagged.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/family',
          },
        ],
        responses: {
          '200': {
            description: 'The family.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FamilyDetail',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/families/{family}/changelog': {
      get: {
        operationId: 'GetFamilyChangelog',
        summary: "List a family's changelog",
        description: 'The changelog of one family, newest first.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/family',
          },
          {
            $ref: '#/components/parameters/breaking',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'A page of changelog entries.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangelogPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/changelog': {
      get: {
        operationId: 'GetChangelog',
        summary: 'List the changelog of every family',
        description:
          'The changelog of every family the caller may read, newest first.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/breaking',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'A page of changelog entries.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangelogPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/revisions': {
      get: {
        operationId: 'ListEntityRevisions',
        summary: "List an API entity's spec revisions",
        description: 'The spec revisions of one API entity, newest first.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'A page of revisions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RevisionPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/refresh': {
      post: {
        operationId: 'RefreshEntity',
        summary: "Collect an API entity's definition now",
        description:
          "Collects the entity's definition now (then lints a new text) instead of waiting for the schedule. Needs api-portal.entity.refresh; audited.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's current revision.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RefreshResult',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/provided-apis': {
      get: {
        operationId: 'GetProvidedApis',
        summary: 'Get the APIs a component provides',
        description:
          'The APIs an entity provides (its providesApi relations) that the caller may read: current and latest version of each family, lint totals (when the caller may read them), breaking changes of the last 30 days, and how many provided APIs are hidden from the caller. 404 when the caller may not see the entity in the catalog.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The provided APIs.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProvidedApis',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/sdks': {
      get: {
        operationId: 'ListEntitySdks',
        summary: "List an API entity's SDKs",
        description:
          "The SDKs of the entity's current definition, one per language, with build status, size and download counts. Queues the builds that are missing. Needs api-portal.entity.read.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The SDKs.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySdks',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/sdks/{language}/download': {
      get: {
        operationId: 'DownloadEntitySdk',
        summary: 'Download an SDK archive',
        description:
          'Streams the SDK archive (.tar.gz) and counts the download. 409 while the build is pending, building or failed; 404 when there is no build. Needs api-portal.sdk.download.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/language',
          },
        ],
        responses: {
          '200': {
            description: 'The archive, as an attachment.',
            content: {
              'application/gzip': {
                schema: {
                  type: 'string',
                  format: 'binary',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/sdks/{language}/build': {
      post: {
        operationId: 'BuildEntitySdk',
        summary: 'Build an SDK',
        description:
          "Queues the SDK build of a language for the entity's current definition (again, when it failed or was built). Needs api-portal.entity.refresh; audited.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/language',
          },
        ],
        responses: {
          '202': {
            description: 'The queued build.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySdk',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/postman': {
      get: {
        operationId: 'GetEntityPostmanCollection',
        summary: 'Get a Postman collection',
        description:
          "The Postman collection (v2.1) of the entity's current definition. Needs api-portal.sdk.download.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The collection.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: true,
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/revisions/{revisionId}': {
      get: {
        operationId: 'GetRevision',
        summary: 'Get a spec revision',
        description: 'One spec revision.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/revisionId',
          },
        ],
        responses: {
          '200': {
            description: 'The revision.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SpecRevision',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/revisions/{revisionId}/lint': {
      get: {
        operationId: 'GetRevisionLint',
        summary: "Get a revision's lint problems",
        description:
          "The lint result of a revision's definition: totals, problems with their rule, JSON pointer, line and column and the rule's documentation, and counts per rule. Needs api-portal.lint.read.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/revisionId',
          },
        ],
        responses: {
          '200': {
            description: 'The lint result.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RevisionLint',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/feeds/families/{family}.rss': {
      get: {
        operationId: 'GetFamilyRssFeed',
        summary: "A family's changelog as RSS",
        description: "The family's changelog as RSS 2.0 (application/rss+xml).",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/family',
          },
        ],
        responses: {
          '200': {
            $ref: '#/components/responses/Feed',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/feeds/families/{family}.atom': {
      get: {
        operationId: 'GetFamilyAtomFeed',
        summary: "A family's changelog as Atom",
        description:
          "The family's changelog as Atom 1.0 (application/atom+xml).",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/family',
          },
        ],
        responses: {
          '200': {
            $ref: '#/components/responses/Feed',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/feeds/all.rss': {
      get: {
        operationId: 'GetAllRssFeed',
        summary: 'The whole changelog as RSS',
        description:
          'The changelog of every family the caller may read, as RSS 2.0.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            $ref: '#/components/responses/Feed',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/feeds/all.atom': {
      get: {
        operationId: 'GetAllAtomFeed',
        summary: 'The whole changelog as Atom',
        description:
          'The changelog of every family the caller may read, as Atom 1.0.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            $ref: '#/components/responses/Feed',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
