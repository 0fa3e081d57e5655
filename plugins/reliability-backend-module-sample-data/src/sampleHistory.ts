/*
 * The sample reliability history of the sample platform (services/*): what
 * CI, the restore-drill pipeline and the backup-verify job would have
 * published over the last weeks.
 *
 * Every record is a pure function of its item and its UTC day (and of the
 * history's origin, the day this database's sample history began), so the
 * same day always gives the same record under the same idempotency key:
 * seeding again adds only the days that have passed since. Events are placed
 * relative to the origin (the p95 regression of ledger and its fix, the
 * drill that missed its RTO, the service that stopped drilling); what must
 * look current is placed relative to today (the nightly runs of the last 60
 * days, the stale WAL archive checks).
 */
import {
  SAMPLE_KEY_PREFIX,
  SAMPLE_RELEASE_SUFFIX,
} from '@readiness/plugin-reliability-common';
import {
  addDays,
  around,
  atTime,
  dayOf,
  daysBetween,
  daysFrom,
  isoWeekOf,
  mondayOf,
  sampleRandom,
  weekdayOf,
  wholeBetween,
} from '@readiness/sample-data';
import { k6HandleSummary, RunFigures } from './k6Summary';

/** Where the sample runs ran. */
export const SAMPLE_ENVIRONMENT = 'staging';

/** Nightly runs of a history, the last one today's. */
export const HISTORY_DAYS = 60;

/** Days from the origin to the Monday week of the first regression. */
const REGRESSION_AFTER_DAYS = 42;
/** Days between regressions of a long-kept history. */
const REGRESSION_EVERY_DAYS = 56;
/** The regressed release runs Monday to Wednesday; the fix ships Thursday. */
const FIX_AFTER_DAYS = 3;

/** Days between a service's drills (the portal's default cadence is 30). */
const DRILL_EVERY_DAYS = 28;
/** How far before the origin drills go back. */
const DRILL_HISTORY_DAYS = 120;
/** Backup verifications kept, the last one today's. */
const BACKUP_DAYS = 30;
/** The stale kind's last verification is this many days old. */
const STALE_AFTER_DAYS = 3;

/** Said in every sample record that has room for a note. */
export const SAMPLE_NOTE =
  'Sample data for a first start of the portal (readinessPortal.sampleData.enabled; docs/operations/sample-data.md).';

/** Who pins sample baselines. */
export const SAMPLE_ACTOR = 'sample data';

/** A service of the sample platform with nightly perf runs. */
export type SampleService = {
  entityRef: string;
  /** The k6 script (scripts/perf/k6) and so the run's scenario. */
  scenario: string;
  /** Figures of a normal night. */
  normal: Omit<RunFigures, 'checks'>;
  checks: string[];
  /** Minutes after 01:00 UTC the nightly run starts. */
  startMinute: number;
  /** Whether a release of this service regresses and is fixed days later. */
  regresses?: boolean;
  /** Which run's results are the pinned baseline. */
  pin?: 'before-regression' | 'six-weeks-ago';
};

const MINUTES = 60_000;

/** The sample services with nightly runs, their scenarios and normal figures. */
export const SAMPLE_SERVICES: SampleService[] = [
  {
    entityRef: 'component:default/ledger',
    scenario: 'ledger-post',
    normal: {
      p95: 182,
      errorRate: 0.0015,
      requests: 24_000,
      requestsPerIteration: 2,
      durationMs: 10 * MINUTES,
      vus: 20,
      limits: { p95: 300, p99: 800 },
    },
    checks: ['entry posted (201)', 'balance matches the entry'],
    startMinute: 30,
    regresses: true,
    pin: 'before-regression',
  },
  {
    entityRef: 'component:default/api-gateway',
    scenario: 'login',
    normal: {
      p95: 96,
      errorRate: 0.0008,
      requests: 72_000,
      requestsPerIteration: 3,
      durationMs: 10 * MINUTES,
      vus: 50,
      limits: { p95: 250, p99: 600 },
    },
    checks: ['token issued', 'session readable'],
    startMinute: 42,
  },
  {
    entityRef: 'component:default/documents',
    scenario: 'document-to-filing',
    normal: {
      p95: 420,
      errorRate: 0.002,
      requests: 7_200,
      requestsPerIteration: 6,
      durationMs: 10 * MINUTES,
      vus: 20,
      limits: { p95: 800, p99: 1500 },
      queue: { name: 'ocr.jobs', depth: 140, drainP95: 4_200, maxDepth: 500 },
      endToEnd: { metric: 'document_to_filing_ms', p95: 21_000, limit: 60_000 },
    },
    checks: ['document accepted', 'filed'],
    startMinute: 54,
    pin: 'six-weeks-ago',
  },
  {
    entityRef: 'component:default/webhooks',
    scenario: 'webhook-ingestion',
    normal: {
      p95: 64,
      errorRate: 0.001,
      requests: 120_000,
      requestsPerIteration: 1,
      durationMs: 10 * MINUTES,
      vus: 40,
      limits: { p95: 200, p99: 500 },
    },
    checks: ['delivery accepted (202)'],
    startMinute: 66,
  },
  {
    entityRef: 'component:default/billing',
    scenario: 'billing',
    normal: {
      p95: 240,
      errorRate: 0.0012,
      requests: 15_000,
      requestsPerIteration: 3,
      durationMs: 10 * MINUTES,
      vus: 10,
      limits: { p95: 500, p99: 1500 },
    },
    checks: ['invoice created', 'subscription active'],
    startMinute: 78,
  },
];

