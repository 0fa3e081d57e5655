import { childPointer, lastToken, pointerTokens } from './pointer';
import { RefResolver } from './refs';

describe('JSON pointers', () => {
  it('escapes and unescapes reference tokens', () => {
    const pointer = childPointer('/paths', '/accounts/{id}', 'get', 0);
    expect(pointer).toBe('/paths/~1accounts~1{id}/get/0');
    expect(pointerTokens(pointer)).toEqual([
      'paths',
      '/accounts/{id}',
      'get',
      '0',
    ]);
    expect(childPointer('', 'a~b')).toBe('/a~0b');
    expect(lastToken('/components/schemas/a~1b')).toBe('a/b');
    expect(pointerTokens('')).toEqual([]);
  });
});

describe('RefResolver', () => {
  const doc = {
    components: {
      schemas: {
        'Foo Bar': { type: 'string' },
        'a/b': { type: 'integer' },
        Alias: { $ref: '#/components/schemas/Foo%20Bar' },
        Ping: { $ref: '#/components/schemas/Pong' },
        Pong: { $ref: '#/components/schemas/Ping' },
        Broken: { $ref: '#/components/schemas/Nothing' },
      },
    },
    list: [{ type: 'boolean' }],
  };
  const resolver = new RefResolver(doc);
  const at = (ref: string) =>
    resolver.resolve({ value: { $ref: ref }, pointer: '/x' });

  it('follows percent-encoded and escaped tokens and chains', () => {
    expect(at('#/components/schemas/Alias')).toEqual({
      ok: true,
      viaRef: true,
      node: {
        value: { type: 'string' },
        pointer: '/components/schemas/Foo Bar',
      },
    });
    expect(at('#/components/schemas/a~1b')).toMatchObject({
      ok: true,
      node: { pointer: '/components/schemas/a~1b' },
    });
    expect(at('#/list/0')).toMatchObject({
      ok: true,
      node: { pointer: '/list/0' },
    });
    expect(at('#')).toMatchObject({
      ok: true,
      node: { value: doc, pointer: '' },
    });
  });

  it('passes through nodes that are not references', () => {
    expect(
      resolver.resolve({ value: { type: 'string' }, pointer: '/y' }),
    ).toEqual({
      ok: true,
      viaRef: false,
      node: { value: { type: 'string' }, pointer: '/y' },
    });
  });

  it('reports what it cannot follow, and where', () => {
    expect(at('#/components/schemas/Ping')).toEqual({
      ok: false,
      unresolved: {
        ref: '#/components/schemas/Ping',
        pointer: '/x',
        reason: 'cycle',
      },
    });
    expect(at('#/components/schemas/Broken')).toEqual({
      ok: false,
      unresolved: {
        ref: '#/components/schemas/Nothing',
        pointer: '/components/schemas/Broken',
        reason: 'missing',
      },
    });
    expect(at('#/list/7')).toMatchObject({
      ok: false,
      unresolved: { reason: 'missing' },
    });
    expect(at('#/list/x')).toMatchObject({
      ok: false,
      unresolved: { reason: 'missing' },
    });
    expect(at('#anchor')).toMatchObject({
      ok: false,
      unresolved: { reason: 'missing' },
    });
    expect(at('schemas.yaml#/Account')).toMatchObject({
      ok: false,
      unresolved: { reason: 'external' },
    });
    expect(at('https://example.com/a.json')).toMatchObject({
      ok: false,
      unresolved: { reason: 'external' },
    });
    expect(at('#/components/schemas/%E0%A4%A')).toMatchObject({ ok: false });
  });
});
