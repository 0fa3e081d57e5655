import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { complianceEvidenceServiceRef } from '@readiness/plugin-compliance-node';
import { reliabilityPermissions } from '@readiness/plugin-reliability-common';
import { DatabasePerfRunStore } from './database/DatabasePerfRunStore';
import { AuthorizedPerfRunService } from './service/AuthorizedPerfRunService';
import { AuthorizedSloService } from './service/AuthorizedSloService';
import { AuthorizedDrillService } from './service/AuthorizedDrillService';
import { DefaultDrillService } from './service/DrillService';
import { EvidenceFiler } from './service/EvidenceFiler';
import { AuthorizedGateService } from './service/AuthorizedGateService';
import { DefaultGateService } from './service/GateService';
import { DatabaseGateStore } from './database/DatabaseGateStore';
import { readReliabilityOptions, toDays, toHours, toSeconds } from './config';
import { DefaultSloService } from './service/SloService';
import { DefaultPerfRunService } from './service/PerfRunService';
import { createRouter } from './service/router';
import { EntityLookup } from './service/EntityLookup';
import { RecordMemo } from './service/RecordMemo';
import { MetricSourceRegistry } from './service/metricSources';
import {
  reliabilityMetricSourcesExtensionPoint,
  reliabilityPublicationSourcesExtensionPoint,
} from '@readiness/plugin-reliability-node';
import { DatabaseDrStore } from './database/DatabaseDrStore';
import { AuthorizedTrendService } from './service/AuthorizedTrendService';
import { DefaultTrendService } from './service/TrendService';
import { AuthorizedBackupService } from './service/AuthorizedBackupService';
import { EntityRecordService } from './service/EntityRecordService';
import { DefaultBackupService } from './service/BackupService';
import {
  PublicationSourceRegistry,
  publicationsOf,
} from './service/publicationSources';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { RecordChanges } from './service/RecordChanges';

/**
 * The reliability backend plugin: perf runs, SLOs, release gates, DR drills
 * and backup verifications.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const metricSources = new MetricSourceRegistry();
    env.registerExtensionPoint(reliabilityMetricSourcesExtensionPoint, {
      addMetricSource(...sources) {
        sources.forEach(source => metricSources.add(source));
      },
    });
    const publicationSources = new PublicationSourceRegistry();
    env.registerExtensionPoint(reliabilityPublicationSourcesExtensionPoint, {
      addPublicationSource(...sources) {
        sources.forEach(source => publicationSources.add(source));
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
        urlReader: coreServices.urlReader,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        complianceEvidence: complianceEvidenceServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(reliabilityPermissions);
        // Drills within their targets, tested restores and passed gates are
        // compliance evidence; filing never fails the reliability write
        const evidence = new EvidenceFiler({
          evidence: deps.complianceEvidence,
          auth: deps.auth,
          logger: deps.logger,
        });
        // Records stored for the first time are said on the events service
        const changes = new RecordChanges({
          events: deps.events,
          logger: deps.logger,
        });
        const options = readReliabilityOptions(deps.config);
        const { baselineRuns, tolerances } = options;
        const store = await DatabasePerfRunStore.create({
          database: deps.database,
        });
        const gateStore = await DatabaseGateStore.create({
          database: deps.database,
        });
        // Readers are authorized per entity first; lookups then use the
        // plugin's credentials and are kept for a few seconds
        const entities = new EntityLookup({
          catalog: deps.catalog,
          auth: deps.auth,
          ttlSeconds: toSeconds(options.catalogCache),
        });
        // Views computed from an entity's runs, kept until its runs change
        const memo = new RecordMemo(store, toSeconds(options.viewCache));
        const perfRuns = new AuthorizedPerfRunService(
          new DefaultPerfRunService({
            store,
            catalog: entities,
            maxStreamBytes: options.ingestion.maxStreamBytes,
            baselineRuns,
            tolerances,
            changes,
          }),
          deps.permissions,
        );
        const slos = new AuthorizedSloService(
          new DefaultSloService({
            store,
            catalog: entities,
            urlReader: deps.urlReader,
            metricSources,
            memo,
          }),
          deps.permissions,
        );
        const drStore = await DatabaseDrStore.create({
          database: deps.database,
        });
        const drills = new AuthorizedDrillService(
          new DefaultDrillService({
            catalog: entities,
            store: drStore,
            urlReader: deps.urlReader,
            folders: options.drills.folders,
            urls: options.drills.urls,
            urlCacheSeconds: toSeconds(options.drills.urlCache),
            folderCacheSeconds: toSeconds(options.drills.folderCache),
            defaults: options.drills.targets,
            everyDays: toDays(options.drills.every),
            evidence,
            changes,
          }),
          deps.permissions,
        );
        const gates = new AuthorizedGateService(
          new DefaultGateService({
            runs: store,
            gates: gateStore,
            catalog: entities,
            urlReader: deps.urlReader,
            baselineRuns,
            tolerances,
            metricSources,
            memo,
            evidence,
            changes,
          }),
          deps.permissions,
        );
        const trends = new AuthorizedTrendService(
          new DefaultTrendService({
            store,
            catalog: entities,
            urlReader: deps.urlReader,
            baselineRuns,
            tolerances,
            memo,
          }),
          deps.permissions,
        );
        const backups = new AuthorizedBackupService(
          new DefaultBackupService({
            store: drStore,
            catalog: entities,
            maxAgeHours: toHours(options.backups.maxAge),
            evidence,
            changes,
          }),
          deps.permissions,
        );
        deps.httpRouter.use(
          await createRouter({
            perfRuns,
            slos,
            drills,
            gates,
            trends,
            backups,
            records: new EntityRecordService({
              slos,
              drills,
              backups,
              gates,
              perfRuns,
            }),
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger: deps.logger,
            maxBodyBytes: options.ingestion.maxBodyBytes,
          }),
        );
        // Modules publish through the same services once every plugin is up
        deps.lifecycle.addStartupHook(() =>
          publicationSources.connectAll(
            publicationsOf({ perfRuns, drills, backups, gates }),
          ),
        );
      },
    });
  },
});