/** A run as CI publishes it: `POST /v1/runs`. */
export type SampleRun = {
  run: {
    entityRef: string;
    scenario: string;
    environment: string;
    release: string;
    gitSha: string;
    startedAt: string;
    finishedAt: string;
    k6ExitCode: number;
    idempotencyKey: string;
  };
  results: Record<string, unknown>;
};

/** A baseline to pin: the run published with this key. */
export type SamplePin = { entityRef: string; idempotencyKey: string };

/** A release to keep a gate verdict for. */
export type SampleGate = {
  entityRef: string;
  release: string;
  environment: string;
};

/** A drill as the restore-drill pipeline pushes it: `POST /v1/drills`. */
export type SampleDrill = {
  idempotencyKey: string;
  drill: {
    entities: string[];
    scenario: string;
    disruptionType: 'zone' | 'region' | 'software' | 'data-corruption';
    started: string;
    serviceRestored: string;
    dataFreshnessAtRestore: string;
    result: 'passed' | 'failed' | 'partial';
    evidence: string[];
    notes: string;
  };
};

/** A verification as the backup-verify job pushes it: `POST /v1/backups`. */
export type SampleVerification = {
  idempotencyKey: string;
  entityRef: string;
  artifact: string;
  kind: 'base-backup' | 'wal-archive' | 'object-version';
  sizeBytes: number;
  takenAt: string;
  verifiedAt: string;
  checksumVerified: boolean;
  restoreTested: boolean;
  restoreSucceeded?: boolean;
  restoreSeconds?: number;
  evidence: string[];
  notes: string;
};

/** Everything the sample history publishes, in the order to publish it. */
export type SampleReliabilityHistory = {
  runs: SampleRun[];
  pins: SamplePin[];
  gates: SampleGate[];
  drills: SampleDrill[];
  verifications: SampleVerification[];
};

/** The origin of a history seeded first today. */
export function freshOrigin(today: string): string {
  return addDays(today, -(HISTORY_DAYS - 1));
}

/**
 * Where a day stands in the regression cycle: the Monday of the cycle's
 * regressed week and how many days after it the day is, or undefined before
 * the first regression.
 */
function regressionCycle(origin: string, day: string) {
  const first = mondayOf(addDays(origin, REGRESSION_AFTER_DAYS));
  const since = daysBetween(first, day);
  if (since < 0) return undefined;
  const monday = addDays(
    first,
    Math.floor(since / REGRESSION_EVERY_DAYS) * REGRESSION_EVERY_DAYS,
  );
  return { monday, offset: daysBetween(monday, day) };
}

/** 40 hex digits, repeatable. */
function gitSha(random: () => number): string {
  return Array.from({ length: 40 }, () =>
    Math.floor(random() * 16).toString(16),
  ).join('');
}

function releaseOf(service: SampleService, origin: string, day: string) {
  const { year, week } = isoWeekOf(day);
  const cycle = regressionCycle(origin, day);
  const inRegressedWeek = !!service.regresses && !!cycle && cycle.offset < 7;
  const patch = inRegressedWeek && cycle!.offset >= FIX_AFTER_DAYS ? 1 : 0;
  const regressed = inRegressedWeek && cycle!.offset < FIX_AFTER_DAYS;
  return {
    release: `${year}.${String(week).padStart(
      2,
      '0',
    )}.${patch}${SAMPLE_RELEASE_SUFFIX}`,
    regressed,
  };
}

