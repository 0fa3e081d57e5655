/*
 * Fixtures and a render helper for the reliability plugin's tests. Runtime
 * code never imports this file.
 */
import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityBackups,
  EntityDrills,
  EntitySlos,
  EntityTrend,
  KeptGateVerdict,
  ReliabilityApi,
  RunComparison,
  RunRegression,
} from '@readiness/plugin-reliability-common';
import { reliabilityApiRef } from '../api';

export const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
};

export function forbidden(): Error {
  return Object.assign(new Error('forbidden'), { statusCode: 403 });
}

/** A promise that never settles: the component stays loading. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

export const emptySlos: EntitySlos = {
  entityRef: 'component:default/ledger',
  files: [],
  slos: [],
  problems: [],
};

export const ledgerSlos: EntitySlos = {
  entityRef: 'component:default/ledger',
  annotation: './slo.yaml',
  files: ['./slo.yaml'],
  problems: [
    {
      file: './slo.yaml',
      document: 3,
      path: '/spec/objectives/0/target',
      line: 61,
      message: 'expected a number between 0 and 1, got 99',
    },
  ],
  slos: [
    {
      name: 'ledger-posting-latency',
      displayName: 'Journal entry posting latency',
      service: 'ledger',
      timeWindow: { duration: '28d', isRolling: true },
      budgetingMethod: 'Occurrences',
      objectives: [
        { displayName: 'p95 under 300 ms', op: 'lt', value: 300, target: 0.95 },
        { displayName: 'p99 under 800 ms', op: 'lt', value: 800, target: 0.9 },
      ],
      alertPolicies: [],
      source: './slo.yaml#2',
      latest: {
        runId: 'r3',
        startedAt: '2026-11-27T10:00:00Z',
        objectives: [
          {
            slo: 'ledger-posting-latency',
            objective: 0,
            status: 'missed',
            actual: 412.5,
            expected: 'p(95) of http_req_duration < 300',
            reason: 'p(95) was 412.5',
          },
          {
            slo: 'ledger-posting-latency',
            objective: 1,
            status: 'met',
            actual: 640,
            expected: 'p(99) of http_req_duration < 800',
            reason: 'p(99) was 640',
          },
        ],
      },
      compliance: [
        {
          slo: 'ledger-posting-latency',
          objective: 0,
          target: 0.95,
          good: 9,
          total: 10,
          compliance: 0.9,
          errorBudgetRemaining: -1,
        },
        {
          slo: 'ledger-posting-latency',
          objective: 1,
          target: 0.9,
          good: 10,
          total: 10,
          compliance: 1,
          errorBudgetRemaining: 1,
        },
      ],
      runsInWindow: 10,
    },
  ],
};

export const emptyTrend: EntityTrend = {
  entityRef: 'component:default/ledger',
  series: [],
  points: [],
  objectives: [],
};

export const ledgerTrend: EntityTrend = {
  entityRef: 'component:default/ledger',
  scenario: 'ledger-post',
  environment: 'staging',
  series: [
    { scenario: 'ledger-post', environment: 'staging', runs: 3 },
    { scenario: 'ledger-read', environment: 'staging', runs: 1 },
  ],
  points: [
    {
      runId: 'r1',
      startedAt: '2026-11-25T10:00:00Z',
      release: '2026.11.2',
      thresholdsPassed: true,
      p95: 250,
      p99: 520,
      errorRate: 0.001,
      queues: { 'queue_depth{queue:ledger.postings}': 40 },
    },
    {
      runId: 'r2',
      startedAt: '2026-11-26T10:00:00Z',
      release: '2026.11.3',
      thresholdsPassed: true,
      p95: 262,
      p99: 540,
      errorRate: 0.002,
      queues: {
        'queue_depth{queue:ledger.postings}': 55,
        'queue_drain_ms{queue:ledger.postings}': 120,
      },
    },
    {
      runId: 'r3',
      startedAt: '2026-11-27T10:00:00Z',
      release: '2026.11.4',
      thresholdsPassed: false,
      p95: 412.5,
      p99: 640,
      errorRate: 0.012,
      queues: {},
    },
  ],
  baseline: {
    kind: 'median',
    runIds: ['r1', 'r2'],
    p95: 256,
    p99: 530,
    errorRate: 0.0015,
  },
  objectives: [
    {
      slo: 'ledger-posting-latency',
      objective: 'p95 under 300 ms',
      statistic: 'p95',
      value: 300,
    },
  ],
};

export const readTrend: EntityTrend = {
  ...ledgerTrend,
  scenario: 'ledger-read',
  points: [
    {
      runId: 'q1',
      startedAt: '2026-11-20T08:00:00Z',
      p95: 80,
      p99: 120,
      errorRate: 0,
      queues: {},
    },
  ],
  baseline: undefined,
  objectives: [],
};

export const comparison: RunComparison = {
  a: 'r2',
  b: 'r3',
  differences: [
    {
      metric: 'checks',
      statistic: 'rate',
      a: 0.99,
      b: 0.995,
      change: 0.005,
      relativeChange: 0.00505,
    },
    {
      metric: 'http_req_duration',
      statistic: 'p(95)',
      a: 262,
      b: 412.5,
      change: 150.5,
      relativeChange: 0.5744,
    },
    {
      metric: 'http_req_failed',
      statistic: 'rate',
      a: 0.002,
      b: 0.012,
      change: 0.01,
      relativeChange: 5,
    },
  ],
};

export const regression: RunRegression = {
  runId: 'r3',
  regressed: true,
  reason: 'worse than the baseline: http_req_duration p(95) 256.000 → 412.500',
  findings: [
    {
      metric: 'http_req_duration',
      statistic: 'p(95)',
      baseline: 256,
      actual: 412.5,
      change: 156.5,
      tolerance: '+10 %',
      regressed: true,
    },
    {
      metric: 'http_req_failed',
      statistic: 'rate',
      baseline: 0.0015,
      actual: 0.0016,
      change: 0.0001,
      tolerance: '+0.005',
      regressed: false,
    },
  ],
  baseline: { kind: 'median', runIds: ['r1', 'r2'] },
};

export function verdict(
  id: string,
  release: string,
  status: KeptGateVerdict['status'],
): KeptGateVerdict {
  return {
    id,
    entityRef: 'component:default/ledger',
    release,
    environment: 'staging',
    status,
    decidedAt: '2026-11-27T10:07:12Z',
    runIds: ['r3'],
    reasons: [
      {
        input: 'thresholds',
        subject: 'ledger-post',
        status: status === 'pass' ? 'pass' : 'fail',
        message: 'k6 exited with code 99: a threshold failed',
        runId: 'r3',
      },
      {
        input: 'slo',
        subject: 'ledger-posting-latency',
        status: 'unknown',
        message: 'no run of this release has data for it',
      },
    ],
  };
}

const DAY = 86_400_000;

/** The ledger's drill: zone failover, RTO 38 min, RPO 4 min. */
export function ledgerDrills(now = new Date()): EntityDrills {
  const started = new Date(now.getTime() - 10 * DAY);
  const at = (minutes: number) =>
    new Date(started.getTime() + minutes * 60_000).toISOString();
  return {
    entityRef: 'component:default/ledger',
    targets: {
      default: { rtoMinutes: 60, rpoMinutes: 15 },
      zone: { rtoMinutes: 60, rpoMinutes: 15 },
      region: { rtoMinutes: 240, rpoMinutes: 60 },
      software: { rtoMinutes: 60, rpoMinutes: 15 },
      'data-corruption': { rtoMinutes: 60, rpoMinutes: 15 },
    },
    drills: [
      {
        source: 'docs/drills/2026-10-14.md',
        entities: ['resource:default/filing-db', 'component:default/ledger'],
        scenario: 'Zone failure of the primary PostgreSQL',
        disruptionType: 'zone',
        started: started.toISOString(),
        serviceRestored: at(38),
        dataFreshnessAtRestore: at(-4),
        result: 'passed',
        evidence: ['https://grafana.example.com/d/postgres/filing-db'],
        achievedRtoMinutes: 38,
        achievedRpoMinutes: 4,
        rtoMet: true,
        rpoMet: true,
        targets: { rtoMinutes: 60, rpoMinutes: 15 },
      },
    ],
    cadence: {
      lastDrill: started.toISOString(),
      nextDue: new Date(started.getTime() + 30 * DAY).toISOString(),
      overdue: false,
      daysOverdue: 0,
    },
    problems: [],
  };
}

