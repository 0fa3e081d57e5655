import { InputError } from '@backstage/errors';
import { OpenApiReader } from './OpenApiReader';

describe('OpenApiReader', () => {
  it('refuses external $refs unless told to report them', () => {
    const doc = {
      openapi: '3.0.3',
      paths: { '/a': { $ref: 'paths.yaml#/a' } },
    };
    expect(() => new OpenApiReader(doc)).toThrow(InputError);
    const reader = new OpenApiReader(doc, { externalRefs: 'report' });
    expect(reader.pathItem('/a')).toEqual({
      key: '/a',
      pointer: '/paths/~1a',
      unresolved: {
        ref: 'paths.yaml#/a',
        pointer: '/paths/~1a',
        reason: 'external',
      },
    });
  });

  it('reads anything but an object as an empty document', () => {
    const reader = new OpenApiReader('text');
    expect(reader.root).toEqual({});
    expect(reader.dialect).toEqual({ problem: 'no-version-field' });
    expect(reader.operations()).toEqual([]);
  });

  it('lists operations with path-level parameters merged in', () => {
    const reader = new OpenApiReader({
      openapi: '3.1.0',
      paths: {
        '/items/{id}': { $ref: '#/components/pathItems/Item' },
        '/broken': { $ref: '#/components/pathItems/Nothing' },
      },
      components: {
        pathItems: {
          Item: {
            parameters: [
              { name: 'id', in: 'path', required: true },
              { name: 'trace', in: 'header', description: 'path level' },
            ],
            delete: {},
            get: {
              parameters: [
                { $ref: '#/components/parameters/Trace' },
                { $ref: '#/components/parameters/Missing' },
                { name: 'q', in: 'query' },
                { in: 'query' },
              ],
            },
            summary: 'not an operation',
          },
        },
        parameters: {
          Trace: {
            name: 'trace',
            in: 'header',
            description: 'operation level',
          },
        },
      },
    });
    const operations = reader.operations();
    expect(operations.map(o => `${o.method} ${o.path}`)).toEqual([
      'get /items/{id}',
      'delete /items/{id}',
    ]);
    const [get] = operations;
    expect(get.pointer).toBe('/components/pathItems/Item/get');
    expect(
      get.parameters.map(p => [p.value.name, p.pointer, p.definition]),
    ).toEqual([
      [
        'id',
        '/components/pathItems/Item/parameters/0',
        '/components/pathItems/Item/parameters/0',
      ],
      // The operation's own overrides the path's, in the path's place
      [
        'trace',
        '/components/pathItems/Item/get/parameters/0',
        '/components/parameters/Trace',
      ],
      ['q', '/components/pathItems/Item/get/parameters/2', expect.any(String)],
    ]);
    expect(get.unresolved).toEqual([
      {
        ref: '#/components/parameters/Missing',
        pointer: '/components/pathItems/Item/get/parameters/1',
        reason: 'missing',
      },
    ]);
    expect(reader.pathItem('/broken').unresolved?.reason).toBe('missing');
  });

  it('reads Swagger 2.0 body and formData parameters and media types', () => {
    const reader = new OpenApiReader({
      swagger: '2.0',
      consumes: ['application/json'],
      produces: ['application/xml', 7],
      paths: {
        '/upload': {
          post: {
            consumes: ['multipart/form-data'],
            parameters: [
              { name: 'meta', in: 'body', schema: { type: 'object' } },
              { name: 'file', in: 'formData', type: 'file' },
            ],
          },
        },
      },
      definitions: { Thing: { type: 'object' } },
      securityDefinitions: { key: { type: 'apiKey' } },
    });
    const [post] = reader.operations();
    expect(post.parameters.map(p => p.value.in)).toEqual(['body', 'formData']);
    const operation = { value: post.operation, pointer: post.pointer };
    expect(reader.swaggerMediaTypes('consumes', operation)).toEqual([
      {
        value: 'multipart/form-data',
        pointer: '/paths/~1upload/post/consumes/0',
      },
    ]);
    expect(reader.swaggerMediaTypes('produces', operation)).toEqual([
      { value: 'application/xml', pointer: '/produces/0' },
    ]);
    expect(reader.components('schemas')).toEqual([
      {
        name: 'Thing',
        value: { type: 'object' },
        pointer: '/definitions/Thing',
      },
    ]);
    expect(reader.components('securitySchemes')[0].pointer).toBe(
      '/securityDefinitions/key',
    );
  });

  it('finds OpenAPI 3 components', () => {
    const reader = new OpenApiReader({
      openapi: '3.0.0',
      components: { schemas: { 'a/b': { type: 'string' } } },
      definitions: { Ignored: {} },
    });
    expect(reader.components('schemas')).toEqual([
      {
        name: 'a/b',
        value: { type: 'string' },
        pointer: '/components/schemas/a~1b',
      },
    ]);
    expect(reader.components('securitySchemes')).toEqual([]);
  });

  it('resolves values to objects', () => {
    const reader = new OpenApiReader(
      { a: { $ref: '#/b' }, b: { x: 1 }, c: { $ref: '#/d' }, d: 'text' },
      { maxHops: 1 },
    );
    expect(reader.resolveObject({ $ref: '#/b' })).toEqual({ x: 1 });
    expect(reader.resolveObject({ $ref: '#/a' })).toBeUndefined();
    expect(reader.resolveObject({ $ref: '#/d' })).toBeUndefined();
    expect(reader.resolveObject(undefined)).toBeUndefined();
  });
});