function runKey(service: SampleService, day: string) {
  return `${SAMPLE_KEY_PREFIX}run/${service.scenario}/${day}`;
}

function nightlyRun(
  service: SampleService,
  origin: string,
  day: string,
): SampleRun {
  const random = sampleRandom('run', service.entityRef, day);
  const { release, regressed } = releaseOf(service, origin, day);
  const normal = service.normal;
  const figures: RunFigures = {
    ...normal,
    // A regressed release: posting waits on a lock, p95 more than doubles
    p95: regressed
      ? around(random, normal.p95 * 2.3, 0.06)
      : around(random, normal.p95, 0.025),
    errorRate: regressed
      ? around(random, normal.errorRate * 2.6, 0.2)
      : around(random, normal.errorRate, 0.4),
    requests: Math.round(around(random, normal.requests, 0.02)),
    checks: service.checks,
  };
  const { summary, thresholdsPassed } = k6HandleSummary(figures, random);
  const startedAt = atTime(
    day,
    1,
    service.startMinute,
    wholeBetween(random, 0, 40),
  );
  return {
    run: {
      entityRef: service.entityRef,
      scenario: service.scenario,
      environment: SAMPLE_ENVIRONMENT,
      release,
      gitSha: gitSha(sampleRandom('release', service.entityRef, release)),
      startedAt,
      finishedAt: new Date(
        Date.parse(startedAt) +
          normal.durationMs +
          wholeBetween(random, 1, 4) * 1000,
      ).toISOString(),
      k6ExitCode: thresholdsPassed ? 0 : 99,
      idempotencyKey: runKey(service, day),
    },
    results: summary,
  };
}

function pinOf(
  service: SampleService,
  origin: string,
  today: string,
): SamplePin | undefined {
  let day: string | undefined;
  if (service.pin === 'six-weeks-ago') {
    day = addDays(today, -42);
  } else if (service.pin === 'before-regression') {
    const cycle = regressionCycle(origin, today);
    day = cycle ? addDays(cycle.monday, -1) : undefined;
  }
  return day
    ? { entityRef: service.entityRef, idempotencyKey: runKey(service, day) }
    : undefined;
}

type DrillPlan = {
  service: string;
  entities: string[];
  /** Days after the origin (modulo the cadence) the drills fall on. */
  phase: number;
  scenarios: Array<{
    scenario: string;
    disruptionType: SampleDrill['drill']['disruptionType'];
  }>;
  /** Minutes to restore and of data lost, on a normal drill. */
  rto: [number, number];
  rpo: [number, number];
  /** The one drill that missed its RTO: the first on or after origin + this. */
  missedAfterDays?: number;
  /** Drills stopped this many days after the origin: the service is overdue. */
  stoppedAfterDays?: number;
};

const DRILL_PLANS: DrillPlan[] = [
  {
    service: 'ledger',
    entities: ['component:default/ledger', 'resource:default/filing-db'],
    phase: 6,
    scenarios: [
      {
        scenario:
          'Loss of the availability zone that hosts the filing-db writer; the replica is promoted and ledger reconnects.',
        disruptionType: 'zone',
      },
      {
        scenario:
          'A bad migration corrupts journal entries; ledger is restored from the base backup and WAL to just before it.',
        disruptionType: 'data-corruption',
      },
    ],
    rto: [18, 36],
    rpo: [1, 6],
  },
  {
    service: 'documents',
    entities: [
      'component:default/documents',
      'resource:default/document-store',
    ],
    phase: 11,
    scenarios: [
      {
        scenario:
          'Region outage of the document store; uploads and reads fail over to the replica bucket in the second region.',
        disruptionType: 'region',
      },
      {
        scenario:
          'A faulty retention job deletes current document versions; they are restored from object versions.',
        disruptionType: 'data-corruption',
      },
    ],
    rto: [24, 48],
    rpo: [2, 10],
    missedAfterDays: 20,
  },
  {
    service: 'webhooks',
    entities: ['component:default/webhooks'],
    phase: 17,
    scenarios: [
      {
        scenario:
          'A release that drops deliveries is rolled back and the undelivered webhooks are replayed from the outbox.',
        disruptionType: 'software',
      },
    ],
    rto: [9, 22],
    rpo: [0, 2],
  },
  {
    service: 'api-gateway',
    entities: ['component:default/api-gateway'],
    phase: 2,
    scenarios: [
      {
        scenario:
          'A gateway configuration push with a broken route table is rolled back to the previous version.',
        disruptionType: 'software',
      },
    ],
    rto: [6, 15],
    rpo: [0, 1],
  },
  {
    service: 'billing',
    entities: ['component:default/billing'],
    phase: 21,
    scenarios: [
      {
        scenario:
          'The billing database is lost in one zone; the standby is promoted and pending invoices are reconciled.',
        disruptionType: 'zone',
      },
    ],
    rto: [25, 45],
    rpo: [2, 8],
    stoppedAfterDays: 5,
  },
];

