import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { readCorpusFile } from '@readiness/test-corpus';
import { connectLocalPostgres } from '../production/postgres.mjs';
import {
  PRODUCTION_CI_TOKEN,
  PRODUCTION_PERF_PUBLISH_TOKEN,
} from '../constants';
import {
  dropReplicaDatabases,
  flushReplicaCache,
  REPLICA_DATABASE_PREFIX,
  ReplicaBackend,
  startOidcIssuer,
} from './replicaBackends';
import {
  INTERNAL_TEXT,
  publishBurst,
  startUpload,
  terminateConnections,
} from './faults';

/*
 * Production is several backend replicas on one PostgreSQL and Redis
 * (docs/operations/replicas.md). Two production-config backends are started
 * here at the same moment on empty databases, and then share the work: the
 * scheduler, publications sent to both, reads of each other's writes, and a
 * database that drops every connection in the middle of a burst of writes.
 */

const PORTS = [7061, 7062];
const START_TRIALS = 2;
const READY_TIMEOUT_MS = 150_000;
// apiPortal.collection.frequency in app-config.replicas-test.yaml
const COLLECTION_EVERY_MS = 10_000;

const ci = { Authorization: `Bearer ${PRODUCTION_CI_TOKEN}` };
const publisher = {
  Authorization: `Bearer ${PRODUCTION_PERF_PUBLISH_TOKEN}`,
  'Content-Type': 'application/json',
};
const summary = JSON.parse(
  readCorpusFile('k6', 'qris-payment', 'summary.json').toString('utf8'),
);

/** A perf run of billing; `index` spreads their start times. */
function runOf(idempotencyKey: string, index: number) {
  const started = Date.UTC(2026, 10, 1) + index * 60_000;
  return {
    run: {
      entityRef: 'component:default/billing',
      scenario: 'billing-replicas',
      environment: 'staging',
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(started + 30_000).toISOString(),
      idempotencyKey,
    },
    results: summary,
  };
}

