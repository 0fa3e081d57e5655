import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityBackups,
  EntityDrills,
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
  regression?: Pick<RunRegression, 'regressed' | 'findings'> | 'not-found';
};

async function notFound(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name: 'NotFoundError', message: 'no' } }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

/** Stands in for the reliability backend, answering per entity name. */
function stubReliability(
  records: Record<string, StubRecord>,
  calls: string[] = [],
): ReliabilityService {
  const of = async (name: string, call: string) => {
    calls.push(`${call} ${name}`);
    const record = records[name];
    if (!record) throw await notFound();
    return record;
  };
  const ref = (name: string) => `component:default/${name}`;
  return {
    async getEntitySlos(e) {
      const r = await of(e.name, 'slos');
      return {
        entityRef: ref(e.name),
        files: [],
        problems: [],
        slos: (r.slos ?? []) as unknown as EntitySlos['slos'],
      };
    },
    async getEntityDrills(e) {
      const r = await of(e.name, 'drills');
      return {
        entityRef: ref(e.name),
        targets: {} as EntityDrills['targets'],
        drills: (r.drills ?? []) as unknown as EntityDrills['drills'],
        cadence: {
          nextDue: NOW,
          overdue: r.overdue ?? false,
          daysOverdue: 0,
        },
        problems: r.drillProblems ?? [],
      };
    },
    async getEntityBackups(e) {
      const r = await of(e.name, 'backups');
      return {
        entityRef: ref(e.name),
        maxAgeHours: 26,
        kinds: (r.backups ?? []).map((b, i) => ({
          kind: i === 0 ? 'base-backup' : 'wal-archive',
          ...b,
        })) as unknown as EntityBackups['kinds'],
      };
    },
    async listGateVerdicts(e, query) {
      expect(query).toEqual({ limit: 1 });
      const r = await of(e.name, 'gates');
      return { items: r.verdict ? [r.verdict as KeptGateVerdict] : [] };
    },
    async listRuns(query) {
      expect(query.limit).toBe(1);
      const name = query.entityRef.split('/')[1];
      const r = await of(name, 'runs');
      return { items: r.run ? [r.run as unknown as PerfRunSummary] : [] };
    },
    async getRegression(runId) {
      calls.push(`regression ${runId}`);
      const r = Object.values(records).find(x => x.run?.id === runId)!;
      if (r.regression === 'not-found' || !r.regression) throw await notFound();
      return r.regression as RunRegression;
    },
    async getEntityTrend() {
      throw new Error('the provider reads no trend');
    },
  };
}

function provider(records: Record<string, StubRecord>, calls?: string[]) {
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
      bare: { run: { id: 'run-1', finishedAt: NOW }, regression: 'not-found' },
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

  it('asks only for components and resources, leaves out entities the backend does not find, and fails on any other failure', async () => {
    const calls: string[] = [];
    const p = provider({ ledger: {} }, calls);
    const facts = await p.computeFacts(
      batch([
        entity('Group', 'payments'),
        entity('API', 'ledger-api'),
        entity('Component', 'ledger'),
        entity('Resource', 'gone'),
      ]),
    );
    expect(facts.map(f => f.entityRef)).toEqual(['component:default/ledger']);
    expect(
      calls.some(c => c.endsWith('payments') || c.endsWith('ledger-api')),
    ).toBe(false);
    expect(calls.filter(c => c.endsWith(' gone')).length).toBeGreaterThan(0);

    const failing = new ReliabilityFactProvider({
      reliability: {
        ...stubReliability({ ledger: {} }),
        async getEntityBackups() {
          throw new Error('reliability backend answered 503');
        },
      },
      auth: mockServices.auth({ pluginId: 'scorecards' }),
    });
    await expect(
      failing.computeFacts(batch([entity('Component', 'ledger')])),
    ).rejects.toThrow('reliability backend answered 503');
  });

  it("reads with the module's own service credentials", async () => {
    const principals: unknown[] = [];
    const stub = stubReliability({ ledger: {} });
    const p = new ReliabilityFactProvider({
      reliability: {
        ...stub,
        async getEntitySlos(e, options) {
          principals.push(options.credentials.principal);
          return stub.getEntitySlos(e, options);
        },
      },
      auth: mockServices.auth({ pluginId: 'scorecards' }),
    });
    await p.computeFacts(batch([entity('Component', 'ledger')]));
    expect(principals).toEqual([
      mockCredentials.service('plugin:scorecards').principal,
    ]);
  });

  it('stops reading when the batch is given up', async () => {
    const controller = new AbortController();
    controller.abort();
    const calls: string[] = [];
    const p = provider({ ledger: {} }, calls);
    await expect(
      p.computeFacts(batch([entity('Component', 'ledger')], controller.signal)),
    ).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
