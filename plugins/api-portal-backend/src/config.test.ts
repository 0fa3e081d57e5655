import { ConfigReader } from '@backstage/config';
import { readApiPortalOptions } from './config';

const read = (apiPortal: object) =>
  readApiPortalOptions(new ConfigReader({ apiPortal }));

describe('readApiPortalOptions', () => {
  it('applies the defaults', () => {
    const options = readApiPortalOptions(new ConfigReader({}));
    expect(options.limits.timeoutMs).toBe(20_000);
    expect(options.lint.timeoutMs).toBe(60_000);
    expect(options.sdk.timeoutMs).toBe(600_000);
    expect(options.collection.frequency).toEqual({ minutes: 10 });
    expect(options.collection.fullPassEvery).toEqual({ hours: 1 });
  });

  it('reads time limits as durations', () => {
    const options = read({
      limits: { parseTimeout: { seconds: 5 } },
      lint: { timeout: 'PT2M' },
      sdk: { timeout: { minutes: 20 } },
      collection: { frequency: { hours: 1 } },
    });
    expect(options.limits.timeoutMs).toBe(5_000);
    expect(options.lint.timeoutMs).toBe(120_000);
    expect(options.sdk.timeoutMs).toBe(1_200_000);
    expect(options.collection.frequency).toEqual({ hours: 1 });
  });

  it('still reads the older millisecond keys, unless the new key is set', () => {
    const options = read({
      limits: { parseTimeoutMs: 1_500 },
      lint: { timeoutMs: 30_000 },
      sdk: { timeoutMs: 1_000, timeout: { seconds: 90 } },
    });
    expect(options.limits.timeoutMs).toBe(1_500);
    expect(options.lint.timeoutMs).toBe(30_000);
    expect(options.sdk.timeoutMs).toBe(90_000);
  });
});
