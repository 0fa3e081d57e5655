/*
 * The sample platform's versioned APIs: the v2 descriptions list their
 * breaking changes under "Changes from v1"; the diff must find each of them.
 * (v2 is `openapi.yaml`, the definition of the `-v2` API entity.)
 */
import fs from 'node:fs';
import { repositoryPath } from '@readiness/test-corpus';
import { parse } from 'yaml';
import { createChangelogEntry } from '../changelog';
import { diffApiDefinitions } from './diffApiDefinitions';
import type { ApiChange } from './types';

function versions(service: string): { v1: unknown; v2: unknown } {
  const read = (file: string) =>
    parse(fs.readFileSync(repositoryPath('services', service, file), 'utf8'));
  return { v1: read('openapi-v1.yaml'), v2: read('openapi.yaml') };
}

/** A change matching `expected`, for `toEqual`/`toContainEqual`. */
const change = (expected: Partial<ApiChange>) =>
  expect.objectContaining({ breaking: true, ...expected });

describe('ledger v1 → v2', () => {
  const { v1, v2 } = versions('ledger');
  const changes = diffApiDefinitions(v1, v2);

  it('1. finds the removed per-account balance endpoint', () => {
    expect(changes).toContainEqual(
      change({
        ruleId: 'path-removed',
        path: '/accounts/{accountId}/balance',
        before: { pointer: '/paths/~1accounts~1{accountId}~1balance' },
      }),
    );
    expect(changes).toContainEqual(
      change({ ruleId: 'path-added', path: '/balances', breaking: false }),
    );
  });

  it('2. finds the renamed query parameters from → since and to → until', () => {
    const renamed = changes.filter(c => c.ruleId === 'parameter-renamed');
    expect(renamed.map(c => c.message)).toEqual([
      'query parameter `from` renamed to `since` (GET /journal-entries)',
      'query parameter `to` renamed to `until` (GET /journal-entries)',
    ]);
    expect(renamed[0]).toMatchObject({
      breaking: true,
      method: 'get',
      path: '/journal-entries',
      before: { pointer: '/paths/~1journal-entries/get/parameters/0' },
      after: { pointer: '/paths/~1journal-entries/get/parameters/0' },
    });
  });

  it('3. finds the amounts that became Money objects, in requests and responses', () => {
    const pointers = {
      before: {
        pointer: '/components/schemas/JournalLine/properties/amount/type',
      },
      after: { pointer: '/components/schemas/Money/type' },
    };
    expect(changes).toContainEqual(
      change({
        ruleId: 'request-property-type-changed',
        method: 'post',
        path: '/journal-entries',
        ...pointers,
      }),
    );
    expect(changes).toContainEqual(
      change({
        ruleId: 'response-property-type-changed',
        method: 'get',
        path: '/journal-entries/{entryId}',
        ...pointers,
      }),
    );
    expect(changes).toContainEqual(
      change({
        ruleId: 'response-property-removed',
        before: {
          pointer: '/components/schemas/JournalLine/properties/currency',
        },
      }),
    );
  });

  it('4. finds the new required idempotencyKey on both POST operations', () => {
    expect(changes).toContainEqual(
      change({
        ruleId: 'new-required-request-property',
        method: 'post',
        path: '/journal-entries',
        after: {
          pointer:
            '/components/schemas/NewJournalEntry/properties/idempotencyKey',
        },
      }),
    );
    expect(changes).toContainEqual(
      change({
        ruleId: 'new-required-request-property',
        method: 'post',
        path: '/journal-entries/{entryId}/reverse',
        after: {
          pointer: '/components/schemas/Reversal/properties/idempotencyKey',
        },
      }),
    );
    expect(changes).toContainEqual(
      change({
        ruleId: 'request-body-became-required',
        path: '/journal-entries/{entryId}/reverse',
      }),
    );
  });

  it('5. finds the removed draft status, post flag and post endpoint', () => {
    expect(changes).toContainEqual(
      change({
        ruleId: 'request-enum-value-removed',
        method: 'get',
        path: '/journal-entries',
        before: { pointer: '/components/schemas/JournalEntryStatus/enum/0' },
        after: { pointer: '/components/schemas/JournalEntryStatus/enum' },
      }),
    );
    expect(changes).toContainEqual(
      change({
        ruleId: 'path-removed',
        path: '/journal-entries/{entryId}/post',
      }),
    );
    expect(changes).toContainEqual(
      change({
        ruleId: 'request-property-removed',
        breaking: false,
        before: {
          pointer: '/components/schemas/NewJournalEntry/properties/post',
        },
      }),
    );
  });

  it('6. finds the removed postedAt on every operation returning an entry', () => {
    const postedAt = changes.filter(
      c =>
        c.ruleId === 'response-property-removed' &&
        c.before?.pointer ===
          '/components/schemas/JournalEntry/properties/postedAt',
    );
    expect(postedAt.map(c => `${c.method} ${c.path}`).sort()).toEqual([
      'get /journal-entries',
      'get /journal-entries/{entryId}',
      'post /journal-entries',
      'post /journal-entries/{entryId}/reverse',
    ]);
  });

  it('makes a breaking changelog entry', () => {
    const entry = createChangelogEntry({
      family: 'ledger-api',
      fromVersion: '1.4.2',
      toVersion: '2.0.0',
      entityRef: 'api:default/ledger-api-v2',
      at: '2025-02-03T10:15:40Z',
      changes,
    });
    expect(entry.breaking).toBe(true);
    expect(entry.summary).toMatch(/^\d+ breaking changes: /);
  });
});

