import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  addDays,
  atTime,
  daysBetween,
  daysFrom,
  isoWeekOf,
  mondayOf,
  readSampleDataOptions,
  sampleDataEnabled,
  sampleRandom,
  weekdayOf,
  wholeBetween,
  around,
} from './index';

describe('readSampleDataOptions', () => {
  it('is on only when the config says so', () => {
    const on = (data: object) =>
      readSampleDataOptions(new ConfigReader(data)).enabled;
    expect(on({})).toBe(false);
    expect(on({ readinessPortal: { signIn: { providers: ['guest'] } } })).toBe(
      false,
    );
    expect(on({ readinessPortal: { sampleData: { enabled: false } } })).toBe(
      false,
    );
    expect(on({ readinessPortal: { sampleData: { enabled: true } } })).toBe(
      true,
    );
  });

  it('refuses a value that is not a boolean', () => {
    expect(() =>
      readSampleDataOptions(
        new ConfigReader({ readinessPortal: { sampleData: { enabled: 42 } } }),
      ),
    ).toThrow(/readinessPortal\.sampleData\.enabled/);
  });
});

describe('sampleDataEnabled', () => {
  it('says in the log why nothing is seeded', () => {
    const logger = mockServices.logger.mock();
    expect(sampleDataEnabled(new ConfigReader({}), logger)).toBe(false);
    expect(logger.info).toHaveBeenCalledWith(
      'Sample data is off (readinessPortal.sampleData.enabled is not true); nothing is seeded',
    );
    logger.info.mockClear();
    expect(
      sampleDataEnabled(
        new ConfigReader({
          readinessPortal: { sampleData: { enabled: true } },
        }),
        logger,
      ),
    ).toBe(true);
    expect(logger.info).not.toHaveBeenCalled();
  });
});

describe('days', () => {
  it('counts across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-01', '2027-01-30')).toBe(60);
    expect(daysBetween('2027-01-30', '2026-12-01')).toBe(-60);
    expect(daysFrom('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(daysFrom('2026-12-02', '2026-12-01')).toEqual([]);
  });

  it('places instants on a day in UTC', () => {
    expect(atTime('2026-12-01', 2, 30)).toBe('2026-12-01T02:30:00.000Z');
    expect(atTime('2026-12-01', 25)).toBe('2026-12-02T01:00:00.000Z');
  });

  it('knows weekdays and ISO weeks', () => {
    // 2026-12-07 is a Monday
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekdayOf('2026-12-13')).toBe(6);
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(isoWeekOf('2026-12-07')).toEqual({ year: 2026, week: 50 });
    // 2027-01-01 is a Friday of the last week of 2026
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
  });

  it('refuses what is not a day', () => {
    expect(() => addDays('2026-12-01T00:00:00Z', 1)).toThrow(/Not a UTC day/);
  });
});

describe('sampleRandom', () => {
  it('repeats its sequence for the same parts and differs for others', () => {
    const take = (random: () => number) => [random(), random(), random()];
    const first = take(sampleRandom('ledger', '2026-12-01'));
    expect(take(sampleRandom('ledger', '2026-12-01'))).toEqual(first);
    expect(take(sampleRandom('ledger', '2026-12-02'))).not.toEqual(first);
    expect(first.every(n => n >= 0 && n < 1)).toBe(true);
  });

  it('keeps figures within their bounds', () => {
    const random = sampleRandom('bounds');
    for (let i = 0; i < 1000; i++) {
      const near = around(random, 100, 0.1);
      expect(near).toBeGreaterThanOrEqual(90);
      expect(near).toBeLessThanOrEqual(110);
      const whole = wholeBetween(random, 3, 5);
      expect([3, 4, 5]).toContain(whole);
    }
  });
});
