import { portalDocsLink } from '@readiness/portal-react';

/** The pages of the portal's docs the reliability empty states point to. */
export const DOCS = {
  slos: portalDocsLink('reliability/slos'),
  publishingRuns: portalDocsLink('reliability/publishing-runs'),
  comparison: portalDocsLink(
    'reliability/publishing-runs',
    'baselines-regressions-and-comparison',
  ),
  releaseGate: portalDocsLink('reliability/release-gate'),
  backups: portalDocsLink(
    'reliability/dr-evidence',
    'pushing-a-backup-verification',
  ),
  drillRecords: portalDocsLink('drills'),
};