export const emptyDrills: EntityDrills = {
  entityRef: 'component:default/ledger',
  targets: ledgerDrills().targets,
  drills: [],
  cadence: { nextDue: '2026-11-27T00:00:00Z', overdue: false, daysOverdue: 0 },
  problems: [],
};

export const ledgerBackups: EntityBackups = {
  entityRef: 'component:default/ledger',
  maxAgeHours: 26,
  kinds: [
    {
      kind: 'base-backup',
      status: 'verified',
      latest: {
        id: 'b1',
        createdAt: '2026-11-27T03:00:00Z',
        idempotencyKey: 'k1',
        entityRef: 'component:default/ledger',
        artifact: 's3://backups/filing-db/base/2026-11-27',
        kind: 'base-backup',
        sizeBytes: 1610612736,
        takenAt: '2026-11-27T02:00:00Z',
        verifiedAt: '2026-11-27T03:00:00Z',
        checksumVerified: true,
        restoreTested: true,
        restoreSucceeded: true,
        restoreSeconds: 540,
        evidence: ['https://ci.example.com/jobs/1'],
      },
      lastRestoreTested: '2026-11-27T03:00:00Z',
    },
    {
      kind: 'wal-archive',
      status: 'failed',
      latest: {
        id: 'b2',
        createdAt: '2026-11-27T03:00:00Z',
        idempotencyKey: 'k2',
        entityRef: 'component:default/ledger',
        artifact: 's3://backups/filing-db/wal/000000010000000A',
        kind: 'wal-archive',
        sizeBytes: 16777216,
        takenAt: '2026-11-27T02:30:00Z',
        verifiedAt: '2026-11-27T03:00:00Z',
        checksumVerified: false,
        restoreTested: false,
      },
    },
    {
      kind: 'object-version',
      status: 'stale',
      latest: {
        id: 'b3',
        createdAt: '2026-11-20T03:00:00Z',
        idempotencyKey: 'k3',
        entityRef: 'component:default/ledger',
        artifact: 'documents/2026/11/20/scan.pdf?versionId=3',
        kind: 'object-version',
        sizeBytes: 512,
        takenAt: '2026-11-20T02:00:00Z',
        verifiedAt: '2026-11-20T03:00:00Z',
        checksumVerified: true,
        restoreTested: true,
        restoreSucceeded: false,
      },
    },
  ],
};

