import fs from 'node:fs';
import type { Entity } from '@backstage/catalog-model';
import { repositoryPath } from '@readiness/test-corpus';
import { parseAllDocuments } from 'yaml';
import {
  API_FAMILY_ANNOTATION,
  compareVersions,
  defaultFamilyName,
  familyOf,
  isPrerelease,
  latestVersion,
  sortVersions,
  versionSuffixOf,
} from './families';

function api(name: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, annotations },
    spec: { type: 'openapi' },
  };
}

describe('defaultFamilyName', () => {
  it.each([
    ['ledger-api-v1', 'ledger-api'],
    ['ledger-api-v2', 'ledger-api'],
    ['foo-v2.1', 'foo'],
    ['foo_v3', 'foo'],
    ['foo.v4', 'foo'],
    ['foo-V2', 'foo'],
    ['foo-v2_1', 'foo'],
    ['batch-v1beta1', 'batch'],
    ['batch-v2-alpha', 'batch'],
    ['rates-2024-01-01', 'rates'],
    ['ledger-api', 'ledger-api'],
    ['oauth-2', 'oauth-2'],
    ['s3', 's3'],
    ['my-v2-api', 'my-v2-api'],
    ['rates-20240101', 'rates-20240101'],
    ['v2', 'v2'],
    ['-v2', '-v2'],
  ])('%s → %s', (name, family) => {
    expect(defaultFamilyName(name)).toBe(family);
  });

  it('names the suffix it strips', () => {
    expect(versionSuffixOf('ledger-api-v2')).toBe('v2');
    expect(versionSuffixOf('rates-2024-01-01')).toBe('2024-01-01');
    expect(versionSuffixOf('ledger-api')).toBeUndefined();
    expect(versionSuffixOf('v2')).toBeUndefined();
  });
});

describe('familyOf', () => {
  it('prefers the annotation', () => {
    expect(
      familyOf(api('payments-v2', { [API_FAMILY_ANNOTATION]: 'billing-api' })),
    ).toBe('billing-api');
  });

  it('trims the annotation and ignores a blank one', () => {
    expect(
      familyOf(api('x-v1', { [API_FAMILY_ANNOTATION]: '  billing-api ' })),
    ).toBe('billing-api');
    expect(
      familyOf(api('ledger-api-v2', { [API_FAMILY_ANNOTATION]: ' ' })),
    ).toBe('ledger-api');
  });

  it('falls back to the name without its version suffix', () => {
    expect(familyOf(api('ledger-api-v2'))).toBe('ledger-api');
    expect(familyOf(api('documents-api'))).toBe('documents-api');
  });

  it('agrees with the annotations of the sample catalog', () => {
    const services = repositoryPath('services');
    const apis = fs
      .readdirSync(services)
      .map(service => `${services}/${service}/catalog-info.yaml`)
      .filter(file => fs.existsSync(file))
      .flatMap(file =>
        parseAllDocuments(fs.readFileSync(file, 'utf8')).map(
          d => d.toJS() as Entity,
        ),
      )
      .filter(entity => entity?.kind === 'API');
    expect(apis.length).toBeGreaterThanOrEqual(10);
    for (const entity of apis) {
      const annotated = entity.metadata.annotations?.[API_FAMILY_ANNOTATION];
      expect(annotated).toBeDefined();
      expect(familyOf(entity)).toBe(annotated);
      expect(defaultFamilyName(entity.metadata.name)).toBe(annotated);
    }
    const ledger = apis.filter(e => familyOf(e) === 'ledger-api');
    expect(ledger.map(e => e.metadata.name).sort()).toEqual([
      'ledger-api-v1',
      'ledger-api-v2',
    ]);
  });
});

describe('compareVersions', () => {
  it.each([
    ['v1', 'v2'],
    ['v2', 'v10'],
    ['1.4.2', '2.0.0'],
    ['2.0', '2.1.0'],
    ['v2', '2.0.1'],
    ['1.0.0-beta.1', '1.0.0'],
    ['1.0.0-alpha', '1.0.0-beta'],
    ['v1alpha1', 'v1beta1'],
    ['v1beta1', 'v1'],
    ['v1beta2', 'v1beta10'],
    ['v2-rc1', 'v2'],
    ['2023-12-31', '2024-01-01'],
    ['2024-01-01', '2024-02-01'],
    ['v3', '2024-01-01'],
    ['latest', 'v1'],
    ['alpha', 'beta'],
    ['preview2', 'preview10'],
  ])('%s < %s', (older, newer) => {
    expect(compareVersions(older, newer)).toBeLessThan(0);
    expect(compareVersions(newer, older)).toBeGreaterThan(0);
  });

  it('is zero only for equal strings', () => {
    expect(compareVersions('v2', 'v2')).toBe(0);
    expect(compareVersions('v2', '2.0.0')).not.toBe(0);
    expect(Math.sign(compareVersions('v2', '2.0.0'))).toBe(
      -Math.sign(compareVersions('2.0.0', 'v2')),
    );
  });

  it('sorts a mixed list oldest first', () => {
    expect(
      sortVersions(['v10', 'v2', 'latest', '1.0.0-beta.1', 'v1', '1.1']),
    ).toEqual(['latest', '1.0.0-beta.1', 'v1', '1.1', 'v2', 'v10']);
  });

  it('does not change its input', () => {
    const versions = ['v2', 'v1'];
    sortVersions(versions);
    expect(versions).toEqual(['v2', 'v1']);
  });
});

describe('latestVersion', () => {
  it('picks the newest release', () => {
    expect(latestVersion(['1.4.2', '2.0.0', '1.10.0'])).toBe('2.0.0');
    expect(latestVersion(['v1', 'v2', 'v3-beta'])).toBe('v2');
    expect(latestVersion(['2024-01-01', '2023-06-30'])).toBe('2024-01-01');
  });

  it('counts pre-releases when asked, or when nothing else exists', () => {
    expect(
      latestVersion(['v1', 'v2', 'v3-beta'], { includePrerelease: true }),
    ).toBe('v3-beta');
    expect(latestVersion(['v1alpha1', 'v1beta1'])).toBe('v1beta1');
  });

  it('is undefined for no versions', () => {
    expect(latestVersion([])).toBeUndefined();
  });

  it('tells pre-releases apart', () => {
    expect(isPrerelease('2.0.0-beta.1')).toBe(true);
    expect(isPrerelease('v1beta1')).toBe(true);
    expect(isPrerelease('v2')).toBe(false);
    expect(isPrerelease('latest')).toBe(false);
  });
});
