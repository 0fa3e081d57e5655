// Critical path: third parties delivering webhooks to the ingestion endpoint.
import http from 'k6/http';
import { check } from 'k6';
import { Options } from 'k6/options';
import crypto from 'k6/crypto';
import { BASE_URL, commonThresholds, summaryFiles } from './lib/platform';

export const options: Options = {
  scenarios: {
    inbound: {
      executor: 'constant-arrival-rate',
      rate: 100,
      timeUnit: '1s',
      duration: '5m',
      preAllocatedVUs: 30,
      maxVUs: 150,
    },
  },
  thresholds: {
    ...commonThresholds,
    'http_req_duration{name:webhooks-inbound}': ['p(95)<200'],
  },
};

const SECRET = __ENV.WEBHOOK_SECRET ?? 'perf-test-secret';

export default function deliver() {
  const body = JSON.stringify({
    id: `evt-${__VU}-${__ITER}`,
    type: 'bank.transaction.booked',
    created: new Date().toISOString(),
    data: { amount: '42.10', currency: 'EUR', reference: `INV-${__ITER}` },
  });
  const signature = crypto.hmac('sha256', SECRET, body, 'hex');
  const response = http.post(`${BASE_URL}/webhooks/v1/inbound/bank`, body, {
    headers: {
      'Content-Type': 'application/json',
      'X-Signature-SHA256': signature,
    },
    tags: { name: 'webhooks-inbound' },
  });
  check(response, { 'delivery accepted': r => r.status === 202 });
}

export function handleSummary(data: object) {
  return summaryFiles(data);
}
