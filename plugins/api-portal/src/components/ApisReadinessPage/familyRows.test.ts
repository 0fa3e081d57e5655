import { familySummary, mockApi } from '../../__testUtils__/apiPortal';
import {
  compareLint,
  downloadsOf,
  FamilyRow,
  listAllFamilies,
  loadFamilyRows,
  matchesFilter,
  NO_FILTER,
  ROW_ORDER,
} from './familyRows';

const FEEDS = { rss: 'r', atom: 'a' };

function row(...args: Parameters<typeof familySummary>): FamilyRow {
  const family = familySummary(...args);
  return { family, downloads: downloadsOf(family), feeds: FEEDS };
}

const lint = (errors: number, warnings: number) => ({
  errors,
  warnings,
  status: 'ok' as const,
  lintedAt: '2026-11-01T00:00:00Z',
});

describe('listAllFamilies', () => {
  it('follows nextCursor through every page, 100 at a time', async () => {
    const listFamilies = jest
      .fn()
      .mockResolvedValueOnce({ items: [familySummary('a')], nextCursor: 'p2' })
      .mockResolvedValueOnce({ items: [familySummary('b')], nextCursor: 'p3' })
      .mockResolvedValueOnce({ items: [familySummary('c')] });
    const families = await listAllFamilies({ listFamilies });
    expect(families.map(f => f.name)).toEqual(['a', 'b', 'c']);
    expect(listFamilies.mock.calls).toEqual([
      [{ cursor: undefined, limit: 100 }],
      [{ cursor: 'p2', limit: 100 }],
      [{ cursor: 'p3', limit: 100 }],
    ]);
  });

  it('stops on a cursor handed out twice instead of looping', async () => {
    const listFamilies = jest.fn(async () => ({
      items: [familySummary('a')],
      nextCursor: 'same',
    }));
    await expect(listAllFamilies({ listFamilies })).rejects.toThrow(
      /repeated cursor same/,
    );
    expect(listFamilies).toHaveBeenCalledTimes(2);
  });
});

describe('loadFamilyRows', () => {
  it('adds each family’s feeds and summed downloads', async () => {
    const api = mockApi({
      listFamilies: jest.fn(async () => ({
        items: [
          familySummary('ledger-api', {
            sdkDownloadsLast30Days: [
              { day: '2026-11-01', downloads: 3 },
              { day: '2026-11-02', downloads: 4 },
            ],
          }),
        ],
      })),
    });
    const [ledger] = await loadFamilyRows(api);
    expect(ledger.downloads).toBe(7);
    expect(ledger.feeds.rss).toMatch(/families\/ledger-api\.rss$/);
  });

  it('leaves downloads unknown when the backend does not report them', () => {
    expect(downloadsOf(familySummary('a'))).toBeUndefined();
    expect(
      downloadsOf(familySummary('a', { sdkDownloadsLast30Days: [] })),
    ).toBe(0);
  });
});

describe('matchesFilter', () => {
  const ledger = row('ledger-api', {
    partnerFacing: true,
    breakingChangesLast30Days: 2,
    lint: lint(1, 0),
  });
  const ocr = row('ocr-api', { lint: lint(0, 5) });
  const billing = row('billing-api');

  const names = (filter: Partial<typeof NO_FILTER>) =>
    [ledger, ocr, billing]
      .filter(r => matchesFilter(r, { ...NO_FILTER, ...filter }))
      .map(r => r.family.name);

  it('keeps everything without a filter', () => {
    expect(names({})).toEqual(['ledger-api', 'ocr-api', 'billing-api']);
  });

  it('searches names, ignoring case and surrounding space', () => {
    expect(names({ search: ' OCR ' })).toEqual(['ocr-api']);
  });

  it('keeps families with breaking changes', () => {
    expect(names({ breakingOnly: true })).toEqual(['ledger-api']);
  });

  it('keeps families with lint errors, not mere warnings', () => {
    expect(names({ lintErrorsOnly: true })).toEqual(['ledger-api']);
  });

  it('keeps one audience', () => {
    expect(names({ audience: 'partner' })).toEqual(['ledger-api']);
    expect(names({ audience: 'internal' })).toEqual(['ocr-api', 'billing-api']);
  });
});

describe('ROW_ORDER', () => {
  it('orders versions as semver, not as text', () => {
    const rows = [
      row('a', { latestVersion: '10.0.0' }),
      row('b', { latestVersion: '9.1.0' }),
      row('c', { latestVersion: undefined }),
    ];
    expect(
      [...rows].sort(ROW_ORDER.latestVersion).map(r => r.family.name),
    ).toEqual(['c', 'b', 'a']);
  });

  it('weighs lint errors above warnings, unknown lint first', () => {
    expect(compareLint(lint(1, 0), lint(0, 9))).toBeGreaterThan(0);
    expect(compareLint(lint(1, 2), lint(1, 1))).toBeGreaterThan(0);
    expect(compareLint(undefined, lint(0, 0))).toBeLessThan(0);
    expect(compareLint(undefined, undefined)).toBe(0);
  });

  it('orders downloads with unknown counts first', () => {
    const rows = [
      row('a', {
        sdkDownloadsLast30Days: [{ day: '2026-11-01', downloads: 5 }],
      }),
      row('b'),
      row('c', { sdkDownloadsLast30Days: [] }),
    ];
    expect([...rows].sort(ROW_ORDER.downloads).map(r => r.family.name)).toEqual(
      ['b', 'c', 'a'],
    );
  });
});
