import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ComplianceEvidenceService, PortalEvidence } from './evidenceService';

/**
 * How a plugin files evidence from its own records: with its own service
 * credentials, and never failing the work that produced the record. A
 * filing the compliance backend does not take is a logged warning that
 * says what is missing and when it is filed again.
 *
 * @public
 */
export class PortalEvidenceReporter {
  constructor(
    private readonly deps: {
      evidence: ComplianceEvidenceService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  /**
   * Files one item; true when the compliance backend stored it or already
   * had it, false when the filing failed (and was logged).
   *
   * @param options.filedAgain - when the evidence is filed again, for the
   *   warning: `the record is pushed again`, `the next collection`.
   */
  async report(
    evidence: PortalEvidence,
    options: { filedAgain: string },
  ): Promise<boolean> {
    try {
      await this.deps.evidence.filePortalEvidence(evidence, {
        credentials: await this.deps.auth.getOwnServiceCredentials(),
      });
      return true;
    } catch (error) {
      this.deps.logger.warn(
        `Could not file ${evidence.kind} compliance evidence for ${
          evidence.entityRef
        } (key ${evidence.idempotencyKey}); it is missing until ${
          options.filedAgain
        }: ${(error as Error).message}`,
      );
      return false;
    }
  }
}
