import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requireRecordRead } from './recordAccess';
import { TrendService } from './TrendService';

/** Reading an entity's trend needs `reliability.entity.read` on the entity. */
export class AuthorizedTrendService implements TrendService {
  constructor(
    private readonly inner: TrendService,
    private readonly permissions: PermissionsService,
  ) {}

  async getEntityTrend(
    entityRef: string,
    query: { scenario?: string; environment?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ) {
    await requireRecordRead(this.permissions, options.credentials, entityRef);
    return this.inner.getEntityTrend(entityRef, query, options);
  }
}
