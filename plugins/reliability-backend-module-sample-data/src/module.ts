import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { reliabilityPublicationSourcesExtensionPoint } from '@readiness/plugin-reliability-node';
import { sampleDataEnabled } from '@readiness/sample-data';
import { SampleReliabilitySeeder } from './SampleReliabilitySeeder';
import { sampleDataSource } from './sampleDataSource';

/**
 * Seeds the reliability record of the sample platform in development: 60
 * nights of perf runs with a regression and its fix, pinned baselines, gate
 * verdicts per release, DR drills and backup verifications, all through the
 * reliability backend's own services and marked as sample data. Does nothing
 * unless `readinessPortal.sampleData.enabled` is true.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'reliability',
  moduleId: 'sample-data',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        sources: reliabilityPublicationSourcesExtensionPoint,
      },
      async init({ config, logger, auth, scheduler, catalog, sources }) {
        if (!sampleDataEnabled(config, logger)) return;
        sources.addPublicationSource(
          sampleDataSource(
            new SampleReliabilitySeeder({ auth, catalog, logger }),
            scheduler,
          ),
        );
      },
    });
  },
});
