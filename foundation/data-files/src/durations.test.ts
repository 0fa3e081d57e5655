import {
  formatDuration,
  parseIsoDuration,
  subtractDuration,
} from './durations';

describe('parseIsoDuration', () => {
  it.each([
    ['P30D', { days: 30 }],
    ['P1Y6M', { years: 1, months: 6 }],
    ['P2W', { weeks: 2 }],
    ['PT36H', { hours: 36 }],
    ['P1DT12H30M', { days: 1, hours: 12, minutes: 30 }],
    ['PT1.5S', { seconds: 1, milliseconds: 500 }],
    ['p7d', { days: 7 }],
    ['P0Y3M', { months: 3 }],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual(expected);
  });

  it.each(['', 'P', 'PT', 'P1DT', 'P0D', '7 days', 'P1.5D', 'P-1D', '30D'])(
    'refuses %j',
    text => {
      expect(parseIsoDuration(text)).toBeUndefined();
    },
  );
});

describe('subtractDuration', () => {
  const at = (iso: string) => Date.parse(iso);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('goes back in calendar terms, in UTC', () => {
    expect(
      iso(subtractDuration(at('2026-03-31T10:00:00Z'), { months: 1 })),
    ).toBe('2026-02-28T10:00:00.000Z');
    expect(
      iso(subtractDuration(at('2024-03-31T10:00:00Z'), { months: 1 })),
    ).toBe('2024-02-29T10:00:00.000Z');
    expect(
      iso(
        subtractDuration(at('2026-01-15T00:00:00Z'), { years: 1, months: 2 }),
      ),
    ).toBe('2024-11-15T00:00:00.000Z');
    expect(
      iso(subtractDuration(at('2026-03-01T00:00:00Z'), { weeks: 1, days: 1 })),
    ).toBe('2026-02-21T00:00:00.000Z');
    expect(
      iso(
        subtractDuration(at('2026-03-01T00:00:00Z'), {
          hours: 1,
          minutes: 1,
          seconds: 1,
          milliseconds: 1,
        }),
      ),
    ).toBe('2026-02-28T22:58:58.999Z');
  });
});

describe('formatDuration', () => {
  it('writes units longest first, singular where one', () => {
    expect(formatDuration({ days: 1, hours: 12 })).toBe('1 day 12 hours');
    expect(formatDuration({ months: 3 })).toBe('3 months');
    expect(formatDuration({ weeks: 1 })).toBe('1 week');
  });
});
