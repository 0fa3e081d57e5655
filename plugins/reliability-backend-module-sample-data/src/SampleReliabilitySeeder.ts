import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { isSampleKey } from '@readiness/plugin-reliability-common';
import { ReliabilityPublications } from '@readiness/plugin-reliability-node';
import {
  dayOf,
  missingSampleEntitiesNote,
  presentSampleEntities,
  SampleSeederDeps,
} from '@readiness/sample-data';
import {
  freshOrigin,
  SAMPLE_ACTOR,
  SAMPLE_ENVIRONMENT,
  SAMPLE_SERVICES,
  sampleEntityRefs,
  sampleReliabilityHistory,
  SampleReliabilityHistory,
  SampleService,
} from './sampleHistory';

/** How many records of each kind one pass published, and how many of them were new. */
export type SeedReport = Record<
  'runs' | 'pins' | 'gates' | 'drills' | 'verifications',
  { published: number; created: number }
> & {
  /** Sample entities missing from the catalog; their records were skipped. */
  missingEntities: string[];
};

/**
 * Publishes the sample reliability history through the reliability
 * backend's own services with this module's service credentials: every
 * record is validated, checked against the catalog and kept idempotently,
 * exactly like a pipeline's publication. A record the services refuse fails
 * the pass.
 */
export class SampleReliabilitySeeder {
  constructor(
    private readonly deps: SampleSeederDeps & { services?: SampleService[] },
  ) {}

  private get services() {
    return this.deps.services ?? SAMPLE_SERVICES;
  }

  /**
   * The first day of this database's sample history: the day of its oldest
   * sample run of the first sample service, or, for a database without one,
   * the first day of a fresh history.
   */
  private async originOf(
    publications: ReliabilityPublications,
    credentials: BackstageCredentials,
    today: string,
  ): Promise<string> {
    let origin = freshOrigin(today);
    const anchor = this.services[0];
    let cursor: string | undefined;
    do {
      const page = await publications.listRuns(
        {
          entityRef: anchor.entityRef,
          scenario: anchor.scenario,
          environment: SAMPLE_ENVIRONMENT,
        },
        { cursor, limit: 100 },
        { credentials },
      );
      for (const run of page.items) {
        const day = dayOf(new Date(run.startedAt));
        if (isSampleKey(run.idempotencyKey) && day < origin) origin = day;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return origin;
  }

  async seed(publications: ReliabilityPublications): Promise<SeedReport> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const now = (this.deps.now ?? (() => new Date()))();
    const today = dayOf(now);
    const origin = await this.originOf(publications, credentials, today);
    const planned = sampleReliabilityHistory({
      origin,
      now,
      services: this.services,
    });
    const present = await presentSampleEntities(
      this.deps.catalog,
      sampleEntityRefs(planned),
      credentials,
      { waitMs: this.deps.catalogWaitMs, sleep: this.deps.sleep },
    );
    const history = onlyPresent(planned, present);
    const report: SeedReport = {
      runs: { published: 0, created: 0 },
      pins: { published: 0, created: 0 },
      gates: { published: 0, created: 0 },
      drills: { published: 0, created: 0 },
      verifications: { published: 0, created: 0 },
      missingEntities: sampleEntityRefs(planned).filter(r => !present.has(r)),
    };
    const count = (kind: keyof typeof report, created: boolean) => {
      if (kind === 'missingEntities') return;
      report[kind].published += 1;
      if (created) report[kind].created += 1;
    };

    const createdRuns = new Map<string, string>();
    for (const { run, results } of history.runs) {
      const published = await publications.publishRun(
        { run, results },
        { credentials },
      );
      count('runs', published.created);
      if (published.created) {
        createdRuns.set(run.idempotencyKey, published.run.id);
      }
    }
    // A baseline is pinned when its run is published, as a person would pin
    // it after looking at the run; later passes leave the pin alone
    for (const pin of history.pins) {
      const runId = createdRuns.get(pin.idempotencyKey);
      if (!runId) continue;
      await publications.pinBaseline(runId, {
        credentials,
        actor: SAMPLE_ACTOR,
      });
      count('pins', true);
    }
    // The gate keeps a verdict each time it is asked; each release is asked once
    for (const gate of history.gates) {
      const kept = await publications.listGateVerdicts(
        gate.entityRef,
        { release: gate.release, limit: 1 },
        { credentials },
      );
      if (kept.items.length > 0) {
        count('gates', false);
        continue;
      }
      await publications.recordGateVerdict(
        gate.entityRef,
        { release: gate.release, environment: gate.environment },
        { credentials },
      );
      count('gates', true);
    }
    for (const drill of history.drills) {
      count(
        'drills',
        (await publications.publishDrill(drill, { credentials })).created,
      );
    }
    for (const verification of history.verifications) {
      count(
        'verifications',
        (await publications.publishVerification(verification, { credentials }))
          .created,
      );
    }
    this.deps.logger.info(
      `Sample data: ${describe(
        report,
      )} (history from ${origin} to ${today})${missingSampleEntitiesNote(
        report.missingEntities,
      )}`,
    );
    return report;
  }
}

function describe(report: SeedReport): string {
  return (['runs', 'pins', 'gates', 'drills', 'verifications'] as const)
    .map(
      kind =>
        `${report[kind].created} new of ${report[kind].published} ${
          kind === 'pins' ? 'pinned baselines' : kind
        }`,
    )
    .join(', ');
}

/** The history without the records of entities missing from the catalog. */
function onlyPresent(
  history: SampleReliabilityHistory,
  present: Set<string>,
): SampleReliabilityHistory {
  return {
    runs: history.runs.filter(r => present.has(r.run.entityRef)),
    pins: history.pins.filter(p => present.has(p.entityRef)),
    gates: history.gates.filter(g => present.has(g.entityRef)),
    drills: history.drills.filter(d =>
      d.drill.entities.every(ref => present.has(ref)),
    ),
    verifications: history.verifications.filter(v => present.has(v.entityRef)),
  };
}
