import { ConfigReader } from '@backstage/config';
import { readReliabilityOptions, toDays, toHours, toSeconds } from './config';

const read = (reliability: object) =>
  readReliabilityOptions(new ConfigReader({ reliability }));

describe('readReliabilityOptions', () => {
  it('applies the defaults', () => {
    const options = readReliabilityOptions(new ConfigReader({}));
    expect(toSeconds(options.catalogCache)).toBe(10);
    expect(toSeconds(options.viewCache)).toBe(15);
    expect(toSeconds(options.drills.urlCache)).toBe(300);
    expect(toSeconds(options.drills.folderCache)).toBe(10);
    expect(toDays(options.drills.every)).toBe(30);
    expect(toHours(options.backups.maxAge)).toBe(26);
    expect(options.drills.targets).toEqual({});
    expect(options.baselineRuns).toBe(5);
    expect(options.tolerances).toMatchObject({
      latency: 0.1,
      errorRate: 0.005,
    });
    expect(options.ingestion).toEqual({
      maxBodyBytes: 10 * 1024 * 1024,
      maxStreamBytes: 2 * 1024 * 1024 * 1024,
    });
  });

  it('reads durations as the rest of the configuration writes them', () => {
    const options = read({
      catalogCache: { seconds: 30 },
      viewCache: 'PT1M',
      drills: {
        every: { weeks: 2 },
        urlCache: { minutes: 10 },
        folderCache: { seconds: 5 },
        targets: {
          default: { rto: { hours: 2 }, rpo: { minutes: 5 } },
        },
      },
      backups: { maxAge: { days: 2 } },
    });
    expect(toSeconds(options.catalogCache)).toBe(30);
    expect(toSeconds(options.viewCache)).toBe(60);
    expect(toDays(options.drills.every)).toBe(14);
    expect(toSeconds(options.drills.urlCache)).toBe(600);
    expect(toSeconds(options.drills.folderCache)).toBe(5);
    expect(toHours(options.backups.maxAge)).toBe(48);
    expect(options.drills.targets).toEqual({
      default: { rtoMinutes: 120, rpoMinutes: 5 },
    });
  });

  it('still reads the older numeric keys, unless the new key is set', () => {
    const options = read({
      catalogCacheSeconds: 20,
      viewCacheSeconds: 3,
      drills: {
        everyDays: 7,
        urlCacheSeconds: 60,
        folderCacheSeconds: 2,
        targets: { region: { rtoMinutes: 240, rpoMinutes: 60 } },
      },
      backups: { maxAgeHours: 30, maxAge: { hours: 12 } },
    });
    expect(toSeconds(options.catalogCache)).toBe(20);
    expect(toSeconds(options.viewCache)).toBe(3);
    expect(toDays(options.drills.every)).toBe(7);
    expect(toSeconds(options.drills.urlCache)).toBe(60);
    expect(toSeconds(options.drills.folderCache)).toBe(2);
    expect(toHours(options.backups.maxAge)).toBe(12);
    expect(options.drills.targets).toEqual({
      region: { rtoMinutes: 240, rpoMinutes: 60 },
    });
  });

  it('names the key of a target without its RTO', () => {
    expect(() =>
      read({ drills: { targets: { zone: { rpo: { minutes: 5 } } } } }),
    ).toThrow(/reliability\.drills\.targets\.zone\.rtoMinutes/);
  });

  it('names the key of a duration it cannot read', () => {
    expect(() => read({ backups: { maxAge: { fortnights: 1 } } })).toThrow(
      /reliability\.backups\.maxAge/,
    );
  });
});
