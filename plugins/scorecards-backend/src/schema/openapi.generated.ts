// Generated from openapi.yaml by scripts/openapi/generate.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'scorecards',
    version: '1',
    description:
      "The readiness scorecards of catalog entities: each entity's level (Bronze, Silver, Gold), score from 0 to 100, score per category, the outcome of every check that applies to it with how to fix it, what blocks its next level, and one snapshot per day as its history; and the checks themselves. Scores are computed from facts the portal's families provide, when a family signals a change, every night and shortly after the backend starts. Pipelines push the facts only they know (coverage, scans) with a service token, against the declarations of scorecards/facts, and the entity is scored again at once. Partners are refused every route (403), for every entity alike; a caller allowed on some entities only gets 404 for the others, as for an entity that does not exist. Errors are Backstage error bodies; a bad parameter or field is named in the message.",
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
      from: {
        name: 'from',
        in: 'query',
        required: false,
        description:
          'The first UTC day (YYYY-MM-DD); 29 days before `to` when absent.',
        schema: {
          type: 'string',
          format: 'date',
        },
      },
      to: {
        name: 'to',
        in: 'query',
        required: false,
        description:
          'The last UTC day (YYYY-MM-DD), included; today when absent.',
        schema: {
          type: 'string',
          format: 'date',
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        description: 'The nextCursor of the previous page.',
        schema: {
          type: 'string',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Items per page, 1 to 100; 20 when absent.',
        schema: {
          type: 'integer',
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
          },
          response: {
            type: 'object',
          },
        },
        required: ['error', 'response'],
      },
      Level: {
        type: 'string',
        enum: ['bronze', 'silver', 'gold'],
      },
      Category: {
        type: 'string',
        enum: ['api', 'reliability', 'dr', 'compliance', 'ownership'],
      },
      Check: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/Category',
          },
          level: {
            $ref: '#/components/schemas/Level',
          },
          weight: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
          },
          why: {
            type: 'string',
            description: 'Why the check matters.',
          },
          howToFix: {
            type: 'object',
            properties: {
              text: {
                type: 'string',
              },
              docs: {
                type: 'string',
                description:
                  "A page of the portal's docs (`reliability/slos#anchor`) or an https URL.",
              },
            },
            required: ['text', 'docs'],
          },
        },
        required: [
          'id',
          'title',
          'category',
          'level',
          'weight',
          'why',
          'howToFix',
        ],
      },
      CheckResult: {
        allOf: [
          {
            $ref: '#/components/schemas/Check',
          },
          {
            type: 'object',
            properties: {
              status: {
                type: 'string',
                enum: ['pass', 'fail', 'unknown'],
                description:
                  'unknown: a fact the check needs is not known; it does not pass, so it counts against the level and score like a failure.',
              },
              reason: {
                type: 'string',
                description: 'The outcome in words, naming the facts.',
              },
            },
            required: ['status', 'reason'],
          },
        ],
      },
      Counts: {
        type: 'object',
        properties: {
          score: {
            type: 'integer',
            nullable: true,
            minimum: 0,
            maximum: 100,
            description:
              'The weight of passing checks as a percentage of the weight of applicable checks, rounded down; null when no check applies.',
          },
          passed: {
            type: 'integer',
          },
          failed: {
            type: 'integer',
          },
          unknown: {
            type: 'integer',
          },
          applicable: {
            type: 'integer',
          },
        },
        required: ['score', 'passed', 'failed', 'unknown', 'applicable'],
      },
      CategoryScore: {
        allOf: [
          {
            $ref: '#/components/schemas/Counts',
          },
          {
            type: 'object',
            properties: {
              category: {
                $ref: '#/components/schemas/Category',
              },
              title: {
                type: 'string',
              },
            },
            required: ['category', 'title'],
          },
        ],
      },
      EntityScorecard: {
        allOf: [
          {
            $ref: '#/components/schemas/Counts',
          },
          {
            type: 'object',
            properties: {
              entityRef: {
                type: 'string',
              },
              level: {
                type: 'string',
                enum: ['bronze', 'silver', 'gold', null],
                nullable: true,
                description: 'The highest level reached; null when none is.',
              },
              categories: {
                type: 'array',
                description: 'The categories with applicable checks.',
                items: {
                  $ref: '#/components/schemas/CategoryScore',
                },
              },
              checks: {
                type: 'array',
                description: 'Every check that applies to the entity.',
                items: {
                  $ref: '#/components/schemas/CheckResult',
                },
              },
              nextLevel: {
                type: 'object',
                nullable: true,
                description:
                  "The next level above the entity's with applicable checks, and the ids of the applicable checks of that level or below that do not pass; null at the top.",
                properties: {
                  level: {
                    $ref: '#/components/schemas/Level',
                  },
                  blockedBy: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                },
                required: ['level', 'blockedBy'],
              },
              computedAt: {
                type: 'string',
                format: 'date-time',
              },
            },
            required: [
              'entityRef',
              'level',
              'categories',
              'checks',
              'nextLevel',
              'computedAt',
            ],
          },
        ],
      },
      ScorecardDay: {
        allOf: [
          {
            $ref: '#/components/schemas/Counts',
          },
          {
            type: 'object',
            properties: {
              day: {
                type: 'string',
                format: 'date',
              },
              level: {
                type: 'string',
                enum: ['bronze', 'silver', 'gold', null],
                nullable: true,
              },
              categories: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/CategoryScore',
                },
              },
              computedAt: {
                type: 'string',
                format: 'date-time',
                description: 'The last recompute of the day.',
              },
            },
            required: ['day', 'level', 'categories', 'computedAt'],
          },
        ],
      },
      ScorecardHistory: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          from: {
            type: 'string',
            format: 'date',
          },
          to: {
            type: 'string',
            format: 'date',
          },
          days: {
            type: 'array',
            description:
              'One entry per day the entity was scored, oldest first; days without a recompute are left out.',
            items: {
              $ref: '#/components/schemas/ScorecardDay',
            },
          },
        },
        required: ['entityRef', 'from', 'to', 'days'],
      },
      CheckFileProblem: {
        type: 'object',
        properties: {
          file: {
            type: 'string',
          },
          path: {
            type: 'string',
            description:
              "JSON pointer into the file's data; empty for the whole file.",
          },
          line: {
            type: 'integer',
          },
          message: {
            type: 'string',
          },
        },
        required: ['file', 'path', 'message'],
      },
      CheckList: {
        type: 'object',
        properties: {
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Check',
            },
          },
          problems: {
            type: 'array',
            description:
              "The check files that did not load and why; only for callers who may read every entity's scorecard.",
            items: {
              $ref: '#/components/schemas/CheckFileProblem',
            },
          },
        },
        required: ['checks'],
      },
      FactValue: {
        description:
          "A number, true or false, or a string (an ISO 8601 instant for a timestamp fact), as the fact's declaration says.",
        oneOf: [
          {
            type: 'number',
          },
          {
            type: 'boolean',
          },
          {
            type: 'string',
          },
        ],
      },
      FactPush: {
        type: 'object',
        description:
          "Facts a pipeline observed about one entity. Unknown fields are refused by name; every value is checked against its fact's declaration (type, bounds, whole numbers, listed values).",
        required: ['idempotencyKey', 'entityRef', 'facts'],
        additionalProperties: {},
        properties: {
          idempotencyKey: {
            type: 'string',
            description:
              '1 to 200 letters, digits and . _ : / @ + -. A retry with the same key and body answers the stored push (200); the same key with another body is a 409.',
          },
          entityRef: {
            type: 'string',
            description:
              'An entity in the catalog, e.g. component:default/ledger.',
          },
          facts: {
            type: 'object',
            description:
              'The values by fact id, 1 to 50 of them, each a fact declared in scorecards/facts whose pushedBy names the token\'s subject, e.g. { "ci.coverage.line": 81.5, "ci.sbom-published": true }.',
            additionalProperties: {},
          },
          observedAt: {
            type: 'string',
            description:
              'When the values were true, ISO 8601 with a time zone, not in the future (5 minutes of clock skew are allowed); when received if absent.',
          },
        },
      },
      FactPushResult: {
        type: 'object',
        properties: {
          created: {
            type: 'boolean',
            description: 'false when the push was stored before under its key.',
          },
          push: {
            type: 'object',
            properties: {
              idempotencyKey: {
                type: 'string',
              },
              entityRef: {
                type: 'string',
              },
              facts: {
                type: 'object',
                additionalProperties: {
                  $ref: '#/components/schemas/FactValue',
                },
              },
              observedAt: {
                type: 'string',
                format: 'date-time',
              },
              pushedBy: {
                type: 'string',
                description: 'The subject of the service token that pushed.',
              },
              pushedAt: {
                type: 'string',
                format: 'date-time',
              },
            },
            required: [
              'idempotencyKey',
              'entityRef',
              'facts',
              'observedAt',
              'pushedBy',
              'pushedAt',
            ],
          },
          scorecard: {
            type: 'object',
            nullable: true,
            description:
              "The entity's scorecard scored again with the pushed facts; null when no check may apply to the entity.",
            properties: {
              level: {
                type: 'string',
                enum: ['bronze', 'silver', 'gold', null],
                nullable: true,
              },
              score: {
                type: 'integer',
                nullable: true,
                minimum: 0,
                maximum: 100,
              },
              nextLevel: {
                type: 'string',
                enum: ['bronze', 'silver', 'gold', null],
                nullable: true,
              },
              computedAt: {
                type: 'string',
                format: 'date-time',
              },
            },
            required: ['level', 'score', 'nextLevel', 'computedAt'],
          },
        },
        required: ['created', 'push', 'scorecard'],
      },
      TrendPoint: {
        type: 'object',
        properties: {
          day: {
            type: 'string',
            format: 'date',
          },
          level: {
            type: 'string',
            enum: ['bronze', 'silver', 'gold', null],
            nullable: true,
          },
          score: {
            type: 'integer',
            nullable: true,
          },
        },
        required: ['day', 'level', 'score'],
      },
      LevelCounts: {
        type: 'object',
        description: 'How many entities reached each level; none for no level.',
        properties: {
          gold: {
            type: 'integer',
          },
          silver: {
            type: 'integer',
          },
          bronze: {
            type: 'integer',
          },
          none: {
            type: 'integer',
          },
        },
        required: ['gold', 'silver', 'bronze', 'none'],
      },
      RollupEntity: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          level: {
            type: 'string',
            enum: ['bronze', 'silver', 'gold', null],
            nullable: true,
          },
          score: {
            type: 'integer',
            nullable: true,
          },
          nextLevel: {
            type: 'string',
            enum: ['bronze', 'silver', 'gold', null],
            nullable: true,
          },
          blockedBy: {
            type: 'array',
            description:
              'The ids of the checks that keep the entity from its next level.',
            items: {
              type: 'string',
            },
          },
          failing: {
            type: 'integer',
            description:
              'Applicable checks that do not pass (failing or unknown).',
          },
          applicable: {
            type: 'integer',
          },
          computedAt: {
            type: 'string',
            format: 'date-time',
          },
          trend: {
            type: 'array',
            description:
              "The entity's daily snapshots of the trend's days, oldest first.",
            items: {
              $ref: '#/components/schemas/TrendPoint',
            },
          },
        },
        required: [
          'entityRef',
          'level',
          'score',
          'nextLevel',
          'blockedBy',
          'failing',
          'applicable',
          'computedAt',
          'trend',
        ],
      },
      RankedCheck: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/Category',
          },
          level: {
            $ref: '#/components/schemas/Level',
          },
          why: {
            type: 'string',
          },
          howToFix: {
            type: 'object',
            properties: {
              text: {
                type: 'string',
              },
              docs: {
                type: 'string',
              },
            },
            required: ['text', 'docs'],
          },
          blocking: {
            type: 'integer',
            description: 'The entities whose next level the check blocks.',
          },
          failing: {
            type: 'integer',
            description: 'The entities it applies to and does not pass on.',
          },
          blockedEntityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: [
          'id',
          'title',
          'category',
          'level',
          'why',
          'howToFix',
          'blocking',
          'failing',
          'blockedEntityRefs',
        ],
      },
      Rollup: {
        type: 'object',
        properties: {
          subject: {
            type: 'object',
            properties: {
              entityRef: {
                type: 'string',
              },
              kind: {
                type: 'string',
                enum: ['group', 'system', 'domain'],
              },
              title: {
                type: 'string',
              },
            },
            required: ['entityRef', 'kind'],
          },
          entities: {
            type: 'array',
            description: 'Lowest score first, then by ref.',
            items: {
              $ref: '#/components/schemas/RollupEntity',
            },
          },
          levels: {
            $ref: '#/components/schemas/LevelCounts',
          },
          averageScore: {
            type: 'integer',
            nullable: true,
          },
          failingChecks: {
            type: 'array',
            description:
              'Checks that do not pass on some entity, those that block the next level of most entities first, then those failing on most.',
            items: {
              $ref: '#/components/schemas/RankedCheck',
            },
          },
          trend: {
            type: 'object',
            description: "The days the entities' trends cover (the last 30).",
            properties: {
              from: {
                type: 'string',
                format: 'date',
              },
              to: {
                type: 'string',
                format: 'date',
              },
            },
            required: ['from', 'to'],
          },
          mayMarkRitual: {
            type: 'boolean',
            description:
              "Groups only: whether the caller may mark the team's ritual held (a member of the group, or a holder of scorecards.ritual.record).",
          },
        },
        required: [
          'subject',
          'entities',
          'levels',
          'averageScore',
          'failingChecks',
          'trend',
        ],
      },
      TeamSummary: {
        type: 'object',
        properties: {
          groupRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          entities: {
            type: 'integer',
          },
          levels: {
            $ref: '#/components/schemas/LevelCounts',
          },
          averageScore: {
            type: 'integer',
            nullable: true,
          },
        },
        required: ['groupRef', 'entities', 'levels', 'averageScore'],
      },
      TeamList: {
        type: 'object',
        properties: {
          teams: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TeamSummary',
            },
          },
        },
        required: ['teams'],
      },
      Ritual: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          groupRef: {
            type: 'string',
          },
          day: {
            type: 'string',
            format: 'date',
          },
          heldAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When it was marked on its day, or the end of a past day it was marked for: what changed is compared with this moment.',
          },
          note: {
            type: 'string',
          },
          heldBy: {
            type: 'string',
            description: 'The user who marked it held.',
          },
          recordedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['id', 'groupRef', 'day', 'heldAt', 'heldBy', 'recordedAt'],
      },
      RitualPage: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Ritual',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
        required: ['items'],
      },
      RitualMark: {
        type: 'object',
        description: 'Unknown fields are refused by name.',
        additionalProperties: {},
        properties: {
          day: {
            type: 'string',
            description:
              'The UTC day it was held, YYYY-MM-DD, not in the future and at most 366 days ago; today when absent.',
          },
          note: {
            type: 'string',
            description: 'Up to 2,000 characters.',
          },
        },
      },
      MarkedRitual: {
        type: 'object',
        properties: {
          created: {
            type: 'boolean',
            description:
              "false when the team's day was marked before (nothing is written).",
          },
          ritual: {
            $ref: '#/components/schemas/Ritual',
          },
        },
        required: ['created', 'ritual'],
      },
      ChangedCheck: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
        },
        required: ['id', 'title'],
      },
      LevelAndScore: {
        type: 'object',
        properties: {
          level: {
            type: 'string',
            enum: ['bronze', 'silver', 'gold', null],
            nullable: true,
          },
          score: {
            type: 'integer',
            nullable: true,
          },
        },
        required: ['level', 'score'],
      },
      RitualChanges: {
        type: 'object',
        properties: {
          since: {
            type: 'object',
            allOf: [
              {
                $ref: '#/components/schemas/Ritual',
              },
            ],
            nullable: true,
            description: "The team's last ritual; null when it never held one.",
          },
          changed: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                entityRef: {
                  type: 'string',
                },
                then: {
                  type: 'object',
                  allOf: [
                    {
                      $ref: '#/components/schemas/LevelAndScore',
                    },
                  ],
                  nullable: true,
                  description:
                    "Scored from the facts known at the ritual with today's checks; null when nothing was known of the entity then.",
                },
                now: {
                  $ref: '#/components/schemas/LevelAndScore',
                },
                started: {
                  type: 'array',
                  description: 'Checks that passed then and do not pass now.',
                  items: {
                    $ref: '#/components/schemas/ChangedCheck',
                  },
                },
                stopped: {
                  type: 'array',
                  description: 'Checks that did not pass then and pass now.',
                  items: {
                    $ref: '#/components/schemas/ChangedCheck',
                  },
                },
              },
              required: ['entityRef', 'then', 'now', 'started', 'stopped'],
            },
          },
          unchanged: {
            type: 'integer',
          },
        },
        required: ['since', 'changed', 'unchanged'],
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
    '/v1/entities/{kind}/{namespace}/{name}/scorecard': {
      get: {
        operationId: 'GetEntityScorecard',
        summary: 'The scorecard of an entity',
        description:
          "The entity's level, score and category scores, every applicable check with its outcome, why it matters and how to fix it, and what blocks the next level, as of the last recompute (computed from the stored facts when the checks changed since).",
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
            description: "The entity's scorecard.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecard',
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
    '/v1/entities/{kind}/{namespace}/{name}/scorecard/history': {
      get: {
        operationId: 'GetEntityScorecardHistory',
        summary: "The daily history of an entity's scorecard",
        description:
          "One snapshot per UTC day from `from` to `to` (at most 366 days), the day's last recompute.",
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
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description: "The entity's history.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardHistory',
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
    '/v1/checks': {
      get: {
        operationId: 'ListChecks',
        summary: 'The checks entities are scored with',
        description:
          "Every check that loaded, in file order, and for callers who may read every entity's scorecard the problems of the files that did not.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'The checks.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CheckList',
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
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/facts': {
      post: {
        operationId: 'PushFacts',
        summary: 'Push facts about an entity',
        description:
          'Records facts a pipeline observed about an entity (test coverage, scan results) in the fact history, and scores the entity again at once. Service tokens that hold scorecards.facts.push only, each fact pushed by a token whose subject its declaration names in pushedBy; people (internal ones too) are refused with 403 and callers without credentials with 401, before the body is read. An entity that does not exist, or that the token may not reach, is a 404. With the same idempotency key and body, a retry answers the stored push with 200 and writes nothing; the same key with another body is a 409.',
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
                $ref: '#/components/schemas/FactPush',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The push already stored under the idempotency key.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FactPushResult',
                },
              },
            },
          },
          '201': {
            description: "The push, stored, and the entity's new scorecard.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FactPushResult',
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
    '/v1/rollups/groups': {
      get: {
        operationId: 'ListTeamRollups',
        summary: "Every team's rollup",
        description:
          'The groups that own scored entities, each with its count of entities per level and its mean score, counting only the entities the caller may read.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'The teams.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TeamList',
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
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/rollups/groups/{namespace}/{name}': {
      get: {
        operationId: 'GetGroupRollup',
        summary: 'The rollup of a group',
        description:
          "The scorecards of the entities the group owns that the caller may read: each entity's level, score, what blocks its next level and its score over the last 30 days; the count per level; the checks that do not pass, ranked by how many entities' next level they block. A group the caller may not read, or that does not exist, is a 404; partners are refused with 403.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The rollup.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Rollup',
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
    '/v1/rollups/systems/{namespace}/{name}': {
      get: {
        operationId: 'GetSystemRollup',
        summary: 'The rollup of a system',
        description:
          "The scorecards of the entities of the system and the system itself that the caller may read: each entity's level, score, what blocks its next level and its score over the last 30 days; the count per level; the checks that do not pass, ranked by how many entities' next level they block. A system the caller may not read, or that does not exist, is a 404; partners are refused with 403.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The rollup.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Rollup',
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
    '/v1/rollups/domains/{namespace}/{name}': {
      get: {
        operationId: 'GetDomainRollup',
        summary: 'The rollup of a domain',
        description:
          "The scorecards of the systems of the domain and their entities that the caller may read: each entity's level, score, what blocks its next level and its score over the last 30 days; the count per level; the checks that do not pass, ranked by how many entities' next level they block. A domain the caller may not read, or that does not exist, is a 404; partners are refused with 403.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The rollup.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Rollup',
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
    '/v1/rollups/groups/{namespace}/{name}/changes': {
      get: {
        operationId: 'GetRitualChanges',
        summary: "What changed since the team's last ritual",
        description:
          "Each entity of the team whose level, score or checks changed since the team's last ritual: as scored from the facts known when the ritual was held (the fact history), with today's checks, against its current scorecard; the checks that started and stopped failing. Entities nothing was known of then are listed with then: null.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The changes.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RitualChanges',
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
    '/v1/rollups/groups/{namespace}/{name}/rituals': {
      get: {
        operationId: 'ListRituals',
        summary: "The team's rituals",
        description:
          'The rituals the team marked held, the most recent first, a page at a time.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
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
            description: 'A page of rituals.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RitualPage',
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
        operationId: 'MarkRitualHeld',
        summary: "Mark the team's ritual held",
        description:
          'Records that the team held its readiness ritual on a day (today when absent), with an optional note. People only: members of the group and holders of scorecards.ritual.record on it; service tokens and partners are refused with 403, callers without credentials with 401, before the body is read. One ritual per team and day: marking a day again answers the first record with 200 and writes nothing. Audited as ritual-mark.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
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
                $ref: '#/components/schemas/RitualMark',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The ritual recorded before for that day.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MarkedRitual',
                },
              },
            },
          },
          '201': {
            description: 'The ritual, recorded.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MarkedRitual',
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
    '/v1/rollups/groups/{namespace}/{name}/rollup.csv': {
      get: {
        operationId: 'ExportGroupRollupCsv',
        summary: "The team's rollup as CSV",
        description:
          "The team's entities as RFC 4180 CSV, one record per entity (ref, kind, namespace, name, level, score, next level, the checks that block it, failing and applicable checks, when it was scored), lowest score first; text a spreadsheet would run as a formula is prefixed with an apostrophe. Sent as an attachment, streamed; audited as rollup-export.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
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
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
