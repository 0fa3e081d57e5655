import { InputError } from '@backstage/errors';
import {
  decodeRefToken,
  findExternalReferences,
  isLocalRef,
  refOverride,
  refuseExternalReferences,
  RefResolver,
} from './references';

describe('RefResolver', () => {
  const doc = {
    components: {
      schemas: {
        'Foo Bar': { type: 'string' },
        'a/b': { type: 'integer' },
        'c~d': { type: 'number' },
        '100%': { type: 'boolean' },
        Alias: { $ref: '#/components/schemas/Foo%20Bar' },
        Ping: { $ref: '#/components/schemas/Pong' },
        Pong: { $ref: '#/components/schemas/Ping' },
        Self: { $ref: '#/components/schemas/Self' },
        Broken: { $ref: '#/components/schemas/Nothing' },
      },
    },
    list: [{ type: 'boolean' }, { $ref: '#/list/0' }],
  };
  const at = (resolver: RefResolver, ref: string) =>
    resolver.resolve({ value: { $ref: ref }, pointer: '/x' });

  it('follows chains to the value, and says where it was found', () => {
    const resolver = new RefResolver(doc);
    expect(at(resolver, '#/components/schemas/Alias')).toEqual({
      ok: true,
      viaRef: true,
      node: {
        value: { type: 'string' },
        pointer: '/components/schemas/Foo Bar',
      },
      via: [
        { value: { $ref: '#/components/schemas/Alias' }, pointer: '/x' },
        {
          value: { $ref: '#/components/schemas/Foo%20Bar' },
          pointer: '/components/schemas/Alias',
        },
      ],
    });
    expect(at(resolver, '#')).toMatchObject({
      ok: true,
      node: { value: doc, pointer: '' },
    });
  });

  it('unescapes ~1 and ~0 and percent-escapes in tokens', () => {
    const resolver = new RefResolver(doc);
    expect(at(resolver, '#/components/schemas/a~1b')).toMatchObject({
      ok: true,
      node: { value: { type: 'integer' }, pointer: '/components/schemas/a~1b' },
    });
    expect(at(resolver, '#/components/schemas/c~0d')).toMatchObject({
      ok: true,
      node: { pointer: '/components/schemas/c~0d' },
    });
    expect(at(resolver, '#/components/schemas/a%2Fb')).toMatchObject({
      ok: true,
      node: { pointer: '/components/schemas/a~1b' },
    });
    // A malformed percent-escape is a key as written
    expect(at(resolver, '#/components/schemas/100%')).toMatchObject({
      ok: true,
      node: { value: { type: 'boolean' } },
    });
  });

  it('follows refs into arrays by index only', () => {
    const resolver = new RefResolver(doc);
    expect(at(resolver, '#/list/1')).toMatchObject({
      ok: true,
      node: { value: { type: 'boolean' }, pointer: '/list/0' },
    });
    for (const ref of ['#/list/2', '#/list/x', '#/list/', '#/list/1.0']) {
      expect(at(resolver, ref)).toMatchObject({
        ok: false,
        unresolved: { reason: 'missing' },
      });
    }
  });

  it('passes through nodes that are not references', () => {
    expect(
      new RefResolver(doc).resolve({
        value: { type: 'string' },
        pointer: '/y',
      }),
    ).toEqual({
      ok: true,
      viaRef: false,
      node: { value: { type: 'string' }, pointer: '/y' },
      via: [],
    });
  });

  it('reports a cycle where the caller started following it', () => {
    const resolver = new RefResolver(doc);
    expect(at(resolver, '#/components/schemas/Ping')).toEqual({
      ok: false,
      unresolved: {
        ref: '#/components/schemas/Ping',
        pointer: '/x',
        reason: 'cycle',
      },
      via: [
        { value: { $ref: '#/components/schemas/Ping' }, pointer: '/x' },
        {
          value: { $ref: '#/components/schemas/Pong' },
          pointer: '/components/schemas/Ping',
        },
        {
          value: { $ref: '#/components/schemas/Ping' },
          pointer: '/components/schemas/Pong',
        },
      ],
    });
    expect(at(resolver, '#/components/schemas/Self')).toMatchObject({
      ok: false,
      unresolved: { reason: 'cycle' },
    });
  });

  it('reports a missing target where its $ref is written', () => {
    expect(at(new RefResolver(doc), '#/components/schemas/Broken')).toEqual({
      ok: false,
      unresolved: {
        ref: '#/components/schemas/Nothing',
        pointer: '/components/schemas/Broken',
        reason: 'missing',
      },
      via: [
        { value: { $ref: '#/components/schemas/Broken' }, pointer: '/x' },
        {
          value: { $ref: '#/components/schemas/Nothing' },
          pointer: '/components/schemas/Broken',
        },
      ],
    });
    expect(at(new RefResolver(doc), '#anchor')).toMatchObject({
      ok: false,
      unresolved: { reason: 'missing' },
    });
    expect(
      at(new RefResolver(doc), '#/components/schemas/%E0%A4%A'),
    ).toMatchObject({
      ok: false,
      unresolved: { reason: 'missing' },
    });
  });

  it('never follows a $ref into another document', () => {
    const resolver = new RefResolver(doc);
    for (const ref of [
      'schemas.yaml#/Account',
      'https://example.com/a.json',
      '/etc/passwd',
      '//host/x',
    ]) {
      expect(at(resolver, ref)).toEqual({
        ok: false,
        unresolved: { ref, pointer: '/x', reason: 'external' },
        via: [{ value: { $ref: ref }, pointer: '/x' }],
      });
    }
  });

  describe('budgets', () => {
    const chain: Record<string, unknown> = { end: { type: 'string' } };
    for (let i = 0; i < 10; i++) {
      chain[`s${i}`] = { $ref: i === 9 ? '#/end' : `#/s${i + 1}` };
    }
    const start = { value: { $ref: '#/s1' }, pointer: '/start' };

    it('follows a chain of at most maxHops $refs', () => {
      // '#/s1' … '#/s9', '#/end': ten $refs
      expect(
        new RefResolver(chain, { maxHops: 10 }).resolve(start),
      ).toMatchObject({
        ok: true,
        viaRef: true,
        node: { value: { type: 'string' }, pointer: '/end' },
      });
      const stopped = new RefResolver(chain, { maxHops: 9 }).resolve(start);
      expect(stopped).toMatchObject({
        ok: false,
        unresolved: { ref: '#/end', pointer: '/s9', reason: 'budget' },
      });
      // the nine followed and the one that was not
      expect(stopped.via.map(v => v.pointer)).toEqual([
        '/start',
        ...Array.from({ length: 9 }, (_, i) => `/s${i + 1}`),
      ]);
    });

    it('stops every resolution once a document used its budget', () => {
      const resolver = new RefResolver(chain, { maxResolutions: 12 });
      expect(resolver.resolve(start)).toMatchObject({ ok: true });
      expect(resolver.exhausted).toBe(false);
      expect(
        resolver.resolve({ value: { $ref: '#/s8' }, pointer: '/a' }),
      ).toMatchObject({
        ok: false,
        unresolved: { ref: '#/end', pointer: '/s9', reason: 'budget' },
      });
      expect(resolver.exhausted).toBe(true);
      expect(resolver.lookUp('#/end')).toBe('budget');
      // Nodes without a $ref cost nothing
      expect(resolver.resolve({ value: 1, pointer: '/b' })).toMatchObject({
        ok: true,
      });
    });

    it('has defaults', () => {
      expect(new RefResolver(chain).resolve(start)).toMatchObject({ ok: true });
    });
  });

  it('reads the summary and description written beside a $ref, the outermost winning', () => {
    const texts = new RefResolver({
      components: {
        schemas: {
          Outer: { $ref: '#/components/schemas/Inner', summary: 'outer' },
          Inner: {
            $ref: '#/components/schemas/Target',
            description: 'inner',
            summary: 'inner',
          },
          Target: { type: 'string', description: 'target' },
          Loop: { $ref: '#/components/schemas/Loop', description: 'loop' },
        },
      },
    });
    const { via } = at(texts, '#/components/schemas/Outer');
    expect(refOverride(via, 'summary')).toBe('outer');
    expect(refOverride(via, 'description')).toBe('inner');
    expect(
      refOverride(
        texts.resolve({ value: { type: 'string' }, pointer: '' }).via,
        'description',
      ),
    ).toBeUndefined();
    const loop = at(texts, '#/components/schemas/Loop');
    expect(loop.ok).toBe(false);
    expect(refOverride(loop.via, 'description')).toBe('loop');
  });

  it('decodes the tokens of a $ref as it follows them', () => {
    expect(decodeRefToken('Foo%20Bar')).toBe('Foo Bar');
    expect(decodeRefToken('a~1b~0c')).toBe('a/b~c');
    expect(decodeRefToken('%7E1')).toBe('/');
    expect(decodeRefToken('100%')).toBe('100%');
  });

  it('looks up one $ref without following the value it finds', () => {
    const resolver = new RefResolver(doc);
    expect(resolver.lookUp('#/components/schemas/Alias')).toEqual({
      value: { $ref: '#/components/schemas/Foo%20Bar' },
      pointer: '/components/schemas/Alias',
    });
    expect(resolver.lookUp('other.yaml')).toBe('external');
    expect(resolver.lookUp('#/nothing')).toBe('missing');
  });
});

