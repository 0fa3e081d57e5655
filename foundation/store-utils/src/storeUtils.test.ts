import { InputError } from '@backstage/errors';
import {
  canonicalJson,
  contentHash,
  decodeCursor,
  encodeCursor,
  isUniqueViolation,
  pageSize,
} from './index';

describe('store utils', () => {
  it('hashes equal content equally whatever the key order', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
      '{"a":null,"b":[1,{"c":2,"d":1}]}',
    );
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it('round-trips cursors and refuses forged ones', () => {
    const position = { at: '2026-11-28T03:00:00.000Z', id: 'abc' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    for (const bad of ['nope', Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(InputError);
    }
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    for (const bad of [0, 101, 1.5, NaN]) {
      expect(() => pageSize(bad)).toThrow(/limit/);
    }
  });

  it('recognises unique violations of both databases', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(
      isUniqueViolation({ message: 'UNIQUE constraint failed: t.k' }),
    ).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });
});
