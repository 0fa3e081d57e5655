import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ComplianceEvidenceService,
  PortalEvidence,
} from '@readiness/plugin-compliance-node';
import {
  BackupVerification,
  BackupVerificationInput,
  DrillRecord,
} from '@readiness/plugin-reliability-common';
import { DatabaseDrStore } from '../database/DatabaseDrStore';
import { DefaultBackupService } from './BackupService';
import { DefaultDrillService } from './DrillService';
import { EvidenceFiler } from './EvidenceFiler';

function entity(kind: string, name: string, targets?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      ...(targets && {
        annotations: { 'readiness.dev/dr-targets': targets },
      }),
    },
    spec: {},
  };
}

const ENTITIES: Record<string, Entity> = {
  'component:default/ledger': entity('Component', 'ledger'),
  // Tighter targets than the drill achieves
  'resource:default/filing-db': entity('Resource', 'filing-db', 'rto=30m'),
};

function drill(overrides: Record<string, unknown> = {}) {
  return {
    entities: ['component:default/ledger', 'resource:default/filing-db'],
    scenario: 'Primary database lost in one zone',
    disruptionType: 'zone',
    started: '2026-11-20T10:00:00Z',
    serviceRestored: '2026-11-20T10:42:00Z',
    dataFreshnessAtRestore: '2026-11-20T09:57:00Z',
    result: 'passed',
    evidence: ['s3://drills/81.log', 'https://ci.example/drills/81'],
    ...overrides,
  };
}

function verification(
  overrides: Partial<BackupVerificationInput> = {},
): BackupVerificationInput {
  return {
    idempotencyKey: 'verify-1',
    entityRef: 'resource:default/filing-db',
    artifact: 'base/20261120T0200',
    kind: 'base-backup',
    sizeBytes: 7_340_032_000,
    takenAt: '2026-11-20T02:00:00Z',
    verifiedAt: '2026-11-20T03:00:00Z',
    checksumVerified: true,
    restoreTested: true,
    restoreSucceeded: true,
    restoreSeconds: 840,
    ...overrides,
  };
}

/** A store that keeps records in memory, once per idempotency key. */
function memoryStore() {
  const drills = new Map<string, DrillRecord>();
  const verifications = new Map<string, BackupVerification>();
  return {
    async addDrill(key: string, record: DrillRecord) {
      const existing = drills.get(key);
      if (existing) return { drill: existing, created: false };
      drills.set(key, record);
      return { drill: record, created: true };
    },
    async addBackupVerification(input: BackupVerificationInput) {
      const existing = verifications.get(input.idempotencyKey);
      if (existing) return { verification: existing, created: false };
      const stored = {
        ...input,
        id: `00000000-0000-4000-8000-00000000000${verifications.size + 1}`,
        createdAt: '2026-11-20T03:00:01Z',
      };
      verifications.set(input.idempotencyKey, stored);
      return { verification: stored, created: true };
    },
  } as unknown as DatabaseDrStore;
}

function setup(filePortalEvidence?: jest.Mock) {
  const filed: PortalEvidence[] = [];
  const evidenceService: ComplianceEvidenceService = {
    filePortalEvidence:
      filePortalEvidence ??
      jest.fn(async (evidence: PortalEvidence) => {
        filed.push(evidence);
        return { created: true };
      }),
  };
  const logger = mockServices.logger.mock();
  const evidence = new EvidenceFiler({
    evidence: evidenceService,
    auth: mockServices.auth(),
    logger,
  });
  const store = memoryStore();
  const catalog = {
    getEntityByRef: async (ref: string) => ENTITIES[ref as string],
  };
  const drills = new DefaultDrillService({
    catalog,
    store,
    urlReader: mockServices.urlReader.mock(),
    folders: [],
    defaults: {},
    everyDays: 30,
    evidence,
  });
  const backups = new DefaultBackupService({
    store,
    catalog,
    maxAgeHours: 26,
    evidence,
  });
  const credentials = { credentials: {} as any };
  return { filed, logger, drills, backups, credentials, evidenceService };
}

