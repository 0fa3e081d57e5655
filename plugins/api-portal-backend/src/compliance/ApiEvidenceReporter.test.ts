import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { LintResult } from '@readiness/plugin-api-portal-common';
import { openapi, sampleApis, startPortal } from '../__testUtils__/portal';
import { familyProblem } from './ApiEvidenceReporter';

const databases = createStoreTestDatabases();

// Each test starts a backend and collects (worker threads parse and lint)
jest.setTimeout(60_000);

const clean: LintResult = {
  contentHash: 'h',
  status: 'ok',
  errors: 0,
  warnings: 3,
  durationMs: 5,
  lintedAt: '2026-12-01T00:00:00.000Z',
};

describe('familyProblem', () => {
  const latest = [{ entityRef: 'api:default/ledger-api-v2', lint: clean }];

  it('takes a latest version without lint errors and breaking changes that came with a major version', () => {
    expect(familyProblem(latest, [])).toBeUndefined();
    expect(
      familyProblem(latest, [
        { kind: 'version', fromVersion: '1.4.0', toVersion: '2.0.0' },
        { kind: 'version', fromVersion: 'v2', toVersion: 'v3' },
      ]),
    ).toBeUndefined();
  });

  it.each([
    [
      'a breaking revision within a version',
      { kind: 'revision', fromVersion: '2.0.0', toVersion: '2.0.0' },
    ],
    [
      'a breaking minor version',
      { kind: 'version', fromVersion: '2.0.0', toVersion: '2.1.0' },
    ],
    [
      'a version without a number',
      { kind: 'version', fromVersion: 'latest', toVersion: '3.0.0' },
    ],
  ] as const)('refuses %s', (_what, change) => {
    expect(familyProblem(latest, [change])).toMatch(
      /came without a new major version$/,
    );
  });

  it('refuses lint errors, a failed or missing lint and a family without versions', () => {
    expect(
      familyProblem(
        [{ entityRef: 'api:default/a', lint: { ...clean, errors: 1 } }],
        [],
      ),
    ).toBe('api:default/a has 1 lint errors');
    expect(
      familyProblem(
        [{ entityRef: 'api:default/a', lint: { ...clean, status: 'timeout' } }],
        [],
      ),
    ).toBe('the lint of api:default/a timeout');
    expect(familyProblem([{ entityRef: 'api:default/a' }], [])).toBe(
      'api:default/a is not linted yet',
    );
    expect(familyProblem([], [])).toMatch(/no current version/);
  });
});

describe.each(databases.eachSupportedId())(
  'api-lint-clean evidence on %s',
  databaseId => {
    it('files each current entity of a clean family once, and nothing for a family with lint errors or a breaking change without a major version', async () => {
      const entities = sampleApis();
      const portal = await startPortal({
        knex: await databases.init(databaseId),
        entities,
      });
      await portal.collect();

      // ledger-api 1.0.0 -> 2.0.0 broke with a new major version; ocr-api has no change
      expect(portal.filed.map(f => f.entityRef).sort()).toEqual([
        'api:default/ledger-api-v1',
        'api:default/ledger-api-v2',
        'api:default/ocr-api',
      ]);
      const ledger = portal.filed.find(
        f => f.entityRef === 'api:default/ledger-api-v1',
      )!;
      expect(ledger).toMatchObject({
        kind: 'api-lint-clean',
        title: 'API family ledger-api 2.0.0 lints clean',
        description: expect.stringMatching(
          /^The latest version 2\.0\.0 \(api:default\/ledger-api-v2\) lints without errors \(\d+ warnings?, linted .+\); 1 breaking change in the last 90 days, each with a new major version\.$/,
        ),
        link: 'http://portal.test/catalog/default/api/ledger-api-v2',
        idempotencyKey: expect.stringMatching(/^api\.[0-9a-f]{40}$/),
      });
      expect(new Set(portal.filed.map(f => f.idempotencyKey)).size).toBe(3);

      // Nothing changed: nothing is sent again
      await portal.collect();
      expect(portal.filed).toHaveLength(3);

      // ocr-api breaks within its version, ledger-api's latest gets lint errors
      (entities[2].spec as { definition: string }).definition = openapi(
        '0.3.0',
        ['/pages'],
      );
      (entities[1].spec as { definition: string }).definition = [
        'openapi: 3.0.3',
        'info: {title: Ledger, version: 2.0.0}',
        'paths:',
        '  /accounts/:',
        '    get:',
        '      responses:',
        "        '200': {description: ok}",
        '',
      ].join('\n');
      await portal.collect();
      expect(portal.filed).toHaveLength(3);
    });
  },
);
