/*
 * Sample data (docs/operations/sample-data.md) is for a first start in
 * development. The modules seed nothing unless the config turns it on, and
 * production turns it off explicitly, so no later file can switch it on by
 * accident in the production stack the backend is started with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readSampleDataOptions } from '@readiness/sample-data';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');

function configOf(...files: string[]) {
  return ConfigReader.fromConfigs(
    files.map(file => ({
      context: file,
      data: parse(fs.readFileSync(path.join(root, file), 'utf8')) ?? {},
    })),
  );
}

describe('sample data', () => {
  it('is on in development', () => {
    expect(readSampleDataOptions(configOf('app-config.yaml')).enabled).toBe(
      true,
    );
  });

  it('is off in production, said explicitly', () => {
    const production = configOf('app-config.production.yaml');
    expect(
      production.getOptionalBoolean('readinessPortal.sampleData.enabled'),
    ).toBe(false);
    expect(
      readSampleDataOptions(
        configOf('app-config.yaml', 'app-config.production.yaml'),
      ).enabled,
    ).toBe(false);
    expect(
      readSampleDataOptions(
        configOf(
          'app-config.yaml',
          'app-config.production.yaml',
          'packages/app/e2e-tests/app-config.production-test.yaml',
        ),
      ).enabled,
    ).toBe(false);
  });

  it('is off for the browser tests, which count their own records', () => {
    expect(
      readSampleDataOptions(
        configOf(
          'app-config.yaml',
          'packages/app/e2e-tests/app-config.e2e.yaml',
        ),
      ).enabled,
    ).toBe(false);
  });
});