async function publish(target: string, body: unknown) {
  const response = await fetch(`${target}/api/reliability/v1/runs`, {
    method: 'POST',
    headers: publisher,
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after') ?? undefined,
    body: await response.text(),
  };
}

async function storedRuns(keyPrefix: string) {
  const client = await connectLocalPostgres(
    `${REPLICA_DATABASE_PREFIX}reliability`,
  );
  try {
    const { rows } = await client.query(
      `select idempotency_key as key, count(*)::int as n from perf_runs
        where idempotency_key like $1 group by 1`,
      [`${keyPrefix}%`],
    );
    return new Map<string, number>(rows.map(row => [row.key, row.n]));
  } finally {
    await client.end();
  }
}

/**
 * When each collection run of a replica started: its log line at the end of
 * a run ("Collected … in N ms") less the run's duration.
 */
function collectionRuns(replica: ReplicaBackend, since: number) {
  return fs
    .readFileSync(replica.log, 'utf8')
    .split('\n')
    .filter(line => line.includes('"message":"Collected '))
    .map(line => {
      const { timestamp, message } = JSON.parse(line);
      const took = Number(/ in (\d+) ms$/.exec(message)?.[1] ?? 0);
      return { at: Date.parse(timestamp) - took, replica: replica.url };
    })
    .filter(run => run.at >= since);
}

test.describe.configure({ mode: 'serial' });

test.describe('two production-config backends on one PostgreSQL and Redis', () => {
  let oidc: ChildProcess;
  let replicas: ReplicaBackend[] = [];
  let servingSince = 0;

  test.beforeAll(() => {
    oidc = startOidcIssuer();
  });

  test.afterAll(async () => {
    await Promise.all(replicas.map(replica => replica.stop()));
    oidc.kill();
  });

  test(`both start at the same moment on empty databases, ${START_TRIALS} times`, async () => {
    test.setTimeout(START_TRIALS * (READY_TIMEOUT_MS + 30_000));
    for (let trial = 1; trial <= START_TRIALS; trial++) {
      await dropReplicaDatabases();
      flushReplicaCache();
      replicas = PORTS.map((port, i) =>
        ReplicaBackend.start({
          port,
          name: `backend-replica-${trial}-${'ab'[i]}`,
        }),
      );
      const ready = await Promise.all(
        replicas.map(replica => replica.ready(READY_TIMEOUT_MS)),
      );
      expect(
        ready,
        `trial ${trial}: both replicas ready (logs: ${replicas
          .map(r => r.log)
          .join(', ')})`,
      ).toEqual([true, true]);
      // The migration lock of every plugin database is one free row
      const client = await connectLocalPostgres(
        `${REPLICA_DATABASE_PREFIX}catalog`,
      );
      try {
        const { rows } = await client.query(
          'select is_locked from knex_migrations_lock',
        );
        expect(rows).toEqual([{ is_locked: 0 }]);
      } finally {
        await client.end();
      }
      if (trial < START_TRIALS) {
        await Promise.all(replicas.map(replica => replica.stop()));
      }
    }
    servingSince = Date.now();
  });

  test('a replica whose start fails exits with an error, for the orchestrator to restart it', async () => {
    test.setTimeout(READY_TIMEOUT_MS);
    const unreachable = ReplicaBackend.start({
      port: 7064,
      name: 'backend-replica-no-database',
      environment: { POSTGRES_PORT: '1' },
    });
    const code = await Promise.race([
      unreachable.exited(),
      new Promise(resolve =>
        setTimeout(() => resolve('still running'), 120_000),
      ),
    ]);
    await unreachable.stop();
    expect(code).toBe(1);
    expect(fs.readFileSync(unreachable.log, 'utf8')).toMatch(
      /The backend failed to start and the process exits with code 1/,
    );
  });

  test('stores the same publication sent to both at once once, and each sees what the other stored', async () => {
    test.setTimeout(120_000);
    // The catalog has to know the entity before runs of it are accepted
    for (const replica of replicas) {
      await expect(async () => {
        const response = await fetch(
          `${replica.url}/api/catalog/entities/by-name/component/default/billing`,
          { headers: ci },
        );
        expect(response.status).toBe(200);
      }).toPass({ timeout: 90_000 });
    }

    const prefix = `twice-${Date.now()}-`;
    const keys = Array.from({ length: 10 }, (_, i) => `${prefix}${i}`);
    const answers = await Promise.all(
      keys.map((key, i) =>
        Promise.all(
          replicas.map(replica => publish(replica.url, runOf(key, i))),
        ),
      ),
    );
    for (const pair of answers) {
      expect(pair.map(a => a.status).sort()).toEqual([200, 201]);
    }
    const stored = await storedRuns(prefix);
    expect(keys.map(key => stored.get(key))).toEqual(keys.map(() => 1));

    // A write through one replica is read through the other at once
    for (const [from, to] of [
      [replicas[0], replicas[1]],
      [replicas[1], replicas[0]],
    ]) {
      const key = `seen-${Date.now()}-${from.url.slice(-4)}`;
      expect((await publish(from.url, runOf(key, 20))).status).toBe(201);
      const runs = await fetch(
        `${to.url}/api/reliability/v1/runs?entityRef=component:default/billing&scenario=billing-replicas&limit=100`,
        { headers: ci },
      );
      expect(runs.status).toBe(200);
      const listed = (await runs.json()).items.map(
        (r: any) => r.idempotencyKey,
      );
      expect(listed).toContain(key);
    }
  });

  test('runs the scheduled collection once per schedule across both', async () => {
    test.setTimeout(90_000);
    // Enough time for a few schedules since both were serving
    const window = 3 * COLLECTION_EVERY_MS;
    const waited = Date.now() - servingSince;
    if (waited < window) {
      await new Promise(resolve => setTimeout(resolve, window - waited));
    }
    const until = Date.now();
    const runs = replicas
      .flatMap(replica => collectionRuns(replica, servingSince))
      .sort((a, b) => a.at - b.at);
    const schedules = Math.floor((until - servingSince) / COLLECTION_EVERY_MS);
    expect(runs.length).toBeGreaterThanOrEqual(schedules - 1);
    expect(runs.length).toBeLessThanOrEqual(schedules + 1);
    // Two runs of one schedule would be close together, on both replicas
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i].at - runs[i - 1].at).toBeGreaterThan(
        COLLECTION_EVERY_MS / 2,
      );
    }
  });

  test('answers 2xx or 503 with Retry-After while the database drops every connection, and loses nothing', async () => {
    test.setTimeout(150_000);
    const prefix = `burst-${Date.now()}-`;
    const count = 120;
    const controller = new AbortController();
    const terminations = terminateConnections({
      prefix: REPLICA_DATABASE_PREFIX,
      everyMs: 25,
      signal: controller.signal,
    });
    const stop = setTimeout(() => controller.abort(), 6_000);
    const publications = await publishBurst({
      targets: replicas.map(replica => replica.url),
      count,
      concurrency: 8,
      send: (target, index) =>
        publish(target, runOf(`${prefix}${index}`, 100 + index)),
    });
    clearTimeout(stop);
    controller.abort();
    const { terminated } = await terminations;
    expect(terminated).toBeGreaterThan(0);

    const answers = publications.flatMap(p => p.answers);
    for (const answer of answers) {
      expect([200, 201, 503]).toContain(answer.status);
      if (answer.status === 503) {
        expect(answer.retryAfter).toMatch(/^\d+$/);
        expect(JSON.parse(answer.body).error.name).toBe(
          'ServiceUnavailableError',
        );
        expect(answer.body).not.toMatch(INTERNAL_TEXT);
      }
    }
    // Every publication was settled by a client that retried on 503
    for (const publication of publications) {
      expect([200, 201]).toContain(publication.answers.at(-1)!.status);
    }
    const stored = await storedRuns(prefix);
    expect(stored.size).toBe(count);
    expect([...stored.values()].every(n => n === 1)).toBe(true);

    // Both recover on their own: ready, and storing again
    for (const [i, replica] of replicas.entries()) {
      expect(await replica.ready(30_000)).toBe(true);
      const again = await publish(
        replica.url,
        runOf(`${prefix}after-${i}`, 300 + i),
      );
      expect(again.status).toBe(201);
    }
    test.info().annotations.push({
      type: 'database fault',
      description: `${count} publications, ${answers.length} answers (${
        answers.filter(a => a.status === 503).length
      } of them 503), ${terminated} connections terminated`,
    });
  });

  // Last: it kills one of the two replicas
  test('a replica killed in the middle of two uploads stores nothing of them, and the retry through the other stores each once', async () => {
    test.setTimeout(120_000);
    const [doomed, survivor] = replicas;
    const prefix = `killed-${Date.now()}-`;
    const stream = readCorpusFile('k6', 'contacts-flow-jsonl', 'results.jsonl');
    const streamUrl = (target: string) =>
      `${target}/api/reliability/v1/runs/stream?${new URLSearchParams({
        entityRef: 'component:default/billing',
        scenario: 'billing-replicas',
        environment: 'staging',
        startedAt: '2026-11-02T10:00:00Z',
        finishedAt: '2026-11-02T10:05:00Z',
        idempotencyKey: `${prefix}stream`,
      })}`;
    const streamHeaders = {
      Authorization: publisher.Authorization,
      'Content-Type': 'application/x-ndjson',
    };
    const summaryRun = runOf(`${prefix}summary`, 400);
    const summaryBody = Buffer.from(JSON.stringify(summaryRun));

    // Half of each body sent to one replica, which then dies
    const uploads = await Promise.all([
      startUpload({
        url: streamUrl(doomed.url),
        headers: streamHeaders,
        body: stream,
        sentBytes: Math.floor(stream.length / 2),
      }),
      startUpload({
        url: `${doomed.url}/api/reliability/v1/runs`,
        headers: publisher,
        body: summaryBody,
        sentBytes: Math.floor(summaryBody.length / 2),
      }),
    ]);
    await new Promise(resolve => setTimeout(resolve, 1_000));
    await doomed.kill();
    for (const outcome of await Promise.all(uploads.map(u => u.settled))) {
      expect(outcome).toMatch(/^failed/);
    }
    expect((await storedRuns(prefix)).size).toBe(0);

    // The client sends both again, through the other replica, twice
    const sendStream = async () =>
      (
        await fetch(streamUrl(survivor.url), {
          method: 'POST',
          headers: streamHeaders,
          body: stream,
        })
      ).status;
    expect(await sendStream()).toBe(201);
    expect(await sendStream()).toBe(200);
    expect((await publish(survivor.url, summaryRun)).status).toBe(201);
    expect((await publish(survivor.url, summaryRun)).status).toBe(200);
    const stored = await storedRuns(prefix);
    expect(Object.fromEntries(stored)).toEqual({
      [`${prefix}stream`]: 1,
      [`${prefix}summary`]: 1,
    });
  });
});