const emptyBackups: EntityBackups = {
  entityRef: 'component:default/ledger',
  maxAgeHours: 26,
  kinds: [],
};

/** A client whose every method answers as for an entity with nothing yet. */
export function mockApi(
  overrides: Partial<ReliabilityApi> = {},
): jest.Mocked<ReliabilityApi> {
  return {
    listRuns: jest.fn(async () => ({ items: [] })),
    getRun: jest.fn(async () => {
      throw new Error('not in this test');
    }),
    getRegression: jest.fn(async () => regression),
    compareRuns: jest.fn(async () => comparison),
    getEntitySlos: jest.fn(async () => emptySlos),
    getEntityTrend: jest.fn(async () => emptyTrend),
    getEntityDrills: jest.fn(async () => emptyDrills),
    getEntityBackups: jest.fn(async () => emptyBackups),
    listGateVerdicts: jest.fn(async () => ({ items: [] })),
    ...overrides,
  } as jest.Mocked<ReliabilityApi>;
}

/**
 * Renders an element on the page of an entity, with the client mocked. Not
 * async: tests wait with findBy queries, so the client's answers arrive inside
 * act().
 */
export function renderForEntity(
  element: ReactElement,
  api: ReliabilityApi,
  entity: Entity = ledger,
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [[reliabilityApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
