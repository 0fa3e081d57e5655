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

  it('reads webhooks as it reads paths', () => {
    const reader = new OpenApiReader({
      openapi: '3.1.0',
      webhooks: {
        'order.paid': {
          parameters: [{ name: 'sig', in: 'header' }],
          post: { summary: 'Paid' },
        },
        'order/shipped': { $ref: '#/components/pathItems/Shipped' },
        gone: { $ref: '#/components/pathItems/Gone' },
      },
      components: { pathItems: { Shipped: { put: {}, get: {} } } },
    });
    expect(reader.webhookNames()).toEqual([
      'order.paid',
      'order/shipped',
      'gone',
    ]);
    const paid = reader.webhook('order.paid');
    expect(reader.methods(paid)).toEqual(['post']);
    expect(reader.operation(paid, 'post')).toMatchObject({
      path: 'order.paid',
      method: 'post',
      pointer: '/webhooks/order.paid/post',
      operation: { summary: 'Paid' },
      parameters: [{ value: { name: 'sig' } }],
    });
    const shipped = reader.webhook('order/shipped');
    expect(shipped).toMatchObject({
      key: 'order/shipped',
      pointer: '/webhooks/order~1shipped',
      item: { pointer: '/components/pathItems/Shipped' },
    });
    expect(reader.methods(shipped)).toEqual(['get', 'put']);
    expect(reader.webhook('gone').unresolved?.reason).toBe('missing');
    expect(reader.webhook('toString')).toEqual({
      key: 'toString',
      pointer: '/webhooks/toString',
      item: undefined,
    });
    // operations() lists paths only
    expect(reader.operations()).toEqual([]);
    expect(new OpenApiReader({ openapi: '3.0.0' }).webhookNames()).toEqual([]);
  });

  it('finds one component by name', () => {
    const swagger = new OpenApiReader({
      swagger: '2.0',
      securityDefinitions: { 'a/b': { type: 'basic' } },
    });
    expect(swagger.component('securitySchemes', 'a/b')).toEqual({
      name: 'a/b',
      value: { type: 'basic' },
      pointer: '/securityDefinitions/a~1b',
    });
    expect(swagger.component('schemas', 'a/b')).toBeUndefined();
    const openapi = new OpenApiReader({
      openapi: '3.0.0',
      components: { securitySchemes: { key: { type: 'apiKey' } } },
    });
    expect(openapi.component('securitySchemes', 'key')?.pointer).toBe(
      '/components/securitySchemes/key',
    );
    expect(openapi.component('securitySchemes', 'toString')).toBeUndefined();
    expect(openapi.component('securitySchemes', '__proto__')).toBeUndefined();
  });

  it('reads an empty Swagger 2.0 media type list as clearing the document’s, or as not written', () => {
    const reader = new OpenApiReader({
      swagger: '2.0',
      consumes: ['application/json', 'application/xml'],
      paths: {
        '/a': { post: { consumes: [] }, put: { consumes: [3] }, get: {} },
      },
    });
    const [get, put, post] = reader
      .operations()
      .map(o => ({ value: o.operation, pointer: o.pointer }));
    expect(reader.swaggerMediaTypes('consumes', post)).toEqual([]);
    expect(
      reader
        .swaggerMediaTypes('consumes', post, { emptyList: 'inherits' })
        ?.map(m => m.pointer),
    ).toEqual(['/consumes/0', '/consumes/1']);
    // a list of no strings is not empty
    expect(
      reader.swaggerMediaTypes('consumes', put, { emptyList: 'inherits' }),
    ).toEqual([]);
    expect(
      reader.swaggerMediaTypes('consumes', get, { emptyList: 'inherits' }),
    ).toHaveLength(2);
    expect(reader.swaggerMediaTypes('produces', get)).toBeUndefined();
  });

  it('reads versions leniently when told to', () => {
    expect(new OpenApiReader({ swagger: 2 }).isSwagger).toBe(false);
    const lenient = new OpenApiReader(
      { swagger: 2, definitions: { A: {} } },
      { versions: 'lenient' },
    );
    expect(lenient.isSwagger).toBe(true);
    expect(lenient.components('schemas')[0].pointer).toBe('/definitions/A');
    expect(
      new OpenApiReader({ openapi: '3.2.0' }, { versions: 'lenient' }).dialect,
    ).toMatchObject({ dialect: 'openapi-3.1', version: '3.2.0' });
  });

  it('reads only the parts of a document it is asked about', () => {
    // a document whose sections are produced when first read, as a large
    // one parsed section by section is
    const read: string[] = [];
    const lazy = (name: string, sections: Record<string, () => unknown>) => {
      const object = {};
      for (const [key, produce] of Object.entries(sections)) {
        let value: { read: unknown } | undefined;
        Object.defineProperty(object, key, {
          enumerable: true,
          get: () => {
            if (!value) {
              read.push(`${name}${key}`);
              value = { read: produce() };
            }
            return value.read;
          },
        });
      }
      return object;
    };
    const document = lazy('/', {
      openapi: () => '3.1.0',
      paths: () =>
        lazy('/paths/', {
          '/a': () => ({ $ref: '#/components/pathItems/A' }),
          '/b': () => ({ get: {} }),
        }),
      components: () =>
        lazy('/components/', {
          pathItems: () => lazy('/pathItems/', { A: () => ({ put: {} }) }),
          schemas: () => ({}),
        }),
      info: () => ({ title: 'Large' }),
    });
    const reader = new OpenApiReader(document, { externalRefs: 'report' });
    expect(read).toEqual(['/openapi']);
    expect(reader.pathKeys()).toEqual(['/a', '/b']);
    const a = reader.pathItem('/a');
    expect(reader.methods(a)).toEqual(['put']);
    expect(read).toEqual([
      '/openapi',
      '/paths',
      '/paths//a',
      '/components',
      '/components/pathItems',
      '/pathItems/A',
    ]);
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
