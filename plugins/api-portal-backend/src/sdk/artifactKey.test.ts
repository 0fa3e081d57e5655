import { sdkArtifactKey } from './artifactKey';

describe('sdkArtifactKey', () => {
  it('addresses an SDK by language, generator version and spec hash', () => {
    expect(
      sdkArtifactKey({
        specHash: 'a'.repeat(64),
        language: 'typescript',
        generatorVersion: '1+openapi-ts.0.99.0',
      }),
    ).toBe(`sdk/typescript/1%2Bopenapi-ts.0.99.0/${'a'.repeat(64)}.tar.gz`);
  });

  it('refuses values that would escape the key layout', () => {
    expect(() =>
      sdkArtifactKey({
        specHash: '../x',
        language: 'python',
        generatorVersion: '1',
      }),
    ).toThrow("Invalid spec hash '../x'");
    expect(() =>
      sdkArtifactKey({
        specHash: 'abc',
        language: 'py/thon',
        generatorVersion: '1',
      }),
    ).toThrow("Invalid SDK language 'py/thon'");
    expect(() =>
      sdkArtifactKey({
        specHash: 'abc',
        language: 'python',
        generatorVersion: '',
      }),
    ).toThrow("Invalid generator version ''");
  });
});
