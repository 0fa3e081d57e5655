// Critical path: a conversation with the assistant, a few messages each.
import http from 'k6/http';
import { check, sleep } from 'k6';
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
    chat: { executor: 'constant-vus', vus: 15, duration: '5m' },
  },
  thresholds: {
    ...commonThresholds,
    // Answers are generated; their latency target is looser
    'http_req_duration{name:assistant-message}': ['p(95)<4000'],
  },
};

export function setup() {
  return { token: accessToken('assistant:chat') };
}

export default function chat(data: { token: string }) {
  const conversation = http.post(
    `${BASE_URL}/assistant/v1/conversations`,
    JSON.stringify({ topic: 'vat-return' }),
    {
      ...jsonHeaders(data.token),
      tags: { name: 'assistant-conversation' },
    },
  );
  check(conversation, { 'conversation started': r => r.status === 201 });
  const id = String(conversation.json('id') ?? '');
  for (const text of [
    'Which documents are missing for Q4?',
    'Summarise the open filings.',
    'Thanks',
  ]) {
    const answer = http.post(
      `${BASE_URL}/assistant/v1/conversations/${id}/messages`,
      JSON.stringify({ role: 'user', text }),
      {
        ...jsonHeaders(data.token),
        tags: { name: 'assistant-message' },
      },
    );
    check(answer, {
      'assistant answered': r =>
        r.status === 201 && String(r.json('text') ?? '').length > 0,
    });
    sleep(2);
  }
}

export function handleSummary(data: object) {
  return summaryFiles(data);
}
