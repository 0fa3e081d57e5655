import fs from 'node:fs';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { corpusOpenApiDocuments, corpusPath } from '@readiness/test-corpus';
import { apiEntity, startPortal } from '../__testUtils__/portal';

/**
 * A second revision of a document, changed as text: its first path renamed
 * (a breaking change), or a trailing newline where it has no paths.
 */
function revise(text: string): { text: string; renamed: boolean } {
  const json = /"paths"\s*:\s*\{\s*"(\/[^"]*)"/;
  const yaml = /^paths:\s*\n(?:\s*#.*\n)*(\s+)(['"]?)(\/[^'":\n]*)\2:/m;
  if (json.test(text)) {
    return {
      text: text.replace(json, (m, p) => m.replace(`"${p}"`, `"${p}-renamed"`)),
      renamed: true,
    };
  }
  const match = yaml.exec(text);
  if (match) {
    const [whole, , quote, p] = match;
    return {
      text: text.replace(
        whole,
        whole.replace(`${quote}${p}${quote}:`, `${quote}${p}-renamed${quote}:`),
      ),
      renamed: true,
    };
  }
  return { text: `${text}\n`, renamed: false };
}

const databases = createStoreTestDatabases();

describe('the corpus', () => {
  it('goes through collection, lint and diff without a crash', async () => {
    const documents = corpusOpenApiDocuments();
    expect(documents.length).toBeGreaterThanOrEqual(23);
    const texts = documents.map(doc =>
      fs.readFileSync(corpusPath('openapi', doc), 'utf8'),
    );
    const entities = documents.map((_, i) =>
      apiEntity(`corpus-${i}`, texts[i], { family: `corpus-${i}` }),
    );
    const { collect, get } = await startPortal({
      knex: await databases.init('SQLITE_3'),
      entities,
    });
    const started = Date.now();
    await collect();
    const revised = texts.map(revise);
    revised.forEach(({ text }, i) => {
      (entities[i].spec as { definition: string }).definition = text;
    });
    await collect();
    const seconds = (Date.now() - started) / 1000;

    const outcome: Record<string, string> = {};
    const compared: Array<{ doc: string; entries: number; rules: string[] }> =
      [];
    for (const [i, doc] of documents.entries()) {
      const revisions = (
        await get(`/v1/entities/api/default/corpus-${i}/revisions`)
      ).body.items;
      expect({ doc, count: revisions.length }).toEqual({ doc, count: 2 });
      const lint = (await get(`/v1/revisions/${revisions[0].id}/lint`)).body;
      const changelog = (await get(`/v1/families/corpus-${i}/changelog`)).body
        .items;
      if (revised[i].renamed && revisions[0].status === 'ok') {
        compared.push({
          doc,
          entries: changelog.length,
          rules: changelog.flatMap((e: any) =>
            e.changes.map((c: any) => c.ruleId),
          ),
        });
      }
      outcome[
        doc
      ] = `${revisions[0].status} ${revisions[0].format} ${revisions[0].specVersion}; lint ${lint.status} ${lint.totals.errors}/${lint.totals.warnings}; ${changelog.length} changelog entries`;
      expect(['ok', 'error', 'timeout']).toContain(lint.status);
    }
    // Every document whose first path was renamed has that change logged
    expect(compared.length).toBeGreaterThanOrEqual(15);
    for (const { doc, entries, rules } of compared) {
      expect({ doc, entries, removed: rules.includes('path-removed') }).toEqual(
        { doc, entries: 1, removed: true },
      );
    }
    // eslint-disable-next-line no-console
    console.log(
      `corpus: ${documents.length} documents, two passes in ${seconds.toFixed(
        1,
      )} s\n${Object.entries(outcome)
        .map(([doc, line]) => `${doc}: ${line}`)
        .join('\n')}`,
    );
  }, 300_000);
});