function drillsOf(plan: DrillPlan, origin: string, now: Date): SampleDrill[] {
  const today = dayOf(now);
  const first = addDays(origin, -DRILL_HISTORY_DAYS);
  const last =
    plan.stoppedAfterDays === undefined
      ? today
      : addDays(origin, plan.stoppedAfterDays);
  const days = daysFrom(first, last).filter(
    day =>
      (((daysBetween(origin, day) - plan.phase) % DRILL_EVERY_DAYS) +
        DRILL_EVERY_DAYS) %
        DRILL_EVERY_DAYS ===
      0,
  );
  const missedDay =
    plan.missedAfterDays === undefined
      ? undefined
      : days.find(day => daysBetween(origin, day) >= plan.missedAfterDays!);
  const drills: SampleDrill[] = [];
  days.forEach((day, index) => {
    const random = sampleRandom('drill', plan.service, day);
    const { scenario, disruptionType } =
      plan.scenarios[index % plan.scenarios.length];
    const missed = day === missedDay;
    const rto = missed
      ? wholeBetween(random, 92, 104)
      : wholeBetween(random, ...plan.rto);
    const rpo = wholeBetween(random, ...plan.rpo);
    const started = atTime(day, 9, wholeBetween(random, 0, 45));
    const serviceRestored = new Date(
      Date.parse(started) + rto * MINUTES,
    ).toISOString();
    if (Date.parse(serviceRestored) > now.getTime()) return;
    drills.push({
      idempotencyKey: `${SAMPLE_KEY_PREFIX}drill/${plan.service}/${day}`,
      drill: {
        entities: plan.entities,
        scenario,
        disruptionType,
        started,
        serviceRestored,
        dataFreshnessAtRestore: new Date(
          Date.parse(started) - rpo * MINUTES,
        ).toISOString(),
        result: missed ? 'partial' : 'passed',
        evidence: [
          `https://ci.example.com/restore-drill/${plan.service}/${day}`,
          `https://tickets.example.com/browse/DR-${wholeBetween(
            random,
            100,
            999,
          )}`,
        ],
        notes: missed
          ? `Data was back within the RPO target, but promoting the replica needed a manual DNS change: service was restored after ${rto} minutes. ${SAMPLE_NOTE}`
          : SAMPLE_NOTE,
      },
    });
  });
  return drills;
}

type BackupPlan = {
  entityRef: string;
  kind: SampleVerification['kind'];
  /** When the backup is taken and verified, as [hour, minute] UTC. */
  taken: [number, number];
  verifiedAfterMinutes: number;
  artifact: (day: string) => string;
  /** Size on 2026-01-01 and growth per day, bytes. */
  size: [number, number];
  /** Test restores on Sundays, seconds. */
  restore?: [number, number];
  /** Verifications stopped days ago: the kind is stale. */
  stale?: boolean;
};

const GB = 1024 ** 3;

const BACKUP_PLANS: BackupPlan[] = [
  {
    entityRef: 'component:default/ledger',
    kind: 'base-backup',
    taken: [1, 0],
    verifiedAfterMinutes: 34,
    artifact: day =>
      `s3://filing-platform-backups/ledger/base/${day}T01-00Z.tar.zst`,
    size: [36 * GB, 0.06 * GB],
    restore: [1_250, 1_700],
  },
  {
    entityRef: 'component:default/ledger',
    kind: 'wal-archive',
    taken: [0, 5],
    verifiedAfterMinutes: 18,
    artifact: day =>
      `s3://filing-platform-backups/ledger/wal/${addDays(day, -1)}/`,
    size: [2.2 * GB, 0.004 * GB],
    stale: true,
  },
  {
    entityRef: 'component:default/documents',
    kind: 'base-backup',
    taken: [1, 15],
    verifiedAfterMinutes: 22,
    artifact: day =>
      `s3://filing-platform-backups/documents/base/${day}T01-15Z.tar.zst`,
    size: [8 * GB, 0.02 * GB],
    restore: [420, 610],
  },
  {
    entityRef: 'component:default/documents',
    kind: 'object-version',
    taken: [2, 0],
    verifiedAfterMinutes: 41,
    artifact: day => `s3://document-store/versions/manifest-${day}.json`,
    size: [1_900 * GB, 2.5 * GB],
  },
];

