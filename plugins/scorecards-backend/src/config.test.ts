import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readScorecardsOptions } from './config';

const CWD = '/srv/portal/packages/backend';

describe('readScorecardsOptions', () => {
  it('applies the defaults to an empty config', () => {
    expect(readScorecardsOptions(new ConfigReader({}), CWD)).toEqual({
      checksDirectory: path.resolve(CWD, 'scorecards/checks'),
      factsDirectory: path.resolve(CWD, 'scorecards/facts'),
      recompute: {
        schedule: {
          frequency: { cron: '0 2 * * *' },
          timeout: { hours: 2 },
          scope: 'global',
        },
        afterStart: { minutes: 1 },
        batchSize: 200,
        providerTimeout: { minutes: 2 },
      },
      maxBodyBytes: 256 * 1024,
    });
  });

  it('reads the folder relative to the working directory, durations and limits', () => {
    const options = readScorecardsOptions(
      new ConfigReader({
        scorecards: {
          checks: '../../scorecards/checks',
          facts: '../../scorecards/facts',
          recompute: {
            frequency: { hours: 6 },
            timeout: 'PT30M',
            afterStart: { seconds: 10 },
            batchSize: 50,
            providerTimeout: '45s',
          },
          maxBodyBytes: 4096,
        },
      }),
      CWD,
    );
    expect(options.checksDirectory).toBe('/srv/portal/scorecards/checks');
    expect(options.factsDirectory).toBe('/srv/portal/scorecards/facts');
    expect(options.recompute).toEqual({
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 30 },
        scope: 'global',
      },
      afterStart: { seconds: 10 },
      batchSize: 50,
      providerTimeout: { seconds: 45 },
    });
    expect(options.maxBodyBytes).toBe(4096);
  });

  it('keeps an absolute folder and reads a cron expression', () => {
    const options = readScorecardsOptions(
      new ConfigReader({
        scorecards: {
          checks: '/etc/portal/checks',
          recompute: { frequency: { cron: '30 3 * * 1-5' } },
        },
      }),
      CWD,
    );
    expect(options.checksDirectory).toBe('/etc/portal/checks');
    expect(options.recompute.schedule.frequency).toEqual({
      cron: '30 3 * * 1-5',
    });
  });

  it('refuses batch sizes and limits that cannot hold, naming the key', () => {
    const read = (scorecards: object) => () =>
      readScorecardsOptions(new ConfigReader({ scorecards }), CWD);
    expect(read({ recompute: { batchSize: 0 } })).toThrow(
      /^scorecards\.recompute\.batchSize: expected a whole number from 1 to 5000$/,
    );
    expect(read({ recompute: { batchSize: 2.5 } })).toThrow(
      /scorecards\.recompute\.batchSize/,
    );
    expect(read({ recompute: { batchSize: 10_000 } })).toThrow(
      /scorecards\.recompute\.batchSize/,
    );
    expect(read({ maxBodyBytes: -1 })).toThrow(/^scorecards\.maxBodyBytes: /);
    expect(read({ recompute: { afterStart: 'soon' } })).toThrow(/afterStart/);
  });
});
