import fs from 'node:fs';
import path from 'node:path';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';
import { DefaultPerfRunService, PayloadTooLargeError } from './PerfRunService';
import { DEFAULT_REGRESSION_TOLERANCES } from '@readiness/plugin-reliability-common';
import { corpusPath } from '@readiness/test-corpus';

const corpus = corpusPath('k6');
const stream = fs.readFileSync(
  path.join(corpus, 'contacts-flow-jsonl/results.jsonl'),
);

const run = {
  entityRef: 'component:default/ledger',
  scenario: 'contacts',
  environment: 'staging',
  startedAt: '2024-02-21T16:43:00Z',
  finishedAt: '2024-02-21T16:45:00Z',
  idempotencyKey: 'chunked-1',
};

async function* chunks(buffer: Buffer, size: number) {
  for (let i = 0; i < buffer.length; i += size) {
    yield buffer.subarray(i, i + size);
  }
}

const databases = createStoreTestDatabases();

describe('DefaultPerfRunService.publishRunStream', () => {
  async function service(maxStreamBytes: number) {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabasePerfRunStore.create({
      database: databaseServiceFor(knex),
    });
    return {
      knex,
      service: new DefaultPerfRunService({
        store,
        catalog: catalogServiceMock({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'ledger', namespace: 'default' },
            },
          ],
        }),
        maxStreamBytes,
        baselineRuns: 5,
        tolerances: DEFAULT_REGRESSION_TOLERANCES,
      }),
    };
  }

  it('stops reading a body without a declared length once it is too large', async () => {
    const { knex, service: perfRuns } = await service(10_000);
    let read = 0;
    const counted = (async function* count() {
      for await (const chunk of chunks(stream, 1000)) {
        read += chunk.length;
        yield chunk;
      }
    })();
    await expect(
      perfRuns.publishRunStream(run, counted, {}),
    ).rejects.toBeInstanceOf(PayloadTooLargeError);
    // It stopped shortly after the limit instead of reading everything
    expect(read).toBeLessThanOrEqual(11_000);
    expect(read).toBeLessThan(stream.length);
    const [{ n }] = await knex('perf_runs').count({ n: '*' });
    expect(Number(n)).toBe(0);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const { service: perfRuns } = await service(10_000);
    let read = 0;
    const counted = (async function* count() {
      for await (const chunk of chunks(stream, 1000)) {
        read += chunk.length;
        yield chunk;
      }
    })();
    await expect(
      perfRuns.publishRunStream(run, counted, { declaredBytes: stream.length }),
    ).rejects.toMatchObject({ statusCode: 413 });
    expect(read).toBe(0);
  });

  it('stores a chunked body within the limit', async () => {
    const { service: perfRuns } = await service(stream.length);
    const published = await perfRuns.publishRunStream(
      run,
      chunks(stream, 333),
      {},
    );
    expect(published).toMatchObject({
      created: true,
      run: { format: 'k6-json-stream' },
    });
  });
});
