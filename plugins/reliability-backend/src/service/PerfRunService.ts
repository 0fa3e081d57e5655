import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Readable } from 'node:stream';
import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import { EntityReader } from './EntityLookup';
import { RecordChanges } from './RecordChanges';
import {
  Page,
  PerfRun,
  PerfRunSummary,
  compareRuns,
  PerfResults,
  PerfRunMetadata,
  RegressionTolerances,
  RunDifference,
  readK6Summary,
  validatePerfRunMetadata,
} from '@readiness/plugin-reliability-common';
import { summarizeK6JsonStream } from '@readiness/plugin-reliability-node';
import {
  DatabasePerfRunStore,
  PerfRunFilter,
} from '../database/DatabasePerfRunStore';
import { regressionOf, RunRegression } from './regressionOf';

/** A body over the configured size; answered with 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
}

/** Passes a body through, failing once it grows past `maxBytes`. */
async function* limited(
  source: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      throw new PayloadTooLargeError(
        `request body: larger than ${maxBytes} bytes (reliability.ingestion.maxStreamBytes)`,
      );
    }
    yield chunk;
  }
}

/** The result of publishing a run. */
export type PublishedRun = {
  run: PerfRunSummary;
  created: boolean;
  warnings: string[];
};

/** The answer for a run that does not exist, or that the caller may not see. */
export function noRunMessage(id: string): string {
  return `No perf run ${id}`;
}

/** What the HTTP API asks of the reliability backend about perf runs. */
export interface PerfRunService {
  /**
   * Throws unless the caller may publish runs; asked before the body of a
   * publication is read.
   */
  authorizePublish(options: {
    credentials: BackstageCredentials;
  }): Promise<void>;
  publishRun(
    request: { run: unknown; results: unknown },
    options: { credentials: BackstageCredentials },
  ): Promise<PublishedRun>;
  publishRunStream(
    run: unknown,
    body: AsyncIterable<Buffer>,
    options: { credentials: BackstageCredentials; declaredBytes?: number },
  ): Promise<PublishedRun>;
  listRuns(
    filter: PerfRunFilter,
    page: { cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ): Promise<Page<PerfRunSummary>>;
  getRun(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<PerfRun>;
  getRegression(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<RunRegression>;
  compareRuns(
    a: string,
    b: string,
    options: { credentials: BackstageCredentials },
  ): Promise<{ a: string; b: string; differences: RunDifference[] }>;
  pinBaseline(
    id: string,
    options: { credentials: BackstageCredentials; actor: string },
  ): Promise<RunRegression['baseline']>;
  unpinBaseline(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<{ removed: boolean }>;
}

/** Validates, reads the k6 results and stores; no access checks (see the Authorized one). */
export class DefaultPerfRunService implements PerfRunService {
  constructor(
    private readonly deps: {
      store: DatabasePerfRunStore;
      catalog: EntityReader;
      maxStreamBytes: number;
      baselineRuns: number;
      tolerances: RegressionTolerances;
      /** Told of every run stored for the first time. */
      changes?: RecordChanges;
    },
  ) {}

  async authorizePublish() {
    // Decided by the authorizing wrapper
  }

  /** The entity must exist; asked with the plugin's own credentials, since publishers hold a token for this plugin only. */
  private async requireEntity(entityRef: string, field: string) {
    const entity = await this.deps.catalog.getEntityByRef(entityRef);
    if (!entity) {
      throw new InputError(`${field}: no entity ${entityRef} in the catalog`);
    }
  }

  private async store(metadata: PerfRunMetadata, results: PerfResults) {
    const { run, created } = await this.deps.store.addRun(metadata, results);
    if (created) {
      await this.deps.changes?.changed('perf-run', [run.entityRef]);
    }
    const { results: _results, ...summary } = run;
    return { run: summary, created, warnings: results.warnings };
  }

  async publishRun(request: { run: unknown; results: unknown }) {
    const metadata = validatePerfRunMetadata(request.run);
    const results = readK6Summary(request.results);
    await this.requireEntity(metadata.entityRef, '/run/entityRef');
    return this.store(metadata, results);
  }

  async publishRunStream(
    run: unknown,
    body: AsyncIterable<Buffer>,
    options: { declaredBytes?: number },
  ) {
    const max = this.deps.maxStreamBytes;
    if (options.declaredBytes !== undefined && options.declaredBytes > max) {
      throw new PayloadTooLargeError(
        `request body: ${options.declaredBytes} bytes, larger than ${max} (reliability.ingestion.maxStreamBytes)`,
      );
    }
    const metadata = validatePerfRunMetadata(run);
    await this.requireEntity(metadata.entityRef, 'entityRef');
    // Nothing is stored until the whole stream has been read and summarised
    const results = await summarizeK6JsonStream(
      Readable.from(limited(body, max)),
    );
    return this.store(metadata, results);
  }

  async listRuns(
    filter: PerfRunFilter,
    page: { cursor?: string; limit?: number },
  ) {
    return this.deps.store.listRuns(filter, page);
  }

  async getRun(id: string) {
    const run = await this.deps.store.getRun(id);
    if (!run) {
      throw new NotFoundError(noRunMessage(id));
    }
    return run;
  }

  async getRegression(id: string) {
    return regressionOf(this.deps.store, await this.getRun(id), this.deps);
  }

  async pinBaseline(id: string, options: { actor: string }) {
    const run = await this.getRun(id);
    await this.deps.store.pinBaseline(run, options.actor);
    const pinned = (await this.deps.store.pinnedBaseline(run))!;
    return {
      kind: 'pinned' as const,
      runIds: [run.id],
      pinnedBy: pinned.pinnedBy,
      pinnedAt: pinned.pinnedAt,
    };
  }

  async unpinBaseline(id: string) {
    const run = await this.getRun(id);
    return { removed: await this.deps.store.unpinBaseline(run) };
  }

  async compareRuns(a: string, b: string) {
    const [left, right] = await Promise.all([this.getRun(a), this.getRun(b)]);
    return { a, b, differences: compareRuns(left.results, right.results) };
  }
}
