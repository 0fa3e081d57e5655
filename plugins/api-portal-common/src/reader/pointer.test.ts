import {
  buildPointer,
  childPointer,
  escapeToken,
  lastToken,
  parsePointer,
  unescapeToken,
} from './pointer';

describe('JSON pointers', () => {
  it('escapes ~ and / in reference tokens', () => {
    expect(escapeToken('/accounts/{id}')).toBe('~1accounts~1{id}');
    expect(escapeToken('a~b')).toBe('a~0b');
    expect(escapeToken('~1')).toBe('~01');
    expect(escapeToken(3)).toBe('3');
  });

  it('unescapes ~1 before ~0, so an escaped "~1" stays "~1"', () => {
    expect(unescapeToken('~1accounts~1{id}')).toBe('/accounts/{id}');
    expect(unescapeToken('a~0b')).toBe('a~b');
    expect(unescapeToken('~01')).toBe('~1');
  });

  it('builds and parses pointers', () => {
    const tokens = ['paths', '/accounts/{id}', 'get', 'parameters', '0'];
    const pointer = buildPointer(tokens);
    expect(pointer).toBe('/paths/~1accounts~1{id}/get/parameters/0');
    expect(parsePointer(pointer)).toEqual(tokens);
    expect(buildPointer([])).toBe('');
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/a~1b/~0c')).toEqual(['a/b', '~c']);
  });

  it('appends tokens to a pointer or a fragment', () => {
    expect(childPointer('/paths', '/a', 'get', 0)).toBe('/paths/~1a/get/0');
    expect(childPointer('#', 'components', 'a/b')).toBe('#/components/a~1b');
    expect(childPointer('', 'a~b')).toBe('/a~0b');
  });

  it('reads the last token', () => {
    expect(lastToken('/components/schemas/a~1b')).toBe('a/b');
    expect(lastToken('')).toBe('');
  });
});
