import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FamilySummary } from '@readiness/plugin-api-portal-common';
import { familySummary } from '../../__testUtils__/apiPortal';
import { DownloadsCell, windowDays, WINDOW_DAYS } from './DownloadsCell';

const DAY_MS = 86_400_000;

/** The UTC day `ago` days before now. */
function daysAgo(ago: number): string {
  return new Date(Date.now() - ago * DAY_MS).toISOString().slice(0, 10);
}

function renderCell(family: FamilySummary, total: number) {
  render(<DownloadsCell family={family} total={total} />);
  return screen.getByTestId(`downloads-${family.name}`);
}

describe('windowDays', () => {
  it('spans the 30 UTC days ending today, with zero for days not sent', () => {
    // 23:30 in New York is already the next day in UTC.
    const now = new Date('2026-11-28T23:30:00-05:00');
    const days = windowDays([{ day: '2026-11-20', downloads: 4 }], now);
    expect(days).toHaveLength(WINDOW_DAYS);
    expect(days[0].day).toBe('2026-10-31');
    expect(days[WINDOW_DAYS - 1].day).toBe('2026-11-29');
    expect(days.filter(d => d.downloads > 0)).toEqual([
      { day: '2026-11-20', downloads: 4 },
    ]);
    expect(days.findIndex(d => d.day === '2026-11-20')).toBe(WINDOW_DAYS - 10);
  });

  it('leaves out days before the window and ends at a day ahead of today', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const days = windowDays(
      [
        { day: '2026-10-01', downloads: 9 },
        { day: '2026-11-29', downloads: 2 },
      ],
      now,
    );
    expect(days[WINDOW_DAYS - 1]).toEqual({ day: '2026-11-29', downloads: 2 });
    expect(days.some(d => d.day === '2026-10-01')).toBe(false);
  });
});

describe('DownloadsCell', () => {
  it('draws one day of downloads as one narrow bar at its date', () => {
    const cell = renderCell(
      familySummary('ledger-api', {
        sdkDownloadsLast30Days: [{ day: daysAgo(5), downloads: 3 }],
      }),
      3,
    );
    const bars = Array.from(cell.querySelectorAll('rect'));
    expect(bars).toHaveLength(WINDOW_DAYS);
    const busy = bars.filter(bar => Number(bar.getAttribute('height')) > 1);
    expect(busy).toHaveLength(1);
    expect(busy[0]).toHaveAttribute('data-day', daysAgo(5));
    // 60 px over 30 days: 2 px a day, the bar of 5 days ago sixth from the end.
    expect(Number(busy[0].getAttribute('x'))).toBe((WINDOW_DAYS - 6) * 2);
    expect(Number(busy[0].getAttribute('width'))).toBe(1);
  });

  it('gives keyboard and screen reader users the total and the days', async () => {
    const cell = renderCell(
      familySummary('ledger-api', {
        sdkDownloadsLast30Days: [
          { day: '2026-11-02', downloads: 4 },
          { day: '2026-11-01', downloads: 3 },
        ],
      }),
      7,
    );
    expect(cell).toHaveTextContent('7');
    expect(cell).toHaveAttribute('tabindex', '0');
    expect(
      screen.getByRole('img', {
        name: '7 SDK downloads in the last 30 days: 2026-11-01: 3, 2026-11-02: 4',
      }),
    ).toBe(cell);
    await userEvent.tab();
    expect(cell).toHaveFocus();
  });

  it("reads a partner's count as their organisation's downloads", () => {
    renderCell(
      familySummary('ledger-api', {
        sdkDownloadsLast30Days: [{ day: '2026-11-01', downloads: 2 }],
        sdkDownloadsScope: 'organisation',
      }),
      2,
    );
    expect(
      screen.getByRole('img', {
        name: '2 SDK downloads by your organisation in the last 30 days: 2026-11-01: 2',
      }),
    ).toBeInTheDocument();
  });

  it('says when there were no downloads', () => {
    renderCell(familySummary('ocr-api', { sdkDownloadsLast30Days: [] }), 0);
    expect(
      screen.getByRole('img', { name: '0 SDK downloads in the last 30 days' }),
    ).toBeInTheDocument();
  });
});
