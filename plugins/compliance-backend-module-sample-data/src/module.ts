import { complianceEvidenceSourcesExtensionPoint } from '@readiness/plugin-compliance-node';
import { createSampleDataModule } from '@readiness/sample-data';
import { SampleComplianceSeeder } from './SampleComplianceSeeder';
import { sampleDataSource } from './sampleDataSource';

/**
 * Seeds the compliance record of the sample platform in development: a
 * year of access reviews, policy acknowledgements, vendor DPAs, dependency
 * scans, static analysis, change approvals, pen test reports and more, all
 * through the compliance backend's own services and marked as sample data
 * (keys `sample:…`). Does nothing unless `readinessPortal.sampleData.enabled`
 * is true.
 *
 * Who files: the module's own service credentials (`plugin:compliance`),
 * through the same authorizing service `POST /v1/evidence` and the
 * withdrawals route use. The permission framework decides service
 * principals by their access restrictions alone, and the plugin's own
 * credentials have none, so they hold `compliance.evidence.file` and
 * `compliance.evidence.withdraw` like any unrestricted service token; the
 * portal evidence file's `filers` bind only filings with a `portalKind`,
 * which the sample never makes (its manual, pipeline and external items
 * name their controls and source). Items show `filedBy:
 * service:plugin:compliance`.
 *
 * @public
 */
export default createSampleDataModule({
  pluginId: 'compliance',
  sources: complianceEvidenceSourcesExtensionPoint,
  register(sources, { auth, catalog, logger, scheduler }) {
    sources.addEvidenceSource(
      sampleDataSource(
        new SampleComplianceSeeder({ auth, catalog, logger }),
        scheduler,
      ),
    );
  },
});
