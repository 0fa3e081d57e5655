import fs from 'node:fs';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { corpusPath } from '@readiness/test-corpus';
import { apiEntity, startPortal } from '../__testUtils__/portal';
import { RedoclyCliReport, redoclyCliLint } from '../__testUtils__/redoclyCli';

/** Corpus documents without external file references, one with errors. */
const SPECS = [
  'harbor/swagger.yaml',
  'hmrc-vat/application.yaml',
  'wildduck-invalid/openapi.yml',
  'formance-ledger/v2.yaml',
];

/** What `redocly lint --format json --config redocly.yaml` reports for a file. */
async function redoclyLint(file: string): Promise<RedoclyCliReport> {
  const { report, failure } = await redoclyCliLint(file);
  if (!report) throw new Error(`redocly lint ${file}: ${failure}`);
  return report;
}

function byRule(problems: Array<{ ruleId: string; severity: string }>) {
  const counts: Record<string, number> = {};
  for (const p of problems) {
    const key = `${p.ruleId} ${p.severity}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

// Lint does not depend on the database: SQLite is enough here
const databases = createStoreTestDatabases();

describe('lint results', () => {
  it('equal what the Redocly CLI reports with the same redocly.yaml', async () => {
    const files = SPECS.map(spec => corpusPath('openapi', spec));
    const { collect, get } = await startPortal({
      knex: await databases.init('SQLITE_3'),
      entities: files.map((file, i) =>
        apiEntity(`corpus-${i}`, fs.readFileSync(file, 'utf8')),
      ),
    });
    await collect();
    const seen: Record<string, unknown> = {};
    for (const [i, file] of files.entries()) {
      const cli = await redoclyLint(file);
      const [revision] = (
        await get(`/v1/entities/api/default/corpus-${i}/revisions`)
      ).body.items;
      const lint = (await get(`/v1/revisions/${revision.id}/lint`)).body;
      expect(lint.status).toBe('ok');
      expect({ spec: SPECS[i], ...lint.totals }).toEqual({
        spec: SPECS[i],
        errors: cli.totals.errors,
        warnings: cli.totals.warnings,
      });
      expect(byRule(lint.problems)).toEqual(byRule(cli.problems));
      seen[SPECS[i]] = lint.totals;
    }
    // The numbers, for the record (docs/api-portal/lint.md)
    expect(seen).toEqual({
      'harbor/swagger.yaml': { errors: 3, warnings: 90 },
      'hmrc-vat/application.yaml': { errors: 0, warnings: 3 },
      'wildduck-invalid/openapi.yml': { errors: 3, warnings: 116 },
      'formance-ledger/v2.yaml': { errors: 13, warnings: 94 },
    });
  }, 60_000);
});
