// Critical path: sign-in through the API gateway (token issuance and
// introspection), at a steady arrival rate.
import http from 'k6/http';
import { check } from 'k6';
import { Options } from 'k6/options';
import { AUTH_URL, commonThresholds, summaryFiles } from './lib/platform';

export const options: Options = {
  scenarios: {
    login: {
      executor: 'constant-arrival-rate',
      rate: 50,
      timeUnit: '1s',
      duration: '5m',
      preAllocatedVUs: 20,
      maxVUs: 100,
    },
  },
  thresholds: {
    ...commonThresholds,
    'http_req_duration{name:oauth2-token}': ['p(95)<300'],
  },
};

export default function login() {
  const token = http.post(
    `${AUTH_URL}/oauth2/token`,
    {
      grant_type: 'client_credentials',
      client_id: __ENV.CLIENT_ID ?? 'perf-test-client',
      client_secret: __ENV.CLIENT_SECRET ?? '',
      scope: 'documents:read',
    },
    { tags: { name: 'oauth2-token' } },
  );
  check(token, {
    'token issued': r => r.status === 200,
    'token is a bearer token': r => r.json('token_type') === 'Bearer',
  });
  const introspection = http.post(
    `${AUTH_URL}/oauth2/introspect`,
    { token: String(token.json('access_token') ?? '') },
    { tags: { name: 'oauth2-introspect' } },
  );
  check(introspection, {
    'token is active': r => r.json('active') === true,
  });
}

export function handleSummary(data: object) {
  return summaryFiles(data);
}
