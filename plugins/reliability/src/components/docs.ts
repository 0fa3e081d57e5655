/** Where the TechDocs of the portal put the pages the empty states point to. */
const PORTAL_DOCS = '/docs/default/system/readiness-portal';

export const DOCS = {
  slos: `${PORTAL_DOCS}/reliability/slos/`,
  publishingRuns: `${PORTAL_DOCS}/reliability/publishing-runs/`,
  comparison: `${PORTAL_DOCS}/reliability/publishing-runs/#baselines-regressions-and-comparison`,
  releaseGate: `${PORTAL_DOCS}/reliability/release-gate/`,
  backups: `${PORTAL_DOCS}/reliability/dr-evidence/#pushing-a-backup-verification`,
  drillRecords: `${PORTAL_DOCS}/drills/`,
};
