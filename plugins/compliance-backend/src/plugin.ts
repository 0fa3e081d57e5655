import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { compliancePermissions } from '@readiness/plugin-compliance-common';
import { readComplianceOptions } from './config';
import { DatabaseEvidenceStore } from './database/DatabaseEvidenceStore';
import { AuthorizedExportService } from './exports/AuthorizedExportService';
import { ScopedExportService } from './exports/ExportService';
import { AuthorizedEvidenceService } from './service/AuthorizedEvidenceService';
import { ComplianceIndex } from './service/ComplianceIndex';
import {
  logComplianceModel,
  readComplianceModel,
} from './service/complianceModel';
import { ScopedEvidenceService } from './service/EvidenceService';
import { createRouter } from './service/router';

/**
 * The compliance backend plugin: the controls that apply to catalog
 * entities with their state, and append-only evidence.
 *
 * @public
 */
export const compliancePlugin = createBackendPlugin({
  pluginId: 'compliance',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(compliancePermissions);
        const options = readComplianceOptions(deps.config);
        const model = await readComplianceModel(options.files);
        logComplianceModel(model, deps.logger);
        const store = await DatabaseEvidenceStore.create({
          database: deps.database,
        });
        const index = new ComplianceIndex({
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          model,
          logger: deps.logger,
          expiringWithin: options.expiringWithin,
        });
        deps.lifecycle.addStartupHook(() => index.warmInBackground());
        const evidence = new AuthorizedEvidenceService(
          new ScopedEvidenceService({
            store,
            catalog: deps.catalog,
            auth: deps.auth,
            model,
            index,
            limits: options.evidence,
            expiringWithin: options.expiringWithin,
          }),
          deps.permissions,
        );
        const exports = new AuthorizedExportService(
          new ScopedExportService({ store, index, model }),
          deps.permissions,
        );
        deps.httpRouter.use(
          await createRouter({
            evidence,
            exports,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger: deps.logger,
            maxBodyBytes: options.evidence.maxBodyBytes,
          }),
        );
      },
    });
  },
});
