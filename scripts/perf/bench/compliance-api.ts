/*
 * The compliance backend at audit scale, against the catalog in the same
 * backend: 1,000 components in 50 systems and 25 teams, every SOC 2 and
 * ISO 27001 control of the repository's frameworks in scope of each (about
 * 150), and 100,000 evidence items on PostgreSQL. Measured with sequential
 * calls:
 *
 * - the entity card's call (its summary: coverage per framework and the
 *   newest item), interleaved with the catalog's by-name call and the tab's
 *   call (every control with its state): the card's p95 at most 2 × the
 *   catalog's by-name p95, the tab's reported;
 * - then the framework matrix (both frameworks, by system and by owner) and
 *   one row's drill-down, interleaved: p95 under 300 ms;
 * - the first matrix question after the load (the replica reads all
 *   100,000 items once), and the backend's peak RSS;
 * - the whole portal's OSCAL assessment results streamed: the backend's
 *   resident memory may grow by less than 300 MB while it writes them.
 *
 * Runs the real backend (packages/backend) on PostgreSQL with a generated
 * catalog file. Usage: yarn bench:compliance-api (BENCH_ENTITIES,
 * BENCH_EVIDENCE, BENCH_SAMPLES to change the sizes; BENCH_HOLD=1 keeps the
 * seeded backend on :7028).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  authHeaders,
  baseUrlOf,
  BenchTarget,
  currentRssMb,
  benchLog as log,
  latencyAgainst,
  peakRssMb,
  printBenchReport,
  resetBenchDatabases,
  runBench,
  sampleLatency,
  startBenchBackend,
  tearDownBench,
  timedGet,
} from './backend';
import {
  seedComplianceEvidence,
  serviceName,
  systemRef,
  writeComplianceInputs,
} from './compliance/fixture';

const TARGET: BenchTarget = {
  port: 7028,
  databasePrefix: 'readiness_cbench_',
  token: 'bench-token-0123456789abcdef',
};
const BASE = baseUrlOf(TARGET);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1000);
const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const headers = authHeaders(TARGET);

const timed = (url: string) => timedGet(url, headers);

async function main() {
  log('resetting the bench databases');
  await resetBenchDatabases(TARGET.databasePrefix);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-bench-'));
  const { configFile, controls } = writeComplianceInputs(dir, TARGET, ENTITIES);
  log(
    `starting the backend on PostgreSQL with ${ENTITIES} components and ${controls.length} controls`,
  );
  const backend = await startBenchBackend({
    target: TARGET,
    configFile,
    readyPath: `/api/catalog/entities/by-name/component/default/${serviceName(
      ENTITIES - 1,
    )}`,
    timeoutMs: 300_000,
  });
  try {
    const startedRssMb = peakRssMb(backend.pid);
    log(`seeding ${EVIDENCE} evidence items`);
    const stored = await seedComplianceEvidence({
      target: TARGET,
      controls,
      entities: ENTITIES,
      count: EVIDENCE,
    });
    const matrix = (framework: string, groupBy: string) =>
      `${BASE}/api/compliance/v1/matrix?framework=${framework}&groupBy=${groupBy}`;
    // The first question reads every item filed since start
    const firstMatrixMs = await timed(matrix('SOC2', 'system'));
    // For 30 seconds after a burst each question reads the burst again (the
    // overlap that catches late commits); the steady state comes after it
    log('waiting out the catch-up overlap after the burst');
    await new Promise(r => setTimeout(r, 31_000));
    const calls: Record<string, string> = {
      catalogByName: `${BASE}/api/catalog/entities/by-name/component/default/${serviceName(
        1,
      )}`,
      entityCard: `${BASE}/api/compliance/v1/entities/component/default/${serviceName(
        1,
      )}/summary`,
      entityTab: `${BASE}/api/compliance/v1/entities/component/default/${serviceName(
        1,
      )}/controls`,
      matrixSoc2BySystem: matrix('SOC2', 'system'),
      matrixIsoByOwner: matrix('ISO27001', 'owner'),
      matrixRow: `${BASE}/api/compliance/v1/matrix/entities?framework=SOC2&groupBy=system&group=${encodeURIComponent(
        systemRef(1),
      )}`,
    };
    if (process.env.BENCH_HOLD) {
      log(
        `holding the seeded backend at ${BASE} (token ${TARGET.token}); Ctrl-C to stop`,
      );
      await new Promise(() => {});
    }
    // Two phases: the entity card against the catalog's by-name call (the
    // ratio of the target), then the matrix calls (an absolute target);
    // each phase's calls interleaved, 20 rounds of warm-up first
    const measure = (names: string[]) => {
      log(`latency: ${SAMPLES} sequential calls each of ${names.join(', ')}`);
      return sampleLatency(calls, names, { samples: SAMPLES, headers });
    };
    const samples = {
      ...(await measure(['catalogByName', 'entityCard', 'entityTab'])),
      ...(await measure([
        'matrixSoc2BySystem',
        'matrixIsoByOwner',
        'matrixRow',
      ])),
    };
    // The whole portal's OSCAL assessment results, streamed: the backend's
    // resident memory sampled while it writes, against just before
    log('export: OSCAL assessment results of the whole portal (SOC 2)');
    const rssBefore = currentRssMb(backend.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, currentRssMb(backend.pid));
    }, 50);
    const exportStarted = Date.now();
    const exported = await fetch(
      `${BASE}/api/compliance/v1/exports/assessment-results?framework=SOC2`,
      { headers },
    );
    let exportBytes = 0;
    for await (const chunk of exported.body as unknown as AsyncIterable<Uint8Array>) {
      exportBytes += chunk.byteLength;
    }
    clearInterval(sampler);
    const oscalExport = {
      status: exported.status,
      megabytes: Number((exportBytes / 1e6).toFixed(1)),
      seconds: Number(((Date.now() - exportStarted) / 1000).toFixed(1)),
      backendRssMbBefore: rssBefore,
      backendRssMbPeak: rssPeak,
      backendRssGrowthMb: rssPeak - rssBefore,
    };

    const shape = await (
      await fetch(calls.matrixSoc2BySystem, { headers })
    ).json();
    const latency = latencyAgainst(samples, 'catalogByName');
    const matrixCalls = ['matrixSoc2BySystem', 'matrixIsoByOwner', 'matrixRow'];
    const misses = [
      ...(latency.entityCard.ratioToCatalogP95 > 2 ? ['entityCard'] : []),
      ...matrixCalls.filter(name => latency[name].p95 >= 300),
      ...(oscalExport.status !== 200 || oscalExport.backendRssGrowthMb >= 300
        ? ['oscalExport']
        : []),
    ];
    const report = {
      benchmark: 'compliance-api',
      database: 'postgresql',
      entities: ENTITIES,
      controlsInScopeOfEach: controls.length,
      evidence: stored,
      matrix: {
        rows: shape.groups.length,
        columns: shape.controls.length,
        entities: shape.totals.entities,
        firstQuestionMs: Number(firstMatrixMs.toFixed(1)),
      },
      latency,
      oscalExport,
      backendPeakRssMb: {
        afterStart: startedRssMb,
        atEnd: peakRssMb(backend.pid),
      },
      targets: {
        entityCard: 'p95 ≤ 2 × catalog by-name p95',
        matrix: 'p95 < 300 ms',
        oscalExport: 'the backend grows by less than 300 MB while streaming it',
      },
      passed: misses.length === 0 && stored === EVIDENCE,
      misses,
    };
    printBenchReport(report);
  } catch (error) {
    log(`the backend's log ends with:\n${backend.log()}`);
    throw error;
  } finally {
    await tearDownBench(backend, TARGET, dir);
  }
}

runBench(main);
