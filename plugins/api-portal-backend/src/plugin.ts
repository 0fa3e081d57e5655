import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  complianceEvidenceServiceRef,
  PortalEvidenceReporter,
} from '@readiness/plugin-compliance-node';
import { durationToMilliseconds } from '@backstage/types';
import {
  apiPortalArtifactStoreExtensionPoint,
  apiPortalSampleDownloadsExtensionPoint,
  apiPortalSdkGeneratorsExtensionPoint,
  SdkArtifactStore,
  SdkGeneratorRegistry,
} from '@readiness/plugin-api-portal-node';
import { ApiCollector } from './collection/ApiCollector';
import { ChangeDetector } from './collection/ChangeDetector';
import { ApiEvidenceReporter } from './compliance/ApiEvidenceReporter';
import { readApiPortalOptions } from './config';
import { DatabaseChangelogStore } from './database/DatabaseChangelogStore';
import { DatabaseLintStore } from './database/DatabaseLintStore';
import { DatabaseSpecStore } from './database/DatabaseSpecStore';
import { SpecLinter } from './lint/SpecLinter';
import {
  bundledDefinitionReader,
  definitionReader,
} from './worker/readDefinition';
import { referenceLoader } from './worker/referencePolicy';
import { WorkerPool } from './worker/runWorker';
import { apiPortalPermissions } from '@readiness/plugin-api-portal-common';
import { DefaultApiPortalService } from './service/ApiPortalService';
import { AuthorizedApiPortalService } from './service/AuthorizedApiPortalService';
import { createRouter } from './service/router';
import { chooseArtifactStore } from './sdk/artifactStores';
import {
  SampleDownloadSourceRegistry,
  sampleDownloadsOf,
} from './sdk/sampleDownloads';
import { collectionTask } from './collection/collectionTask';
import { AuthorizedSdkService } from './sdk/AuthorizedSdkService';
import { DatabaseSdkStore } from './sdk/DatabaseSdkStore';
import { SdkBuilder } from './sdk/SdkBuilder';
import { DefaultSdkService } from './sdk/SdkService';

/** The id of the scheduled collection task. */
export const COLLECTION_TASK_ID = 'api-portal-collect';

/**
 * The api-portal backend plugin: collects the catalog's API definitions into
 * spec revisions, lints them with Redocly, diffs versions into a changelog
 * and serves all of it with RSS/Atom feeds; builds SDKs and Postman
 * collections from the definitions.
 *
 * @public
 */
