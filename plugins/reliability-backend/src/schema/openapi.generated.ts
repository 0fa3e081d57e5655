// Generated from openapi.yaml by scripts/openapi/generate.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'reliability',
    version: '1',
    description:
      'Perf runs published by CI and read by the portal. Every path carries the API version. Errors are Backstage error bodies; validation errors name the field.',
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
      runId: {
        name: 'runId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
        },
      },
      entityRef: {
        name: 'entityRef',
        in: 'query',
        required: true,
        description: 'The catalog entity, e.g. component:default/ledger',
        allowReserved: true,
        schema: {
          type: 'string',
          minLength: 1,
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
      PerfRunMetadata: {
        type: 'object',
        description: 'What CI says about the run.',
        required: [
          'entityRef',
          'scenario',
          'environment',
          'startedAt',
          'finishedAt',
          'idempotencyKey',
        ],
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          scenario: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          environment: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          release: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          gitSha: {
            type: 'string',
            pattern: '^[0-9a-fA-F]{7,64}$',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          k6ExitCode: {
            type: 'integer',
            minimum: 0,
            maximum: 255,
          },
          idempotencyKey: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      PublishRunRequest: {
        type: 'object',
        required: ['run', 'results'],
        additionalProperties: false,
        properties: {
          run: {
            $ref: '#/components/schemas/PerfRunMetadata',
          },
          results: {
            type: 'object',
            description:
              'Any k6 summary document: handleSummary JSON, --summary-export JSON or the machine-readable summary. The shape is detected.',
            additionalProperties: {},
          },
        },
      },
      PerfRunSummary: {
        type: 'object',
        required: [
          'id',
          'entityRef',
          'scenario',
          'environment',
          'startedAt',
          'finishedAt',
          'idempotencyKey',
          'createdAt',
          'format',
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          scenario: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          release: {
            type: 'string',
          },
          gitSha: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          k6ExitCode: {
            type: 'integer',
          },
          idempotencyKey: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          format: {
            type: 'string',
            enum: [
              'k6-handle-summary',
              'k6-summary-export',
              'k6-machine-readable',
              'k6-json-stream',
            ],
          },
          thresholdsPassed: {
            type: 'boolean',
          },
        },
      },
      PerfRun: {
        allOf: [
          {
            $ref: '#/components/schemas/PerfRunSummary',
          },
          {
            type: 'object',
            required: ['results'],
            properties: {
              results: {
                type: 'object',
                description: 'The normalised results (PerfResults).',
                additionalProperties: {},
              },
            },
          },
        ],
      },
      PublishRunResponse: {
        type: 'object',
        required: ['run', 'created', 'warnings'],
        properties: {
          run: {
            $ref: '#/components/schemas/PerfRunSummary',
          },
          created: {
            type: 'boolean',
            description:
              'False when this publication was stored before (a retry).',
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      EntitySlos: {
        type: 'object',
        required: ['entityRef', 'files', 'slos', 'problems'],
        properties: {
          entityRef: {
            type: 'string',
          },
          annotation: {
            type: 'string',
          },
          files: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          slos: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: {},
            },
          },
          problems: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: {},
            },
          },
        },
      },
      PerfRunPage: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PerfRunSummary',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      BackupVerificationInput: {
        type: 'object',
        description:
          'What a backup-verify job found about one backup artifact. Unknown fields are refused by name.',
        required: [
          'idempotencyKey',
          'entityRef',
          'artifact',
          'kind',
          'sizeBytes',
          'takenAt',
          'verifiedAt',
          'checksumVerified',
          'restoreTested',
        ],
        additionalProperties: {},
        properties: {
          idempotencyKey: {
            type: 'string',
            maxLength: 255,
          },
          entityRef: {
            type: 'string',
            description: 'The entity whose data the backup holds.',
          },
          artifact: {
            type: 'string',
            maxLength: 255,
          },
          kind: {
            type: 'string',
            enum: ['base-backup', 'wal-archive', 'object-version'],
          },
          sizeBytes: {
            type: 'integer',
            minimum: 0,
          },
          takenAt: {
            type: 'string',
          },
          verifiedAt: {
            type: 'string',
          },
          checksumVerified: {
            type: 'boolean',
          },
          restoreTested: {
            type: 'boolean',
          },
          restoreSucceeded: {
            type: 'boolean',
          },
          restoreSeconds: {
            type: 'number',
            minimum: 0,
          },
          evidence: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'string',
            },
          },
          notes: {
            type: 'string',
            maxLength: 4000,
          },
        },
      },
      EntityRecordsRequest: {
        type: 'object',
        description:
          'The entities whose reliability records to read, as entity refs (kind:namespace/name), at most 100. Unknown fields are refused by name.',
        required: ['entityRefs'],
        additionalProperties: {},
        properties: {
          entityRefs: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 1024,
            },
          },
        },
      },
      DrillPublication: {
        type: 'object',
        description:
          'A drill record pushed by a restore-drill pipeline. Unknown fields are refused by name.',
        required: ['idempotencyKey', 'drill'],
        additionalProperties: {},
        properties: {
          idempotencyKey: {
            type: 'string',
            maxLength: 255,
          },
          drill: {
            type: 'object',
            description:
              "The fields of a drill file's front matter (docs/reliability/drills.md): entities, scenario, disruptionType, started, serviceRestored, dataFreshnessAtRestore, result, evidence, notes.",
            additionalProperties: {},
          },
        },
      },
      GateRelease: {
        type: 'string',
        description:
          'A release: letters, digits, ".", "_", "+" and "-", starting with a letter or digit.',
        minLength: 1,
        maxLength: 128,
        pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*$',
      },
      GateEnvironment: {
        type: 'string',
        description:
          'An environment: letters, digits, ".", "_" and "-", starting with a letter or digit.',
        minLength: 1,
        maxLength: 64,
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      },
      GateRequest: {
        type: 'object',
        description:
          'The release and environment to decide the gate of. Unknown fields are refused by name.',
        required: ['release', 'environment'],
        additionalProperties: {},
        properties: {
          release: {
            $ref: '#/components/schemas/GateRelease',
          },
          environment: {
            $ref: '#/components/schemas/GateEnvironment',
          },
        },
      },
      AnyObject: {
        type: 'object',
        additionalProperties: {},
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
    '/v1/runs': {
      post: {
        operationId: 'PublishRun',
        summary: 'Publish a perf run',
        description:
          'Publishes a run and its k6 summary. Service credentials only. Publishing the same idempotency key with the same content again answers 200 with the stored run; with different content, 409.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PublishRunRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Stored before; this is a retry.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PublishRunResponse',
                },
              },
            },
          },
          '201': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PublishRunResponse',
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
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      get: {
        operationId: 'ListRuns',
        summary: "List an entity's perf runs",
        description: 'The runs of an entity, newest first.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/entityRef',
          },
          {
            name: 'scenario',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'environment',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'release',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
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
            description: 'One page of runs.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PerfRunPage',
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
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/runs/stream': {
      post: {
        operationId: 'PublishRunStream',
        summary: 'Publish a perf run as a k6 output stream',
        description:
          "Publishes a run from k6's `--out json` stream (one JSON object per line), plain or gzip, summarised on the way in. The run's metadata is in the query. Service credentials only; idempotent like PublishRun.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/entityRef',
          },
          {
            name: 'scenario',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'environment',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'release',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'gitSha',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              pattern: '^[0-9a-fA-F]{7,64}$',
            },
          },
          {
            name: 'startedAt',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'finishedAt',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'k6ExitCode',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 255,
            },
          },
          {
            name: 'idempotencyKey',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/x-ndjson': {
              schema: {
                type: 'string',
                format: 'binary',
              },
            },
            'application/gzip': {
              schema: {
                type: 'string',
                format: 'binary',
              },
            },
            'application/octet-stream': {
              schema: {
                type: 'string',
                format: 'binary',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Stored before; this is a retry.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PublishRunResponse',
                },
              },
            },
          },
          '201': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PublishRunResponse',
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
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entity-records': {
      post: {
        operationId: 'GetEntityRecords',
        summary: "Read many entities' reliability records",
        description:
          "The reliability records of up to 100 entities in one call, for the portal's other backends (the scorecards facts): per entity what its slos, drills and backups routes answer, its newest kept gate verdict, and its newest perf run with that run's regression verdict, in the order asked. Entities not in the catalog are left out. Service principals of the portal's backend plugins only: users (partners among them) and other service tokens are refused with 403 before the body is read. A read, not kept or audited.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EntityRecordsRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The records, in the order asked.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
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
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/entities/{kind}/{namespace}/{name}/slos': {
      get: {
        operationId: 'GetEntitySlos',
        summary: "Get an entity's SLOs",
        description:
          "The entity's OpenSLO objectives (from the files its readiness.dev/openslo annotation names), each judged on the newest perf run it applies to, with compliance and error budget over its time window, plus every problem found in the files.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: "The entity's SLOs.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySlos',
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
    '/v1/entities/{kind}/{namespace}/{name}/drills': {
      get: {
        operationId: 'GetEntityDrills',
        summary: "Get an entity's DR drills",
        description:
          "The DR drills that name the entity, newest first, with achieved RTO and RPO against the entity's targets, when the next drill is due, and the problems found in the drill records. A drill shows only the entities whose reliability record the caller may read (the others the caller may see in the catalog are counted in entitiesNotShown; entities the caller may not see are not counted); problems show only for records about entities the caller may all read. Notes, and problems of records that name no entity, need reliability.drill.details.read.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: "The entity's drills.",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
    '/v1/entities/{kind}/{namespace}/{name}/trend': {
      get: {
        operationId: 'GetEntityTrend',
        summary: "Get an entity's perf trend",
        description:
          'The p95, p99 and error rate of the newest runs of one scenario in one environment (by default the series of the newest run), oldest first, with queue metrics, the baseline and the SLO objective lines.',
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
            name: 'scenario',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'environment',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The trend.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
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
    '/v1/entities/{kind}/{namespace}/{name}/backups': {
      get: {
        operationId: 'GetEntityBackups',
        summary: "Get an entity's backup state",
        description:
          'The state of each kind of backup of the entity from its newest verification: verified, failed or stale.',
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
            description: 'The backup state.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
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
    '/v1/entities/{kind}/{namespace}/{name}/backups/verifications': {
      get: {
        operationId: 'ListBackupVerifications',
        summary: "List an entity's backup verifications",
        description:
          'The backup verifications of the entity, newest backup first.',
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
            name: 'backupKind',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['base-backup', 'wal-archive', 'object-version'],
            },
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
            description: 'One page of verifications.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
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
    '/v1/drills': {
      post: {
        operationId: 'PublishDrill',
        summary: 'Publish a drill record',
        description:
          'Pushes a drill record from a restore-drill pipeline. Service credentials with reliability.drill.publish only. The same idempotency key with the same drill answers 200; with another drill, 409.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DrillPublication',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Stored before; this is a retry.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
                },
              },
            },
          },
          '201': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
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
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/backups': {
      post: {
        operationId: 'PublishBackupVerification',
        summary: 'Publish a backup verification',
        description:
          'Pushes what a backup-verify job found. Service credentials with reliability.backup.publish only. The same idempotency key with the same content answers 200; with other content, 409.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/BackupVerificationInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Stored before; this is a retry.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
                },
              },
            },
          },
          '201': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AnyObject',
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
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/gates/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetGateVerdict',
        summary: 'Ask the release gate',
        description:
          "The release gate of an entity's release in an environment: pass, fail or unknown, with a reason per input (required scenarios, k6 thresholds, regressions against the baseline, SLO objectives). Computed for the caller and not kept; RecordGateVerdict keeps one.",
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
            name: 'release',
            in: 'query',
            required: true,
            schema: {
              $ref: '#/components/schemas/GateRelease',
            },
          },
          {
            name: 'environment',
            in: 'query',
            required: true,
            schema: {
              $ref: '#/components/schemas/GateEnvironment',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The verdict, not kept.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
      post: {
        operationId: 'RecordGateVerdict',
        summary: 'Record a release gate verdict',
        description:
          'Decides the release gate like GetGateVerdict and keeps the verdict in the gate history. Service credentials with reliability.gate.record and reliability.entity.read on the entity only; the caller is checked before the body is read. Audited.',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/GateRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The verdict, as kept (with its id and decidedAt).',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/gates/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'GateHistory',
        summary: "List an entity's gate verdicts",
        description: 'The kept verdicts of an entity, newest first.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'release',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
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
            description: 'One page of verdicts.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
    '/v1/runs/{runId}/baseline': {
      put: {
        operationId: 'PinBaseline',
        summary: 'Pin a run as baseline',
        description:
          'Pins the run as the baseline of its entity, scenario and environment, replacing an earlier pin. Users with reliability.baseline.manage only; a run the user may not read is answered 404 like an unknown one.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
        ],
        responses: {
          '200': {
            description: 'The pinned baseline.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
      delete: {
        operationId: 'UnpinBaseline',
        summary: 'Unpin a baseline',
        description:
          "Removes the pin of the run's entity, scenario and environment; the baseline is the median of the last passing runs again.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
        ],
        responses: {
          '200': {
            description: 'Whether there was a pin.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
    '/v1/runs/{runId}/regression': {
      get: {
        operationId: 'GetRunRegression',
        summary: "Get a run's regression verdict",
        description:
          "The run judged against its baseline, the median of the earlier passing runs of the same entity, scenario and environment: p95/p99 latency and error rate, each with the tolerance it was held to. A run whose entity's reliability record the caller may not read is answered 404 like an unknown one.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
        ],
        responses: {
          '200': {
            description: 'The verdict.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
    '/v1/runs/{runId}/compare/{otherRunId}': {
      get: {
        operationId: 'CompareRuns',
        summary: 'Compare two runs',
        description:
          "Every statistic the two runs share, with its change from the first to the second. A run whose entity's reliability record the caller may not read is answered 404 like an unknown one.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
          {
            name: 'otherRunId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              format: 'uuid',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The differences.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: {},
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
    '/v1/runs/{runId}': {
      get: {
        operationId: 'GetRun',
        summary: 'Get a perf run',
        description:
          "One run with its normalised results. A run whose entity's reliability record the caller may not read is answered 404 like an unknown one.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/runId',
          },
        ],
        responses: {
          '200': {
            description: 'The run.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PerfRun',
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
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