describe('filings v1 → v2', () => {
  const { v1, v2 } = versions('filings');
  const changes = diffApiDefinitions(v1, v2);

  it('1. finds the new required jurisdiction on POST /filings', () => {
    expect(changes).toContainEqual(
      change({
        ruleId: 'new-required-request-property',
        method: 'post',
        path: '/filings',
        after: {
          pointer: '/components/schemas/NewFiling/properties/jurisdiction',
        },
      }),
    );
  });

  it('2. finds the removed pending status', () => {
    expect(changes).toContainEqual(
      change({
        ruleId: 'request-enum-value-removed',
        path: '/filings',
        method: 'get',
        before: { pointer: '/components/schemas/FilingStatus/enum/1' },
      }),
    );
  });

  it('3. finds the removed receiptUrl', () => {
    expect(changes).toContainEqual(
      change({
        ruleId: 'response-property-removed',
        path: '/filings/{filingId}',
        method: 'get',
        before: { pointer: '/components/schemas/Filing/properties/receiptUrl' },
        after: { pointer: '/components/schemas/Filing' },
      }),
    );
  });

  it('4. finds the submit scope that changed to filings:submit', () => {
    expect(changes).toContainEqual(
      change({
        ruleId: 'security-requirement-changed',
        path: '/filings/{filingId}/submit',
        method: 'post',
        message:
          'security requirement changed: oauth2[filings:write] no longer suffices, now oauth2[filings:submit] (POST /filings/{filingId}/submit)',
        before: {
          pointer: '/paths/~1filings~1{filingId}~1submit/post/security',
        },
        after: {
          pointer: '/paths/~1filings~1{filingId}~1submit/post/security',
        },
      }),
    );
  });

  it('lists the 2.1.0 additions as non-breaking', () => {
    expect(changes.filter(c => !c.breaking).map(c => c.ruleId)).toEqual([
      'optional-parameter-added',
      'path-added',
    ]);
  });

  it('finds nothing else that breaks', () => {
    expect(
      [...new Set(changes.filter(c => c.breaking).map(c => c.ruleId))].sort(),
    ).toEqual([
      'new-required-request-property',
      'request-enum-value-removed',
      'response-property-removed',
      'security-requirement-changed',
    ]);
  });
});
