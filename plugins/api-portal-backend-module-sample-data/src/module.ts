import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { apiPortalSampleDownloadsExtensionPoint } from '@readiness/plugin-api-portal-node';
import { sampleDataEnabled } from '@readiness/sample-data';
import { SampleDownloadsSeeder } from './SampleDownloadsSeeder';
import { sampleDownloadSource } from './sampleDownloadSource';

/**
 * Counts SDK downloads by day for the sample platform's API families in
 * development, through the api-portal backend, marked as sample data. Does
 * nothing unless `readinessPortal.sampleData.enabled` is true.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'api-portal',
  moduleId: 'sample-data',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        sources: apiPortalSampleDownloadsExtensionPoint,
      },
      async init({ config, logger, scheduler, sources }) {
        if (!sampleDataEnabled(config, logger)) return;
        sources.addSampleDownloadSource(
          sampleDownloadSource(
            new SampleDownloadsSeeder({ logger }),
            scheduler,
          ),
        );
      },
    });
  },
});