function verificationsOf(plan: BackupPlan, now: Date): SampleVerification[] {
  const today = dayOf(now);
  const last = plan.stale ? addDays(today, -STALE_AFTER_DAYS) : today;
  const service = plan.entityRef.split('/')[1];
  const out: SampleVerification[] = [];
  for (const day of daysFrom(addDays(today, -(BACKUP_DAYS - 1)), last)) {
    const random = sampleRandom('backup', plan.entityRef, plan.kind, day);
    const takenAt = atTime(day, ...plan.taken);
    const verifiedAt = new Date(
      Date.parse(takenAt) +
        (plan.verifiedAfterMinutes + wholeBetween(random, 0, 6)) * MINUTES,
    ).toISOString();
    if (Date.parse(verifiedAt) > now.getTime()) continue;
    const restoreTested = !!plan.restore && weekdayOf(day) === 6;
    const grown = plan.size[0] + daysBetween('2026-01-01', day) * plan.size[1];
    out.push({
      idempotencyKey: `${SAMPLE_KEY_PREFIX}backup/${service}/${plan.kind}/${day}`,
      entityRef: plan.entityRef,
      artifact: plan.artifact(day),
      kind: plan.kind,
      sizeBytes: Math.round(around(random, grown, 0.01)),
      takenAt,
      verifiedAt,
      checksumVerified: true,
      restoreTested,
      ...(restoreTested && {
        restoreSucceeded: true,
        restoreSeconds: wholeBetween(random, ...plan.restore!),
      }),
      evidence: [
        `https://ci.example.com/backup-verify/${service}/${plan.kind}/${day}`,
      ],
      notes: SAMPLE_NOTE,
    });
  }
  return out;
}

/**
 * The sample history of a database whose sample history began on `origin`,
 * as of `now`: only what would have happened by now.
 */
export function sampleReliabilityHistory(options: {
  origin: string;
  now: Date;
  services?: SampleService[];
}): SampleReliabilityHistory {
  const { origin, now } = options;
  const services = options.services ?? SAMPLE_SERVICES;
  const today = dayOf(now);
  const days = daysFrom(addDays(today, -(HISTORY_DAYS - 1)), today);
  const runs: SampleRun[] = [];
  const gates: SampleGate[] = [];
  for (const service of services) {
    const releases = new Set<string>();
    for (const day of days) {
      const run = nightlyRun(service, origin, day);
      if (Date.parse(run.run.finishedAt) > now.getTime()) continue;
      runs.push(run);
      releases.add(run.run.release);
    }
    for (const release of releases) {
      gates.push({
        entityRef: service.entityRef,
        release,
        environment: SAMPLE_ENVIRONMENT,
      });
    }
  }
  runs.sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt));
  const published = new Set(runs.map(r => r.run.idempotencyKey));
  const pins = services
    .map(service => pinOf(service, origin, today))
    .filter(
      (pin): pin is SamplePin => !!pin && published.has(pin.idempotencyKey),
    );
  return {
    runs,
    pins,
    gates,
    drills: DRILL_PLANS.flatMap(plan => drillsOf(plan, origin, now)).sort(
      (a, b) => a.drill.started.localeCompare(b.drill.started),
    ),
    verifications: BACKUP_PLANS.flatMap(plan =>
      verificationsOf(plan, now),
    ).sort((a, b) => a.takenAt.localeCompare(b.takenAt)),
  };
}

/** Every catalog entity the history names. */
export function sampleEntityRefs(history: SampleReliabilityHistory): string[] {
  return [
    ...new Set([
      ...history.runs.map(r => r.run.entityRef),
      ...history.drills.flatMap(d => d.drill.entities),
      ...history.verifications.map(v => v.entityRef),
    ]),
  ].sort();
}
