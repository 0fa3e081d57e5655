import { dayTicks } from './ScoreTrendChart';
import { rangeOf } from './ScoreTrendCard';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

describe('rangeOf', () => {
  it('ends on today’s UTC day and spans the days asked for', () => {
    const lateEvening = new Date('2026-12-06T23:30:00Z');
    expect(rangeOf(30, lateEvening)).toEqual({
      from: '2026-11-07',
      to: '2026-12-06',
    });
    expect(rangeOf(365, lateEvening)).toEqual({
      from: '2025-12-07',
      to: '2026-12-06',
    });
    expect(rangeOf(1, lateEvening)).toEqual({
      from: '2026-12-06',
      to: '2026-12-06',
    });
  });
});

describe('dayTicks', () => {
  it('labels about six days, evenly spaced, ending on the last one', () => {
    const ticks = dayTicks({ from: '2026-11-07', to: '2026-12-06' });
    expect(ticks.map(day)).toEqual([
      '2026-11-11',
      '2026-11-16',
      '2026-11-21',
      '2026-11-26',
      '2026-12-01',
      '2026-12-06',
    ]);
  });

  it('labels every day of a short range', () => {
    expect(dayTicks({ from: '2026-12-04', to: '2026-12-06' }).map(day)).toEqual(
      ['2026-12-04', '2026-12-05', '2026-12-06'],
    );
    expect(dayTicks({ from: '2026-12-06', to: '2026-12-06' }).map(day)).toEqual(
      ['2026-12-06'],
    );
  });
});