export const apiPortalPlugin = createBackendPlugin({
  pluginId: 'api-portal',
  register(env) {
    // The SDK languages are the modules': none unless a generator module is added
    const generators = new SdkGeneratorRegistry();
    env.registerExtensionPoint(
      apiPortalSdkGeneratorsExtensionPoint,
      generators,
    );
    let moduleArtifactStore: SdkArtifactStore | undefined;
    env.registerExtensionPoint(apiPortalArtifactStoreExtensionPoint, {
      setArtifactStore(store) {
        if (moduleArtifactStore) {
          throw new Error('The api-portal SDK artifact store is already set');
        }
        moduleArtifactStore = store;
      },
    });
    const sampleDownloadSources = new SampleDownloadSourceRegistry();
    env.registerExtensionPoint(apiPortalSampleDownloadsExtensionPoint, {
      addSampleDownloadSource(...sources) {
        sources.forEach(source => sampleDownloadSources.add(source));
      },
    });
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
        userInfo: coreServices.userInfo,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        complianceEvidence: complianceEvidenceServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(apiPortalPermissions);
        const options = readApiPortalOptions(deps.config);
        const specs = await DatabaseSpecStore.create(deps);
        const lints = await DatabaseLintStore.create(deps);
        const changelog = await DatabaseChangelogStore.create(deps);
        const workers = new WorkerPool({
          size: options.workers,
          memoryMb: options.limits.memoryMb,
          // A referenced document may be as large as a definition
          loadReference: referenceLoader({
            maxBytes: options.limits.maxSpecBytes,
            timeoutMs: options.limits.timeoutMs,
          }),
        });
        deps.lifecycle.addShutdownHook(() => workers.close());
        const readDefinition = definitionReader({
          workers,
          maxAliasCount: options.limits.maxYamlAliases,
          timeoutMs: options.limits.timeoutMs,
        });
        // What SDK generators and Postman get: references resolved as lint resolves them
        const readBundledDefinition = bundledDefinitionReader({
          workers,
          maxAliasCount: options.limits.maxYamlAliases,
          timeoutMs: options.limits.timeoutMs,
          allowRemoteRefs: options.lint.allowRemoteRefs,
          bundleTimeoutMs: options.lint.timeoutMs,
        });
        const linter = new SpecLinter({
          specs,
          lints,
          logger: deps.logger,
          options: options.lint,
          workers,
        });
        const collector = new ApiCollector({
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          specs,
          detector: new ChangeDetector({
            specs,
            changelog,
            maxSchemaComparisons: options.maxSchemaComparisons,
            readDefinition,
          }),
          linter,
          limits: options.limits,
          workers,
          pageSize: options.collection.pageSize,
          fullPassEveryMs: durationToMilliseconds(
            options.collection.fullPassEvery,
          ),
        });
        const builds = await DatabaseSdkStore.create(deps);
        const artifacts = await chooseArtifactStore({
          fromModule: moduleArtifactStore,
          config: options.sdk.artifactStore,
          database: deps.database,
        });
        const sdkBuilder = new SdkBuilder({
          specs,
          builds,
          artifacts,
          generators: () => generators.list(),
          logger: deps.logger,
          options: {
            concurrency: options.sdk.concurrency,
            timeoutMs: options.sdk.timeoutMs,
          },
          readBundledDefinition,
        });
        deps.lifecycle.addStartupHook(() => sdkBuilder.resume());
        deps.lifecycle.addStartupHook(() =>
          sampleDownloadSources.connectAll(
            sampleDownloadsOf({ specs, builds }),
          ),
        );
        deps.lifecycle.addShutdownHook(() => sdkBuilder.stop());
        const appBaseUrl =
          deps.config.getOptionalString('app.baseUrl') ??
          'http://localhost:3000';
        // Families that lint clean are compliance evidence after each pass
        const evidence = new ApiEvidenceReporter({
          specs,
          lints,
          changelog,
          reporter: new PortalEvidenceReporter({
            evidence: deps.complianceEvidence,
            auth: deps.auth,
            logger: deps.logger,
          }),
          appBaseUrl,
        });
        await deps.scheduler.scheduleTask({
          id: COLLECTION_TASK_ID,
          scope: 'global',
          frequency: options.collection.frequency,
          timeout: options.collection.timeout,
          initialDelay: options.collection.initialDelay,
          fn: collectionTask({
            collector,
            sdkBuilder,
            evidence,
            logger: deps.logger,
            buildAfterCollection: options.sdk.buildAfterCollection,
          }),
        });
        const apiPortal = new AuthorizedApiPortalService(
          new DefaultApiPortalService({
            catalog: deps.catalog,
            specs,
            lints,
            changelog,
            collector,
            sdkDownloads: builds,
            userInfo: deps.userInfo,
            feedLinks: {
              appBaseUrl,
              apiBaseUrl: () => deps.discovery.getExternalBaseUrl('api-portal'),
            },
          }),
          deps.permissions,
        );
        deps.httpRouter.use(
          await createRouter({
            apiPortal,
            sdks: new AuthorizedSdkService(
              new DefaultSdkService({
                specs,
                builds,
                artifacts,
                builder: sdkBuilder,
                userInfo: deps.userInfo,
                readBundledDefinition,
              }),
              deps.permissions,
            ),
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger: deps.logger,
          }),
        );
      },
    });
  },
});