describe('external references', () => {
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
        Anchor: { $ref: '#anchor' },
        Local: { $ref: '#/components/schemas/Secret' },
        // A property named $ref is a schema, not a reference
        Odd: { properties: { $ref: { type: 'string' } } },
      },
    },
  };

  it('lists every $ref that is not a local pointer, in document order', () => {
    expect(findExternalReferences(spec)).toEqual([
      { ref: 'params.yaml#/Id', pointer: '#/paths/~1a~1{id}/get/parameters/0' },
      { ref: 'file:///etc/passwd', pointer: '#/paths/~1b' },
      { ref: '/etc/shadow', pointer: '#/components/schemas/Secret' },
      { ref: '#anchor', pointer: '#/components/schemas/Anchor' },
    ]);
    expect(findExternalReferences(spec, 2)).toHaveLength(2);
  });

  it('walks deep documents without running out of stack', () => {
    let deep: Record<string, unknown> = { $ref: 'deep.yaml' };
    for (let i = 0; i < 50_000; i++) deep = { d: deep };
    expect(findExternalReferences(deep)).toHaveLength(1);
  });

  it('tells local pointers from everything else', () => {
    expect(isLocalRef('#/components/schemas/A')).toBe(true);
    expect(isLocalRef('#')).toBe(true);
    expect(isLocalRef('#anchor')).toBe(false);
    expect(isLocalRef('a.yaml#/x')).toBe(false);
  });

  it('refuses a document that is not self-contained, naming each $ref', () => {
    expect(() => refuseExternalReferences(spec)).toThrow(InputError);
    expect(() => refuseExternalReferences({ a: { $ref: 'x.yaml' } })).toThrow(
      "The API description is not self-contained: $ref 'x.yaml' at #/a points outside it.",
    );
    const many = { list: Array.from({ length: 8 }, () => ({ $ref: 'x' })) };
    expect(() => refuseExternalReferences(many, 'Bundle it first.')).toThrow(
      / and more point outside it\. Bundle it first\.$/,
    );
    expect(() =>
      refuseExternalReferences({ a: { $ref: '#/b' }, b: 1 }),
    ).not.toThrow();
  });
});
