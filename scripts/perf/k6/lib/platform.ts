// Shared settings of the sample platform's load tests. Everything that differs
// per environment comes from k6's environment variables (__ENV):
//   BASE_URL      e.g. https://api.staging.example.com   (required)
//   AUTH_URL      the token issuer, defaults to BASE_URL
//   CLIENT_ID / CLIENT_SECRET   OAuth2 client credentials of the test client
import http from 'k6/http';
import { check, fail } from 'k6';
import { Options } from 'k6/options';

export const BASE_URL = __ENV.BASE_URL ?? 'https://api.staging.example.com';
export const AUTH_URL = __ENV.AUTH_URL ?? BASE_URL;

/** The thresholds every critical path holds; scripts add their own. */
export const commonThresholds: NonNullable<Options['thresholds']> = {
  http_req_failed: ['rate<0.01'],
  'http_req_duration{expected_response:true}': ['p(95)<500', 'p(99)<1500'],
  checks: ['rate>0.99'],
};

/** Gets an access token with the client-credentials grant. */
export function accessToken(scope: string): string {
  const response = http.post(
    `${AUTH_URL}/oauth2/token`,
    {
      grant_type: 'client_credentials',
      client_id: __ENV.CLIENT_ID ?? 'perf-test-client',
      client_secret: __ENV.CLIENT_SECRET ?? '',
      scope,
    },
    { tags: { name: 'oauth2-token' } },
  );
  if (!check(response, { 'token issued': r => r.status === 200 })) {
    fail(`no access token for ${scope}: HTTP ${response.status}`);
  }
  return (response.json('access_token') as string) ?? '';
}

export function jsonHeaders(token: string, idempotencyKey?: string) {
  return {
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...(idempotencyKey && { 'Idempotency-Key': idempotencyKey }),
    },
  };
}

/** Writes the summary the portal reads (handleSummary JSON) next to stdout's. */
export function summaryFiles(data: object): Record<string, string> {
  return { 'summary.json': JSON.stringify(data, null, 2) };
}
