import {
  changelogEntryId,
  changelogEntryTitle,
  createChangelogEntry,
  summarizeChanges,
} from './changelog';
import type { ApiChange } from './diff';

function change(message: string, breaking: boolean): ApiChange {
  return {
    ruleId: breaking ? 'operation-removed' : 'path-added',
    breaking,
    severity: breaking ? 'error' : 'info',
    message,
  };
}

const removed = change('operation DELETE /accounts/{id} removed', true);
const renamed = change(
  'query parameter `from` renamed to `since` (GET /journal-entries)',
  true,
);
const added = change('path /balances added', false);

describe('summarizeChanges', () => {
  it('names the breaking changes first and counts the rest', () => {
    expect(summarizeChanges([added, removed, renamed])).toBe(
      '2 breaking changes: operation DELETE /accounts/{id} removed; query parameter `from` renamed to `since` (GET /journal-entries). Also 1 non-breaking change.',
    );
  });

  it('shortens long lists', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      change(`path /p${i} removed`, true),
    );
    expect(summarizeChanges(many, { maxListed: 2 })).toBe(
      '5 breaking changes: path /p0 removed; path /p1 removed; and 3 more.',
    );
  });

  it('names non-breaking changes when nothing breaks', () => {
    expect(summarizeChanges([added])).toBe(
      '1 non-breaking change: path /balances added.',
    );
  });

  it('says so when nothing changed', () => {
    expect(summarizeChanges([])).toBe('No changes.');
  });
});

describe('createChangelogEntry', () => {
  const input = {
    family: 'ledger-api',
    fromVersion: '1.4.2',
    toVersion: '2.0.0',
    entityRef: 'api:default/ledger-api-v2',
    changes: [removed, added],
  };

  it('derives the breaking flag and summary, and stores time as UTC', () => {
    expect(
      createChangelogEntry({ ...input, at: '2025-02-03T11:15:40+01:00' }),
    ).toEqual({
      ...input,
      at: '2025-02-03T10:15:40.000Z',
      breaking: true,
      summary:
        '1 breaking change: operation DELETE /accounts/{id} removed. Also 1 non-breaking change.',
    });
    expect(
      createChangelogEntry({ ...input, changes: [added], at: new Date(0) }),
    ).toMatchObject({ breaking: false, at: '1970-01-01T00:00:00.000Z' });
  });

  it('rejects a timestamp that is not one', () => {
    expect(() => createChangelogEntry({ ...input, at: 'yesterday' })).toThrow(
      /Invalid changelog timestamp/,
    );
  });

  it('has a stable id and a title', () => {
    const entry = createChangelogEntry({
      ...input,
      at: '2025-02-03T10:15:40Z',
    });
    expect(changelogEntryId(entry)).toBe(
      'urn:readiness-api-portal:changelog:api%3Adefault%2Fledger-api-v2:1.4.2:2.0.0:2025-02-03T10%3A15%3A40.000Z',
    );
    expect(changelogEntryId({ ...entry })).toBe(changelogEntryId(entry));
    expect(changelogEntryTitle(entry)).toBe(
      'ledger-api 1.4.2 → 2.0.0 (breaking)',
    );
    expect(
      changelogEntryTitle({ ...entry, fromVersion: '2.0.0', breaking: false }),
    ).toBe('ledger-api 2.0.0 revised');
  });
});
