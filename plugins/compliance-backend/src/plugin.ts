import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { compliancePermissions } from '@readiness/plugin-compliance-common';
import { complianceEvidenceSourcesExtensionPoint } from '@readiness/plugin-compliance-node';
import { readComplianceOptions } from './config';
import { DatabaseEvidenceStore } from './database/DatabaseEvidenceStore';
import { AuthorizedExportService } from './exports/AuthorizedExportService';
import { ScopedExportService } from './exports/ExportService';
import { GdprCatalog } from './gdpr/GdprCatalog';
import { AuthorizedGdprService, ScopedGdprService } from './gdpr/GdprService';
import { createGdprRouter } from './gdpr/router';
import { AuthorizedEvidenceService } from './service/AuthorizedEvidenceService';
import { ComplianceIndex } from './service/ComplianceIndex';
import {
  logComplianceModel,
  readComplianceModel,
} from './service/complianceModel';
import { ScopedEvidenceService } from './service/EvidenceService';
import { EvidenceSourceRegistry, filingsOf } from './service/evidenceSources';
import { createRouter } from './service/router';

/**
 * The compliance backend plugin: the controls that apply to catalog
 * entities with their state, append-only evidence, and the GDPR records of
 * processing of entities.
 *
 * @public
 */
export const compliancePlugin = createBackendPlugin({
  pluginId: 'compliance',
  register(env) {
    const evidenceSources = new EvidenceSourceRegistry();
    env.registerExtensionPoint(complianceEvidenceSourcesExtensionPoint, {
      addEvidenceSource(...sources) {
        sources.forEach(source => evidenceSources.add(source));
      },
    });
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
        urlReader: coreServices.urlReader,
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
          new ScopedExportService({
            store,
            index,
            model,
            catalog: deps.catalog,
            auth: deps.auth,
          }),
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
        const gdpr = new AuthorizedGdprService(
          new ScopedGdprService({
            catalog: new GdprCatalog({
              catalog: deps.catalog,
              auth: deps.auth,
              urlReader: deps.urlReader,
              logger: deps.logger,
            }),
            store,
            options: options.gdpr,
          }),
          deps.permissions,
        );
        deps.httpRouter.use(
          await createGdprRouter({ gdpr, httpAuth: deps.httpAuth }),
        );
        // Modules file through the same services once every plugin is up
        deps.lifecycle.addStartupHook(() =>
          evidenceSources.connectAll(filingsOf(evidence)),
        );
      },
    });
  },
});
