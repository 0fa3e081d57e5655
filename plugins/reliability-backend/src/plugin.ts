import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_REGRESSION_TOLERANCES,
  reliabilityPermissions,
} from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from './database/DatabasePerfRunStore';
import { AuthorizedPerfRunService } from './service/AuthorizedPerfRunService';
import { AuthorizedSloService } from './service/AuthorizedSloService';
import { AuthorizedDrillService } from './service/AuthorizedDrillService';
import { DefaultDrillService } from './service/DrillService';
import { readDrTargets } from './config';
import { DefaultSloService } from './service/SloService';
import { DefaultPerfRunService } from './service/PerfRunService';
import { createRouter } from './service/router';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_STREAM_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * The reliability backend plugin: perf runs published by CI.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
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
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(reliabilityPermissions);
        const store = await DatabasePerfRunStore.create({
          database: deps.database,
        });
        const perfRuns = new AuthorizedPerfRunService(
          new DefaultPerfRunService({
            store,
            catalog: deps.catalog,
            auth: deps.auth,
            maxStreamBytes:
              deps.config.getOptionalNumber(
                'reliability.ingestion.maxStreamBytes',
              ) ?? DEFAULT_MAX_STREAM_BYTES,
            baselineRuns:
              deps.config.getOptionalNumber('reliability.baseline.runs') ?? 5,
            tolerances: {
              ...DEFAULT_REGRESSION_TOLERANCES,
              ...(deps.config.getOptionalNumber(
                'reliability.regression.latencyTolerance',
              ) !== undefined && {
                latency: deps.config.getNumber(
                  'reliability.regression.latencyTolerance',
                ),
              }),
              ...(deps.config.getOptionalNumber(
                'reliability.regression.errorRateTolerance',
              ) !== undefined && {
                errorRate: deps.config.getNumber(
                  'reliability.regression.errorRateTolerance',
                ),
              }),
            },
          }),
          deps.permissions,
        );
        const slos = new AuthorizedSloService(
          new DefaultSloService({
            store,
            catalog: deps.catalog,
            urlReader: deps.urlReader,
          }),
          deps.permissions,
        );
        const drills = new AuthorizedDrillService(
          new DefaultDrillService({
            catalog: deps.catalog,
            folders:
              deps.config.getOptionalStringArray(
                'reliability.drills.folders',
              ) ?? [],
            defaults: readDrTargets(deps.config),
            everyDays:
              deps.config.getOptionalNumber('reliability.drills.everyDays') ??
              30,
          }),
          deps.permissions,
        );
        deps.httpRouter.use(
          await createRouter({
            perfRuns,
            slos,
            drills,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            maxBodyBytes:
              deps.config.getOptionalNumber(
                'reliability.ingestion.maxBodyBytes',
              ) ?? DEFAULT_MAX_BODY_BYTES,
          }),
        );
      },
    });
  },
});