describe('compliance evidence from reliability records', () => {
  it('files a drill for each entity whose targets it met, with a key from the drill', async () => {
    const { filed, drills, credentials, evidenceService } = setup();
    await drills.publishDrill(
      { idempotencyKey: 'drill-81', drill: drill() },
      credentials,
    );
    expect(filed).toEqual([
      {
        kind: 'drill-within-targets',
        entityRef: 'component:default/ledger',
        title:
          'DR drill "Primary database lost in one zone" restored service within its targets',
        description:
          'zone drill started 2026-11-20T10:00:00.000Z: RTO 42 min (target 60), RPO 3 min (target 15).',
        link: 'https://ci.example/drills/81',
        collectedAt: '2026-11-20T10:42:00.000Z',
        idempotencyKey: expect.stringMatching(/^drill\.[0-9a-f]{40}$/),
      },
    ]);
    // The plugin files with its own credentials, not the pusher's
    const [, options] = (evidenceService.filePortalEvidence as jest.Mock).mock
      .calls[0];
    expect(options.credentials.principal).toMatchObject({ type: 'service' });

    // Pushed twice: filed again under the same key, which stores one item
    await drills.publishDrill(
      { idempotencyKey: 'drill-81', drill: drill() },
      credentials,
    );
    expect(filed).toHaveLength(2);
    expect(filed[1].idempotencyKey).toBe(filed[0].idempotencyKey);
  });

  it('files nothing for a drill that failed or missed its targets', async () => {
    const { filed, drills, credentials } = setup();
    await drills.publishDrill(
      { idempotencyKey: 'drill-82', drill: drill({ result: 'failed' }) },
      credentials,
    );
    await drills.publishDrill(
      {
        idempotencyKey: 'drill-83',
        drill: drill({ serviceRestored: '2026-11-20T12:00:00Z' }),
      },
      credentials,
    );
    expect(filed).toEqual([]);
  });

  it('files a backup verification whose test restore succeeded, keyed by its id', async () => {
    const { filed, backups, credentials } = setup();
    const stored = await backups.publishVerification(
      verification({ evidence: ['https://ci.example/backups/1'] }),
      credentials,
    );
    expect(filed).toEqual([
      {
        kind: 'backup-restore-tested',
        entityRef: 'resource:default/filing-db',
        title: 'Test restore of base-backup backup succeeded',
        description:
          'base/20261120T0200, taken 2026-11-20T02:00:00.000Z, restored in a test in 840 s.',
        link: 'https://ci.example/backups/1',
        collectedAt: stored.verification.verifiedAt,
        idempotencyKey: `backup.${stored.verification.id}`,
      },
    ]);
    await backups.publishVerification(
      {
        ...verification({ idempotencyKey: 'verify-2', restoreTested: false }),
        restoreSucceeded: undefined,
        restoreSeconds: undefined,
      },
      credentials,
    );
    await backups.publishVerification(
      verification({ idempotencyKey: 'verify-3', restoreSucceeded: false }),
      credentials,
    );
    expect(filed).toHaveLength(1);
  });

  it('never fails the reliability write when filing fails, and logs a warning', async () => {
    const failing = jest.fn(async () => {
      throw new Error('The compliance backend answered 503');
    });
    const { drills, backups, logger, credentials } = setup(failing);
    const pushed = await drills.publishDrill(
      { idempotencyKey: 'drill-84', drill: drill() },
      credentials,
    );
    expect(pushed.created).toBe(true);
    const verified = await backups.publishVerification(
      verification(),
      credentials,
    );
    expect(verified.created).toBe(true);
    expect(failing).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not file drill-within-targets compliance evidence for component:default\/ledger .*answered 503$/,
      ),
    );
  });
});

describe('compliance evidence from gate verdicts', () => {
  function verdict(status: 'pass' | 'fail' | 'unknown') {
    return {
      id: '5f0c2a4e-1b7d-4c59-9a51-2f4b8d3e6a10',
      decidedAt: '2026-11-27T21:06:00.000Z',
      entityRef: 'component:default/billing',
      release: '2026.11.3',
      environment: 'staging',
      status,
      reasons: [
        { kind: 'slo', status, message: 'p95 latency' },
        { kind: 'regression', status, message: 'no regression' },
      ],
      runIds: ['run-1'],
    } as any;
  }

  function gateFiler() {
    const filed: PortalEvidence[] = [];
    const filer = new EvidenceFiler({
      evidence: {
        filePortalEvidence: jest.fn(async (evidence: PortalEvidence) => {
          filed.push(evidence);
          return { created: true };
        }),
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    return { filed, filer };
  }

  it('files a passed verdict, keyed by the verdict', async () => {
    const { filed, filer } = gateFiler();
    await filer.gateRecorded(verdict('pass'));
    expect(filed).toEqual([
      {
        kind: 'gate-passed',
        entityRef: 'component:default/billing',
        title: 'Release 2026.11.3 passed its gate in staging',
        description:
          'The release gate judged 2 reasons on the SLOs and the newest 1 perf run of release 2026.11.3; all passed.',
        collectedAt: '2026-11-27T21:06:00.000Z',
        idempotencyKey: 'gate.5f0c2a4e-1b7d-4c59-9a51-2f4b8d3e6a10',
      },
    ]);
  });

  it('files nothing for a verdict that failed or could not decide', async () => {
    const { filed, filer: gates } = gateFiler();
    await gates.gateRecorded(verdict('fail'));
    await gates.gateRecorded(verdict('unknown'));
    expect(filed).toEqual([]);
  });
});
