import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ComplianceEvidenceFilings } from '@readiness/plugin-compliance-node';
import {
  dayOf,
  missingSampleEntitiesNote,
  presentSampleEntities,
  SampleSeederDeps,
} from '@readiness/sample-data';
import {
  ANCHOR,
  EVIDENCE_PLANS,
  EvidencePlan,
  originOfAnchorKey,
  sampleComplianceHistory,
  sampleEntityRefs,
} from './sampleHistory';

/** How many items and withdrawals one pass filed, and how many of them were new. */
export type SeedReport = Record<
  'items' | 'withdrawals',
  { filed: number; created: number }
> & {
  /** Sample entities missing from the catalog; their items were skipped. */
  missingEntities: string[];
};

/**
 * Files the sample compliance history through the compliance backend's own
 * services with this module's service credentials: every item is
 * validated, checked against the catalog and kept idempotently, exactly
 * like a pipeline's filing. An item the services refuse fails the pass.
 */
export class SampleComplianceSeeder {
  constructor(
    private readonly deps: SampleSeederDeps & { plans?: EvidencePlan[] },
  ) {}

  private get plans() {
    return this.deps.plans ?? EVIDENCE_PLANS;
  }

  /**
   * The first day of this database's sample history, dated by its anchor
   * item (the oldest sample policy acknowledgement of the system), or
   * today for a database without one.
   */
  private async originOf(
    filings: ComplianceEvidenceFilings,
    credentials: BackstageCredentials,
    present: Set<string>,
    today: string,
  ): Promise<string> {
    let origin = today;
    if (!present.has(ANCHOR.entityRef)) return origin;
    let cursor: string | undefined;
    do {
      const page = await filings.listEvidence(
        ANCHOR.entityRef,
        { cursor, limit: 100 },
        { credentials },
      );
      for (const item of page.items) {
        const dated = originOfAnchorKey(item.idempotencyKey);
        if (dated && dated < origin) origin = dated;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return origin;
  }

  async seed(filings: ComplianceEvidenceFilings): Promise<SeedReport> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const now = (this.deps.now ?? (() => new Date()))();
    const today = dayOf(now);
    const refs = sampleEntityRefs(this.plans);
    const present = await presentSampleEntities(
      this.deps.catalog,
      refs,
      credentials,
      { waitMs: this.deps.catalogWaitMs, sleep: this.deps.sleep },
    );
    const origin = await this.originOf(filings, credentials, present, today);
    const history = sampleComplianceHistory({
      origin,
      now,
      plans: this.plans,
    }).filter(item => present.has(item.filing.entityRef));
    const report: SeedReport = {
      items: { filed: 0, created: 0 },
      withdrawals: { filed: 0, created: 0 },
      missingEntities: refs.filter(ref => !present.has(ref)),
    };

    for (const { filing, withdrawal } of history) {
      const filed = await filings.fileEvidence(filing, { credentials });
      report.items.filed += 1;
      if (filed.created) report.items.created += 1;
      if (!withdrawal || !filed.item) continue;
      // Withdrawing again answers the first withdrawal
      const withdrawn = await filings.withdrawEvidence(
        filed.item.id,
        withdrawal,
        { credentials },
      );
      report.withdrawals.filed += 1;
      if (withdrawn.created) report.withdrawals.created += 1;
    }
    this.deps.logger.info(
      `Sample data: ${report.items.created} new of ${
        report.items.filed
      } evidence items, ${report.withdrawals.created} new of ${
        report.withdrawals.filed
      } withdrawals (the history's origin ${origin}, today ${today})${missingSampleEntitiesNote(
        report.missingEntities,
      )}`,
    );
    return report;
  }
}
