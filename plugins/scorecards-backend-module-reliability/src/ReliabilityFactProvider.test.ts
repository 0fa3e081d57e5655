import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityBackups,
  EntityDrills,
  EntityReliabilityRecord,
  EntitySlos,
  KeptGateVerdict,
  PerfRunSummary,
  RunRegression,
} from '@readiness/plugin-reliability-common';
import { ReliabilityService } from '@readiness/plugin-reliability-node';
import { RELIABILITY_FACTS } from '@readiness/plugin-scorecards-common';
import { ReliabilityFactProvider } from './ReliabilityFactProvider';

const NOW = '2026-12-06T04:00:00.000Z';

function entity(
  kind: string,
  name: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      ...(annotations && { annotations }),
    },
    spec: {},
  };
}

/** What the stub answers for one entity; absent parts answer empty. */
type StubRecord = {
  slos?: Array<{ compliance: Array<{ compliance?: number; target: number }> }>;
  drills?: Array<{ started: string; rtoMet: boolean; rpoMet: boolean }>;
  overdue?: boolean;
  drillProblems?: EntityDrills['problems'];
  backups?: Array<{
    status: 'verified' | 'failed' | 'stale';
    lastRestoreTested?: string;
  }>;
  verdict?: Pick<KeptGateVerdict, 'status' | 'decidedAt'>;
  run?: { id: string; finishedAt: string };
  regression?: Pick<RunRegression, 'regressed' | 'findings'>;
};

/** The record the reliability backend would answer for one stub entity. */
function toRecord(name: string, r: StubRecord): EntityReliabilityRecord {
  const entityRef = `component:default/${name}`;
  return {
    entityRef,
    slos: {
      entityRef,
      files: [],
      problems: [],
      slos: (r.slos ?? []) as unknown as EntitySlos['slos'],
    },
    drills: {
      entityRef,
      targets: {} as EntityDrills['targets'],
      drills: (r.drills ?? []) as unknown as EntityDrills['drills'],
      cadence: { nextDue: NOW, overdue: r.overdue ?? false, daysOverdue: 0 },
      problems: r.drillProblems ?? [],
    },
    backups: {
      entityRef,
      maxAgeHours: 26,
      kinds: (r.backups ?? []).map((b, i) => ({
        kind: i === 0 ? 'base-backup' : 'wal-archive',
        ...b,
      })) as unknown as EntityBackups['kinds'],
    },
    ...(r.verdict && { newestGateVerdict: r.verdict as KeptGateVerdict }),
    ...(r.run && { newestRun: r.run as unknown as PerfRunSummary }),
    ...(r.regression && {
      newestRunRegression: r.regression as RunRegression,
    }),
  };
}

/**
 * Stands in for the reliability backend: answers the entity records of the
 * component names it knows, leaving out the others, and records each call.
 */
function stubReliability(
  records: Record<string, StubRecord>,
  calls: Array<{ refs: readonly string[]; principal: unknown }> = [],
): ReliabilityService {
  const unused = async () => {
    throw new Error('the provider reads entity records only');
  };
  return {
    async getEntityRecords(entityRefs, options) {
      calls.push({
        refs: entityRefs,
        principal: options.credentials.principal,
      });
      return {
        items: entityRefs.flatMap(ref => {
          const name = ref.split('/')[1];
          const r = ref.startsWith('component:') ? records[name] : undefined;
          return r ? [toRecord(name, r)] : [];
        }),
      };
    },
    getEntitySlos: unused,
    getEntityDrills: unused,
    getEntityBackups: unused,
    listGateVerdicts: unused,
    listRuns: unused,
    getRegression: unused,
    getEntityTrend: unused,
  };
}

function provider(
  records: Record<string, StubRecord>,
  calls?: Array<{ refs: readonly string[]; principal: unknown }>,
) {
  return new ReliabilityFactProvider({
    reliability: stubReliability(records, calls),
    auth: mockServices.auth({ pluginId: 'scorecards' }),
  });
}

const batch = (entities: Entity[], signal = new AbortController().signal) => ({
  entities,
  now: NOW,
  signal,
});

