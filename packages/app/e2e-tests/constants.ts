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

/** The production-config backend's token limited to pushing scorecard facts. */
export const PRODUCTION_SCORECARDS_PUBLISH_TOKEN =
  'e2e-scorecards-publish-token-0123456789';

/** The production-config backend's token limited to pushing partner webhook events. */
export const PRODUCTION_PARTNER_EVENTS_TOKEN =
  'e2e-partner-events-token-0123456789';

/** The production-config test backend's test-only token for TechDocs (and the catalog it asks). */
export const PRODUCTION_DOCS_TOKEN = 'e2e-docs-token-0123456789abcdef';

/**
 * The environment of a backend started with app-config.production.yaml and
 * app-config.production-test.yaml: its port, the Redis it shares and the
 * stand-in OIDC issuer it signs people in with
 * (packages/app/e2e-tests/production/fakeOidcIssuer.mjs), the tokens above,
 * and the local PostgreSQL.
 */
export function productionBackendEnvironment(options: {
  port: number;
  redisUrl: string;
  oidcPort: number;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORTAL_BASE_URL: `http://localhost:${options.port}`,
    PORTAL_PORT: String(options.port),
    BACKEND_SECRET: 'e2e-backend-secret-0123456789abcdef',
    AUTH_SESSION_SECRET: 'e2e-session-secret-0123456789abcdef',
    PORTAL_CI_TOKEN: PRODUCTION_CI_TOKEN,
    PORTAL_PERF_PUBLISH_TOKEN: PRODUCTION_PERF_PUBLISH_TOKEN,
    PORTAL_DR_PUBLISH_TOKEN: PRODUCTION_DR_PUBLISH_TOKEN,
    PORTAL_COMPLIANCE_PUBLISH_TOKEN: PRODUCTION_COMPLIANCE_PUBLISH_TOKEN,
    PORTAL_SCORECARDS_PUBLISH_TOKEN: PRODUCTION_SCORECARDS_PUBLISH_TOKEN,
    PORTAL_PARTNER_EVENTS_TOKEN: PRODUCTION_PARTNER_EVENTS_TOKEN,
    PORTAL_E2E_DOCS_TOKEN: PRODUCTION_DOCS_TOKEN,
    POSTGRES_HOST: '127.0.0.1',
    POSTGRES_PORT: '5432',
    POSTGRES_USER: 'postgres',
    POSTGRES_PASSWORD: 'unused-with-trust-auth',
    REDIS_URL: options.redisUrl,
    OIDC_METADATA_URL: `http://127.0.0.1:${options.oidcPort}/.well-known/openid-configuration`,
    OIDC_CLIENT_ID: 'e2e-client',
    OIDC_CLIENT_SECRET: 'e2e-secret',
  };
}
