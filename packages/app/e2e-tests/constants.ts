/** The static external-access token of the production-config test backend. */
export const PRODUCTION_CI_TOKEN = 'e2e-ci-token-0123456789abcdef';