describe('ReliabilityFactProvider', () => {
  it('declares the reliability facts of the catalogue', () => {
    const p = provider({});
    expect(p.id).toBe('reliability');
    expect(p.facts).toBe(RELIABILITY_FACTS);
  });

  it("computes every fact from a service's full record", async () => {
    const p = provider({
      ledger: {
        slos: [
          { compliance: [{ compliance: 0.999, target: 0.99 }] },
          { compliance: [{ compliance: 0.95, target: 0.95 }] },
        ],
        drills: [
          { started: '2026-11-20T10:00:00Z', rtoMet: true, rpoMet: false },
          { started: '2026-10-20T10:00:00Z', rtoMet: false, rpoMet: false },
        ],
        backups: [
          { status: 'verified', lastRestoreTested: '2026-12-01T03:00:00Z' },
          { status: 'verified', lastRestoreTested: '2026-12-05T03:00:00Z' },
        ],
        verdict: { status: 'pass', decidedAt: '2026-12-04T12:00:00Z' },
        run: { id: 'run-9', finishedAt: '2026-12-05T08:30:00Z' },
        regression: {
          regressed: true,
          findings: [
            {
              metric: 'http_req_duration',
              statistic: 'p(95)',
              regressed: true,
            },
            {
              metric: 'http_req_duration',
              statistic: 'p(99)',
              regressed: true,
            },
            { metric: 'http_req_failed', statistic: 'rate', regressed: false },
          ] as RunRegression['findings'],
        },
      },
    });
    const facts = await p.computeFacts(
      batch([
        entity('Component', 'ledger', {
          'readiness.dev/dr-targets': 'rto=30m,rpo=5m',
        }),
      ]),
    );
    expect(facts).toEqual([
      {
        entityRef: 'component:default/ledger',
        facts: {
          'reliability.slos-declared': 2,
          'reliability.slos-met': true,
          'reliability.gate-verdict': 'pass',
          'reliability.gate-decided-at': '2026-12-04T12:00:00Z',
          'reliability.perf-run-newest-at': '2026-12-05T08:30:00Z',
          'reliability.perf-regressions': 1,
          'reliability.dr-targets-declared': true,
          'reliability.drill-newest-at': '2026-11-20T10:00:00Z',
          'reliability.drill-within-cadence': true,
          'reliability.rto-met': true,
          'reliability.rpo-met': false,
          'reliability.backup-verified-at': '2026-12-05T03:00:00Z',
          'reliability.backup-verified-in-window': true,
        },
      },
    ]);
  });

  it('leaves out what the record cannot tell, and says false where its absence is the answer', async () => {
    const p = provider({
      bare: { run: { id: 'run-1', finishedAt: NOW } },
    });
    const [bare] = await p.computeFacts(batch([entity('Component', 'bare')]));
    expect(bare.facts).toEqual({
      'reliability.slos-declared': 0,
      'reliability.dr-targets-declared': false,
      'reliability.drill-within-cadence': false,
      'reliability.perf-run-newest-at': NOW,
    });
  });

  it('reads missed objectives, objectives without data, overdue drills, bad backups and unreadable targets', async () => {
    const p = provider({
      missed: {
        slos: [{ compliance: [{ compliance: 0.98, target: 0.99 }] }],
        drills: [
          { started: '2026-09-01T00:00:00Z', rtoMet: true, rpoMet: true },
        ],
        overdue: true,
        backups: [{ status: 'verified' }, { status: 'stale' }],
        verdict: { status: 'fail', decidedAt: NOW },
        drillProblems: [
          {
            source: 'annotation readiness.dev/dr-targets',
            field: 'default',
            message: 'cannot read "soon"',
            entities: ['component:default/missed'],
          },
        ],
      },
      nodata: {
        slos: [
          { compliance: [{ compliance: 1, target: 0.99 }] },
          { compliance: [{ target: 0.99 }] },
        ],
        run: { id: 'run-2', finishedAt: NOW },
        regression: { findings: [] },
      },
    });
    const facts = await p.computeFacts(
      batch([
        entity('Component', 'missed', { 'readiness.dev/dr-targets': 'soon' }),
        entity('Component', 'nodata'),
      ]),
    );
    expect(facts[0].facts).toMatchObject({
      'reliability.slos-met': false,
      'reliability.gate-verdict': 'fail',
      'reliability.drill-within-cadence': false,
      'reliability.dr-targets-declared': false,
      'reliability.backup-verified-in-window': false,
    });
    expect(facts[0].facts).not.toHaveProperty('reliability.backup-verified-at');
    // An objective without data leaves the SLOs unknown, and a run the
    // backend could not compare has no regression count
    expect(facts[1].facts).not.toHaveProperty('reliability.slos-met');
    expect(facts[1].facts).not.toHaveProperty('reliability.perf-regressions');
    expect(facts[1].facts['reliability.slos-declared']).toBe(2);
  });

  it('asks only about components and resources, in one call per hundred entities, and leaves out entities the backend does not find', async () => {
    const calls: Array<{ refs: readonly string[]; principal: unknown }> = [];
    const known = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`c${i}`, {}]),
    );
    const p = provider(known, calls);
    const facts = await p.computeFacts(
      batch([
        entity('Group', 'payments'),
        entity('API', 'ledger-api'),
        ...Array.from({ length: 150 }, (_, i) => entity('Component', `c${i}`)),
        entity('Resource', 'gone'),
      ]),
    );
    expect(facts).toHaveLength(150);
    expect(facts[0].entityRef).toBe('component:default/c0');
    expect(calls.map(c => c.refs.length)).toEqual([100, 51]);
    expect(calls.flatMap(c => c.refs)).not.toContain('api:default/ledger-api');
    expect(calls[1].refs.at(-1)).toBe('resource:default/gone');
    // With the module's own service credentials
    expect(new Set(calls.map(c => c.principal))).toEqual(
      new Set([mockCredentials.service('plugin:scorecards').principal]),
    );
  });

  it('asks nothing for a batch without components or resources', async () => {
    const calls: Array<{ refs: readonly string[]; principal: unknown }> = [];
    const p = provider({}, calls);
    await expect(
      p.computeFacts(batch([entity('Group', 'payments')])),
    ).resolves.toEqual([]);
    expect(calls).toEqual([]);
  });

  it('fails the batch when the reliability backend fails, so the facts kept stand', async () => {
    const failing = new ReliabilityFactProvider({
      reliability: {
        ...stubReliability({ ledger: {} }),
        async getEntityRecords() {
          throw new Error('reliability backend answered 503');
        },
      },
      auth: mockServices.auth({ pluginId: 'scorecards' }),
    });
    await expect(
      failing.computeFacts(batch([entity('Component', 'ledger')])),
    ).rejects.toThrow('reliability backend answered 503');
  });

  it('stops reading when the batch is given up', async () => {
    const controller = new AbortController();
    controller.abort();
    const calls: Array<{ refs: readonly string[]; principal: unknown }> = [];
    const p = provider({ ledger: {} }, calls);
    await expect(
      p.computeFacts(batch([entity('Component', 'ledger')], controller.signal)),
    ).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
