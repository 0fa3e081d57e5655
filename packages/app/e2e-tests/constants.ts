/** The static external-access token of the production-config test backend. */
export const PRODUCTION_CI_TOKEN = 'e2e-ci-token-0123456789abcdef';

/** The production-config backend's token limited to publishing perf runs. */
export const PRODUCTION_PERF_PUBLISH_TOKEN =
  'e2e-perf-publish-token-0123456789';

/** The production-config backend's token limited to pushing DR evidence. */
export const PRODUCTION_DR_PUBLISH_TOKEN = 'e2e-dr-publish-token-0123456789';

/** The production-config backend's token limited to filing compliance evidence. */
export const PRODUCTION_COMPLIANCE_PUBLISH_TOKEN =
  'e2e-compliance-publish-token-0123456789';

/** The production-config test backend's test-only token for TechDocs (and the catalog it asks). */
export const PRODUCTION_DOCS_TOKEN = 'e2e-docs-token-0123456789abcdef';
