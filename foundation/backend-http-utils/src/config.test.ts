import { ConfigReader } from '@backstage/config';
import { readOptionalDuration } from './config';

describe('readOptionalDuration', () => {
  const legacy = { key: 'plugin.cacheSeconds', unit: 'seconds' as const };

  it('reads the key in any form Backstage writes durations', () => {
    for (const cache of [{ minutes: 2 }, 'PT2M']) {
      const config = new ConfigReader({ plugin: { cache } });
      expect(
        readOptionalDuration(config, 'plugin.cache', {
          fallback: { seconds: 1 },
        }),
      ).toEqual({ minutes: 2 });
    }
  });

  it('falls back to the older numeric key, then to the default', () => {
    const older = new ConfigReader({ plugin: { cacheSeconds: 30 } });
    expect(
      readOptionalDuration(older, 'plugin.cache', {
        fallback: { seconds: 1 },
        legacy,
      }),
    ).toEqual({ seconds: 30 });
    expect(
      readOptionalDuration(new ConfigReader({}), 'plugin.cache', {
        fallback: { seconds: 1 },
        legacy,
      }),
    ).toEqual({ seconds: 1 });
  });

  it('prefers the key to the older one', () => {
    const both = new ConfigReader({
      plugin: { cache: { hours: 1 }, cacheSeconds: 30 },
    });
    expect(
      readOptionalDuration(both, 'plugin.cache', {
        fallback: { seconds: 1 },
        legacy,
      }),
    ).toEqual({ hours: 1 });
  });

  it('names the key it cannot read', () => {
    const wrong = new ConfigReader({ plugin: { cache: { fortnights: 1 } } });
    expect(() =>
      readOptionalDuration(wrong, 'plugin.cache', { fallback: {} }),
    ).toThrow(/plugin\.cache/);
  });
});
