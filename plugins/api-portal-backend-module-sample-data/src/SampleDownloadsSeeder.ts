import { LoggerService } from '@backstage/backend-plugin-api';
import { ApiPortalSampleDownloads } from '@readiness/plugin-api-portal-node';
import {
  SAMPLE_FAMILIES,
  sampleDownloadCounts,
  SampleFamily,
} from './sampleDownloads';

/**
 * Counts the sample downloads through the api-portal backend, which checks
 * them like real downloads (a count it refuses fails the pass) and keeps
 * them as sample data.
 */
export class SampleDownloadsSeeder {
  constructor(
    private readonly deps: {
      logger: LoggerService;
      families?: SampleFamily[];
      /** How long to wait for the API portal to collect the sample families. */
      collectionWaitMs?: number;
      now?: () => Date;
      sleep?: (ms: number) => Promise<void>;
    },
  ) {}

  /**
   * The collected versions, once every sample family has one or the wait is
   * over: on a first start the API portal collects shortly after start.
   */
  private async collectedVersions(downloads: ApiPortalSampleDownloads) {
    const families = (this.deps.families ?? SAMPLE_FAMILIES).map(f => f.family);
    const deadline = Date.now() + (this.deps.collectionWaitMs ?? 300_000);
    const sleep =
      this.deps.sleep ??
      ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
    for (;;) {
      const versions = await downloads.collectedVersions();
      const missing = families.filter(
        family => !versions.some(v => v.family === family),
      );
      if (missing.length === 0 || Date.now() >= deadline) {
        return { versions, missing };
      }
      await sleep(5_000);
    }
  }

  async seed(
    downloads: ApiPortalSampleDownloads,
  ): Promise<{ counts: number; added: number; missingFamilies: string[] }> {
    const { versions, missing } = await this.collectedVersions(downloads);
    const counts = sampleDownloadCounts({
      versions,
      now: (this.deps.now ?? (() => new Date()))(),
      families: this.deps.families,
    });
    const { added } = await downloads.addSampleDownloads(counts);
    this.deps.logger.info(
      `Sample data: ${added} new of ${counts.length} daily SDK download counts${
        missing.length > 0
          ? `; families not collected yet, skipped: ${missing.join(', ')}`
          : ''
      }`,
    );
    return { counts: counts.length, added, missingFamilies: missing };
  }
}
