import { RefResolver } from '@readiness/plugin-api-portal-common';
import { readCorpusFile } from '@readiness/test-corpus';
import { ApiDefinitionError, readApiDocument } from './document';
import { JsonObject } from './json';
import { readOperation } from './operationView';
import { filterGroups, firstSentence, groupOperations } from './operations';
import { MAX_REF_HOPS, referenceName, resolveValue } from './references';
import { schemaChildren, summarizeSchema } from './schema';

function openapi(extra: JsonObject): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'Test', version: '1' },
    ...extra,
  };
}

describe('resolveValue', () => {
  const schemas: JsonObject = {
    'a/b': { type: 'string' },
    'with space': { type: 'integer' },
    alias: { $ref: '#/components/schemas/a~1b', description: 'An alias' },
    outer: { $ref: '#/components/schemas/alias', description: 'Outer' },
    self: { $ref: '#/components/schemas/self' },
    ping: { $ref: '#/components/schemas/pong' },
    pong: { $ref: '#/components/schemas/ping' },
    toPing: { $ref: '#/components/schemas/ping' },
  };
  const resolver = new RefResolver({ components: { schemas } });
  const resolve = (ref: string) => resolveValue(resolver, { $ref: ref });

  it('follows escaped and percent-encoded pointers and chains of references', () => {
    expect(resolve('#/components/schemas/a~1b').value).toEqual({
      type: 'string',
    });
    expect(resolve('#/components/schemas/with%20space').value).toEqual({
      type: 'integer',
    });
    expect(resolve('#/components/schemas/alias')).toEqual({
      value: { type: 'string' },
      ref: '#/components/schemas/a~1b',
      description: 'An alias',
    });
    expect(resolveValue(resolver, 'text')).toEqual({ value: 'text' });
  });

  it('shows the description beside the outermost $ref (OpenAPI 3.1)', () => {
    expect(resolve('#/components/schemas/outer').description).toBe('Outer');
  });

  it('reports references it cannot follow instead of looping or throwing', () => {
    expect(resolve('#/components/schemas/self')).toEqual({
      value: undefined,
      ref: '#/components/schemas/self',
      problem: 'The reference #/components/schemas/self refers to itself',
    });
    // the reference that comes round again is named, not the first one
    expect(resolve('#/components/schemas/toPing').problem).toBe(
      'The reference #/components/schemas/ping refers to itself',
    );
    expect(resolve('other.yaml#/Pet')).toEqual({
      value: undefined,
      ref: 'other.yaml#/Pet',
      problem:
        'The reference other.yaml#/Pet points into another document, which is not loaded here',
    });
    expect(resolve('#/components/schemas/missing').problem).toBe(
      'The reference #/components/schemas/missing points at nothing in this document',
    );
  });

  it(`follows ${MAX_REF_HOPS} references in a row and no more`, () => {
    const chain = (length: number) => {
      const links: JsonObject = { end: { type: 'string' } };
      for (let i = 1; i < length; i++) {
        links[`r${i}`] = { $ref: i === length - 1 ? '#/end' : `#/r${i + 1}` };
      }
      const { reader } = readApiDocument(openapi(links));
      return resolveValue(reader.resolver, { $ref: '#/r1' });
    };
    expect(chain(MAX_REF_HOPS)).toMatchObject({
      value: { type: 'string' },
      ref: '#/end',
    });
    expect(chain(MAX_REF_HOPS + 1)).toEqual({
      value: undefined,
      ref: '#/end',
      problem: 'More than 32 references in a row from #/end',
    });
  });

  it('says so when a definition has used up the references it may follow', () => {
    const limited = new RefResolver(
      { a: { type: 'string' } },
      { maxResolutions: 1 },
    );
    expect(resolveValue(limited, { $ref: '#/a' }).value).toEqual({
      type: 'string',
    });
    expect(resolveValue(limited, { $ref: '#/a' }).problem).toBe(
      'The reference #/a is not followed: this definition has more references than the reference follows',
    );
  });

  it('names a reference by its last segment', () => {
    expect(referenceName('#/components/schemas/a~1b')).toBe('a/b');
    expect(referenceName('#/definitions/with%20space')).toBe('with space');
    expect(referenceName('other.yaml#/Pet')).toBe('Pet');
    expect(referenceName('https://example.com/pet.json')).toBe('pet.json');
    expect(referenceName('#')).toBe('#');
  });
});

