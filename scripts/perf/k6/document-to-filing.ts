// Critical path: a document uploaded, read by OCR, classified, posted to the
// ledger and filed. The queue between upload and OCR is watched with the
// queue metrics the portal charts (docs/reliability/k6-results.md).
import http from 'k6/http';
import { check, group, sleep } from 'k6';
import { Options } from 'k6/options';
import { Gauge, Trend } from 'k6/metrics';
import {
  accessToken,
  BASE_URL,
  commonThresholds,
  jsonHeaders,
  summaryFiles,
} from './lib/platform';

// Queue metrics convention: queue_depth (gauge) and queue_drain_ms (trend),
// tagged with the queue's name
const queueDepth = new Gauge('queue_depth');
const queueDrain = new Trend('queue_drain_ms', true);
const endToEnd = new Trend('document_to_filing_ms', true);

export const options: Options = {
  scenarios: {
    upload_to_filing: {
      executor: 'ramping-vus',
      stages: [
        { duration: '2m', target: 20 },
        { duration: '6m', target: 20 },
        { duration: '2m', target: 0 },
      ],
    },
  },
  thresholds: {
    ...commonThresholds,
    document_to_filing_ms: ['p(95)<60000'],
    'queue_depth{queue:ocr.jobs}': ['value<500'],
  },
};

export function setup() {
  return {
    token: accessToken(
      'documents:write ocr:read classification:read ledger:write filings:submit',
    ),
  };
}

function waitFor(
  url: string,
  token: string,
  done: (status: string) => boolean,
  name: string,
) {
  const started = Date.now();
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = http.get(url, { ...jsonHeaders(token), tags: { name } });
    const status = String(response.json('status') ?? '');
    if (done(status)) return { status, waitedMs: Date.now() - started };
    sleep(1);
  }
  return { status: 'timeout', waitedMs: Date.now() - started };
}

export default function documentToFiling(data: { token: string }) {
  const started = Date.now();
  const key = `${__VU}-${__ITER}-${Date.now()}`;
  let documentId = '';

  group('upload', () => {
    const upload = http.post(
      `${BASE_URL}/documents/v1/documents`,
      {
        file: http.file(
          '%PDF-1.7 sample invoice',
          'invoice.pdf',
          'application/pdf',
        ),
        source: 'perf-test',
      },
      {
        headers: {
          Authorization: `Bearer ${data.token}`,
          'Idempotency-Key': key,
        },
        tags: { name: 'documents-upload' },
      },
    );
    check(upload, {
      'document accepted': r => r.status === 201 || r.status === 202,
    });
    documentId = String(upload.json('id') ?? '');
    const depth = Number(upload.headers['X-Queue-Depth'] ?? 0);
    queueDepth.add(depth, { queue: 'ocr.jobs' });
  });
  if (!documentId) return;

  group('ocr', () => {
    const ocr = waitFor(
      `${BASE_URL}/documents/v1/documents/${documentId}`,
      data.token,
      s => s !== 'uploaded' && s !== 'queued',
      'documents-status',
    );
    queueDrain.add(ocr.waitedMs, { queue: 'ocr.jobs' });
    check(ocr, {
      'text extracted': r => r.status !== 'timeout' && r.status !== 'failed',
    });
  });

  let entryId = '';
  group('classification and ledger', () => {
    const extraction = http.get(
      `${BASE_URL}/documents/v1/documents/${documentId}/extraction`,
      {
        ...jsonHeaders(data.token),
        tags: { name: 'documents-extraction' },
      },
    );
    check(extraction, { 'document classified': r => r.status === 200 });
    const entry = http.post(
      `${BASE_URL}/ledger/v2/journal-entries`,
      JSON.stringify({
        idempotencyKey: key,
        documentId,
        lines: [
          {
            accountId: 'expenses-office',
            debit: { amount: '120.00', currency: 'EUR' },
          },
          {
            accountId: 'accounts-payable',
            credit: { amount: '120.00', currency: 'EUR' },
          },
        ],
      }),
      { ...jsonHeaders(data.token, key), tags: { name: 'ledger-post' } },
    );
    check(entry, { 'entry posted': r => r.status === 201 });
    entryId = String(entry.json('id') ?? '');
  });
  if (!entryId) return;

  group('filing', () => {
    const draft = http.post(
      `${BASE_URL}/filings/v2/filings`,
      JSON.stringify({
        jurisdiction: 'DE',
        period: '2026-Q4',
        journalEntryIds: [entryId],
      }),
      {
        ...jsonHeaders(data.token, `${key}-filing`),
        tags: { name: 'filings-create' },
      },
    );
    check(draft, { 'draft created': r => r.status === 201 });
    const filingId = String(draft.json('id') ?? '');
    const submit = http.post(
      `${BASE_URL}/filings/v2/filings/${filingId}/submit`,
      null,
      {
        ...jsonHeaders(data.token, `${key}-submit`),
        tags: { name: 'filings-submit' },
      },
    );
    check(submit, {
      'filing submitted': r => r.status === 202 || r.status === 200,
    });
  });

  endToEnd.add(Date.now() - started);
}

export function handleSummary(data: object) {
  return summaryFiles(data);
}
