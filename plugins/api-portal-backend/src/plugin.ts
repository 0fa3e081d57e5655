import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ApiCollector } from './collection/ApiCollector';
import { ChangeDetector } from './collection/ChangeDetector';
import { readApiPortalOptions } from './config';
import { DatabaseChangelogStore } from './database/DatabaseChangelogStore';
import { DatabaseLintStore } from './database/DatabaseLintStore';
import { DatabaseSpecStore } from './database/DatabaseSpecStore';
import { SpecLinter } from './lint/SpecLinter';
import { apiPortalPermissions } from './permissions';
import { DefaultApiPortalService } from './service/ApiPortalService';
import { AuthorizedApiPortalService } from './service/AuthorizedApiPortalService';
import { createRouter } from './service/router';

/** The id of the scheduled collection task. */
export const COLLECTION_TASK_ID = 'api-portal-collect';

/**
 * The api-portal backend plugin: collects the catalog's API definitions into
 * spec revisions, lints them with Redocly, diffs versions into a changelog
 * and serves all of it with RSS/Atom feeds.
 *
 * @public
 */
export const apiPortalPlugin = createBackendPlugin({
  pluginId: 'api-portal',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(apiPortalPermissions);
        const options = readApiPortalOptions(deps.config);
        const specs = await DatabaseSpecStore.create(deps);
        const lints = await DatabaseLintStore.create(deps);
        const changelog = await DatabaseChangelogStore.create(deps);
        const linter = new SpecLinter({
          specs,
          lints,
          logger: deps.logger,
          options: options.lint,
        });
        const collector = new ApiCollector({
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          specs,
          detector: new ChangeDetector({
            specs,
            changelog,
            maxYamlAliases: options.limits.maxYamlAliases,
            maxSchemaComparisons: options.maxSchemaComparisons,
          }),
          linter,
          limits: options.limits,
          pageSize: options.collection.pageSize,
        });
        await deps.scheduler.scheduleTask({
          id: COLLECTION_TASK_ID,
          scope: 'global',
          frequency: options.collection.frequency,
          timeout: options.collection.timeout,
          initialDelay: options.collection.initialDelay,
          fn: async signal => {
            const report = await collector.collectAll(signal);
            deps.logger.info(
              `Collected ${report.entities} API definitions: ${report.changed} changed, ${report.failed} failed, ${report.linted} linted, in ${report.durationMs} ms`,
            );
          },
        });
        const apiPortal = new AuthorizedApiPortalService(
          new DefaultApiPortalService({
            specs,
            lints,
            changelog,
            collector,
            feedLinks: {
              appBaseUrl:
                deps.config.getOptionalString('app.baseUrl') ??
                'http://localhost:3000',
              apiBaseUrl: () => deps.discovery.getExternalBaseUrl('api-portal'),
            },
          }),
          deps.permissions,
        );
        deps.httpRouter.use(
          await createRouter({
            apiPortal,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
