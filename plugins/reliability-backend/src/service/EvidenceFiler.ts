import { createHash } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ComplianceEvidenceService,
  PortalEvidence,
  PortalEvidenceReporter,
} from '@readiness/plugin-compliance-node';
import {
  BackupVerification,
  DrillRecord,
  DrTargets,
  GateVerdict,
  judgeDrill,
} from '@readiness/plugin-reliability-common';

const HTTP_LINK = /^https?:\/\//i;

/**
 * Files compliance evidence from the reliability records as they are
 * stored: a drill that passed within its entity's RTO and RPO targets, a
 * backup verification whose test restore succeeded, and a release gate
 * verdict recorded as passed. The key of each
 * filing comes from the record, so a record stored again (a retried push)
 * files the same item once more, idempotently.
 *
 * Filing never fails the reliability write: a failure is logged as a
 * warning and the evidence is missing until the same record is pushed again
 * (a retry of the push files it); nothing else retries it.
 */
export class EvidenceFiler {
  private readonly reporter: PortalEvidenceReporter;

  constructor(deps: {
    evidence: ComplianceEvidenceService;
    auth: AuthService;
    logger: LoggerService;
  }) {
    this.reporter = new PortalEvidenceReporter(deps);
  }

  /**
   * A drill stored: evidence for each of its entities whose targets (for the
   * drill's disruption type) it met, if it passed.
   */
  async drillStored(
    drill: DrillRecord,
    targetsOf: (entityRef: string) => DrTargets | undefined,
  ): Promise<void> {
    if (drill.result !== 'passed') return;
    for (const entityRef of new Set(drill.entities)) {
      const targets = targetsOf(entityRef);
      if (!targets) continue;
      const judged = judgeDrill(drill, targets);
      if (!judged.rtoMet || !judged.rpoMet) continue;
      const link = drill.evidence.find(l => HTTP_LINK.test(l));
      await this.file({
        kind: 'drill-within-targets',
        entityRef,
        title:
          `DR drill "${drill.scenario}" restored service within its targets`.slice(
            0,
            200,
          ),
        description:
          `${drill.disruptionType} drill started ${drill.started}: ` +
          `RTO ${drill.achievedRtoMinutes} min (target ${targets.rtoMinutes}), ` +
          `RPO ${drill.achievedRpoMinutes} min (target ${targets.rpoMinutes}).`,
        ...(link && { link }),
        collectedAt: drill.serviceRestored,
        idempotencyKey: `drill.${keyOf(drill.source, entityRef)}`,
      });
    }
  }

  /** A backup verification stored: evidence if its test restore succeeded. */
  async verificationStored(verification: BackupVerification): Promise<void> {
    if (!verification.restoreTested || verification.restoreSucceeded !== true) {
      return;
    }
    const link = verification.evidence?.find(l => HTTP_LINK.test(l));
    await this.file({
      kind: 'backup-restore-tested',
      entityRef: verification.entityRef,
      title: `Test restore of ${verification.kind} backup succeeded`,
      description: `${verification.artifact.slice(0, 500)}, taken ${
        verification.takenAt
      }, restored in a test${
        verification.restoreSeconds !== undefined
          ? ` in ${verification.restoreSeconds} s`
          : ''
      }.`,
      ...(link && { link }),
      collectedAt: verification.verifiedAt,
      idempotencyKey: `backup.${verification.id}`,
    });
  }

  /**
   * A gate verdict recorded: evidence if the release passed. Each recorded
   * verdict is its own decision, so its key is the verdict's id (recording
   * the same release again files a second item, as it keeps a second
   * verdict).
   */
  async gateRecorded(
    verdict: GateVerdict & { id: string; decidedAt: string },
  ): Promise<void> {
    if (verdict.status !== 'pass') return;
    const runs = verdict.runIds.length;
    await this.file({
      kind: 'gate-passed',
      entityRef: verdict.entityRef,
      title:
        `Release ${verdict.release} passed its gate in ${verdict.environment}`.slice(
          0,
          200,
        ),
      description: `The release gate judged ${verdict.reasons.length} ${
        verdict.reasons.length === 1 ? 'reason' : 'reasons'
      } on the SLOs and the newest ${runs} perf ${
        runs === 1 ? 'run' : 'runs'
      } of release ${verdict.release.slice(0, 255)}; all passed.`,
      collectedAt: verdict.decidedAt,
      idempotencyKey: `gate.${verdict.id}`,
    });
  }

  private async file(evidence: PortalEvidence): Promise<void> {
    await this.reporter.report(evidence, {
      filedAgain: 'the record is pushed again',
    });
  }
}

/** A key of a drill (its source, `push:<key>` or a file) and one entity. */
function keyOf(source: string, entityRef: string): string {
  return createHash('sha256')
    .update(`${source}\n${entityRef}`)
    .digest('hex')
    .slice(0, 40);
}