describe('readApiDocument', () => {
  it('reads the Stripe corpus definition and groups its untagged operations by resource', () => {
    const document = readApiDocument(
      readCorpusFile('openapi', 'stripe', 'spec3.yaml').toString('utf8'),
    );
    expect(document.title).toBe('Stripe API');
    expect(document.operations).toHaveLength(468);
    const groups = groupOperations(document.root, document.operations);
    const checkout = groups.find(group => group.name === 'checkout');
    expect(checkout?.operations.map(o => o.key)).toContain(
      'post /v1/checkout/sessions',
    );

    const entry = document.operations.find(
      o => o.key === 'post /v1/checkout/sessions',
    )!;
    const view = readOperation(document, entry);
    expect(view.requestBody?.content[0].mediaType).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(view.responses.map(r => r.status)).toEqual(['200', 'default']);
    expect(view.security?.map(r => r.schemes[0].kind)).toEqual([
      'HTTP basic',
      'HTTP bearer (auth-scheme)',
    ]);
  });

  it('rejects text that is not an OpenAPI or Swagger document', () => {
    expect(() => readApiDocument('')).toThrow(ApiDefinitionError);
    expect(() => readApiDocument('- a\n- list')).toThrow(/not an object/);
    expect(() => readApiDocument('{"openapi": "4.0.0"}')).toThrow(
      /OpenAPI 4.0.0 is not supported/,
    );
    expect(() => readApiDocument('a: [b')).toThrow(/neither valid JSON/);
    for (const text of ['openapi: 3.1\n', 'swagger: "1.2"\n', 'info: {}\n']) {
      expect(() => readApiDocument(text)).toThrow(
        'This is not an OpenAPI document: it has neither an "openapi" nor a "swagger" field.',
      );
    }
  });

  it('shows versions as written by hand: swagger 2.0 as a number, OpenAPI 3.2', () => {
    expect(readApiDocument('swagger: 2.0\npaths: {}\n').specification).toBe(
      'swagger-2.0',
    );
    expect(readApiDocument({ openapi: '3.2.0' }).specification).toBe(
      'openapi-3.1',
    );
    expect(readApiDocument({ openapi: '3.0.3' }).specification).toBe(
      'openapi-3.0',
    );
    expect(
      readApiDocument({ openapi: '4.0.0', swagger: 2 }).specification,
    ).toBe('swagger-2.0');
  });

  it('shows external references where they are instead of refusing the definition', () => {
    const document = readApiDocument(
      openapi({
        paths: {
          '/elsewhere': { $ref: 'paths.yaml#/elsewhere' },
          '/here': {
            get: {
              responses: {
                '200': {
                  description: 'OK',
                  content: {
                    'application/json': {
                      schema: { $ref: 'schemas.yaml#/Pet' },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    expect(document.operations.map(o => o.key)).toEqual(['get /here']);
    const view = readOperation(document, document.operations[0]);
    const schema = view.responses[0].content[0].schema;
    expect(summarizeSchema(document.reader.resolver, schema)).toMatchObject({
      refName: 'Pet',
      typeLabel: 'Pet',
      problem:
        'The reference schemas.yaml#/Pet points into another document, which is not loaded here',
    });
  });
});

describe('operations', () => {
  const document = readApiDocument(
    openapi({
      tags: [{ name: 'pets', description: 'Pets' }, { name: 'unused' }],
      paths: {
        '/v2/stores/{id}': {
          parameters: [
            { name: 'id', in: 'path', schema: { type: 'string' } },
            { name: 'trace', in: 'header', schema: { type: 'string' } },
          ],
          get: {
            operationId: 'getStore',
            description:
              'Returns <b>one</b> [store](https://example.com). Then more.',
            parameters: [
              {
                name: 'trace',
                in: 'header',
                required: true,
                schema: { type: 'boolean' },
              },
            ],
            responses: { '404': { description: 'Gone' }, '200': {} },
          },
        },
        '/v2/pets': {
          post: { tags: ['pets'], summary: 'Add a pet', responses: {} },
        },
      },
      webhooks: {
        newPet: { post: { summary: 'A pet arrived', responses: {} } },
      },
    }),
  );

  it('groups by tag in the order of the tags, then untagged operations and webhooks', () => {
    const groups = groupOperations(document.root, document.operations);
    expect(groups.map(g => [g.name, g.operations.map(o => o.key)])).toEqual([
      ['pets', ['post /v2/pets']],
      ['Other operations', ['get /v2/stores/{id}']],
      ['Webhooks', ['webhook newPet post']],
    ]);
    expect(
      filterGroups(groups, 'GET stores').flatMap(g => g.operations),
    ).toHaveLength(1);
    expect(filterGroups(groups, 'pets arrived')).toEqual([]);
  });

  it('summarises an operation without a summary by the first sentence of its description', () => {
    expect(document.operations[0].summary).toBe('Returns one store.');
    expect(firstSentence('   ')).toBeUndefined();
  });

  it('reads a webhook’s details as an operation’s', () => {
    const webhook = document.operations.find(o => o.kind === 'webhook')!;
    expect(readOperation(document, webhook)).toMatchObject({
      summary: 'A pet arrived',
      parameters: [],
      responses: [],
    });
  });

  it('merges path-level parameters with the operation’s, the operation’s winning', () => {
    const view = readOperation(document, document.operations[0]);
    expect(view.parameters.map(p => [p.location, p.name, p.required])).toEqual([
      ['path', 'id', true],
      ['header', 'trace', true],
    ]);
    expect(view.responses.map(r => r.status)).toEqual(['200', '404']);
    expect(view.security).toBeUndefined();
  });

  it('turns Swagger 2.0 form parameters into a request body', () => {
    const swagger = readApiDocument({
      swagger: '2.0',
      info: { title: 'Old', version: '1' },
      host: 'api.example.com',
      basePath: '/v1',
      consumes: ['multipart/form-data'],
      paths: {
        '/upload': {
          post: {
            parameters: [
              { name: 'file', in: 'formData', type: 'file', required: true },
              { name: 'note', in: 'formData', type: 'string' },
            ],
            responses: {
              '200': { description: 'OK', schema: { type: 'string' } },
            },
          },
        },
      },
    });
    const view = readOperation(swagger, swagger.operations[0]);
    expect(view.servers).toEqual(['https://api.example.com/v1']);
    expect(view.requestBody).toEqual({
      required: true,
      content: [
        {
          mediaType: 'multipart/form-data',
          schema: {
            type: 'object',
            properties: { file: { type: 'file' }, note: { type: 'string' } },
            required: ['file'],
          },
          examples: [],
        },
      ],
    });
    expect(view.responses[0].content[0].mediaType).toBe('application/json');
  });

  it('shows a Swagger 2.0 operation’s empty media type list as the document’s', () => {
    const swagger = readApiDocument({
      swagger: '2.0',
      info: { title: 'Generated', version: '1' },
      consumes: ['application/json', 'application/xml'],
      produces: ['application/json'],
      paths: {
        '/accounts': {
          post: {
            consumes: [],
            produces: [],
            parameters: [
              { name: 'account', in: 'body', schema: { type: 'object' } },
            ],
            responses: {
              '201': { description: 'Created', schema: { type: 'object' } },
            },
          },
          put: {
            consumes: ['text/plain'],
            parameters: [
              { name: 'account', in: 'body', schema: { type: 'string' } },
            ],
            responses: {},
          },
        },
        '/bare': {
          post: {
            parameters: [{ name: 'b', in: 'body', schema: { type: 'string' } }],
            responses: {},
          },
        },
      },
    });
    const [put, post, bare] = swagger.operations.map(entry =>
      readOperation(swagger, entry),
    );
    expect(post.requestBody?.content.map(c => c.mediaType)).toEqual([
      'application/json',
      'application/xml',
    ]);
    expect(post.responses[0].content.map(c => c.mediaType)).toEqual([
      'application/json',
    ]);
    expect(put.requestBody?.content.map(c => c.mediaType)).toEqual([
      'text/plain',
    ]);
    expect(bare.requestBody?.content.map(c => c.mediaType)).toEqual([
      'application/json',
      'application/xml',
    ]);
  });

  it('finds security schemes by name, in either dialect', () => {
    const swagger = readApiDocument({
      swagger: 2,
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X' } },
      security: [{ key: [] }, { toString: [] }],
      paths: { '/a': { get: { responses: {} } } },
    });
    expect(
      readOperation(swagger, swagger.operations[0]).security?.map(r =>
        r.schemes.map(s => s.kind),
      ),
    ).toEqual([['API key in header "X"'], ['Unknown scheme']]);
  });
});

describe('schema', () => {
  const resolver = new RefResolver({
    components: {
      schemas: {
        Address: {
          type: 'object',
          required: ['city'],
          properties: { city: { type: 'string' }, zip: { type: 'string' } },
        },
        Customer: {
          allOf: [
            { $ref: '#/components/schemas/Address' },
            {
              type: 'object',
              required: ['zip'],
              properties: { name: { type: ['string', 'null'] } },
            },
          ],
        },
      },
    },
  });

  it('unwraps a one-schema anyOf around a reference, keeping its nullability', () => {
    const summary = summarizeSchema(resolver, {
      anyOf: [{ $ref: '#/components/schemas/Address' }],
      nullable: true,
      description: 'Where to ship',
    });
    expect(summary.refName).toBe('Address');
    expect(summary.typeLabel).toBe('object');
    expect(summary.nullable).toBe(true);
    expect(summary.description).toBe('Where to ship');
    expect(summary.expandable).toBe(true);
  });

  it('reads an OpenAPI 3.1 choice between a schema and null as a nullable schema', () => {
    expect(
      summarizeSchema(resolver, {
        anyOf: [{ $ref: '#/components/schemas/Address' }, { type: 'null' }],
      }),
    ).toMatchObject({
      refName: 'Address',
      typeLabel: 'object',
      nullable: true,
    });
    expect(
      summarizeSchema(resolver, {
        oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }],
      }),
    ).toMatchObject({ typeLabel: 'one of string | integer', nullable: true });
  });

  it('labels arrays, unions, formats and constraints', () => {
    expect(
      summarizeSchema(resolver, {
        type: 'array',
        items: { $ref: '#/components/schemas/Address' },
      }).typeLabel,
    ).toBe('array of Address');
    const text = summarizeSchema(resolver, {
      type: ['string', 'null'],
      format: 'date-time',
      maxLength: 20,
      enum: ['a', 'b'],
      default: 'a',
    });
    expect(text).toMatchObject({
      typeLabel: 'string (date-time)',
      nullable: true,
      facts: ['max length 20', 'default "a"'],
      enumValues: ['a', 'b'],
      expandable: false,
    });
    expect(
      summarizeSchema(resolver, {
        oneOf: [{ $ref: '#/components/schemas/Address' }, { type: 'integer' }],
      }).typeLabel,
    ).toBe('one of Address | integer');
  });

  it('merges allOf members into one list of properties with their required flags', () => {
    const summary = summarizeSchema(resolver, {
      $ref: '#/components/schemas/Customer',
    });
    const { children } = schemaChildren(resolver, summary);
    expect(children.map(c => [c.name, c.required])).toEqual([
      ['city', true],
      ['zip', true],
      ['name', false],
    ]);
  });

  it('shows the properties of an array’s objects directly', () => {
    const summary = summarizeSchema(resolver, {
      type: 'array',
      items: { $ref: '#/components/schemas/Address' },
    });
    const children = schemaChildren(resolver, summary);
    expect(children.children.map(c => c.name)).toEqual(['city', 'zip']);
    expect(children.refs).toEqual(['#/components/schemas/Address']);
  });
});
