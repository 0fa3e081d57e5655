import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { PerfRunFilter } from '../database/DatabasePerfRunStore';
import { NotFoundError } from '@backstage/errors';
import { isAllowed, requireAllowed } from '@readiness/backend-http-utils';
import {
  reliabilityBaselineManagePermission,
  reliabilityEntityReadPermission,
  reliabilityRunPublishPermission,
} from '@readiness/plugin-reliability-common';
import { requireRecordRead } from './recordAccess';
import { noRunMessage, PerfRunService } from './PerfRunService';

/**
 * Checks permissions before delegating: publishing needs
 * `reliability.run.publish`, reading needs `reliability.entity.read` on the
 * run's catalog entity (without it, a run is answered as unknown).
 */
export class AuthorizedPerfRunService implements PerfRunService {
  constructor(
    private readonly inner: PerfRunService,
    private readonly permissions: PermissionsService,
  ) {}

  async authorizePublish(options: { credentials: BackstageCredentials }) {
    await requireAllowed(
      this.permissions,
      options.credentials,
      { permission: reliabilityRunPublishPermission },
      'publish perf runs',
    );
  }

  async publishRun(
    request: { run: unknown; results: unknown },
    options: { credentials: BackstageCredentials },
  ) {
    await this.authorizePublish(options);
    return this.inner.publishRun(request, options);
  }

  async publishRunStream(
    run: unknown,
    body: AsyncIterable<Buffer>,
    options: { credentials: BackstageCredentials; declaredBytes?: number },
  ) {
    // Checked before a byte of the body is read
    await this.authorizePublish(options);
    return this.inner.publishRunStream(run, body, options);
  }

  async listRuns(
    filter: PerfRunFilter,
    page: { cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ) {
    await requireRecordRead(
      this.permissions,
      options.credentials,
      filter.entityRef,
    );
    return this.inner.listRuns(filter, page, options);
  }

  /**
   * The run, once the caller may read its entity's reliability record. To a
   * caller who may not, the run does not exist: the answer is the one for an
   * unknown id, so that it names no entity and tells nothing apart.
   */
  private async readableRun(id: string, credentials: BackstageCredentials) {
    const run = await this.inner.getRun(id, { credentials });
    const readable = await isAllowed(this.permissions, credentials, {
      permission: reliabilityEntityReadPermission,
      resourceRef: run.entityRef,
    });
    if (!readable) {
      throw new NotFoundError(noRunMessage(id));
    }
    return run;
  }

  /** Throws unless the caller may read and change the baselines of the run's entity. */
  private async requireManage(id: string, credentials: BackstageCredentials) {
    const run = await this.readableRun(id, credentials);
    await requireAllowed(
      this.permissions,
      credentials,
      {
        permission: reliabilityBaselineManagePermission,
        resourceRef: run.entityRef,
      },
      `change the baselines of ${run.entityRef}`,
    );
  }

  async getRegression(
    id: string,
    options: { credentials: BackstageCredentials },
  ) {
    await this.readableRun(id, options.credentials);
    return this.inner.getRegression(id, options);
  }

  async compareRuns(
    a: string,
    b: string,
    options: { credentials: BackstageCredentials },
  ) {
    await this.readableRun(a, options.credentials);
    await this.readableRun(b, options.credentials);
    return this.inner.compareRuns(a, b, options);
  }

  async pinBaseline(
    id: string,
    options: { credentials: BackstageCredentials; actor: string },
  ) {
    await this.requireManage(id, options.credentials);
    return this.inner.pinBaseline(id, options);
  }

  async unpinBaseline(
    id: string,
    options: { credentials: BackstageCredentials },
  ) {
    await this.requireManage(id, options.credentials);
    return this.inner.unpinBaseline(id, options);
  }

  async getRun(id: string, options: { credentials: BackstageCredentials }) {
    return this.readableRun(id, options.credentials);
  }
}
