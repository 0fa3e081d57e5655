import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requireEntityRead } from './authorize';
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
    await requireEntityRead(this.permissions, entityRef, options.credentials);
    return this.inner.getEntityTrend(entityRef, query, options);
  }
}
