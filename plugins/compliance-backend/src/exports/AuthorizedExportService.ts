import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  allowedEntities,
  EntityScope,
  entityScopeOf,
  requireSomewhere,
} from '@readiness/backend-http-utils';
import { complianceEntityReadPermission } from '@readiness/plugin-compliance-common';
import { CallOptions } from '../service/EvidenceService';
import {
  ExportQuery,
  ExportService,
  ScopedExportService,
} from './ExportService';

/**
 * Exports are reads of compliance records over many entities, decided as
 * the matrix is: a caller denied the read permission outright (partners,
 * tokens made for other plugins) gets one 403 before anything is looked up;
 * a caller allowed on some entities exports those only.
 */
export class AuthorizedExportService implements ExportService {
  constructor(
    private readonly inner: ScopedExportService,
    private readonly permissions: PermissionsService,
  ) {}

  async assessmentResults(query: ExportQuery, options: CallOptions) {
    return this.inner.assessmentResults(query, await this.readScope(options));
  }

  async componentDefinition(systemRef: string, options: CallOptions) {
    return this.inner.componentDefinition(
      systemRef,
      await this.readScope(options),
    );
  }

  async evidenceCsv(query: ExportQuery, options: CallOptions) {
    return this.inner.evidenceCsv(query, await this.readScope(options));
  }

  async matrixCsv(
    query: { framework?: string; groupBy?: string },
    options: CallOptions,
  ) {
    return this.inner.matrixCsv(query, await this.readScope(options));
  }

  private async readScope(options: CallOptions): Promise<EntityScope> {
    const { credentials } = options;
    const result = await requireSomewhere(
      this.permissions,
      credentials,
      complianceEntityReadPermission,
      'read compliance records',
    );
    if (result === AuthorizeResult.ALLOW) return { all: true };
    return entityScopeOf(
      await allowedEntities(
        this.permissions,
        credentials,
        complianceEntityReadPermission,
        await this.inner.entityRefs(),
      ),
    );
  }
}
