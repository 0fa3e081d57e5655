import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Page,
  PerfRun,
  PerfRunSummary,
  readK6Summary,
  validatePerfRunMetadata,
} from '@readiness/plugin-reliability-common';
import {
  DatabasePerfRunStore,
  PerfRunFilter,
} from '../database/DatabasePerfRunStore';

/** The result of publishing a run. */
export type PublishedRun = {
  run: PerfRunSummary;
  created: boolean;
  warnings: string[];
};

/** What the HTTP API asks of the reliability backend about perf runs. */
export interface PerfRunService {
  publishRun(
    request: { run: unknown; results: unknown },
    options: { credentials: BackstageCredentials },
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
}

/** Validates, reads the k6 results and stores; no access checks (see the Authorized one). */
export class DefaultPerfRunService implements PerfRunService {
  constructor(
    private readonly deps: {
      store: DatabasePerfRunStore;
      catalog: CatalogService;
      auth: AuthService;
    },
  ) {}

  async publishRun(request: { run: unknown; results: unknown }) {
    const metadata = validatePerfRunMetadata(request.run);
    const results = readK6Summary(request.results);
    // The entity must exist; asked with the plugin's own credentials, since
    // publishers hold a token for this plugin only
    const entity = await this.deps.catalog.getEntityByRef(metadata.entityRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new InputError(
        `/run/entityRef: no entity ${metadata.entityRef} in the catalog`,
      );
    }
    const { run, created } = await this.deps.store.addRun(metadata, results);
    const { results: _results, ...summary } = run;
    return { run: summary, created, warnings: results.warnings };
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
      throw new NotFoundError(`No perf run ${id}`);
    }
    return run;
  }
}
