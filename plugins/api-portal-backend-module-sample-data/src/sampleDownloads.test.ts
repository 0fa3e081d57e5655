import { CollectedApiVersion } from '@readiness/plugin-api-portal-node';
import { DOWNLOAD_DAYS, sampleDownloadCounts } from './sampleDownloads';

const NOW = new Date('2026-12-05T18:00:00Z');

const VERSIONS: CollectedApiVersion[] = [
  {
    entityRef: 'api:default/ledger-api-v1',
    family: 'ledger-api',
    version: '1.4.2',
    partnerFacing: true,
  },
  {
    entityRef: 'api:default/ledger-api-v2',
    family: 'ledger-api',
    version: '2.0.0',
    partnerFacing: true,
  },
  {
    entityRef: 'api:default/api-gateway-api',
    family: 'api-gateway-api',
    version: '1.2.0',
    partnerFacing: false,
  },
  {
    entityRef: 'api:default/ocr-api',
    family: 'ocr-api',
    version: '0.3.0',
    partnerFacing: false,
  },
];

function total(counts: ReturnType<typeof sampleDownloadCounts>) {
  return counts.reduce((n, c) => n + c.downloads, 0);
}

describe('sampleDownloadCounts', () => {
  const counts = sampleDownloadCounts({ versions: VERSIONS, now: NOW });

  it('counts whole days up to yesterday, for the sample families only', () => {
    const days = [...new Set(counts.map(c => c.day))].sort();
    expect(days[0]).toBe('2026-10-06');
    expect(days.at(-1)).toBe('2026-12-04');
    expect(days.length).toBeLessThanOrEqual(DOWNLOAD_DAYS);
    expect([...new Set(counts.map(c => c.family))].sort()).toEqual([
      'api-gateway-api',
      'ledger-api',
    ]);
    expect(
      counts.every(c => Number.isInteger(c.downloads) && c.downloads > 0),
    ).toBe(true);
  });

  it('downloads mostly the newest version, and on working days', () => {
    const ledger = counts.filter(c => c.family === 'ledger-api');
    const newest = total(ledger.filter(c => c.version === '2.0.0'));
    expect(newest / total(ledger)).toBeGreaterThan(0.7);
    // 2026-11-30 is a Monday, 2026-11-29 a Sunday
    const on = (day: string) => total(ledger.filter(c => c.day === day));
    expect(on('2026-11-30')).toBeGreaterThan(on('2026-11-29'));
  });

  it('has partner downloads only of versions published to partners, by one organisation each', () => {
    const partner = counts.filter(c => c.audience === 'partner');
    expect(partner.length).toBeGreaterThan(0);
    expect(partner.every(c => c.family === 'ledger-api')).toBe(true);
    expect(partner.every(c => c.partnerOrgs.length === 1)).toBe(true);
    expect([...new Set(partner.map(c => c.partnerOrgs[0]))].sort()).toEqual([
      'acme',
      'globex',
    ]);
    expect(
      counts
        .filter(c => c.audience === 'internal')
        .every(c => c.partnerOrgs.length === 0),
    ).toBe(true);
  });

  it('gives a day the same counts on every later day', () => {
    const later = sampleDownloadCounts({
      versions: VERSIONS,
      now: new Date(NOW.getTime() + 86_400_000),
    });
    const key = (c: (typeof counts)[number]) =>
      [c.family, c.version, c.language, c.day, c.audience, c.partnerOrgs].join(
        ' ',
      );
    const before = new Map(counts.map(c => [key(c), c.downloads]));
    const shared = later.filter(c => before.has(key(c)));
    expect(shared.length).toBeGreaterThan(counts.length * 0.9);
    expect(shared.map(c => c.downloads)).toEqual(
      shared.map(c => before.get(key(c))),
    );
    // The new day is the only one added
    expect([
      ...new Set(later.filter(c => !before.has(key(c))).map(c => c.day)),
    ]).toEqual(['2026-12-05']);
  });
});
