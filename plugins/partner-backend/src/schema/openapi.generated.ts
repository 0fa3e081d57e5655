// Generated from openapi.yaml by scripts/openapi/generate.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'partner',
    version: '1',
    description:
      "The partner tenant: apps a partner organisation registers for the sandbox and their keys. A partner reaches its own organisation's apps only; another organisation's app answers 404 like one that does not exist. Internal administrators reach every organisation's. A key's secret is in the answer that creates or rotates it, and nowhere else. Every write is audited. Errors are Backstage error bodies; validation errors name the field.",
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
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
