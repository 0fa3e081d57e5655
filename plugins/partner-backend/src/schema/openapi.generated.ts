// Generated from openapi.yaml by scripts/openapi/generate.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'partner',
    version: '1',
    description:
      "The partner tenant: apps a partner organisation registers for the sandbox, their keys, and their webhook endpoints with the delivery log. A partner reaches its own organisation's apps only; another organisation's app, endpoint or delivery answers 404 like one that does not exist. Internal administrators reach every organisation's. A key's or an endpoint's secret is in the answer that creates or rotates it, and nowhere else. The platform pushes events with service credentials. Every write is audited. Errors are Backstage error bodies; validation errors name the field.",
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
      appId: {
        name: 'appId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
        },
      },
      keyId: {
        name: 'keyId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
        },
      },
      endpointId: {
        name: 'endpointId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
        },
      },
      deliveryId: {
        name: 'deliveryId',
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
      PartnerApp: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          org: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['id', 'org', 'name', 'createdBy', 'createdAt'],
      },
      AppPage: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PartnerApp',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
        required: ['items'],
      },
      NewApp: {
        type: 'object',
        description: 'Unknown fields are refused by name.',
        properties: {
          org: {
            type: 'string',
            description:
              'Required for internal administrators and members of several organisations.',
          },
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          description: {
            type: 'string',
            maxLength: 1000,
          },
        },
        required: ['name'],
      },
      SandboxKey: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          appId: {
            type: 'string',
          },
          org: {
            type: 'string',
          },
          prefix: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          scopes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          revokedAt: {
            type: 'string',
            format: 'date-time',
          },
          revokedBy: {
            type: 'string',
          },
          rotatedTo: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['active', 'expired', 'revoked'],
          },
        },
        required: [
          'id',
          'appId',
          'org',
          'prefix',
          'name',
          'scopes',
          'createdBy',
          'createdAt',
          'expiresAt',
          'status',
        ],
      },
      KeyList: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SandboxKey',
            },
          },
        },
        required: ['items'],
      },
      NewKey: {
        type: 'object',
        description: 'Unknown fields are refused by name.',
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          scopes: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              type: 'string',
              maxLength: 100,
            },
          },
          expiresInDays: {
            type: 'integer',
            minimum: 1,
          },
        },
      },
      CreatedKey: {
        type: 'object',
        properties: {
          key: {
            $ref: '#/components/schemas/SandboxKey',
          },
          secret: {
            type: 'string',
            description:
              'The whole key. Shown once; the portal keeps only its hash.',
          },
          previous: {
            $ref: '#/components/schemas/SandboxKey',
          },
        },
        required: ['key', 'secret'],
      },
      KeyToVerify: {
        type: 'object',
        description: 'The key the gateway was shown.',
        properties: {
          key: {
            type: 'string',
            maxLength: 200,
          },
        },
        required: ['key'],
      },
      KeyVerification: {
        type: 'object',
        properties: {
          valid: {
            type: 'boolean',
          },
          keyId: {
            type: 'string',
          },
          appId: {
            type: 'string',
          },
          appName: {
            type: 'string',
          },
          org: {
            type: 'string',
          },
          scopes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['valid'],
      },
      WebhookEventType: {
        type: 'object',
        properties: {
          type: {
            type: 'string',
          },
          summary: {
            type: 'string',
          },
          source: {
            type: 'string',
            description:
              'The API entity whose definition declares it, or `config`.',
          },
        },
        required: ['type', 'source'],
      },
      WebhookEventTypeList: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/WebhookEventType',
            },
          },
        },
        required: ['items'],
      },
      WebhookEndpoint: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          appId: {
            type: 'string',
          },
          org: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          eventTypes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          status: {
            type: 'string',
            enum: ['active', 'disabled'],
          },
          disabledAt: {
            type: 'string',
            format: 'date-time',
          },
          disabledReason: {
            type: 'string',
          },
          consecutiveFailures: {
            type: 'integer',
          },
          secretHint: {
            type: 'string',
          },
          secretCreatedAt: {
            type: 'string',
            format: 'date-time',
          },
          previousSecretExpiresAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'id',
          'appId',
          'org',
          'url',
          'eventTypes',
          'status',
          'consecutiveFailures',
          'secretHint',
          'secretCreatedAt',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
      },
      WebhookEndpointList: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/WebhookEndpoint',
            },
          },
        },
        required: ['items'],
      },
      NewWebhookEndpoint: {
        type: 'object',
        description: 'Unknown fields are refused by name.',
        properties: {
          url: {
            type: 'string',
            description:
              'An https URL; its host must resolve to public addresses.',
          },
          description: {
            type: 'string',
          },
          eventTypes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['url', 'eventTypes'],
      },
      WebhookEndpointChanges: {
        type: 'object',
        description: 'Unknown fields are refused by name.',
        properties: {
          url: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          eventTypes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          enabled: {
            type: 'boolean',
            description:
              'false disables the endpoint (its pending deliveries fail); true enables it again and clears its run of failures.',
          },
        },
      },
      CreatedWebhookEndpoint: {
        type: 'object',
        properties: {
          endpoint: {
            $ref: '#/components/schemas/WebhookEndpoint',
          },
          secret: {
            type: 'string',
            description: 'The signing secret (whsec_…). Shown once.',
          },
        },
        required: ['endpoint', 'secret'],
      },
      WebhookDelivery: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          endpointId: {
            type: 'string',
          },
          appId: {
            type: 'string',
          },
          org: {
            type: 'string',
          },
          eventId: {
            type: 'string',
          },
          eventType: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['pending', 'succeeded', 'failed'],
          },
          attempts: {
            type: 'integer',
          },
          nextAttemptAt: {
            type: 'string',
            format: 'date-time',
          },
          lastAttemptAt: {
            type: 'string',
            format: 'date-time',
          },
          lastResponseStatus: {
            type: 'integer',
          },
          lastError: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          completedAt: {
            type: 'string',
            format: 'date-time',
          },
          replayOf: {
            type: 'string',
          },
        },
        required: [
          'id',
          'endpointId',
          'appId',
          'org',
          'eventId',
          'eventType',
          'status',
          'attempts',
          'createdAt',
        ],
      },
      WebhookDeliveryPage: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/WebhookDelivery',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
        required: ['items'],
      },
      WebhookAttempt: {
        type: 'object',
        properties: {
          attempt: {
            type: 'integer',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          durationMs: {
            type: 'integer',
          },
          responseStatus: {
            type: 'integer',
          },
          responseBody: {
            type: 'string',
            description: "The start of the receiver's answer.",
          },
          error: {
            type: 'string',
          },
        },
        required: ['attempt', 'startedAt', 'durationMs'],
      },
      WebhookDeliveryDetail: {
        allOf: [
          {
            $ref: '#/components/schemas/WebhookDelivery',
          },
          {
            type: 'object',
            properties: {
              request: {
                type: 'object',
                properties: {
                  url: {
                    type: 'string',
                  },
                  headers: {
                    type: 'object',
                    additionalProperties: {
                      type: 'string',
                    },
                  },
                  body: {
                    type: 'string',
                  },
                },
                required: ['url', 'headers', 'body'],
              },
              attemptLog: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/WebhookAttempt',
                },
              },
            },
            required: ['request', 'attemptLog'],
          },
        ],
      },
      ReplaySince: {
        type: 'object',
        description: 'Unknown fields are refused by name.',
        properties: {
          since: {
            type: 'string',
            description:
              'ISO 8601 time; events first delivered since then are sent again.',
          },
          onlyFailed: {
            type: 'boolean',
            description: 'Only the deliveries that failed. Default false.',
          },
        },
        required: ['since'],
      },
      ReplayResult: {
        type: 'object',
        properties: {
          replayed: {
            type: 'integer',
          },
          more: {
            type: 'boolean',
            description:
              'True when more deliveries matched than one request replays.',
          },
        },
        required: ['replayed', 'more'],
      },
      EventPush: {
        type: 'object',
        description: 'Unknown fields are refused by name.',
        properties: {
          idempotencyKey: {
            type: 'string',
            description:
              'The same key again stores nothing and answers the stored event.',
          },
          appId: {
            type: 'string',
            format: 'uuid',
          },
          type: {
            type: 'string',
          },
          payload: {
            description:
              'The event data, any JSON up to partner.webhooks.maxPayloadBytes.',
          },
        },
        required: ['idempotencyKey', 'appId', 'type', 'payload'],
      },
      PushedEvent: {
        type: 'object',
        properties: {
          event: {
            type: 'object',
            properties: {
              id: {
                type: 'string',
              },
              appId: {
                type: 'string',
              },
              org: {
                type: 'string',
              },
              type: {
                type: 'string',
              },
              idempotencyKey: {
                type: 'string',
              },
              payload: {},
              pushedBy: {
                type: 'string',
              },
              createdAt: {
                type: 'string',
                format: 'date-time',
              },
            },
            required: [
              'id',
              'appId',
              'org',
              'type',
              'idempotencyKey',
              'pushedBy',
              'createdAt',
            ],
          },
          deliveries: {
            type: 'integer',
          },
          created: {
            type: 'boolean',
          },
        },
        required: ['event', 'deliveries', 'created'],
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
    '/v1/apps': {
      get: {
        operationId: 'ListApps',
        summary: 'List partner apps',
        description:
          "The apps the caller reaches, newest first: a partner's own organisations', or every organisation's for internal administrators (narrowed with `org`).",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'org',
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
            description: 'One page of apps.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AppPage',
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
      post: {
        operationId: 'CreateApp',
        summary: 'Create a partner app',
        description:
          "Registers an app for the caller's organisation (within the organisation's app limit; a name is unique per organisation).",
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
                $ref: '#/components/schemas/NewApp',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The app.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PartnerApp',
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
    '/v1/apps/{appId}': {
      get: {
        operationId: 'GetApp',
        summary: 'Get a partner app',
        description: 'One app the caller reaches; any other answers 404.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
        ],
        responses: {
          '200': {
            description: 'The app.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PartnerApp',
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
    '/v1/apps/{appId}/keys': {
      get: {
        operationId: 'ListKeys',
        summary: "List an app's sandbox keys",
        description: 'Every key of the app, newest first, without secrets.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
        ],
        responses: {
          '200': {
            description: 'The keys.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KeyList',
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
        operationId: 'CreateKey',
        summary: 'Create a sandbox key',
        description:
          'A new key for the app, with some of the configured scopes and a lifetime up to the configured maximum. The answer holds the secret, once.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NewKey',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The key and its secret.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CreatedKey',
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
    '/v1/apps/{appId}/keys/{keyId}/revoke': {
      post: {
        operationId: 'RevokeKey',
        summary: 'Revoke a sandbox key',
        description:
          'The key stops working at once; revoking it again changes nothing.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/keyId',
          },
        ],
        responses: {
          '200': {
            description: 'The revoked key.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SandboxKey',
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
    '/v1/apps/{appId}/keys/{keyId}/rotate': {
      post: {
        operationId: 'RotateKey',
        summary: 'Rotate a sandbox key',
        description:
          'A new key with the same name, scopes and lifetime; the old one keeps working for the rotation overlap (partner.sandbox.rotationOverlap) or until it expires, if sooner. The answer holds the new secret, once.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/keyId',
          },
        ],
        responses: {
          '201': {
            description:
              'The new key, its secret, and the old key as it now is.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CreatedKey',
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
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/keys/verify': {
      post: {
        operationId: 'VerifyKey',
        summary: 'Verify a sandbox key',
        description:
          "For the sandbox gateway's service credentials (partner.key.verify): the app, organisation and scopes a key opens, or `valid: false` for a malformed, unknown, revoked or expired key, without saying which. The key travels in the body, never in the URL. Audited.",
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
                $ref: '#/components/schemas/KeyToVerify',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'What the key opens.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KeyVerification',
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
    '/v1/webhooks/event-types': {
      get: {
        operationId: 'ListWebhookEventTypes',
        summary: 'List webhook event types',
        description:
          'The event types endpoints may subscribe to: those the webhooks sections of partner-facing API definitions declare, and any configured.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'The event types.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookEventTypeList',
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
    '/v1/apps/{appId}/webhooks': {
      get: {
        operationId: 'ListWebhookEndpoints',
        summary: "List an app's webhook endpoints",
        description:
          'Every endpoint of the app, newest first, without secrets.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
        ],
        responses: {
          '200': {
            description: 'The endpoints.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookEndpointList',
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
        operationId: 'CreateWebhookEndpoint',
        summary: 'Create a webhook endpoint',
        description:
          "An https URL and the event types it receives, within the app's endpoint limit. The answer holds the signing secret, once.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NewWebhookEndpoint',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The endpoint and its secret.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CreatedWebhookEndpoint',
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
    '/v1/apps/{appId}/webhooks/{endpointId}': {
      get: {
        operationId: 'GetWebhookEndpoint',
        summary: 'Get a webhook endpoint',
        description:
          'One endpoint of an app the caller reaches; any other answers 404.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
        ],
        responses: {
          '200': {
            description: 'The endpoint.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookEndpoint',
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
      patch: {
        operationId: 'UpdateWebhookEndpoint',
        summary: 'Change a webhook endpoint',
        description:
          'Its URL, description or event types, or disable and enable it.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/WebhookEndpointChanges',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The endpoint as it now is.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookEndpoint',
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
      delete: {
        operationId: 'DeleteWebhookEndpoint',
        summary: 'Delete a webhook endpoint',
        description:
          'The endpoint receives nothing more; its pending deliveries fail. Its delivery log is kept.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
        ],
        responses: {
          '200': {
            description: 'The endpoint as it was.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookEndpoint',
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
    '/v1/apps/{appId}/webhooks/{endpointId}/rotate-secret': {
      post: {
        operationId: 'RotateWebhookSecret',
        summary: "Rotate a webhook endpoint's secret",
        description:
          'A new signing secret; deliveries carry a signature with the old one too for partner.webhooks.secretRotationOverlap. The answer holds the new secret, once.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
        ],
        responses: {
          '201': {
            description: 'The endpoint and its new secret.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CreatedWebhookEndpoint',
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
    '/v1/apps/{appId}/webhooks/{endpointId}/deliveries': {
      get: {
        operationId: 'ListWebhookDeliveries',
        summary: "List an endpoint's deliveries",
        description: 'The delivery log, newest first, optionally by status.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['pending', 'succeeded', 'failed'],
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
            description: 'One page of deliveries.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookDeliveryPage',
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
    '/v1/apps/{appId}/webhooks/{endpointId}/deliveries/{deliveryId}': {
      get: {
        operationId: 'GetWebhookDelivery',
        summary: 'Get a delivery',
        description:
          'What was sent (without the signature) and every attempt with its status, the start of the answer and its timing.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
          {
            $ref: '#/components/parameters/deliveryId',
          },
        ],
        responses: {
          '200': {
            description: 'The delivery.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookDeliveryDetail',
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
    '/v1/apps/{appId}/webhooks/{endpointId}/deliveries/{deliveryId}/replay': {
      post: {
        operationId: 'ReplayWebhookDelivery',
        summary: 'Replay a delivery',
        description:
          "Sends the delivery's event to the endpoint again, as a new delivery with the same webhook-id.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
          {
            $ref: '#/components/parameters/deliveryId',
          },
        ],
        responses: {
          '201': {
            description: 'The new delivery.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookDelivery',
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
    '/v1/apps/{appId}/webhooks/{endpointId}/replay': {
      post: {
        operationId: 'ReplayWebhookDeliveriesSince',
        summary: 'Replay deliveries since a time',
        description:
          'Sends again every event first delivered to the endpoint since a time (or only the failed ones), oldest first, up to partner.webhooks.maxReplay.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/appId',
          },
          {
            $ref: '#/components/parameters/endpointId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReplaySince',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'How many deliveries were queued.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReplayResult',
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
    '/v1/events': {
      post: {
        operationId: 'PushWebhookEvent',
        summary: 'Push a platform event',
        description:
          "For the platform's service credentials (partner.event.push) - stores an event for an app and queues it for every endpoint of the app subscribed to its type. Idempotent on idempotencyKey - the same push again answers 200 with the stored event; another event under the same key is a 409.",
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
                $ref: '#/components/schemas/EventPush',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The same push was already stored; nothing was queued.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PushedEvent',
                },
              },
            },
          },
          '201': {
            description: 'The event, and how many deliveries were queued.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PushedEvent',
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
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
