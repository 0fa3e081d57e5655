import { diffApiDefinitions } from './diffApiDefinitions';
import { API_DIFF_RULES } from './rules';
import type { DiffRule } from './types';

type Json = Record<string, unknown>;

/** A small OpenAPI 3.1 document. */
function oas(paths: Json, schemas: Json = {}, extra: Json = {}): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Test', version: '1.0.0' },
    paths,
    components: { schemas },
    ...extra,
  };
}

/** GET /things answering 200 with `schema`. */
function getReturning(schema: unknown): Record<string, Json> {
  return {
    '/things': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema } },
          },
        },
      },
    },
  };
}

/** POST /things taking `schema` as a required JSON body. */
function postTaking(
  schema: unknown,
  mediaType = 'application/json',
): Record<string, Json> {
  return {
    '/things': {
      post: {
        requestBody: { required: true, content: { [mediaType]: { schema } } },
        responses: { '204': { description: 'ok' } },
      },
    },
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ids = (changes: Array<{ ruleId: string }>) => changes.map(c => c.ruleId);

describe('diffApiDefinitions', () => {
  describe('with input that is not a usable document', () => {
    it.each([
      [null, undefined],
      [42, 'text'],
      [[], {}],
      [
        { openapi: '3.1.0', paths: 'nope' },
        { openapi: '3.1.0', paths: [] },
      ],
    ])('returns no changes for %p → %p', (before, after) => {
      expect(diffApiDefinitions(before, after)).toEqual([]);
    });

    it('does not throw on malformed parts', () => {
      const broken = oas({
        '/a': {
          parameters: 'x',
          get: {
            parameters: [null, 7, { name: 3 }, { $ref: 12 }],
            requestBody: { content: { 'application/json': null } },
            responses: [],
            security: 'all',
          },
          post: {
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 7,
                      properties: 5,
                      required: 'x',
                      allOf: 'y',
                      enum: 'z',
                      items: [],
                    },
                  },
                },
              },
            },
          },
        },
        '/b': null,
      });
      const other = oas({
        '/a': {
          get: { responses: { '200': null } },
          post: {
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: { type: ['object', 9], properties: { a: true } },
                  },
                },
              },
            },
          },
        },
      });
      expect(() => diffApiDefinitions(broken, other)).not.toThrow();
      expect(() => diffApiDefinitions(other, broken)).not.toThrow();
      expect(diffApiDefinitions(broken, structuredClone(broken))).toEqual([]);
    });
  });

  describe('matching', () => {
    it('treats renamed path parameters as the same path', () => {
      const before = oas({
        '/accounts/{id}': {
          get: {
            parameters: [
              {
                name: 'id',
                in: 'path',
                required: true,
                schema: { type: 'string' },
              },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      });
      const after = oas({
        '/accounts/{accountId}': {
          get: {
            parameters: [
              {
                name: 'accountId',
                in: 'path',
                required: true,
                schema: { type: 'string' },
              },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      });
      expect(diffApiDefinitions(before, after)).toEqual([]);
    });

    it('compares header names case-insensitively', () => {
      const withHeader = (name: string) =>
        oas({
          '/a': {
            get: {
              parameters: [{ name, in: 'header', schema: { type: 'string' } }],
              responses: { '200': { description: 'ok' } },
            },
          },
        });
      expect(
        diffApiDefinitions(
          withHeader('X-Request-Id'),
          withHeader('x-request-id'),
        ),
      ).toEqual([]);
    });

    it('does not call a swap of unrelated types a rename', () => {
      const withQuery = (name: string, type: string) =>
        oas({
          '/a': {
            get: {
              parameters: [{ name, in: 'query', schema: { type } }],
              responses: { '200': { description: 'ok' } },
            },
          },
        });
      expect(
        ids(
          diffApiDefinitions(
            withQuery('limit', 'integer'),
            withQuery('q', 'string'),
          ),
        ),
      ).toEqual(['parameter-removed', 'optional-parameter-added']);
    });

    it('lets operation parameters override path-item parameters', () => {
      const doc = (required: boolean) =>
        oas({
          '/a/{id}': {
            parameters: [
              {
                name: 'id',
                in: 'path',
                required: true,
                schema: { type: 'string' },
              },
              { name: 'v', in: 'query', schema: { type: 'string' } },
            ],
            get: {
              parameters: [
                {
                  name: 'v',
                  in: 'query',
                  required,
                  schema: { type: 'string' },
                },
              ],
              responses: { '200': { description: 'ok' } },
            },
          },
        });
      const changes = diffApiDefinitions(doc(false), doc(true));
      expect(changes).toEqual([
        expect.objectContaining({
          ruleId: 'parameter-became-required',
          after: { pointer: '/paths/~1a~1{id}/get/parameters/0/required' },
        }),
      ]);
    });

    it('matches media types with parameters and wildcards', () => {
      const before = oas(
        postTaking({ type: 'object', properties: { a: { type: 'string' } } }),
      );
      const after = oas(
        postTaking(
          { type: 'object', properties: { a: { type: 'integer' } } },
          'application/json; charset=utf-8',
        ),
      );
      expect(ids(diffApiDefinitions(before, after))).toEqual([
        'request-property-type-changed',
      ]);
      const anything = oas(postTaking({}, '*/*'));
      expect(ids(diffApiDefinitions(before, anything))).not.toContain(
        'request-media-type-removed',
      );
    });

    it('takes a status range as covering a removed code', () => {
      const withStatus = (status: string) =>
        oas({
          '/a': { get: { responses: { [status]: { description: 'ok' } } } },
        });
      expect(diffApiDefinitions(withStatus('200'), withStatus('2XX'))).toEqual(
        [],
      );
    });
  });

  describe('schemas', () => {
    it('follows recursive schemas and stops', () => {
      const node = (extra: Json = {}) => ({
        type: 'object',
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: ref('Node') },
          ...extra,
        },
      });
      const before = oas(getReturning(ref('Node')), { Node: node() });
      const after = oas(getReturning(ref('Node')), {
        Node: node({ name: { type: 'integer' } }),
      });
      expect(diffApiDefinitions(before, structuredClone(before))).toEqual([]);
      const changes = diffApiDefinitions(before, after);
      expect(changes).toEqual([
        expect.objectContaining({
          ruleId: 'response-property-type-changed',
          message:
            'response property `Node.name` type changed from string to integer (GET /things, response 200 application/json)',
          before: { pointer: '/components/schemas/Node/properties/name/type' },
        }),
      ]);
    });

    it('follows mutually recursive schemas', () => {
      const schemas = (bType: string) => ({
        A: { type: 'object', properties: { b: ref('B') } },
        B: {
          type: 'object',
          properties: { a: ref('A'), v: { type: bType } },
        },
      });
      const changes = diffApiDefinitions(
        oas(postTaking(ref('A')), schemas('number')),
        oas(postTaking(ref('A')), schemas('integer')),
      );
      expect(ids(changes)).toEqual(['request-property-type-changed']);
      expect(changes[0].message).toContain('`B.v`');
    });

    it('reports a $ref cycle only when it is new', () => {
      const cyclic = { Loop1: ref('Loop2'), Loop2: ref('Loop1') };
      const before = oas(getReturning(ref('Loop1')), cyclic);
      expect(diffApiDefinitions(before, structuredClone(before))).toEqual([]);
      const fine = oas(getReturning({ type: 'object' }), cyclic);
      const changes = diffApiDefinitions(fine, before);
      expect(changes).toEqual([
        expect.objectContaining({
          ruleId: 'unresolved-ref',
          breaking: false,
          severity: 'warning',
          after: {
            pointer:
              '/paths/~1things/get/responses/200/content/application~1json/schema',
          },
        }),
      ]);
      expect(changes[0].message).toContain('cycle');
    });

    it('reports missing refs on either side, but not the same one on both', () => {
      const missing = (name: string) => oas(getReturning(ref(name)));
      expect(diffApiDefinitions(missing('Gone'), missing('Gone'))).toEqual([]);
      const changes = diffApiDefinitions(missing('Gone'), missing('Lost'));
      expect(changes.map(c => [c.ruleId, c.before, c.after])).toEqual([
        [
          'unresolved-ref',
          {
            pointer:
              '/paths/~1things/get/responses/200/content/application~1json/schema',
          },
          undefined,
        ],
        [
          'unresolved-ref',
          undefined,
          {
            pointer:
              '/paths/~1things/get/responses/200/content/application~1json/schema',
          },
        ],
      ]);
    });

    it('never fetches remote refs', () => {
      const remote = oas(
        getReturning({ $ref: 'https://example.com/schema.json' }),
      );
      expect(diffApiDefinitions(remote, structuredClone(remote))).toEqual([]);
      expect(
        diffApiDefinitions(oas(getReturning({ type: 'string' })), remote)[0]
          .message,
      ).toContain('points outside the document');
    });

    it('merges allOf members', () => {
      const schemas = (withEmail: boolean) => ({
        Base: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            ...(withEmail && { email: { type: 'string' } }),
          },
        },
        User: {
          allOf: [ref('Base'), { properties: { name: { type: 'string' } } }],
        },
      });
      const changes = diffApiDefinitions(
        oas(getReturning(ref('User')), schemas(true)),
        oas(getReturning(ref('User')), schemas(false)),
      );
      expect(changes).toEqual([
        expect.objectContaining({
          ruleId: 'response-property-removed',
          message:
            'response property `User.email` removed (GET /things, response 200 application/json)',
          before: { pointer: '/components/schemas/Base/properties/email' },
          after: { pointer: '/components/schemas/User' },
        }),
      ]);
    });

    it('pairs oneOf/anyOf members by $ref and reports removed and added ones', () => {
      const payment = (...members: string[]) => ({
        oneOf: members.map(ref),
      });
      const schemas = {
        Card: { type: 'object', properties: { pan: { type: 'string' } } },
        Iban: { type: 'object', properties: { iban: { type: 'string' } } },
        Wallet: { type: 'object', properties: { wallet: { type: 'string' } } },
      };
      const request = diffApiDefinitions(
        oas(postTaking(payment('Card', 'Iban')), schemas),
        oas(postTaking(payment('Iban', 'Wallet')), schemas),
      );
      expect(request.map(c => c.message)).toEqual([
        'request body no longer accepts oneOf `Card` (POST /things, request body application/json)',
      ]);
      const response = diffApiDefinitions(
        oas(getReturning(payment('Card')), schemas),
        oas(getReturning(payment('Card', 'Wallet')), schemas),
      );
      expect(ids(response)).toEqual(['response-property-type-changed']);
      expect(response[0].after).toEqual({
        pointer:
          '/paths/~1things/get/responses/200/content/application~1json/schema/oneOf/1',
      });
    });

    it('ignores readOnly properties in requests and writeOnly ones in responses', () => {
      const user = (extra: Json, required: string[]) => ({
        User: {
          type: 'object',
          required,
          properties: { name: { type: 'string' }, ...extra },
        },
      });
      const both = {
        '/things': {
          ...postTaking(ref('User'))['/things'],
          ...getReturning(ref('User'))['/things'],
        },
      };
      const added = diffApiDefinitions(
        oas(both, user({}, ['name'])),
        oas(
          both,
          user({ id: { type: 'string', readOnly: true } }, ['name', 'id']),
        ),
      );
      expect(added).toEqual([]);
      const removed = diffApiDefinitions(
        oas(both, user({ password: { type: 'string', writeOnly: true } }, [])),
        oas(both, user({}, [])),
      );
      expect(ids(removed)).toEqual(['request-property-removed']);
    });

    it('reads Swagger 2.0 x-nullable, 3.0 nullable and 3.1 null types alike', () => {
      const swagger = (nullable: boolean) => ({
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: {
          '/a': {
            get: {
              responses: {
                '200': {
                  description: 'ok',
                  schema: { type: 'string', 'x-nullable': nullable },
                },
              },
            },
          },
        },
      });
      expect(
        diffApiDefinitions(swagger(false), swagger(true))[0].message,
      ).toContain('from string to string | null');
      const v31 = diffApiDefinitions(
        oas(getReturning({ type: 'string' })),
        oas(getReturning({ type: ['string', 'null'] })),
      );
      expect(ids(v31)).toEqual(['response-property-type-changed']);
    });

    it('tells narrowed from widened bounds and formats', () => {
      const amount = (schema: Json) =>
        oas(postTaking({ type: 'object', properties: { amount: schema } }));
      const messages = (b: Json, a: Json) =>
        diffApiDefinitions(amount(b), amount(a)).map(c =>
          c.message.replace(/ \(POST.*/, ''),
        );
      expect(
        messages(
          { type: 'number', minimum: 0 },
          { type: 'number', minimum: 0, exclusiveMinimum: true },
        ),
      ).toEqual([
        'request property `amount` minimum tightened from >= 0 to > 0',
      ]);
      expect(
        messages(
          { type: 'number', minimum: 0 },
          { type: 'number', exclusiveMinimum: 0 },
        ),
      ).toEqual([
        'request property `amount` minimum tightened from >= 0 to > 0',
      ]);
      expect(
        messages(
          { type: 'number', maximum: 10 },
          { type: 'number', maximum: 20 },
        ),
      ).toEqual([]);
      expect(
        messages(
          { type: 'number', multipleOf: 0.01 },
          { type: 'number', multipleOf: 0.1 },
        ),
      ).toEqual([
        'request property `amount` multipleOf changed from 0.01 to 0.1',
      ]);
      expect(
        messages(
          { type: 'number', multipleOf: 0.1 },
          { type: 'number', multipleOf: 0.01 },
        ),
      ).toEqual([]);
      expect(
        messages(
          { type: 'string', format: 'date' },
          { type: 'string', format: 'date-time' },
        ),
      ).toEqual([
        'request property `amount` format changed from "date" to "date-time"',
      ]);
      expect(
        messages({ type: 'string' }, { type: 'string', enum: ['a'] }),
      ).toEqual(['request property `amount` now restricted to "a"']);
      expect(
        messages(
          { type: 'array', minItems: 1 },
          { type: 'array', uniqueItems: true },
        ),
      ).toEqual(['request property `amount` uniqueItems added']);
    });

    it('reports a response enum that was dropped', () => {
      const changes = diffApiDefinitions(
        oas(getReturning({ type: 'string', enum: ['a', 'b'] })),
        oas(getReturning({ type: 'string' })),
      );
      expect(changes.map(c => [c.ruleId, c.message])).toEqual([
        [
          'response-enum-value-added',
          'response body is no longer restricted to "a", "b" (GET /things, response 200 application/json)',
        ],
      ]);
    });

    it('reports a shared schema once per operation', () => {
      const twice = {
        '/things': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: ref('Thing') } },
              },
              '203': {
                description: 'ok',
                content: { 'application/json': { schema: ref('Thing') } },
              },
            },
          },
        },
        '/other-things': getReturning(ref('Thing'))['/things'],
      };
      const thing = (type: string) => ({
        Thing: { type: 'object', properties: { id: { type } } },
      });
      const changes = diffApiDefinitions(
        oas(twice, thing('integer')),
        oas(twice, thing('string')),
      );
      expect(changes.map(c => `${c.method} ${c.path}`)).toEqual([
        'get /things',
        'get /other-things',
      ]);
    });

    it('stops at maxDepth', () => {
      let before: Json = { type: 'string' };
      let after: Json = { type: 'integer' };
      for (let i = 0; i < 5; i++) {
        before = { type: 'object', properties: { x: before } };
        after = { type: 'object', properties: { x: after } };
      }
      expect(
        diffApiDefinitions(oas(getReturning(before)), oas(getReturning(after))),
      ).toHaveLength(1);
      expect(
        diffApiDefinitions(
          oas(getReturning(before)),
          oas(getReturning(after)),
          {
            maxDepth: 3,
          },
        ),
      ).toEqual([]);
    });
  });

  describe('security', () => {
    const secured = (global: unknown, operation?: unknown) =>
      oas(
        {
          '/a': {
            get: {
              ...(operation !== undefined && { security: operation }),
              responses: { '200': { description: 'ok' } },
            },
          },
        },
        {},
        {
          security: global,
          components: {
            securitySchemes: {
              oauth2: { type: 'oauth2', flows: {} },
              apiKey: { type: 'apiKey', in: 'header', name: 'k' },
            },
          },
        },
      );

    it('accepts relaxed requirements', () => {
      expect(
        diffApiDefinitions(
          secured([{ oauth2: ['read'] }]),
          secured([{ oauth2: ['read'] }], []),
        ),
      ).toEqual([]);
      expect(
        diffApiDefinitions(
          secured([{ apiKey: [] }]),
          secured([{ apiKey: [] }, { oauth2: [] }]),
        ),
      ).toEqual([]);
    });

    it('reports an operation override that shuts clients out', () => {
      const changes = diffApiDefinitions(
        secured([{ oauth2: ['read'] }]),
        secured([{ oauth2: ['read'] }], [{ oauth2: ['admin'] }]),
      );
      expect(changes).toEqual([
        expect.objectContaining({
          ruleId: 'security-requirement-changed',
          path: '/a',
          method: 'get',
          before: { pointer: '/security' },
          after: { pointer: '/paths/~1a/get/security' },
        }),
      ]);
    });

    it('reports document-wide security added once, not per operation', () => {
      const twoOperations = (security?: unknown) => {
        const doc = secured(security);
        (doc.paths as Json)['/b'] = (doc.paths as Json)['/a'];
        return doc;
      };
      const changes = diffApiDefinitions(
        twoOperations(undefined),
        twoOperations([{ apiKey: [] }]),
      );
      expect(changes).toEqual([
        {
          ruleId: 'security-requirement-added',
          breaking: true,
          severity: 'error',
          message: 'document-wide security requirement added: apiKey',
          after: { pointer: '/security' },
        },
      ]);
    });

    it('reports an operation that stops being public', () => {
      expect(
        ids(
          diffApiDefinitions(
            secured([{ apiKey: [] }], []),
            secured([{ apiKey: [] }]),
          ),
        ),
      ).toEqual(['security-requirement-added']);
    });

    it('reports a dropped alternative', () => {
      expect(
        ids(
          diffApiDefinitions(
            secured([{ apiKey: [] }, { oauth2: [] }]),
            secured([{ oauth2: [] }]),
          ),
        ),
      ).toEqual(['security-requirement-changed']);
    });
  });

  describe('Swagger 2.0', () => {
    const upload = (parameters: unknown[]) => ({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      consumes: ['multipart/form-data'],
      paths: {
        '/documents': {
          post: { parameters, responses: { '201': { description: 'ok' } } },
        },
      },
    });

    it('treats formData fields as parameters', () => {
      const file = {
        name: 'file',
        in: 'formData',
        type: 'file',
        required: true,
      };
      const kind = {
        name: 'kind',
        in: 'formData',
        type: 'string',
        required: true,
      };
      const changes = diffApiDefinitions(upload([file]), upload([file, kind]));
      expect(changes.map(c => c.message)).toEqual([
        'new required formData parameter `kind` (POST /documents)',
      ]);
    });

    it('reads constraints written on the parameter itself', () => {
      const size = (maximum: number) => ({
        name: 'size',
        in: 'formData',
        type: 'integer',
        maximum,
      });
      expect(
        ids(diffApiDefinitions(upload([size(10)]), upload([size(5)]))),
      ).toEqual(['parameter-constraint-narrowed']);
    });
  });

  describe('options', () => {
    it('runs only the given rules, custom ones included', () => {
      const pathRenamed: DiffRule = {
        id: 'path-count-changed',
        description: 'test rule',
        breaking: false,
        severity: 'info',
        scope: 'document',
        check({ before, after }, report) {
          if (before.pathKeys().length !== after.pathKeys().length) {
            report({ message: 'number of paths changed' });
          }
        },
      };
      const changes = diffApiDefinitions(
        oas({ '/a': {} }),
        oas({ '/a': {}, '/b': {} }),
        {
          rules: [
            pathRenamed,
            API_DIFF_RULES.find(r => r.id === 'path-removed')!,
          ],
        },
      );
      expect(changes).toEqual([
        {
          ruleId: 'path-count-changed',
          breaking: false,
          severity: 'info',
          message: 'number of paths changed',
        },
      ]);
    });
  });
});
