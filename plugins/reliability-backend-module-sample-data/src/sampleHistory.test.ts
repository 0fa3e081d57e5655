import {
  drillCadence,
  isSampleKey,
  isSampleRelease,
  judgeDrill,
  readK6Summary,
  thresholdOutcome,
  validateBackupVerification,
  validateDrillPublication,
  validatePerfRunMetadata,
} from '@readiness/plugin-reliability-common';
import { addDays, dayOf } from '@readiness/sample-data';
import {
  freshOrigin,
  HISTORY_DAYS,
  SAMPLE_SERVICES,
  sampleReliabilityHistory,
} from './sampleHistory';

const NOW = new Date('2026-12-05T18:00:00Z');
const TODAY = dayOf(NOW);
const ORIGIN = freshOrigin(TODAY);

function p95Of(results: Record<string, unknown>): number {
  const metric = readK6Summary(results).metrics.find(
    m => m.key === 'http_req_duration',
  );
  return metric?.type === 'trend' ? metric.stats['p(95)'] : NaN;
}

describe('sampleReliabilityHistory', () => {
  const history = sampleReliabilityHistory({ origin: ORIGIN, now: NOW });

  it('has a nightly run of every sample service for the last 60 days', () => {
    for (const service of SAMPLE_SERVICES) {
      const runs = history.runs.filter(
        r => r.run.entityRef === service.entityRef,
      );
      expect(runs).toHaveLength(HISTORY_DAYS);
      expect(runs[0].run.startedAt.slice(0, 10)).toBe(ORIGIN);
      expect(runs.at(-1)!.run.startedAt.slice(0, 10)).toBe(TODAY);
    }
  });

  it('publishes what the services accept, marked as sample data', () => {
    for (const { run, results } of history.runs) {
      expect(validatePerfRunMetadata(run)).toEqual(run);
      const read = readK6Summary(results);
      expect(read.format).toBe('k6-handle-summary');
      expect(read.warnings).toEqual([]);
      // k6 exits with 99 exactly when a threshold failed
      expect(thresholdOutcome(read, run.k6ExitCode).passed).toBe(
        run.k6ExitCode === 0,
      );
      expect(isSampleKey(run.idempotencyKey)).toBe(true);
      expect(isSampleRelease(run.release)).toBe(true);
    }
    for (const drill of history.drills) {
      expect(isSampleKey(validateDrillPublication(drill).idempotencyKey)).toBe(
        true,
      );
    }
    for (const verification of history.verifications) {
      expect(validateBackupVerification(verification)).toEqual(verification);
      expect(isSampleKey(verification.idempotencyKey)).toBe(true);
    }
  });

  it('publishes nothing later than now', () => {
    const early = new Date(`${TODAY}T01:00:00Z`);
    const morning = sampleReliabilityHistory({ origin: ORIGIN, now: early });
    expect(
      morning.runs.every(r => r.run.finishedAt <= early.toISOString()),
    ).toBe(true);
    expect(morning.runs.some(r => r.run.startedAt.startsWith(TODAY))).toBe(
      false,
    );
    expect(
      morning.drills.every(d => d.drill.serviceRestored <= early.toISOString()),
    ).toBe(true);
    expect(
      morning.verifications.every(v => v.verifiedAt <= early.toISOString()),
    ).toBe(true);
  });

  it('shows one p95 regression of ledger and its fix a few days later', () => {
    const ledger = history.runs.filter(
      r => r.run.entityRef === 'component:default/ledger',
    );
    const failed = ledger.filter(r => r.run.k6ExitCode !== 0);
    expect(failed).toHaveLength(3);
    const regressed = new Set(failed.map(r => r.run.release));
    expect(regressed.size).toBe(1);
    const [release] = regressed;
    const fix = release.replace(/\.0\+sample$/, '.1+sample');
    const fixed = ledger.filter(r => r.run.release === fix);
    expect(fixed).toHaveLength(4);
    expect(fixed[0].run.k6ExitCode).toBe(0);
    const firstFixedDay = fixed[0].run.startedAt.slice(0, 10);
    const lastFailedDay = failed.at(-1)!.run.startedAt.slice(0, 10);
    expect(addDays(lastFailedDay, 1)).toBe(firstFixedDay);
    // Within the 50 runs the trend shows, and clearly slower than the rest
    expect(failed[0].run.startedAt.slice(0, 10) > addDays(TODAY, -49)).toBe(
      true,
    );
    const normal = ledger.filter(r => !regressed.has(r.run.release));
    const slowestNormal = Math.max(...normal.map(r => p95Of(r.results)));
    const fastestFailed = Math.min(...failed.map(r => p95Of(r.results)));
    expect(fastestFailed).toBeGreaterThan(slowestNormal * 1.5);
    // No other service fails its thresholds
    expect(history.runs.filter(r => r.run.k6ExitCode !== 0)).toHaveLength(3);
  });

  it('pins ledger before its regression and documents six weeks ago', () => {
    const byKey = new Map(history.runs.map(r => [r.run.idempotencyKey, r]));
    expect(history.pins.map(p => p.entityRef)).toEqual([
      'component:default/ledger',
      'component:default/documents',
    ]);
    const ledgerPin = byKey.get(history.pins[0].idempotencyKey)!;
    expect(ledgerPin.run.k6ExitCode).toBe(0);
    const firstFailed = history.runs.find(r => r.run.k6ExitCode !== 0)!;
    expect(addDays(ledgerPin.run.startedAt.slice(0, 10), 1)).toBe(
      firstFailed.run.startedAt.slice(0, 10),
    );
    expect(
      byKey.get(history.pins[1].idempotencyKey)!.run.startedAt.slice(0, 10),
    ).toBe(addDays(TODAY, -42));
  });

  it('asks the gate about every release of every service once', () => {
    const releases = new Set(
      history.runs.map(r => `${r.run.entityRef} ${r.run.release}`),
    );
    expect(
      history.gates.map(g => `${g.entityRef} ${g.release}`).sort(),
    ).toEqual([...releases].sort());
    // Weekly releases and ledger's patch
    const ledgerGates = history.gates.filter(
      g => g.entityRef === 'component:default/ledger',
    );
    expect(ledgerGates.length).toBeGreaterThanOrEqual(9);
    expect(ledgerGates.filter(g => g.release.includes('.1+'))).toHaveLength(1);
  });

  it('has one drill that missed its RTO and one service overdue', () => {
    const judged = history.drills.map(d => ({
      ...validateDrillPublication(d).drill,
    }));
    const missed = judged.filter(d => !judgeDrill(d).rtoMet);
    expect(missed).toHaveLength(1);
    expect(missed[0].entities).toContain('component:default/documents');
    expect(missed[0].result).toBe('partial');
    const overdue = [
      'component:default/ledger',
      'component:default/documents',
      'component:default/webhooks',
      'component:default/api-gateway',
      'component:default/billing',
    ].filter(
      ref =>
        drillCadence(
          judged.filter(d => d.entities.includes(ref)),
          NOW,
          30,
        ).overdue,
    );
    expect(overdue).toEqual(['component:default/billing']);
  });

  it('has one stale kind of backup: the WAL archive of ledger', () => {
    const newest = new Map<string, string>();
    for (const v of history.verifications) {
      const key = `${v.entityRef} ${v.kind}`;
      if ((newest.get(key) ?? '') < v.takenAt) newest.set(key, v.takenAt);
    }
    const stale = [...newest]
      .filter(
        ([, takenAt]) => NOW.getTime() - Date.parse(takenAt) > 26 * 3600_000,
      )
      .map(([key]) => key);
    expect(stale).toEqual(['component:default/ledger wal-archive']);
    expect(newest.size).toBe(4);
  });

  it('gives a day the same records on every later day', () => {
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    const later = sampleReliabilityHistory({ origin: ORIGIN, now: tomorrow });
    const sharedWith = <T extends { idempotencyKey: string }>(
      before: T[],
      after: T[],
    ) => {
      const keys = new Set(before.map(item => item.idempotencyKey));
      const again = after.filter(item => keys.has(item.idempotencyKey));
      const earlier = new Map(before.map(item => [item.idempotencyKey, item]));
      return {
        again,
        earlier: again.map(item => earlier.get(item.idempotencyKey)),
      };
    };
    const keyed = (runs: typeof history.runs) =>
      runs.map(r => ({ idempotencyKey: r.run.idempotencyKey, ...r }));
    const runs = sharedWith(keyed(history.runs), keyed(later.runs));
    expect(runs.again).toHaveLength(
      SAMPLE_SERVICES.length * (HISTORY_DAYS - 1),
    );
    expect(runs.again).toEqual(runs.earlier);
    const drills = sharedWith(history.drills, later.drills);
    expect(drills.again.length).toBeGreaterThan(0);
    expect(drills.again).toEqual(drills.earlier);
    const verifications = sharedWith(
      history.verifications,
      later.verifications,
    );
    expect(verifications.again.length).toBeGreaterThan(0);
    expect(verifications.again).toEqual(verifications.earlier);
  });
});
