import { InputError } from '@backstage/errors';
import { assertSelfContained } from './selfContained';

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
