import { sdkFunctions, toNpmName, toSemver } from './packageFiles';

describe('TypeScript package files', () => {
  it.each([
    ['2.0.0', '2.0.0'],
    ['v2', '2.0.0'],
    ['2.1', '2.1.0'],
    ['2023-08-16', '2023.8.16'],
    ['1.0.0-beta.1', '1.0.0-beta.1'],
    ['2.1 preview', '0.0.0-2-1-preview'],
  ])('semver of %j is %j', (input, expected) => {
    expect(toSemver(input)).toBe(expected);
  });

  it('makes npm names of package names', () => {
    expect(toNpmName('@Acme/Ledger API')).toBe('@acme/ledger-api');
    expect(() => toNpmName('@/')).toThrow(
      "'@/' cannot be used as an npm package name",
    );
  });

  it('finds the operation functions hey-api wrote', () => {
    const source = [
      'export const listThings = <ThrowOnError extends boolean = false>(options?: Options<A, ThrowOnError>) => 1;',
      'export const getThing = <ThrowOnError extends boolean = false>(options: Options<B, ThrowOnError>) => 2;',
    ].join('\n');
    expect(sdkFunctions(source)).toEqual([
      { name: 'listThings', optionsRequired: false },
      { name: 'getThing', optionsRequired: true },
    ]);
  });
});
