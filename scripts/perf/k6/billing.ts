// Critical path: plans listed, a subscription started and its invoice read.
import http from 'k6/http';
import { check } from 'k6';
import { Options } from 'k6/options';
import {
  accessToken,
  BASE_URL,
  commonThresholds,
  jsonHeaders,
  summaryFiles,
} from './lib/platform';

export const options: Options = {
  scenarios: {
    subscribe: {
      executor: 'per-vu-iterations',
      vus: 10,
      iterations: 20,
      maxDuration: '10m',
    },
  },
  thresholds: commonThresholds,
};

export function setup() {
  return { token: accessToken('billing:write') };
}

export default function subscribe(data: { token: string }) {
  const plans = http.get(`${BASE_URL}/billing/v1/plans`, {
    ...jsonHeaders(data.token),
    tags: { name: 'billing-plans' },
  });
  check(plans, { 'plans listed': r => r.status === 200 });
  const subscription = http.post(
    `${BASE_URL}/billing/v1/subscriptions`,
    JSON.stringify({
      planId: 'team-monthly',
      customerId: `perf-${__VU}-${__ITER}`,
    }),
    {
      ...jsonHeaders(data.token, `perf-${__VU}-${__ITER}`),
      tags: { name: 'billing-subscribe' },
    },
  );
  check(subscription, { 'subscription created': r => r.status === 201 });
  const invoices = http.get(
    `${BASE_URL}/billing/v1/invoices?subscriptionId=${subscription.json('id')}`,
    {
      ...jsonHeaders(data.token),
      tags: { name: 'billing-invoices' },
    },
  );
  check(invoices, { 'invoice issued': r => r.status === 200 });
}

export function handleSummary(data: object) {
  return summaryFiles(data);
}
