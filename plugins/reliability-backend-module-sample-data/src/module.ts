import { reliabilityPublicationSourcesExtensionPoint } from '@readiness/plugin-reliability-node';
import { createSampleDataModule } from '@readiness/sample-data';
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
export default createSampleDataModule({
  pluginId: 'reliability',
  sources: reliabilityPublicationSourcesExtensionPoint,
  register(sources, { auth, catalog, logger, scheduler }) {
    sources.addPublicationSource(
      sampleDataSource(
        new SampleReliabilitySeeder({ auth, catalog, logger }),
        scheduler,
      ),
    );
  },
});
