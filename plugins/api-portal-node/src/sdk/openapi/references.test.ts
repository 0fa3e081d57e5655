import { InputError } from '@backstage/errors';
import {
  assertSelfContained,
  findExternalReferences,
  isInternalReference,
} from './references';

describe('findExternalReferences', () => {
  it('lists every $ref that is not an internal pointer, with where it is', () => {
    const spec = {
      openapi: '3.0.3',
      paths: {
        '/a/{id}': {
          get: {
            parameters: [{ $ref: 'params.yaml#/Id' }],
            responses: { '200': { $ref: '#/components/responses/Ok' } },
          },
        },
        '/b': { $ref: 'file:///etc/passwd' },
      },
      components: {
        schemas: {
          Secret: { $ref: '/etc/shadow' },
          Remote: { $ref: 'http://127.0.0.1:9/s.yaml' },
          Local: { $ref: '#/components/schemas/Secret' },
          // A property named $ref is a schema, not a reference
          Odd: { properties: { $ref: { type: 'string' } } },
        },
      },
    };
    expect(findExternalReferences(spec)).toEqual([
      { ref: 'params.yaml#/Id', pointer: '#/paths/~1a~1{id}/get/parameters/0' },
      { ref: 'file:///etc/passwd', pointer: '#/paths/~1b' },
      { ref: '/etc/shadow', pointer: '#/components/schemas/Secret' },
      {
        ref: 'http://127.0.0.1:9/s.yaml',
        pointer: '#/components/schemas/Remote',
      },
    ]);
  });

  it('finds nothing in a self-contained document, and stops at a limit', () => {
    expect(
      findExternalReferences({ a: { $ref: '#/b' }, b: [{ $ref: '#' }] }),
    ).toEqual([]);
    const many = { list: Array.from({ length: 50 }, () => ({ $ref: 'x' })) };
    expect(findExternalReferences(many, 3)).toHaveLength(3);
  });

  it('walks deep documents without running out of stack', () => {
    let deep: Record<string, unknown> = { $ref: 'deep.yaml' };
    for (let i = 0; i < 50_000; i++) deep = { d: deep };
    expect(findExternalReferences(deep)).toHaveLength(1);
  });

  it('tells internal pointers from everything else', () => {
    expect(isInternalReference('#/components/schemas/A')).toBe(true);
    expect(isInternalReference('#')).toBe(true);
    expect(isInternalReference('a.yaml#/x')).toBe(false);
    expect(isInternalReference('//host/x')).toBe(false);
  });
});

describe('assertSelfContained', () => {
  it('names each external $ref and its place', () => {
    const spec = {
      components: {
        schemas: {
          A: { $ref: '/etc/passwd' },
          B: { $ref: 'https://example.com/b.yaml' },
        },
      },
    };
    expect(() => assertSelfContained(spec)).toThrow(InputError);
    expect(() => assertSelfContained(spec)).toThrow(
      "The API description is not self-contained: $ref '/etc/passwd' at #/components/schemas/A, $ref 'https://example.com/b.yaml' at #/components/schemas/B point outside it. SDKs and Postman collections are built from a definition whose references the API portal resolved first",
    );
  });

  it('says so of one $ref', () => {
    expect(() => assertSelfContained({ a: { $ref: 'other.yaml' } })).toThrow(
      "$ref 'other.yaml' at #/a points outside it.",
    );
  });

  it('accepts a document with internal $refs only', () => {
    expect(() =>
      assertSelfContained({ a: { $ref: '#/b' }, b: {} }),
    ).not.toThrow();
  });
});
