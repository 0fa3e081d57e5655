import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  reliabilityEntityReadPermission,
  reliabilityRunPublishPermission,
} from '@readiness/plugin-reliability-common';
import { PerfRunFilter } from '../database/DatabasePerfRunStore';
import { PerfRunService } from './PerfRunService';

/**
 * Checks permissions before delegating: publishing needs
 * `reliability.run.publish`, reading needs `reliability.entity.read` on the
 * run's catalog entity.
 */
export class AuthorizedPerfRunService implements PerfRunService {
  constructor(
    private readonly inner: PerfRunService,
    private readonly permissions: PermissionsService,
  ) {}

  private async mayRead(entityRef: string, credentials: BackstageCredentials) {
    const [decision] = await this.permissions.authorize(
      [{ permission: reliabilityEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not read the reliability record of ${entityRef}`,
      );
    }
  }

  private async mayPublish(credentials: BackstageCredentials) {
    const [decision] = await this.permissions.authorize(
      [{ permission: reliabilityRunPublishPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not publish perf runs');
    }
  }

  async publishRun(
    request: { run: unknown; results: unknown },
    options: { credentials: BackstageCredentials },
  ) {
    await this.mayPublish(options.credentials);
    return this.inner.publishRun(request, options);
  }

  async publishRunStream(
    run: unknown,
    body: AsyncIterable<Buffer>,
    options: { credentials: BackstageCredentials; declaredBytes?: number },
  ) {
    // Checked before a byte of the body is read
    await this.mayPublish(options.credentials);
    return this.inner.publishRunStream(run, body, options);
  }

  async listRuns(
    filter: PerfRunFilter,
    page: { cursor?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ) {
    await this.mayRead(filter.entityRef, options.credentials);
    return this.inner.listRuns(filter, page, options);
  }

  async getRun(id: string, options: { credentials: BackstageCredentials }) {
    const run = await this.inner.getRun(id, options);
    await this.mayRead(run.entityRef, options.credentials);
    return run;
  }
}
